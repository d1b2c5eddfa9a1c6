"""The CI gate of issue 9 on a gettext catalogue, end to end through the command line: one garbled msgstr
fails the build and JUnit/SARIF name its unit and line; after recording a baseline it passes; editing
another entry keeps it passing; a new garbled entry fails again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree

HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
ENTRIES = [
    ("Welcome to the project.", "Willkommen beim Projekt."),
    ("The committee met on Monday in Berlin.", "Der Ausschuss tagte am Montag in Berlin."),
    ("Olaf Scholz said the talks would go on.", "Olaf ScholzSagte, die Gespräche gingen weiter."),  # S101
    ("Prices rose again in March.", "Die Preise stiegen im März erneut."),
]
GARBLED = "Olaf Scholz said the talks would go on."


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def write_po(path: Path, entries: list[tuple[str, str]]) -> dict[str, int]:
    """Write the catalogue; return each msgid's line (the entry's first line, its ``#:`` comment)."""
    text, lines = HEADER, {}
    for i, (msgid, msgstr) in enumerate(entries):
        text += "\n"
        lines[msgid] = text.count("\n") + 1
        text += f'#: app/views.py:{10 * (i + 1)}\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    path.write_text(text, encoding="utf-8")
    assert [e.linenum for e in polib.pofile(str(path)) if e.msgid] == list(lines.values())  # as polib counts
    return lines


def gate(tmp: Path, *extra: str) -> subprocess.CompletedProcess:
    return cli("run", "de.po", "--engine", "none", "--no-cache", "--format", "findings,junit,sarif",
               "--fail-on", "warning", "--out", "out", *extra, cwd=tmp)  # fmt: skip


def failing(tmp: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, int]]]:
    """JUnit failing cases (name, file, line) and SARIF new results (logical name, uri, startLine)."""
    cases = etree.parse(str(tmp / "out" / "junit.xml")).getroot().findall("testsuite/testcase")
    junit = [(c.get("name"), c.get("file"), c.get("line")) for c in cases if c.find("failure") is not None]
    results = json.loads((tmp / "out" / "results.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    sarif = []
    for r in results:
        if r.get("baselineState") == "unchanged":
            continue
        loc = r["locations"][0]
        physical = loc["physicalLocation"]
        sarif.append((loc["logicalLocations"][0]["name"], physical["artifactLocation"]["uri"],
                      physical["region"]["startLine"]))  # fmt: skip
    return junit, sarif


def expected(msgid: str, msgstr: str, line: int) -> tuple[list, list]:
    return ([(f"unit {msgid} sentence 0: {msgstr}", "de.po", str(line))], [(f"de:{msgid}", "de.po", line)])


@pytest.mark.slow
def test_po_catalogue_gate_with_a_baseline(tmp_path: Path) -> None:
    lines = write_po(tmp_path / "de.po", ENTRIES)
    first = gate(tmp_path)
    assert first.returncode == 1, first.stderr
    assert failing(tmp_path) == expected(GARBLED, ENTRIES[2][1], lines[GARBLED])
    suites = etree.parse(str(tmp_path / "out" / "junit.xml")).getroot().findall("testsuite")
    assert [(s.get("name"), s.get("tests")) for s in suites] == [("de", str(len(suites[0].findall("testcase"))))]
    assert len(suites[0].findall("testcase")) > 1  # one suite for the catalogue, a case per unit

    recorded = cli("baseline", "out", cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    (tmp_path / "baseline.json").write_text(recorded.stdout, encoding="utf-8")
    [accepted_finding] = json.loads(recorded.stdout)["findings"]
    assert accepted_finding["doc_id"] == f"de:{GARBLED}" and accepted_finding["code"] == "S101"

    accepted = gate(tmp_path, "--baseline", "baseline.json")
    assert accepted.returncode == 0, accepted.stderr
    assert failing(tmp_path) == ([], [])

    # another entry edited (and the garbled one moved two lines down): still accepted
    edited = [(ENTRIES[0][0], "Herzlich willkommen im Projekt, liebe Gäste."), *ENTRIES[1:]]
    edited.insert(0, ("Log in", "Anmelden"))
    lines = write_po(tmp_path / "de.po", edited)
    kept = gate(tmp_path, "--baseline", "baseline.json")
    assert kept.returncode == 0, kept.stderr
    assert failing(tmp_path) == ([], [])
    sarif = json.loads((tmp_path / "out" / "results.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif] == [lines[GARBLED]]

    new_msgid, new_msgstr = "Angela Merkel said nothing.", "Angela MerkelSagte nichts."
    lines = write_po(tmp_path / "de.po", [*edited, (new_msgid, new_msgstr)])
    again = gate(tmp_path, "--baseline", "baseline.json")
    assert again.returncode == 1, again.stderr
    assert failing(tmp_path) == expected(new_msgid, new_msgstr, lines[new_msgid])


def test_xliff_units_are_located_at_their_line(tmp_path: Path) -> None:
    """XLIFF 1.2: the dropped <ph> (C506) is reported at the trans-unit's line, named by the unit id."""
    sample = (Path(__file__).parent / "l10n_files" / "sample12.xlf").read_text(encoding="utf-8")
    garbled = sample.replace('¿Borrar <ph id="1">%s</ph> ficheros?', "¿Borrar ficheros?")
    assert garbled != sample
    (tmp_path / "ui.xlf").write_text(garbled, encoding="utf-8")
    line = [i for i, s in enumerate(garbled.splitlines(), 1) if '<trans-unit id="files">' in s][0]
    result = cli("run", "ui.xlf", "--engine", "none", "--no-cache", "--format", "junit,sarif", "--select", "C506",
                 "--fail-on", "error", "--out", "out", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert failing(tmp_path) == ([("unit files sentence 0: ¿Borrar ficheros?", "ui.xlf", str(line))],
                                 [("ui:files", "ui.xlf", line)])  # fmt: skip
