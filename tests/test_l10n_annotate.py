"""Annotated copies: findings inserted where CAT tools show them, every other byte unchanged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from lxml import etree

from translate_cmp.cli.app import cli

ROOT = Path(__file__).resolve().parent.parent
FILES = Path(__file__).parent / "l10n_files"
SAMPLES = ["sample.po", "sample12.xlf", "sample20.xlf", "sample.tmx"]
needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None and not os.environ.get("TRANSLATE_CMP_CI"),
                                  reason="msgfmt (Debian package gettext) not installed")


def _run(paths: list[Path], out: Path, formats: str, *extra: str) -> None:
    res = CliRunner().invoke(cli, ["run", *map(str, paths), "--engine", "none", "--no-cache", "--out", str(out),
                                   "--format", formats, *extra], catch_exceptions=False)
    assert res.exit_code == 0, res.output


def test_without_findings_every_format_is_copied_byte_for_byte(tmp_path):
    out = tmp_path / "out"
    _run([FILES / s for s in SAMPLES], out, "jsonl,po,xliff,tmx")
    assert (out / "flags.jsonl").read_text(encoding="utf-8") == ""  # the samples are clean
    for name in SAMPLES:  # ids, so the copies' paths, are from the repository root (readers/ids.py)
        copy = out / "annotated" / (FILES / name).relative_to(ROOT)
        assert copy.read_bytes() == (FILES / name).read_bytes(), name


def test_folder_inputs_keep_their_relative_paths(tmp_path):
    (tmp_path / "in" / "de").mkdir(parents=True)
    shutil.copy(FILES / "sample.po", tmp_path / "in" / "de" / "app.po")
    _run([tmp_path / "in"], tmp_path / "out", "csv,po")
    assert (tmp_path / "out" / "annotated" / "de" / "app.po").read_bytes() == (FILES / "sample.po").read_bytes()


def test_files_without_checked_units_and_same_names_get_their_own_copies(tmp_path):
    import json

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    empty = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Open"\nmsgstr ""\n'
    (tmp_path / "a" / "de.po").write_text(empty, encoding="utf-8")  # nothing translated: no unit to check
    shutil.copy(FILES / "sample.po", tmp_path / "b" / "de.po")
    out = tmp_path / "out"
    _run([tmp_path / "a" / "de.po", tmp_path / "b" / "de.po"], out, "csv,po")
    # ids from the folder that holds both (readers/ids.py): a/de and b/de, each copy under its own path
    assert (out / "annotated" / "a" / "de.po").read_text(encoding="utf-8") == empty
    assert (out / "annotated" / "b" / "de.po").read_bytes() == (FILES / "sample.po").read_bytes()
    files = json.loads((out / "run.json").read_text())["outputs"]["files"]
    assert {"annotated/a/de.po", "annotated/b/de.po"} <= set(files) and files[-1] == "run.json"


GARBLED_PO = (FILES / "sample.po").read_text(encoding="utf-8").replace(
    'msgstr "Hallo %(name)s, willkommen zurück."', 'msgstr "Hallo, willkommen zurück."').replace(
    'msgstr[1] "%(count)d Dateien wurden gelöscht."', 'msgstr[1] "Dateien wurden gelöscht."')


def _garbled(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)


@needs_msgfmt
def test_po_findings_as_translator_comments_parse_and_pass_msgfmt(tmp_path):
    garbled = (FILES / "sample.po").read_text(encoding="utf-8").replace(
        'msgstr "Hallo %(name)s, willkommen zurück."', 'msgstr "Hallo %(name)s, willkommen zurück zurück."')
    src = _garbled(tmp_path, "de.po", garbled)
    _run([src], tmp_path / "out", "jsonl,po")
    annotated = tmp_path / "out" / "annotated" / "de.po"
    entries = {e.msgid: e for e in polib.pofile(str(annotated))}
    hello = entries["Hello %(name)s, welcome back."]
    assert hello.tcomment.startswith("translate-cmp: S109 warning: ")
    assert not entries["Save changes"].tcomment and "fuzzy" not in hello.flags
    check = _msgfmt_check(annotated)
    assert check.returncode == 0, check.stderr
    text = annotated.read_text(encoding="utf-8")
    stripped = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# translate-cmp:"))
    assert stripped == garbled  # without the comment, the input byte for byte


@needs_msgfmt
def test_po_fuzzy_sends_broken_format_strings_back_and_passes_msgfmt(tmp_path):
    src = _garbled(tmp_path, "de.po", GARBLED_PO)
    assert _msgfmt_check(src).returncode != 0  # the lost placeholders are fatal for msgfmt --check
    _run([src], tmp_path / "out", "jsonl,po-fuzzy", "--select", "C506")
    annotated = tmp_path / "out" / "annotated" / "de.po"
    entries = {e.msgid: e for e in polib.pofile(str(annotated))}
    hello, plural = entries["Hello %(name)s, welcome back."], entries["%(count)d file was deleted."]
    assert hello.tcomment.startswith("translate-cmp: C506 error: missing from the translation: %(name)s")
    assert "translate-cmp: C506 error [msgstr[1]]: missing from the translation: %(count)d" in plural.tcomment
    assert "fuzzy" in hello.flags and "python-format" in hello.flags and "fuzzy" in plural.flags
    assert "fuzzy" not in entries["May"].flags
    check = _msgfmt_check(annotated)
    assert check.returncode == 0, check.stderr  # fuzzy entries are not compiled


def test_po_fuzzy_joins_an_existing_flags_line(tmp_path):
    src = _garbled(tmp_path, "de.po", GARBLED_PO)
    _run([src], tmp_path / "out", "po-fuzzy", "--select", "C506")
    text = (tmp_path / "out" / "annotated" / "de.po").read_text(encoding="utf-8")
    assert text.count("#, fuzzy, python-format\n") == 2 and "#, fuzzy\n#, python-format" not in text


XLIFF12 = (FILES / "sample12.xlf").read_text(encoding="utf-8").replace(
    '<target state="needs-review-translation">¿Borrar <ph id="1">%s</ph> ficheros?</target>',
    '<target state="needs-review-translation">¿Borrar ficheros?</target>')
XLIFF20 = (FILES / "sample20.xlf").read_text(encoding="utf-8").replace(
    '<target>Page <ph id="1"/> sur <ph id="2"/>.</target>', '<target>Page <ph id="1"/>.</target>').replace(
    '<target>Ouvrez <pc id="1">le fichier</pc> maintenant.</target>', "<target>Ouvrez le fichier maintenant.</target>")
TMX = (FILES / "sample.tmx").read_text(encoding="utf-8").replace(
    '<seg>Guten Morgen, <ph x="1">%s</ph>.</seg>', "<seg>Guten Morgen.</seg>")


def test_xliff12_note_after_the_target(tmp_path):
    src = _garbled(tmp_path, "es.xlf", XLIFF12)
    _run([src], tmp_path / "out", "xliff", "--select", "C506")
    data = (tmp_path / "out" / "annotated" / "es.xlf").read_text(encoding="utf-8")
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    tu = etree.fromstring(data.encode()).find(".//x:trans-unit[@id='files']", ns)
    children = [etree.QName(c).localname for c in tu]
    assert children == ["source", "target", "note"]  # the order XLIFF 1.2's schema allows
    note = tu.find("x:note", ns)
    assert note.get("from") == "translate-cmp" and note.get("priority") == "1"
    assert note.text.startswith('C506 error: missing from the translation: <ph id=1/>')
    assert re.sub(r'\n\s*<note from="translate-cmp"[^<]*</note>', "", data) == XLIFF12


def test_xliff20_notes_before_the_segments_and_into_existing_notes(tmp_path):
    src = _garbled(tmp_path, "fr.xlf", XLIFF20)
    _run([src], tmp_path / "out", "xliff", "--select", "C506")
    data = (tmp_path / "out" / "annotated" / "fr.xlf").read_text(encoding="utf-8")
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    root = etree.fromstring(data.encode())
    u1, u2 = root.find(".//x:unit[@id='u1']", ns), root.find(".//x:unit[@id='u2']", ns)
    assert [etree.QName(c).localname for c in u1] == ["notes", "segment"]
    assert [n.text.split(":")[0] for n in u1.iterfind("x:notes/x:note", ns)] == ["Button label.", "C506 error"]
    assert [etree.QName(c).localname for c in u2] == ["notes", "segment", "segment"]  # notes first, as required
    (note,) = u2.iterfind("x:notes/x:note", ns)
    assert note.get("category") == "translate-cmp" and note.get("appliesTo") == "target"
    assert note.text.startswith("C506 error [segment 1]: missing from the translation: <ph id=2/>")
    stripped = re.sub(r'\s*<note category="translate-cmp"[^<]*</note>', "", data)
    assert re.sub(r"<notes>\s*</notes>\s*", "", stripped) == XLIFF20


def test_tmx_note_in_the_target_tuv_before_its_seg(tmp_path):
    src = _garbled(tmp_path, "tm.tmx", TMX)
    _run([src], tmp_path / "out", "tmx", "--select", "C506")
    data = (tmp_path / "out" / "annotated" / "tm.tmx").read_text(encoding="utf-8")
    tuv = etree.fromstring(data.encode()).find(".//tu[@tuid='t1']/tuv[@{http://www.w3.org/XML/1998/namespace}lang='de']")
    assert [c.tag for c in tuv] == ["note", "seg"]
    assert tuv.find("note").text.startswith("translate-cmp: C506 error: missing from the translation: <ph id=1/>")
    assert re.sub(r"<note>translate-cmp:[^<]*</note>", "", data) == TMX


def test_annotated_copy_reads_back_to_the_same_units(tmp_path):
    from translate_cmp.readers import read_documents

    src = _garbled(tmp_path, "es.xlf", XLIFF12)
    _run([src], tmp_path / "out", "xliff", "--select", "C506")
    before = [(d.doc_id, d.text, d.unit.source) for d in read_documents([src])]
    after = [(d.doc_id, d.text, d.unit.source) for d in read_documents([tmp_path / "out" / "annotated" / "es.xlf"])]
    assert before == after
