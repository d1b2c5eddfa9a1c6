"""A publish journal planted in an output folder moves, overwrites and deletes nothing (issue 23, case 1).

An output folder can come from a pull request or a downloaded CI artefact. The journal a killed run
leaves there is only rolled forward when every name in it is one of this folder's own temporary files
(the naming scheme of :mod:`translate_cmp.writers.atomic`, the journal's process id) and each still
matches the digest the journal lists. Otherwise the journal is refused in one line and left in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.writers.atomic import AtomicFile
from translate_cmp.writers.publish import JOURNAL_SUFFIX, _write_journal, recover


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def _plant(tmp_path: Path, moves, backups) -> tuple[Path, Path, Path]:
    """An output folder of a finished run, plus a journal of a dead process naming ``moves``/``backups``."""
    inp, out, victim = tmp_path / "in", tmp_path / "outputs", tmp_path / "victim"
    inp.mkdir()
    victim.mkdir()
    (inp / "a.txt").write_text("The cat sat on the mat. It was a sunny day.\n", encoding="utf-8")
    (victim / "dotbashrc").write_text("safe\n", encoding="utf-8")
    (victim / "important.txt").write_text("keep me\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["run", str(inp), "--out", str(out), "--engine", "none", "--no-cache"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    (out / "payload").write_text("rm -rf ~\n", encoding="utf-8")
    digest = hashlib.sha256(b"rm -rf ~\n").hexdigest()  # the journal's digests match: its names must still be refused
    moves = [[*move, digest] for move in moves]
    journal = out / f".publish.{_dead_pid()}-abcdef{JOURNAL_SUFFIX}"
    journal.write_text(json.dumps({"version": 2, "moves": moves, "backups": backups}), encoding="utf-8")
    return inp, out, victim


PLANTED = {
    "relative": ([["payload", "../victim/dotbashrc"]], ["../victim/important.txt"]),
    "absolute": ([["payload", "{victim}/dotbashrc"]], ["{victim}/important.txt"]),
    "dotdot inside": ([["payload", "annotated/../../victim/dotbashrc"]], []),
    "absolute source": ([["{victim}/important.txt", "stolen.txt"]], []),
    "not a temporary name": ([["payload", "sentences.csv"]], []),
}


@pytest.mark.parametrize("command", ["run", "baseline", "diff"])
@pytest.mark.parametrize("case", sorted(PLANTED))
def test_a_planted_journal_touches_nothing_and_is_refused_in_one_line(tmp_path, case, command):
    moves, backups = PLANTED[case]
    victim_path = str(tmp_path / "victim")
    moves = [[m.format(victim=victim_path) for m in move] for move in moves]
    backups = [b.format(victim=victim_path) for b in backups]
    inp, out, victim = _plant(tmp_path, moves, backups)
    before = (out / "sentences.csv").read_bytes()
    args = {"run": ["run", str(inp), "--out", str(out), "--engine", "none", "--no-cache"],
            "baseline": ["baseline", str(out)],
            "diff": ["diff", str(out), str(out)]}[command]
    res = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    assert (victim / "dotbashrc").read_text(encoding="utf-8") == "safe\n"
    assert (victim / "important.txt").read_text(encoding="utf-8") == "keep me\n"
    assert not (out / "stolen.txt").exists()
    assert (out / "payload").read_text(encoding="utf-8") == "rm -rf ~\n"  # left in place
    assert (out / "sentences.csv").read_bytes() == before
    journals = [p for p in out.iterdir() if p.name.endswith(JOURNAL_SUFFIX)]
    assert len(journals) == 1  # refused, left where it was
    refused = [line for line in res.output.splitlines() if "refused" in line]
    assert len(refused) == 1 and str(journals[0]) in refused[0], res.output


def test_a_journal_whose_temporary_file_was_swapped_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "sentences.csv").write_text("old\n", encoding="utf-8")
    pid = _dead_pid()
    temp = out / f".sentences.csv.{pid}-{'a' * 12}.tmp"
    temp.write_text("new\n", encoding="utf-8")
    journal = _write_journal(out, [(temp, out / "sentences.csv")], [])
    journal = journal.rename(out / f".publish.{pid}-abcdef{JOURNAL_SUFFIX}")
    temp.write_text("forged\n", encoding="utf-8")  # what the journal's digest no longer matches
    lines: list[str] = []
    assert recover(out, notify=lines.append) == []
    assert (out / "sentences.csv").read_text(encoding="utf-8") == "old\n" and journal.exists()
    assert len(lines) == 1 and "does not match the journal's digest" in lines[0]


def test_a_journal_moving_through_a_linked_subfolder_is_refused(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "annotated").symlink_to(elsewhere, target_is_directory=True)
    pid = _dead_pid()
    temp = out / "annotated" / f".de.po.{pid}-{'b' * 12}.tmp"
    temp.write_text("payload\n", encoding="utf-8")
    journal = _write_journal(out, [(temp, out / "annotated" / "de.po")], [])
    journal.rename(out / f".publish.{pid}-abcdef{JOURNAL_SUFFIX}")
    lines: list[str] = []
    assert recover(out, notify=lines.append) == []
    assert not (elsewhere / "de.po").exists() and len(lines) == 1 and "leads outside" in lines[0]


def test_a_journal_of_a_killed_run_is_still_rolled_forward(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.json").write_text("old\n", encoding="utf-8")
    new = AtomicFile(out / "run.json")
    new.write("new\n")
    new.seal()
    pid = _dead_pid()
    temp = new.temp.rename(new.temp.with_name(new.temp.name.replace(f".{os.getpid()}-", f".{pid}-")))
    backup = out / f".run.json.{pid}-{'c' * 12}.tmp"
    os.link(out / "run.json", backup)
    journal = _write_journal(out, [(temp, out / "run.json")], [backup])
    journal = journal.rename(out / f".publish.{pid}-abcdef{JOURNAL_SUFFIX}")
    lines: list[str] = []
    assert recover(out, notify=lines.append) == [journal]
    assert (out / "run.json").read_text(encoding="utf-8") == "new\n" and not backup.exists() and not lines
    assert sorted(p.name for p in out.iterdir()) == ["run.json"]
