"""Start-up stays light: `translate-cmp run` imports the heavy libraries only where a run uses them.

Every run pays for what ``translate_cmp.cli.app`` and ``translate_cmp.run.job`` import at start; a cached re-run of
unchanged input does little else. These checks run in a fresh interpreter, so nothing imported by other
tests hides a module-level import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Needed only by: junit.xml (lxml), `translate-cmp diff` (rich), model downloads (urllib.request),
# annotated localisation copies (xml.sax.saxutils), reading CSVs back (pandas), sentence-level
# second opinions (lingua), rendering report.html (jinja2), MT engines and scoring (ctranslate2,
# argostranslate, sacrebleu, spacy).
LAZY = ("lxml", "rich", "urllib.request", "xml.sax", "pandas", "lingua", "ctranslate2", "argostranslate",
        "sacrebleu", "spacy", "torch", "jinja2")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                         cwd=str(ROOT), env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    return set(json.loads(out))


def test_cli_and_job_import_no_heavy_library():
    loaded = _loaded_after("import translate_cmp.cli.app, translate_cmp.run.job")
    assert "translate_cmp.run.job" in loaded
    assert not {m for m in LAZY if m in loaded}


@pytest.mark.slow
def test_diff_and_junit_still_get_what_they_import(tmp_path):
    loaded = _loaded_after("from translate_cmp.cli.diff import render\nfrom translate_cmp.writers import open_writers")
    assert "rich.console" not in loaded  # until `diff` runs
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    (tmp_path / "a.txt").write_text("The talks went on. Nothing was decided in Paris.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(tmp_path / "a.txt"), "--engine", "none",
                           "--no-cache", "--format", "junit,csv", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "junit.xml").read_text(encoding="utf-8").startswith("<")
    diff = subprocess.run([sys.executable, "-m", "translate_cmp", "diff", str(tmp_path / "out"), str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, cwd=str(tmp_path))
    assert diff.returncode == 0, diff.stderr
    assert "sentences:" in diff.stdout
