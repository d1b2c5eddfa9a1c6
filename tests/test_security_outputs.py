"""Every file a run writes or deletes is inside ``--out`` (or the cache), checked after resolving links; what
``diff`` and ``baseline`` read of an output folder is too (issue 23, case 6; the brief's case 2).

An output folder can be committed (the README's git-review workflow) or downloaded as a CI artefact, so a
link already in it is planted. A link in place of a folder the run writes into (``annotated/``,
``annotated/de/``) is refused in one line, exit 4 (an environment error, like a folder where a file should
be), before any work when it is ``annotated/`` itself, and nothing is published; the link is left as it is.
A link in place of an output *file* is replaced, not written through (what held before).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli

FILES = Path(__file__).parent / "l10n_files"
GOOD = "The cat sat on the mat. It was a sunny day.\n"


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _one_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("translate-cmp: error: ")]
    assert len(lines) == 1, stderr
    return lines[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


@pytest.fixture
def po_input(tmp_path: Path) -> Path:
    inp = tmp_path / "in"
    (inp / "de").mkdir(parents=True)
    shutil.copy(FILES / "sample.po", inp / "de" / "app.po")
    return inp


def _elsewhere(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A folder outside --out with a file and a stale-looking temporary file a clean-up would delete."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine\n", encoding="utf-8")
    (elsewhere / f".app.po.{_dead_pid()}-{'a' * 12}.tmp").write_text("mine too\n", encoding="utf-8")
    return elsewhere, _snapshot(elsewhere)


@pytest.mark.parametrize("cache", [False, True], ids=["computed", "replayed-from-the-run-memo"])
def test_annotated_as_a_link_elsewhere_is_refused_and_nothing_is_written(tmp_path, po_input, cache):
    out = tmp_path / "out"
    cache_args = ["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]
    args = ["run", str(po_input), "--engine", "none", "--format", "csv,po", *cache_args]
    if cache:  # a cold run into another folder stores the run: the next one is served from the memo
        assert _invoke(*args, "--out", str(tmp_path / "first")).exit_code == 0
    out.mkdir()
    (out / "sentences.csv").write_text("OLD\n", encoding="utf-8")
    elsewhere, before = _elsewhere(tmp_path)
    (out / "annotated").symlink_to(elsewhere, target_is_directory=True)
    res = _invoke(*args, "--out", str(out))
    assert res.exit_code == 4, res.output
    assert _one_error(res.stderr) == (
        f"translate-cmp: error: {out / 'annotated'}: a symbolic link (-> {elsewhere}) where translate-cmp writes a "
        "folder; refused, remove it or choose another --out")
    assert _snapshot(elsewhere) == before
    assert (out / "annotated").is_symlink() and (out / "sentences.csv").read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in out.iterdir()) == ["annotated", "sentences.csv"]


def test_a_linked_subfolder_of_annotated_is_refused_too(tmp_path, po_input):
    out = tmp_path / "out"
    (out / "annotated").mkdir(parents=True)
    elsewhere, before = _elsewhere(tmp_path)
    (out / "annotated" / "de").symlink_to(elsewhere, target_is_directory=True)
    res = _invoke("run", str(po_input), "--engine", "none", "--no-cache", "--format", "csv,po", "--out", str(out))
    assert res.exit_code == 4, res.output
    assert f"{out / 'annotated' / 'de'}: a symbolic link" in _one_error(res.stderr)
    assert _snapshot(elsewhere) == before
    assert sorted(p.name for p in out.iterdir()) == ["annotated"]  # nothing published


def test_a_link_in_place_of_an_output_file_is_replaced_not_written_through(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.csv"
    victim.write_text("precious\n", encoding="utf-8")
    (out / "sentences.csv").symlink_to(victim)
    res = _invoke("run", str(tmp_path / "a.txt"), "--engine", "none", "--no-cache", "--out", str(out))
    assert res.exit_code == 0, res.output
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (out / "sentences.csv").is_symlink() and "The cat sat" in (out / "sentences.csv").read_text("utf-8")


def _finished_run(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    res = _invoke("run", str(tmp_path / "a.txt"), "--engine", "none", "--no-cache", "--out", str(out),
                  "--format", "csv,jsonl,findings")
    assert res.exit_code == 0, res.output
    return out


@pytest.mark.parametrize("name", ["{private}", "../private.txt", "sub/../../private.txt"])
@pytest.mark.parametrize("command", ["diff", "baseline"])
def test_run_json_naming_files_outside_its_folder_is_refused(tmp_path, name, command):
    out = _finished_run(tmp_path)
    private = tmp_path / "private.txt"
    private.write_text("secret\n", encoding="utf-8")
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    manifest["digests"][name.format(private=private)] = "0" * 64
    (out / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    args = ["diff", str(out), str(out)] if command == "diff" else ["baseline", str(out)]
    res = _invoke(*args)
    assert res.exit_code == 2, res.output
    assert "outside its folder; refused" in _one_error(res.stderr) or "leads outside" in _one_error(res.stderr)


@pytest.mark.parametrize("linked", ["sentences.csv", "flags.jsonl", "findings.csv", "run.json"])
def test_an_output_file_linked_outside_is_not_read_by_diff_or_baseline(tmp_path, linked):
    out = _finished_run(tmp_path)
    private = tmp_path / "private"
    shutil.copy(out / linked, private)  # even the right bytes are not read through a link leading out
    (out / linked).unlink()
    (out / linked).symlink_to(private)
    for args in (["diff", str(out), str(out)], ["baseline", str(out)]):
        res = _invoke(*args)
        assert res.exit_code == 2, res.output
        assert _one_error(res.stderr) == (f"translate-cmp: error: {out / linked}: leads outside the output folder "
                                          f"(-> {private}); refused")


@pytest.mark.parametrize("manifest", ["[1, 2]", '{"digests": [1]}', "[" * 100_000])
def test_a_malformed_run_json_is_one_line(tmp_path, manifest):
    out = _finished_run(tmp_path)
    (out / "run.json").write_text(manifest, encoding="utf-8")
    res = _invoke("diff", str(out), str(out))
    assert res.exit_code == 2, res.output
    assert _one_error(res.stderr).startswith(f"translate-cmp: error: {out / 'run.json'}: ")
