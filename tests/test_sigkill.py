"""SIGKILL at random points of a real run: the output folder holds the complete old set or the complete new
set (or a publish journal that the next run rolls forward), and a re-run completes identically, leaving no
temporary files behind."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.errors import InputError
from translate_cmp.review.rundiff import load_run
from translate_cmp.writers.output_set import settle
from translate_cmp.writers.publish import JOURNAL_SUFFIX

ROOT = Path(__file__).resolve().parents[1]
V1 = {"a.txt": "The cat sat on the mat. It was a sunny day.\n", "b.txt": "Another text. With two sentences.\n"}
V2 = {"a.txt": "A changed text. Quite different now.\n", "b.txt": "Second file, new words. And more.\n",
      "c.txt": "A third document appears.\n"}
EXACT = ("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl")
_VOLATILE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d|\d+\.\d\ds")

# A run that SIGKILLs itself at its 3rd rename while publishing: the worst moment, made certain.
KILL_IN_RENAME = """
import os, signal, sys
real, calls = os.replace, []
def replace(src, dst):
    calls.append(dst)
    if str(dst).endswith(("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl", "report.html",
                          "run.json")) and len([c for c in calls if not str(c).endswith(".journal")]) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst)
os.replace = replace
from translate_cmp.cli.app import main
sys.argv = ["translate-cmp", *sys.argv[1:]]
main()
"""


def _inputs(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.iterdir():
        p.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _args(inp: Path, out: Path) -> list[str]:
    return ["run", str(inp), "--out", str(out), "--engine", "none", "--no-cache"]


def _diff(old: Path, new: Path):
    return CliRunner().invoke(cli, ["diff", str(old), str(new), "--json"], catch_exceptions=False)


def _in_process(inp: Path, out: Path) -> None:
    res = CliRunner().invoke(cli, _args(inp, out), catch_exceptions=False)
    assert res.exit_code == 0, res.output


def _snapshot(out: Path) -> dict:
    """What identifies an output set: exact bytes, the report without times, run.json's counts and files."""
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {
        **{name: (out / name).read_bytes() for name in EXACT},
        "report.html": _VOLATILE.sub("", (out / "report.html").read_text(encoding="utf-8")),
        "run.json": (manifest["counts"], manifest["outputs"], manifest["settings"]["paths"]),
    }


def _visible(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("CI", None)
    return env


def _reference(tmp: Path) -> tuple[Path, Path, dict, dict]:
    inp, out = tmp / "in", tmp / "out"
    _inputs(inp, V2)
    _in_process(inp, out)  # made in the same folder: report.html shows the settings, out_dir among them
    new = _snapshot(out)
    for p in out.iterdir():
        p.unlink()
    _inputs(inp, V1)
    _in_process(inp, out)
    old = _snapshot(out)
    _inputs(inp, V2)
    assert old != new
    return inp, out, old, new


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_old_or_new_set(tmp_path):
    inp, out, old, new = _reference(tmp_path)
    rng = random.Random(11)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "translate_cmp", *_args(inp, out)], env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        settle(out)  # what every reader does first: a journal of a run killed between renames is rolled forward
        snap = _snapshot(out)
        assert snap in (old, new)
        assert _visible(out) == sorted([*EXACT, "report.html", "run.json"])
    _in_process(inp, out)  # the re-run: the complete new set, every temporary file of the killed runs gone
    assert _snapshot(out) == new
    assert sorted(p.name for p in out.iterdir()) == _visible(out)


def test_sigkill_between_renames_is_rolled_forward_by_the_next_run(tmp_path):
    inp, out, old, new = _reference(tmp_path)
    proc = subprocess.run([sys.executable, "-c", KILL_IN_RENAME, *_args(inp, out)], env=_env(),
                          capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    journals = [p for p in out.iterdir() if p.name.endswith(JOURNAL_SUFFIX)]
    assert len(journals) == 1
    mixed = {name: (out / name).read_bytes() for name in EXACT}
    assert mixed != {k: old[k] for k in EXACT} and mixed != {k: new[k] for k in EXACT}  # the window, made real

    _in_process(inp, out)  # recover() first, then a fresh run
    assert _snapshot(out) == new
    assert sorted(p.name for p in out.iterdir()) == _visible(out)  # no journal, backup or temporary file left


@pytest.mark.slow
def test_a_reader_completes_a_set_left_mixed_by_a_kill_before_reading_it(tmp_path):
    inp, out, old, new = _reference(tmp_path)
    subprocess.run([sys.executable, "-c", KILL_IN_RENAME, *_args(inp, out)], env=_env(), capture_output=True,
                   timeout=120)
    assert any(p.name.endswith(JOURNAL_SUFFIX) for p in out.iterdir())  # mixed on disk right now
    run = load_run(out)  # what `diff` and `baseline` read: the journal is rolled forward first
    assert _snapshot(out) == new
    assert sorted(run.docs) == ["a", "b", "c"]  # the new run's documents, not the old run's two
    assert sorted(p.name for p in out.iterdir()) == _visible(out)


def test_a_file_that_does_not_match_run_json_is_refused_in_one_line(tmp_path):
    inp, out, old, new = _reference(tmp_path)
    _in_process(inp, out)
    other = tmp_path / "other"
    other.mkdir()
    for name in EXACT:  # an old file beside new ones, no journal to explain it: a mix readers must not take
        (other / name).write_bytes(old[name])
    (other / "run.json").write_bytes((out / "run.json").read_bytes())
    res = _diff(out, other)
    assert res.exit_code == 2
    line = res.output.strip()
    assert "\n" not in line and "documents.csv: does not match run.json" in line, line
    assert _diff(out, out).exit_code == 0


def test_a_run_publishing_right_now_is_waited_for_then_refused_in_one_line(tmp_path):
    inp, out, old, new = _reference(tmp_path)
    _in_process(inp, out)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        journal = out / f".publish.{alive.pid}-abcdef{JOURNAL_SUFFIX}"
        journal.write_text('{"version": 2, "moves": [], "backups": []}', encoding="utf-8")
        try:
            settle(out, wait_s=0.3)
        except InputError as exc:
            assert str(exc) == f"{out}: a run (process {alive.pid}) is publishing its outputs here: try again"
        else:
            raise AssertionError("a live journal was not waited for")
        assert journal.exists()  # a live run's journal is never touched
    finally:
        alive.kill()
        alive.wait()
    assert settle(out) is not None and not journal.exists()  # its process gone: rolled forward (nothing to do)


def test_a_journal_naming_files_in_a_subfolder_is_rolled_forward(tmp_path):
    from translate_cmp.writers.atomic import AtomicFile
    from translate_cmp.writers.publish import _write_journal

    out = tmp_path / "out"
    (out / "annotated").mkdir(parents=True)
    (out / "annotated" / "de.po").write_text("old\n", encoding="utf-8")
    copy = AtomicFile(out / "annotated" / "de.po")  # annotated copies live one folder down
    copy.write("new\n")
    copy.seal()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = dead.stdout.strip()  # its run was killed: the journal and its temporary files carry that process's id
    temp = copy.temp.rename(copy.temp.with_name(copy.temp.name.replace(f".{os.getpid()}-", f".{pid}-")))
    journal = _write_journal(out, [(temp, copy.final)], [])
    journal = journal.rename(out / f".publish.{pid}-abcdef{JOURNAL_SUFFIX}")
    settle(out)
    assert (out / "annotated" / "de.po").read_text(encoding="utf-8") == "new\n"
    assert not journal.exists() and sorted(p.name for p in (out / "annotated").iterdir()) == ["de.po"]
