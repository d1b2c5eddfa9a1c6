"""Usage errors come before any engine is probed: one line on stderr, no engine line, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], capture_output=True, text=True, cwd=str(cwd),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize(("extra", "line"), [
    (["--format", "pdf"], "translate-cmp: error: --format: unknown format pdf (choose from "),
    (["--out", "a.txt"], "translate-cmp: error: --out a.txt: exists and is not a folder"),
])
def test_a_usage_error_is_the_only_line_before_any_engine_work(tmp_path: Path, extra: list[str], line: str) -> None:
    (tmp_path / "a.txt").write_text("Hello there.\n", encoding="utf-8")
    res = _cli("run", "a.txt", "--engine", "auto", "--no-cache", *extra, cwd=tmp_path)
    assert res.returncode == 2
    assert len(res.stderr.splitlines()) == 1 and res.stderr.startswith(line), res.stderr
