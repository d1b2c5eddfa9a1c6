"""The console entry point skips interpreter teardown but keeps exit status, output and atexit handlers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from translate_cmp.cli.fast_exit import exit_status

ROOT = Path(__file__).resolve().parents[1]


def test_exit_status_is_what_sys_exit_gives(capsys):
    assert exit_status(None) == 0
    assert exit_status(3) == 3
    assert exit_status("bad thing") == 1
    assert capsys.readouterr().err == "bad thing\n"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], capture_output=True, text=True, cwd=str(cwd),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_run_statuses_and_piped_output_survive_the_fast_exit(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("German Chancellor Olaf ScholzSaid that there will be no ground forces.\n", encoding="utf-8")
    done = _cli("run", str(article), "--engine", "none", "--no-cache", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 document, 1 sentence, 1 flagged" in done.stderr  # the summary line, flushed before the exit
    assert (tmp_path / "out" / "run.json").is_file()
    failing = _cli("run", str(article), "--engine", "none", "--no-cache", "--out", str(tmp_path / "out"),
                   "--fail-on", "warning", cwd=tmp_path)
    assert failing.returncode == 1
    missing = _cli("run", str(tmp_path / "nope.txt"), "--engine", "none", cwd=tmp_path)
    assert missing.returncode == 2
    assert "nope.txt" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1


def test_atexit_handlers_still_run(tmp_path):
    marker = tmp_path / "atexit-ran"
    code = ("import atexit, pathlib, sys\n"
            "import gc\n"
            f"atexit.register(lambda: pathlib.Path({str(marker)!r}).write_text(str(gc.get_threshold()[0])))\n"
            "sys.argv = ['translate-cmp', '--help']\n"
            "from translate_cmp.cli.app import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(tmp_path),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout
    assert marker.read_text() == "1000000"  # and the console entry point collected less often (gc_tuning)
