"""The documentation: the site builds with warnings as errors, and what the pages say is true.

Every shell example of README.md and docs/ runs (tests/docs_examples.py has the convention), the
``pycon`` examples run as doctests, the options and files the pages name exist, and the README keeps
its two set-up commands, the second being the one CI runs.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_examples import (
    KNOWN_LANGS,
    ROOT,
    SHELL_LANGS,
    blocks,
    commands,
    doc_pages,
    output_matches,
    problems,
    run_page,
)

from translate_cmp.rules import ALL_RULES

IN_CI = bool(os.environ.get("TRANSLATE_CMP_CI"))
README = ROOT / "README.md"
SETUP_COMMANDS = (
    "scripts/install-engines && python -m pip install -c constraints.txt -e . && translate-cmp run seeds/",
    "python -m pip install -c constraints.txt -e '.[dev]' && python -m pytest",
)
NEEDS = {
    "apertium": lambda: shutil.which("apertium") is not None,
    "mkdocs": lambda: all(importlib.util.find_spec(name) is not None for name in ("mkdocs", "material")),
}


def _rel(page: Path) -> str:
    return str(page.relative_to(ROOT))


PAGES_WITH_COMMANDS = [page for page in doc_pages() if commands(page)]


# --- the site -------------------------------------------------------------------------------------


def test_site_builds_strictly_with_a_page_per_rule(tmp_path):
    if not IN_CI:
        pytest.importorskip("material", reason="mkdocs-material is in the dev extra: pip install -e '.[dev]'")
    site = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
         "--site-dir", str(site)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0 and "WARNING" not in log, log
    table = (site / "rules" / "index.html").read_text(encoding="utf-8")
    for rule in ALL_RULES:
        page = (site / "rules" / rule.code / "index.html").read_text(encoding="utf-8")
        assert f"{rule.code} {rule.name}" in page
        for example in rule.examples[:1]:  # the examples are on the page, as written (HTML-escaped)
            first_line = example.text.splitlines()[0]
            assert _html(first_line) in page or _html(first_line, quote=True) in page, (rule.code, first_line)
        assert f'href="{rule.code}/"' in table, rule.code
    assert (site / "security" / "index.html").exists()


def _html(text: str, quote: bool = False) -> str:
    """``text`` HTML-escaped; in code blocks the highlighter escapes straight quotes too (``&quot;``, ``&#39;``)."""
    import html

    escaped = html.escape(text, quote=False)
    return escaped.replace('"', "&quot;").replace("'", "&#39;") if quote else escaped


# --- shell and Python examples --------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    """One translation cache for every page's examples (a run's outputs do not depend on it)."""
    return tmp_path_factory.mktemp("docs-cache")


@pytest.mark.parametrize("page", PAGES_WITH_COMMANDS, ids=_rel)
def test_shell_examples_run_as_shown(page, shared_cache):
    cmds = commands(page)
    for cmd in cmds:
        for need in cmd.needs:
            assert need in NEEDS, f"{cmd.where}: unknown '# needs: {need}' (known: {', '.join(NEEDS)})"
            if not NEEDS[need]() and not IN_CI:
                pytest.skip(f"{cmd.where} needs {need}, which is not installed here")
    found = problems(run_page(page, cache=shared_cache))
    assert not found, "\n\n".join(found)


def test_every_page_with_commands_is_run():
    # The examples test covers the README and every page of docs/ that holds a command.
    assert README in PAGES_WITH_COMMANDS
    assert {p.name for p in PAGES_WITH_COMMANDS} >= {"getting-started.md", "tour.md", "cli.md", "ci.md"}


@pytest.mark.parametrize("page", [p for p in doc_pages() if any(b.lang == "pycon" for b in blocks(p))], ids=_rel)
def test_python_examples_run_as_doctests(page):
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for block in (b for b in blocks(page) if b.lang == "pycon"):
        test = parser.get_doctest("\n".join(block.lines), {}, f"{_rel(page)}:{block.line}", str(page), block.line)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted and not result.failed


def test_every_code_block_names_its_language():
    unnamed = [f"{_rel(b.page)}:{b.line}" for p in doc_pages() for b in blocks(p) if b.lang not in KNOWN_LANGS]
    assert not unnamed, f"label these blocks ({', '.join(SHELL_LANGS)} to run them, or text, json, ...): {unnamed}"


def test_an_example_that_installs_packages_must_say_it_is_not_run(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```bash\npython -m pip install -e .\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not run"):
        commands(page)
    page.write_text("```bash\n# not run: installs the package\npython -m pip install -e .\n```\n", encoding="utf-8")
    assert [c.not_run for c in commands(page)] == ["installs the package"]


def test_console_blocks_parse_into_commands_outputs_and_annotations(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n```console\n$ echo a \\\n>   b\nab\n$ false   # exit 1\n$ sleep 600   # not run: too slow\n```\n",
        encoding="utf-8",
    )
    cmds = commands(page)
    assert [(c.line, c.text, c.expected, c.exit_code, c.not_run) for c in cmds] == [
        (4, "echo a \\\n  b", "ab", 0, None),
        (7, "false   # exit 1", "", 1, None),
        (8, "sleep 600   # not run: too slow", "", 0, "too slow"),
    ]
    ran = run_page(page)
    assert [(c.output, c.status) for c in ran] == [("a b\n", 0), ("", 1), ("", None)]
    assert problems(ran) == [f"{cmds[0].where}: `{cmds[0].text}` printed\na b\n\n--- the page shows ---\nab"]


def test_output_matching():
    assert output_matches("5 documents, ... -> outputs/", "5 documents, 191 sentences -> outputs/")
    assert output_matches("first\n...\nlast", "first\nx\ny\nlast  ")
    assert output_matches("a\tb", "a    b")
    assert not output_matches("first\nlast", "first\nx\nlast")
    assert not output_matches("exit 1", "exit 12")


# --- what the pages name exists -------------------------------------------------------------------


def _help(*command: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "translate_cmp", *command, "--help"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}, check=False,
    )
    assert done.returncode == 0, (command, done.stderr)
    return done.stdout


def _code_texts(page: Path) -> list[str]:
    """Commands and synopses the page shows: shell commands, text blocks and inline code spans."""
    text = page.read_text(encoding="utf-8")
    out = [cmd.text for cmd in commands(page)]
    out += ["\n".join(block.lines) for block in blocks(page) if block.lang == "text"]
    prose = re.sub(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", "", text, flags=re.M | re.S)
    out += re.findall(r"`([^`\n]+)`", prose)
    return out


def test_options_the_pages_name_are_options_of_their_command():
    top = _help()
    commands_listed = set(re.findall(r"^  ([a-z]+)  ", top[top.index("Commands:"):], flags=re.M))
    assert {"run", "compare", "detect", "models", "rules", "diff", "baseline"} <= commands_listed
    helps: dict[str, str] = {}
    wrong = []
    for page in doc_pages():
        for code in _code_texts(page):
            # a command where one starts: a line, a prompt, or after && ; | (not prose quoting a message)
            for m in re.finditer(r"(?:^|\$ |&& |; |\| |`)translate-cmp ((?:models )?[a-z]+)\b([^\n|]*)", code, re.M):
                sub = m[1]
                if sub.split()[0] not in commands_listed:
                    wrong.append(f"{_rel(page)}: `translate-cmp {sub}` is no command")
                    continue
                if sub not in helps:
                    helps[sub] = _help(*sub.split())
                for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", m[2]):
                    if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[sub]):
                        wrong.append(f"{_rel(page)}: `translate-cmp {sub}` has no option {option}")
    assert not wrong, "\n".join(sorted(set(wrong)))


_PATH = re.compile(r"(?<![\w/.~-])((?:translate_cmp|tests|benchmarks|scripts|docs|seeds|\.ci)/[\w./-]*[\w/])")
_DOTTED = re.compile(r"(?<![\w/.])(translate_cmp(?:\.[A-Za-z_]\w*)+)")


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


def test_files_and_names_the_pages_mention_exist():
    missing = []
    for page in doc_pages():
        text = page.read_text(encoding="utf-8")
        for path in set(_PATH.findall(text)):
            found = ROOT / path
            # a document id is a path without its suffix (readers/ids.py): seeds/004_2db0398f006d2414
            if not found.exists() and not any(found.parent.glob(f"{found.name}.*")):
                missing.append(f"{_rel(page)}: {path}")
        for dotted in set(_DOTTED.findall(text)):
            if not _resolves(dotted):
                missing.append(f"{_rel(page)}: {dotted}")
    assert not missing, "these no longer exist; update the pages:\n" + "\n".join(sorted(missing))


# --- the README -----------------------------------------------------------------------------------


def test_readme_is_short_and_keeps_the_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 250
    setup = [c.text for c in commands(README) if c.not_run is not None]
    for command in SETUP_COMMANDS:
        assert command in setup, f"README.md lost its set-up command: {command}"


def test_readme_test_command_is_the_one_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert SETUP_COMMANDS[1] in ci


def test_readme_links_lead_to_pages_that_exist():
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README.read_text(encoding="utf-8"))
    local = [t for t in targets if "://" not in t]
    assert local, "the README links to the docs pages"
    assert [t for t in local if not (ROOT / t).exists()] == []
