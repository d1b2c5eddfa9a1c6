"""Localisation readers: PO/POT, XLIFF 1.2 and 2.0, TMX and bitext tables -> one Document per unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.pipeline import analyse
from translate_cmp.readers import ReadOptions, read_documents

FILES = Path(__file__).parent / "l10n_files"


def _docs(path: Path, **options):
    return list(read_documents([path], ReadOptions(**{"root": str(path.parent), **options})))


def test_po_units_plural_fuzzy_untranslated_obsolete():
    docs = {d.doc_id: d for d in _docs(FILES / "sample.po")}
    assert list(docs) == [
        "sample:Hello %(name)s, welcome back.",
        "sample:%(count)d file was deleted.[0]",
        "sample:%(count)d file was deleted.[1]",
        "sample:month name::May",
        "sample:Save changes",
    ]  # untranslated and obsolete entries are not units
    hello = docs["sample:Hello %(name)s, welcome back."]
    assert hello.text == "Hallo %(name)s, willkommen zurück."
    assert hello.unit.source == "Hello %(name)s, welcome back."
    assert hello.unit.target_lang == "de" and hello.unit.fmt == "po"
    assert hello.unit.notes == "Shown on the dashboard." and "python-format" in hello.unit.flags
    assert hello.path.endswith("sample.po:11") and hello.unit.line == 11
    plural = docs["sample:%(count)d file was deleted.[1]"]
    assert plural.unit.plural_index == 1 and plural.unit.source == "%(count)d files were deleted."
    assert docs["sample:%(count)d file was deleted.[0]"].unit.source == "%(count)d file was deleted."
    assert docs["sample:month name::May"].unit.context == "month name"
    assert docs["sample:Save changes"].unit.fuzzy and not hello.unit.fuzzy


def test_unit_language_is_declared_not_detected():
    may = next(d for d in _docs(FILES / "sample.po") if d.unit.unit_id == "month name::May")
    found = analyse(may)  # "Mai" alone is no evidence of German; the header says de
    assert found.lang == "de" and found.lang_prob == 1.0
    assert [s.lang for s in found.sentences] == ["de"]
    assert {d.unit.target_lang for d in _docs(FILES / "sample.po", target_lang="nl_BE")} == {"nl"}  # override


def test_po_without_language_header_detects_once_per_file(tmp_path):
    text = (FILES / "sample.po").read_text(encoding="utf-8").replace('"Language: de\\n"\n', "")
    path = tmp_path / "nolang.po"
    path.write_text(text, encoding="utf-8")
    assert {d.unit.target_lang for d in _docs(path)} == {"de"}
    assert {d.unit.target_lang for d in _docs(path, target_lang="de_AT")} == {"de"}


def test_pot_template_units_are_the_msgids(tmp_path):
    path = tmp_path / "app.pot"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Open file"\nmsgstr ""\n', encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.text == "Open file" and doc.unit.fmt == "pot" and doc.unit.target_lang == "en"


def test_xliff12_units_states_and_inline_markup():
    docs = {d.unit.unit_id: d for d in _docs(FILES / "sample12.xlf")}
    assert list(docs) == ["greeting", "files"]  # state="new" and translate="no" are not checked
    greeting = docs["greeting"]
    assert greeting.doc_id == "sample12:greeting"
    assert greeting.text == '¡Hola <g id="1">mundo</g>!'
    assert greeting.unit.source == 'Hello <g id="1">world</g>!'
    assert (greeting.unit.source_lang, greeting.unit.target_lang) == ("en", "es")
    assert greeting.unit.notes == "Front page." and greeting.unit.line == 5
    files = docs["files"]
    assert files.text == '¿Borrar <ph id="1"/> ficheros?' and files.unit.fuzzy


def test_xliff20_segments_and_notes():
    docs = {d.unit.unit_id: d for d in _docs(FILES / "sample20.xlf")}
    assert list(docs) == ["u1", "u2#1", "u2#2"]  # u3 has no target
    assert docs["u1"].text == 'Ouvrez <pc id="1">le fichier</pc> maintenant.'
    assert docs["u1"].unit.notes == "Button label." and docs["u1"].unit.target_lang == "fr"
    assert docs["u2#1"].text == 'Page <ph id="1"/> sur <ph id="2"/>.'
    assert docs["u2#2"].unit.source == "Next."


def test_tmx_one_unit_per_target_language():
    docs = {d.unit.unit_id: d for d in _docs(FILES / "sample.tmx")}
    assert list(docs) == ["t1@de", "t1@es", "2@de"]
    assert docs["t1@de"].text == 'Guten Morgen, <ph id="1"/>.'
    assert docs["t1@es"].unit.target_lang == "es" and docs["t1@es"].unit.source_lang == "en"
    assert docs["t1@de"].unit.notes == "A greeting."
    assert [d.unit.unit_id for d in _docs(FILES / "sample.tmx", target_lang="es")] == ["t1@es"]


@pytest.mark.parametrize("suffix", ["csv", "tsv", "jsonl"])
def test_bitext_tables(tmp_path, suffix):
    rows = [("k1", "Open the file.", "Öffnen Sie die Datei."), ("k2", "Close", ""), ("k3", "Save", "Speichern")]
    path = tmp_path / f"strings.{suffix}"
    if suffix == "jsonl":
        import json

        path.write_text("".join(json.dumps({"key": k, "en": s, "de": t}) + "\n" for k, s, t in rows), encoding="utf-8")
    else:
        sep = "\t" if suffix == "tsv" else ","
        path.write_text(f"key{sep}en{sep}de\n" + "".join(sep.join(r) + "\n" for r in rows), encoding="utf-8")
    docs = _docs(path, source_column="en", target_column="de", id_column="key", target_lang="de")
    assert [d.doc_id for d in docs] == ["strings:k1", "strings:k3"]  # an empty target is untranslated
    assert docs[0].unit.source == "Open the file." and docs[0].text == "Öffnen Sie die Datei."
    assert docs[0].unit.target_lang == "de"


def _cli_run(*args: str):
    return CliRunner().invoke(cli, ["run", *args, "--engine", "none", "--no-cache"], catch_exceptions=False)


def test_bitext_without_the_target_column_is_one_line_exit_2(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("en,fr\na,b\n", encoding="utf-8")
    res = _cli_run(str(path), "--target-column", "de", "--out", str(tmp_path / "o"))
    assert res.exit_code == 2 and res.stderr.strip().endswith("t.csv: line 2: no column 'de'; columns are: en, fr")


def test_external_entities_are_not_resolved(tmp_path):
    path = tmp_path / "xxe.tmx"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n'
                    '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv>'
                    '<tuv xml:lang="de"><seg>x &e;</seg></tuv></tu></body></tmx>', encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.text.strip() == "x"


def test_cli_bitext_options_and_units_in_outputs(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("en,fr\nOpen the file.,Ouvrez le fichier.\n", encoding="utf-8")
    res = _cli_run(str(path), "--source-column", "en", "--target-column", "fr", "--out", str(tmp_path / "o"))
    assert res.exit_code == 0, res.output
    documents = (tmp_path / "o" / "documents.csv").read_text(encoding="utf-8")
    assert "s:1," in documents and ",fr,1.0," in documents  # language detected once over the file's targets


BAD = [
    ("bad.po", 'msgid "a"\nmsgstr "b"\nnonsense\n', r"bad\.po: line 3: keyword 'nonsense' unknown"),
    ("bad.xlf", '<xliff version="1.2"><file><body><trans-unit id="1">\n<source>a</trans-unit></body></file></xliff>',
     r"bad\.xlf: not a well-formed XLIFF file: line 2: .*source"),
    ("notx.xlf", "<root/>", r"notx\.xlf: not an XLIFF file: the root element is <root>"),
    ("bad.tmx", '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a</tuv></tu></body></tmx>',
     r"bad\.tmx: not a well-formed TMX file: line 1: .*seg"),
    ("nolang.xlf", '<xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>a</source>'
     "<target>b</target></trans-unit></body></file></xliff>", r"nolang\.xlf: line 1: <file> has no target-language"),
    ("nolang20.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f">'
     '<unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>',
     r"nolang20\.xlf: line 1: <xliff> has no trgLang; pass --target-lang"),
    ("notmx.tmx", '<xliff version="1.2"/>', r"notmx\.tmx: not a TMX file: the root element is <xliff>"),
    ("latin.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "caf\xe9"\n',
     r"latin\.po: not valid utf-8"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_malformed_localisation_file_is_one_line_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    res = _cli_run(str(path), "--out", str(tmp_path / "out"))
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("translate-cmp: error: "), res.stderr
    assert re.search(message, lines[0]), lines[0]
    assert not (tmp_path / "out" / "sentences.csv").exists()
