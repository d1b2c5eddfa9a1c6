"""Malformed localisation files: PO by msgfmt's grammar, XLIFF and TMX by XML and their schemas.

Each case is one defect in an otherwise valid file; the reader refuses it with one line naming the file
and the line, and the command line exits 2 leaving the previous outputs as they were. Where GNU msgfmt is
installed, each PO case is also one ``msgfmt --check`` rejects (and the valid file one it accepts);
where xmlschema is (the dev extra), each XLIFF case is also invalid against the OASIS schema in
tests/schemas.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.errors import InputError
from translate_cmp.readers import read_documents

HEADER = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
GOOD = HEADER + ('msgid "Hello"\nmsgstr "Hallo"\n\n'
                 'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "eine Datei"\nmsgstr[1] "%d Dateien"\n')

# kind: (the file's text, the line named, words of the problem)
PO_CASES = {
    "unterminated string": (HEADER + 'msgid "Hello\nmsgstr "Hallo"\n', 7, "end-of-line within string"),
    "bad escape": (HEADER + 'msgid "Hello"\nmsgstr "Hal\\lo"\n', 8, "invalid control sequence"),
    "missing msgstr": (HEADER + 'msgid "Hello"\n\nmsgid "Bye"\nmsgstr "Tschüss"\n', 7, "missing 'msgstr'"),
    "duplicate msgid": (HEADER + 'msgid "Hello"\nmsgstr "Hallo"\n\nmsgid "Hello"\nmsgstr "Servus"\n', 10,
                        "duplicate message definition"),
    "bad plural index": (HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "eins"\nmsgstr[2] "viele"\n', 10,
                         "plural form has wrong index"),
    "junk line": (HEADER + 'msgid "Hello"\nmsgstr "Hallo"\nHallo Welt\n', 9, "keyword 'Hallo' unknown"),
    "msgstr[N] without msgid_plural": (HEADER + 'msgid "Hello"\nmsgstr[0] "Hallo"\n', 8, "without 'msgid_plural'"),
    "plain msgstr with msgid_plural": (HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr "eins"\n', 9,
                                       "missing 'msgstr[]'"),
    "string without keyword": ('"Welt"\n' + HEADER + 'msgid "Hello"\nmsgstr "Hallo"\n', 1, "no keyword"),
    "keyword without string": (HEADER + 'msgid "Hello"\nmsgstr\n', 8, "missing string"),
    "plural count against nplurals": (HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "eins"\n', 7,
                                      "nplurals=2"),
    "text after a string": (HEADER + 'msgid "Hello" Welt\nmsgstr "Hallo"\n', 7, "not a quoted string"),
}


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        list(read_documents([path]))
    return str(caught.value)


def test_the_valid_catalogue_reads(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text(GOOD, encoding="utf-8")
    assert [d.unit.unit_id for d in read_documents([path])] == ["Hello", "one file[0]", "one file[1]"]


@pytest.mark.parametrize("kind", sorted(PO_CASES))
def test_a_malformed_po_file_is_one_line_naming_file_and_line(tmp_path: Path, kind: str) -> None:
    text, line, words = PO_CASES[kind]
    path = tmp_path / "de.po"
    path.write_text(text, encoding="utf-8")
    message = _refusal(path)
    assert message.startswith(f"{path}: line {line}: "), message
    assert words in message and "\n" not in message


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("kind", sorted(PO_CASES))
def test_msgfmt_rejects_every_po_case_too(tmp_path: Path, kind: str) -> None:
    good, bad = tmp_path / "good.po", tmp_path / "bad.po"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(PO_CASES[kind][0], encoding="utf-8")
    check = ["msgfmt", "--check", "-o", os.devnull]
    assert subprocess.run([*check, str(good)], capture_output=True).returncode == 0
    assert subprocess.run([*check, str(bad)], capture_output=True).returncode != 0


def test_the_command_line_exits_2_and_leaves_the_outputs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    path = tmp_path / "de.po"
    path.write_text(GOOD, encoding="utf-8")
    cmd = [sys.executable, "-m", "translate_cmp", "run", "de.po", "--engine", "none", "--no-cache", "--out", "out"]
    assert subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True).returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    path.write_text(PO_CASES["unterminated string"][0], encoding="utf-8")
    bad = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines()[-1] == ("translate-cmp: error: de.po: line 7: end-of-line within string")
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
