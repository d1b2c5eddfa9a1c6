"""The shell examples of README.md and docs/: found, run, and compared with what the page shows.

The convention (docs/development.md, "Examples in the docs"):

* A ```` ```console ```` block holds commands after ``$ `` (a line ending in ``\\`` continues on the next
  line) and, under each, the output the page shows: the command's stdout and stderr together must
  match it, where ``...`` stands for any text (several lines too). A command with no lines under it
  is run, its output not compared.
* A ```` ```bash ```` block holds commands alone (no prompt, no output); each line (with its ``\\``
  continuations) that is not a comment is one command, run in the same way.
* Annotations are shell comments, visible on the page: ``# exit N`` on a command expects exit status N
  (0 otherwise); ``# not run: REASON`` on a command, or on the comment lines right above it in a
  ```` ```bash ```` block, leaves it out; ``# needs: apertium`` (or ``mkdocs``) runs the page's
  commands only where that is installed (in CI, TRANSLATE_CMP_CI=1, always).
* The commands of one page run in order in one bash process, so ``cd`` and variables carry over, in a
  fresh folder holding copies of ``seeds/``, ``tests/l10n_files/`` and ``benchmarks/compare_set/``, with
  empty caches, no argos packages, an argos index that does not answer (nothing is downloaded), and
  ``translate-cmp`` and ``python`` running this checkout's code with this interpreter.

``python tests/docs_examples.py [--fill] PAGE...`` runs the pages and prints each command's real output,
for writing a page; ``--fill`` also writes it into the page under each console command that shows none.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE_COPIES = ("seeds", "tests/l10n_files", "benchmarks/compare_set")
SHELL_LANGS = ("console", "bash")
# Languages a fenced block may have; a shell example must say console or bash, so none goes untested.
KNOWN_LANGS = frozenset({*SHELL_LANGS, "text", "json", "python", "pycon", "csv", "xml", "po", "diff", "yaml", "toml"})
UNREACHABLE_INDEX = "http://127.0.0.1:9/"  # the discard port: refused at once, so `--from-index` fails offline

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)(?P<rest>.*)$")
_EXIT = re.compile(r"#\s*exit (\d+)\b")
_NOT_RUN = re.compile(r"#.*\bnot run:\s*(\S.*)$")
# Commands that change the machine: a page must mark them ``not run``, or the test refuses the page.
_CHANGES_MACHINE = re.compile(r"\b(pip install|apt-get|apt install|sudo|scripts/install-engines|python -m pytest)\b")
_NEEDS = re.compile(r"#\s*needs:\s*([\w-]+)")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    lines: tuple[str, ...]  # the block's lines, the fence's indent removed


@dataclass
class Command:
    page: Path
    line: int  # 1-based line of the command in its page
    text: str
    expected: str | None  # console: the output shown (may be ""); bash: None (not compared)
    exit_code: int = 0
    not_run: str | None = None
    needs: tuple[str, ...] = ()
    # filled by run_page
    output: str = field(default="", compare=False)
    status: int | None = field(default=None, compare=False)

    @property
    def where(self) -> str:
        page = self.page.relative_to(ROOT) if self.page.is_relative_to(ROOT) else self.page
        return f"{page}:{self.line}"


def doc_pages() -> list[Path]:
    """README.md and every Markdown page under docs/ (generated rule pages have no shell examples)."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page."""
    out: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = m["indent"], m["fence"], m["lang"]
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            close = _FENCE.match(lines[j])
            if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence) and not close["lang"]:
                break
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        out.append(Block(page, i + 1, lang, tuple(body)))
        i = j + 1
    return out


def _annotate(cmd: Command, comment_lines: list[str]) -> Command:
    for text in [*comment_lines, *cmd.text.splitlines()]:
        if m := _EXIT.search(text):
            cmd.exit_code = int(m[1])
        if m := _NOT_RUN.search(text):
            reason = m[1].strip()
            cmd.not_run = reason[:-1] if reason.endswith(")") and reason.count(")") > reason.count("(") else reason
        if m := _NEEDS.search(text):
            cmd.needs += (m[1],)
    if cmd.not_run is None and _CHANGES_MACHINE.search(cmd.text):
        raise ValueError(f"{cmd.page}:{cmd.line}: `{cmd.text}` installs or runs the suite: mark it '# not run: REASON'")
    return cmd


def _console_commands(block: Block) -> list[Command]:
    cmds: list[Command] = []
    i = 0
    lines = block.lines
    while i < len(lines):
        if not lines[i].startswith("$ "):
            if cmds:
                raise ValueError(f"{block.page}:{block.line + 1 + i}: output with no command above it")
            if lines[i].strip():
                raise ValueError(f"{block.page}:{block.line + 1 + i}: a console block starts with '$ COMMAND'")
            i += 1
            continue
        start = i
        text = [lines[i][2:]]
        while text[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            text.append(lines[i][2:] if lines[i].startswith("> ") else lines[i])
        i += 1
        out: list[str] = []
        while i < len(lines) and not lines[i].startswith("$ "):
            out.append(lines[i])
            i += 1
        cmds.append(_annotate(Command(block.page, block.line + 1 + start, "\n".join(text), "\n".join(out)), []))
    return cmds


def _bash_commands(block: Block) -> list[Command]:
    cmds: list[Command] = []
    comments: list[str] = []
    lines = block.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            comments = []
            i += 1
            continue
        if line.lstrip().startswith("#"):
            comments.append(line)
            i += 1
            continue
        start = i
        text = [line]
        while text[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            text.append(lines[i])
        i += 1
        cmds.append(_annotate(Command(block.page, block.line + 1 + start, "\n".join(text), None), comments))
        comments = []
    return cmds


def commands(page: Path) -> list[Command]:
    """Every shell command of a page, in order, with its annotations."""
    out: list[Command] = []
    for block in blocks(page):
        if block.lang == "console":
            out += _console_commands(block)
        elif block.lang == "bash":
            out += _bash_commands(block)
    return out


def output_matches(expected: str, actual: str) -> bool:
    """``actual`` is what ``expected`` shows, ``...`` standing for any text; runs of blanks count as one."""

    def norm(text: str) -> str:  # spaces and tabs: a run of them is one space (a page may turn tabs into spaces)
        return "\n".join(re.sub(r"[ \t]+", " ", line).rstrip() for line in text.strip("\n").splitlines())

    pattern = "".join(
        "[\\s\\S]*?" if part == "..." else re.escape(part) for part in re.split(r"(\.\.\.)", norm(expected))
    )
    return re.fullmatch(pattern, norm(actual)) is not None


def _workspace(tmp: Path, cache: Path | None) -> tuple[Path, dict[str, str]]:
    work = tmp / "work"
    for rel in WORKSPACE_COPIES:
        shutil.copytree(ROOT / rel, work / rel)
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    cli = bin_dir / "translate-cmp"
    cli.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m translate_cmp "$@"\n', encoding="utf-8")
    cli.chmod(0o755)
    (bin_dir / "python").symlink_to(sys.executable)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TRANSLATE_CMP", "ARGOS", "XDG_", "RAY_", "GIT_", "PYTEST", "COV"))
    }
    home = tmp / "home"
    home.mkdir()
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        DOCS_ROOT=str(ROOT),
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
        HOME=str(home),
        XDG_CACHE_HOME=str(cache or tmp / "cache"),
        XDG_DATA_HOME=str(tmp / "data"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        ARGOS_PACKAGES_DIR=str(tmp / "argos-packages"),
        ARGOS_PACKAGE_INDEX=UNREACHABLE_INDEX,
        COLUMNS="80",
        LC_ALL="C.UTF-8",
        TERM="dumb",
        NO_COLOR="1",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Docs Example",
        GIT_AUTHOR_EMAIL="docs@example.invalid",
        GIT_COMMITTER_NAME="Docs Example",
        GIT_COMMITTER_EMAIL="docs@example.invalid",
    )
    return work, env


def run_page(page: Path, cache: Path | None = None, timeout: float = 540) -> list[Command]:
    """Run the page's commands (those not marked ``not run``) in order in one bash; fills output/status.

    ``cache``: the translation cache folder ($XDG_CACHE_HOME) to share between pages (a run's outputs do
    not depend on it); by default an empty one for this page.
    """
    cmds = commands(page)
    to_run = [c for c in cmds if c.not_run is None]
    with tempfile.TemporaryDirectory(prefix="translate-cmp-docs-") as tmp_name:
        tmp = Path(tmp_name)
        work, env = _workspace(tmp, cache)
        results = tmp / "results"
        results.mkdir()
        script = [f"cd {work}"]
        for n, cmd in enumerate(to_run):
            # braces, not a subshell: cd and variables carry over to the next command, as in a terminal
            script += ["{", cmd.text, f"}} >{results}/{n}.out 2>&1 </dev/null", f"echo $? >{results}/{n}.rc"]
        subprocess.run(["bash", "--noprofile", "--norc"], input="\n".join(script) + "\n", text=True, env=env,
                       cwd=work, timeout=timeout, check=False, capture_output=True)
        for n, cmd in enumerate(to_run):
            out, rc = results / f"{n}.out", results / f"{n}.rc"
            cmd.output = out.read_text(encoding="utf-8", errors="replace") if out.exists() else ""
            cmd.status = int(rc.read_text()) if rc.exists() else None
    return cmds


def problems(cmds: list[Command]) -> list[str]:
    """What differs from the page, one entry per command."""
    found = []
    for cmd in cmds:
        if cmd.not_run is not None:
            continue
        if cmd.status != cmd.exit_code:
            found.append(f"{cmd.where}: `{cmd.text}` exited {cmd.status}, the page says {cmd.exit_code}\n{cmd.output}")
        elif cmd.expected and not output_matches(cmd.expected, cmd.output):
            found.append(
                f"{cmd.where}: `{cmd.text}` printed\n{cmd.output}\n--- the page shows ---\n{cmd.expected}"
            )
    return found


def fill(page: Path, cmds: list[Command]) -> None:
    """Write each run console command's real output under it where the page shows none (for authors)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for cmd in sorted(cmds, key=lambda c: c.line, reverse=True):
        if cmd.expected == "" and cmd.not_run is None and cmd.output.strip():
            at = cmd.line - 1 + len(cmd.text.splitlines())
            lines[at:at] = [line.rstrip() for line in cmd.output.rstrip("\n").splitlines()]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write = "--fill" in sys.argv
    for arg in (a for a in sys.argv[1:] if a != "--fill"):
        page_cmds = run_page(Path(arg).resolve())
        for cmd in page_cmds:
            if cmd.not_run is not None:
                print(f"## {cmd.where}: not run ({cmd.not_run})\n")
                continue
            ok = "ok" if not problems([cmd]) else "DIFFERS"
            print(f"## {cmd.where} [{ok}] exit {cmd.status}\n$ {cmd.text}\n{cmd.output}")
        if write:
            fill(Path(arg).resolve(), page_cmds)
