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
    "text after a string": (HEADER + 'msgid "Hello" Welt\nmsgstr "Hallo"\n', 7, "not a quoted string"),
}


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        list(read_documents([path]))
    return str(caught.value)


def test_a_plural_count_against_nplurals_is_read_and_reported_not_refused(tmp_path: Path) -> None:
    """msgfmt compiles it (only --check refuses it) and Django 5.2's Spanish admin catalogue ships with one: the
    file is read, and Q631/Q632 report the entries."""
    from translate_cmp.engines.none import NoneEngine
    from translate_cmp.pipeline import run_documents
    from translate_cmp.rules import select_rules

    path = tmp_path / "es.po"
    path.write_text(HEADER.replace("Language: de", "Language: es") + (
        'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "un archivo"\nmsgstr[1] "%d archivos"\n'
        'msgstr[2] "%d archivos"\n\nmsgid "one"\nmsgid_plural "%d"\nmsgstr[0] "uno"\n\n'
        'msgid "two"\nmsgid_plural "%d twos"\nmsgstr[0] "dos"\nmsgstr[1] "%d doses"\n'), encoding="utf-8")
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "-o", os.devnull, str(path)], capture_output=True).returncode == 0
    results = run_documents(read_documents([path]), NoneEngine(), select_rules(["Q631", "Q632"]), surprisal=False)
    flagged = {r.document.unit.unit_id: [(f.code, f.message) for s in r.sentences for f in s.flags] for r in results}
    codes = {k: [code for code, _ in v] for k, v in flagged.items() if v}
    assert codes == {"one file[2]": ["Q632"], "one[0]": ["Q631"]}
    assert "nplurals=2" in flagged["one file[2]"][0][1] and "English source" in flagged["one[0]"][0][1]


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


L10N = Path(__file__).parent / "l10n_files"
SCHEMAS = Path(__file__).parent / "schemas"
SCHEMA_OF = {"sample12.xlf": "xliff-core-1.2-strict.xsd", "sample20.xlf": "xliff_core_2.0.xsd"}

# kind: (sample, the text replaced, its replacement, the line named, words of the problem)
XML_CASES = {
    "xliff 1.2 not well-formed": ("sample12.xlf", "</source>\n        <target state=\"translated\">",
                                  "</sourc>\n        <target state=\"translated\">", 6, "not a well-formed XLIFF file"),
    "xliff 1.2 trans-unit without id": ("sample12.xlf", '<trans-unit id="greeting">', "<trans-unit>", 5,
                                        "<trans-unit> has no id"),
    "xliff 1.2 duplicate id": ("sample12.xlf", '<trans-unit id="files">', '<trans-unit id="greeting">', 11,
                               "duplicate <trans-unit> id 'greeting' (first at line 5)"),
    "xliff 1.2 trans-unit without source": ("sample12.xlf", "<source>Hello <g id=\"1\">world</g>!</source>", "", 5,
                                            "needs exactly one <source>"),
    "xliff 1.2 file without source-language": ("sample12.xlf", 'source-language="en-US" ', "", 3,
                                               "<file> has no source-language"),
    "xliff 2.0 unit without id": ("sample20.xlf", '<unit id="u2">', "<unit>", 13, "<unit> has no id"),
    "xliff 2.0 duplicate unit id": ("sample20.xlf", '<unit id="u2">', '<unit id="u1">', 13,
                                    "duplicate <unit> id 'u1' (first at line 4)"),
    "xliff 2.0 segment without source": ("sample20.xlf", "<source>Next.</source>", "", 18, "has no <source>"),
    "tmx not well-formed": ("sample.tmx", "<seg>Danke.</seg>", "<seg>Danke.</seg", 14, "not a well-formed TMX file"),
    "tmx tuv without xml:lang": ("sample.tmx", '<tuv xml:lang="de"><seg>Danke.', "<tuv><seg>Danke.", 14,
                                 "<tuv> has no xml:lang"),
    "tmx tuv without seg": ("sample.tmx", '<tuv xml:lang="de"><seg>Danke.</seg></tuv>', '<tuv xml:lang="de"/>', 14,
                            "<tuv> has no <seg>"),
}


def _malformed(tmp_path: Path, kind: str) -> Path:
    sample, old, new, _, _ = XML_CASES[kind]
    text = (L10N / sample).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / sample
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(XML_CASES))
def test_a_malformed_xliff_or_tmx_file_is_one_line_naming_file_and_line(tmp_path: Path, kind: str) -> None:
    path = _malformed(tmp_path, kind)
    message = _refusal(path)
    line, words = XML_CASES[kind][3:]
    assert f"{path}: line {line}: " in message or message.startswith(f"{path}: not a well-formed") and (
        f"line {line}:" in message), message
    assert words in message and "\n" not in message


# the XLIFF 2.0 spec makes unit ids unique in a <file>; its XSD does not check it
SCHEMA_CASES = sorted(k for k in XML_CASES if k.startswith("xliff") and k != "xliff 2.0 duplicate unit id")


@pytest.mark.parametrize("kind", SCHEMA_CASES)
def test_the_oasis_schema_rejects_every_xliff_case_too(tmp_path: Path, kind: str) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    sample = XML_CASES[kind][0]
    schema = xmlschema.XMLSchema(str(SCHEMAS / SCHEMA_OF[sample]))
    assert schema.is_valid(str(L10N / sample))
    path = _malformed(tmp_path, kind)
    try:
        valid = schema.is_valid(str(path))
    except Exception:  # not well-formed: the schema cannot even parse it
        valid = False
    assert not valid
