"""The command reference at the top of docs/cli.md names exactly the options click's own help lists, so a
new option cannot go undocumented there (the full ``--help`` texts on that page are run and compared by
tests/test_docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

from translate_cmp.cli.app import cli

PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def synopsis(command: str) -> set[str]:
    """The long options the page's first text block shows for ``translate-cmp COMMAND``."""
    block = PAGE.read_text(encoding="utf-8").split("```text\n", 1)[1].split("```", 1)[0]
    found, inside = set(), False
    for line in block.splitlines():
        if line.startswith("translate-cmp "):
            inside = line.startswith(f"translate-cmp {command} ")
        if inside:
            found |= set(re.findall(r"--[a-z][a-z-]*", line))
    return found


def help_options(command: str) -> set[str]:
    params = cli.commands[command].params
    return {opt for p in params if not getattr(p, "hidden", False) for opt in p.opts
            if opt.startswith("--") and opt != "--help"}


def test_the_run_synopsis_names_every_option_of_run_help_and_no_other() -> None:
    shown, real = synopsis("run"), help_options("run")
    assert shown == real, f"missing from docs/cli.md: {sorted(real - shown)}; not options: {sorted(shown - real)}"
