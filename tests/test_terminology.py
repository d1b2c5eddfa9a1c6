"""Q650-Q652: the glossary (CSV, TBX v2 and v3) and the checks on real PO units through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.errors import InputError
from translate_cmp.rules.terminology.glossary import load_glossary
from translate_cmp.rules.terminology.matching import find_term, lemmatiser, words

TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
 <termEntry id="c1">
  <langSet xml:lang="en"><tig><term>folder</term></tig></langSet>
  <langSet xml:lang="de">
   <tig><term>Ordner</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
   <tig><term>Verzeichnis</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
 </termEntry>
 <termEntry id="c2"><note>Do not translate: product name</note>
  <langSet xml:lang="en"><tig><term>Django</term></tig></langSet>
 </termEntry>
</body></text></martif>"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
 <conceptEntry id="k1">
  <langSec xml:lang="en"><termSec><term>file</term></termSec></langSec>
  <langSec xml:lang="fr">
   <termSec><term>fichier</term></termSec>
   <termSec><term>dossier</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
  </langSec>
 </conceptEntry>
</body></text></tbx>"""


def test_tbx_v2_statuses_and_do_not_translate(tmp_path):
    (tmp_path / "t.tbx").write_text(TBX2, encoding="utf-8")
    terms = load_glossary(tmp_path / "t.tbx").terms
    folder = next(t for t in terms if t.source == "folder")
    assert (folder.targets, folder.forbidden, folder.lang) == (("Ordner",), ("Verzeichnis",), "de")
    assert any(t.source == "Django" and t.dnt for t in terms)


def test_tbx_v3_core(tmp_path):
    (tmp_path / "t.tbx").write_text(TBX3, encoding="utf-8")
    (term,) = load_glossary(tmp_path / "t.tbx").terms
    assert (term.source, term.targets, term.forbidden, term.lang) == ("file", ("fichier",), ("dossier",), "fr")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("g.csv", "source,traget\nfile,Datei\n", "g.csv:1: unknown glossary column 'traget'"),
    ("g.csv", "source,target,dnt\nfile,Datei,maybe\n", "g.csv:2: dnt must be yes or no"),
    ("g.csv", "source,target\nfile,\n", "g.csv:2: 'file' has no target term"),
    ("g.csv", "", "the glossary is empty"),
    ("g.tbx", "<martif><text>", "not well-formed TBX"),
    ("g.tbx", "<html/>", "not a TBX file"),
    ("g.json", "{}", "unknown glossary format '.json'"),
])
def test_bad_glossary_is_one_clear_error(tmp_path, name, data, message):
    (tmp_path / name).write_text(data, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(tmp_path / name)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_missing_glossary_exits_2(tmp_path):
    (tmp_path / "a.po").write_text('msgid "Save"\nmsgstr "Speichern"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "a.po"), "--engine", "none", "--no-cache", "--glossary",
                                      str(tmp_path / "none.csv"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "none.csv: cannot read the glossary" in result.output


def test_inflection_fallback_accepts_but_never_flags_on_a_loose_match():
    text = words("Die Dateien und der Dateiname")
    assert find_term(text, "Datei", "de", loose=True)  # accepting "Dateien" as the term
    assert find_term(words("Die Passwörter"), "Passwort", "de", loose=True)  # an umlaut plural
    if lemmatiser("de") is None:  # without simplemma, a loose match never counts as a forbidden variant
        assert not find_term(text, "Datei", "de")


@pytest.mark.skipif(lemmatiser("fr") is None, reason="simplemma not installed (pip install translate-cmp[terms])")
def test_lemmatiser_matches_inflected_forms():
    assert find_term(words("les fichiers supprimés"), "fichier", "fr")
    assert find_term(words("Deleted files"), "file", "en")


PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "Open the folder"
msgstr "Das Verzeichnis öffnen"

msgid "Delete the selected files?"
msgstr "Die ausgewählten Dateien löschen?"

msgid "Django is ready. Open the file."
msgstr "django ist bereit. Die Unterlage öffnen."

msgid "The django package"
msgstr "Das Paket"
'''


def test_checks_on_po_units_through_every_output(tmp_path):
    (tmp_path / "de.po").write_text(PO, encoding="utf-8")
    (tmp_path / "g.csv").write_text("source,target,lang,forbidden,dnt\nfile,Datei,de,,\nfolder,Ordner,de,Verzeichnis,\n"
                                    "Django,,,,yes\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "de.po"), "--engine", "none", "--no-cache", "--select",
                                      "Q65", "--glossary", str(tmp_path / "g.csv"), "--out", str(out),
                                      "--format", "jsonl,junit,sarif,po"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    flags = [json.loads(line) for line in (out / "flags.jsonl").read_text().splitlines()]
    found = sorted((f["doc_id"].split(":", 1)[1], f["code"]) for f in flags)
    assert found == [("Django is ready. Open the file.", "Q650"), ("Django is ready. Open the file.", "Q652"),
                     ("Open the folder", "Q651")]
    assert all(f["sent_id"] == 0 for f in flags)  # unit-wide findings on the unit's first sentence
    q651 = next(f for f in flags if f["code"] == "Q651")
    text = "Das Verzeichnis öffnen"
    assert text[q651["start"]:q651["end"]] == "Verzeichnis"
    assert "Q651" in (out / "junit.xml").read_text() and "Q651" in (out / "results.sarif").read_text()
    annotated = next(Path(out, "annotated").rglob("*.po")).read_text(encoding="utf-8")
    assert "Q652" in annotated and "Q650" in annotated
