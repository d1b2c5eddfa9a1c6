"""A run killed mid-way resumes: the re-run gives the uninterrupted run's outputs and translates only what is left."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from translate_cmp.engines.cache import CACHE_FILE

ROOT = Path(__file__).resolve().parent.parent

# Runs the real job, one document per chunk, and SIGKILLs itself when the first chunk is done:
# its translations are committed to the cache and its results handed to the (atomic) writers.
KILLED_RUN = """
    import os, signal, sys
    from pathlib import Path
    from translate_cmp.run.job import JobConfig, run_job

    def die(n_docs, n_sentences):
        os.kill(os.getpid(), signal.SIGKILL)

    run_job(JobConfig(paths=(sys.argv[1],), out_dir=Path(sys.argv[2]), engine="argos", pivots=("de",),
                      chunk_docs=1, cache_dir=sys.argv[3]), progress=die)
"""


def _cli(*args: str):
    """``translate-cmp run ARGS`` in this process (click's runner): exit code and stderr like the real thing."""
    from click.testing import CliRunner

    from translate_cmp.cli.app import cli

    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


def _rows(cache_dir: Path) -> int:
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        return db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]


@pytest.fixture
def articles(tmp_path: Path, seed_documents) -> Path:
    """Three seed articles (enough for three chunks, small enough to keep the test quick)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for doc in seed_documents[:3]:
        shutil.copy(doc.path, folder)
    return folder


@pytest.mark.slow
def test_killed_run_resumes_without_retranslating(argos_packages_dir, articles: Path, tmp_path: Path):
    common = ["--engine", "argos", "--pivot", "de", "--chunk-docs", "1", "--format", "csv,jsonl"]

    # the reference: one uninterrupted run on its own empty cache
    ref = _cli(str(articles), "--out", str(tmp_path / "ref"), "--cache-dir", str(tmp_path / "ref-cache"), *common)
    assert ref.exit_code == 0, ref.output
    ref_run = json.loads((tmp_path / "ref" / "run.json").read_text())
    full_misses = ref_run["cache"]["misses"]
    assert full_misses == _rows(tmp_path / "ref-cache") > 0

    # a run killed right after its first chunk
    cache = tmp_path / "cache"
    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_RUN), str(articles), str(tmp_path / "killed"), str(cache)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not (tmp_path / "killed" / "sentences.csv").exists()  # outputs appear only on a finished run
    done_before = _rows(cache)
    assert 0 < done_before < full_misses  # the first chunk's translations were committed, not the rest

    # the re-run: same outputs as the uninterrupted run; the first chunk is not translated again
    again = _cli(str(articles), "--out", str(tmp_path / "again"), "--cache-dir", str(cache), *common)
    assert again.exit_code == 0, again.output
    assert (tmp_path / "again" / "sentences.csv").read_bytes() == (tmp_path / "ref" / "sentences.csv").read_bytes()
    assert (tmp_path / "again" / "flags.jsonl").read_bytes() == (tmp_path / "ref" / "flags.jsonl").read_bytes()
    resumed = json.loads((tmp_path / "again" / "run.json").read_text())["cache"]
    assert resumed["documents_reused"] == 1
    assert resumed["misses"] == full_misses - done_before
    assert _rows(cache) == full_misses


@pytest.mark.slow
def test_unchanged_rerun_reuses_every_document_and_no_cache_bypasses(argos_packages_dir, articles: Path,
                                                                     tmp_path: Path):
    common = ["--engine", "argos", "--pivot", "de", "--format", "csv", "--cache-dir", str(tmp_path / "cache")]
    first = _cli(str(articles), "--out", str(tmp_path / "a"), *common)
    assert first.exit_code == 0, first.output
    second = _cli(str(articles), "--out", str(tmp_path / "b"), *common)
    assert second.exit_code == 0, second.output
    run = json.loads((tmp_path / "b" / "run.json").read_text())
    assert run["cache"] == {"path": str(tmp_path / "cache" / CACHE_FILE), "documents_reused": 3, "hits": 0,
                            "misses": 0, "run_reused": False}  # computed (the inputs' paths start with --out a)
    assert run["counts"]["translated"] == json.loads((tmp_path / "a" / "run.json").read_text())["counts"]["translated"]
    assert (tmp_path / "a" / "sentences.csv").read_bytes() == (tmp_path / "b" / "sentences.csv").read_bytes()

    # a changed setting (the decoding knob) is part of the key: nothing is reused
    fast = _cli(str(articles), "--out", str(tmp_path / "c"), *common, "--quality", "fast")
    assert fast.exit_code == 0, fast.output
    run = json.loads((tmp_path / "c" / "run.json").read_text())
    assert run["cache"]["documents_reused"] == 0 and run["cache"]["misses"] > 0
    assert run["engine_settings"]["beam_size"] == 1

    # --no-cache neither reads nor writes
    rows = _rows(tmp_path / "cache")
    bare = _cli(str(articles), "--out", str(tmp_path / "d"), *common, "--no-cache")
    assert bare.exit_code == 0, bare.output
    assert json.loads((tmp_path / "d" / "run.json").read_text())["cache"] is None
    assert _rows(tmp_path / "cache") == rows
    assert (tmp_path / "d" / "sentences.csv").read_bytes() == (tmp_path / "a" / "sentences.csv").read_bytes()
