"""Q6xx localisation QA and the extended placeholders, through the real readers and pipeline (no engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.engines.none import NoneEngine
from translate_cmp.l10n.placeholders import keys
from translate_cmp.pipeline import run_documents
from translate_cmp.readers import read_documents
from translate_cmp.rules import ALL_RULES, select_rules
from translate_cmp.rules.qa.helpers import end_mark, numbers, quote_marks, start_mark
from translate_cmp.rules.qa.options import QaOptions, current, using

HEAD = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _po(tmp_path: Path, lang: str, entries: list[tuple[str, str]], select=("Q", "C506")) -> dict[str, set[str]]:
    def q(s: str) -> str:
        return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")

    body = "".join(f'msgid "{q(s)}"\nmsgstr "{q(t)}"\n\n' for s, t in entries)
    path = tmp_path / f"{lang}.po"
    path.write_text(HEAD.format(lang=lang) + body, encoding="utf-8")
    results = run_documents(read_documents([path]), NoneEngine(), select_rules(list(select)), surprisal=False)
    return {r.document.unit.source: {f.code for s in r.sentences for f in s.flags} for r in results}


def test_every_q_rule_is_registered_once_in_its_range():
    """Q601-Q649: a unit's source against its target (Q65x terminology and Q67x consistency are their own)."""
    qa = [r for r in ALL_RULES if r.code.startswith("Q") and int(r.code[1:]) < 650]
    codes = [r.code for r in qa]
    assert codes == sorted(set(codes)) and all(601 <= int(c[1:]) <= 649 for c in codes) and len(codes) >= 28
    assert all(r.needs_unit and r.why and r.instead and r.examples and r.counter_examples for r in qa)


def test_unit_rules_never_run_on_articles():
    from translate_cmp.records import Document

    (result,) = run_documents([Document("a", "a.txt", "Delete the the file  now.\n")], NoneEngine(),
                              select_rules(["Q"]), surprisal=False)
    assert not [f for s in result.sentences for f in s.flags]


def test_a_correct_positional_reorder_is_no_placeholder_error(tmp_path):
    flags = _po(tmp_path, "de", [
        ("Copied %s to %d places", "%2$d Orte: %1$s kopiert"),  # reordered with positions: fine
        ("Moved %s to %d places", "%d Orte: %s verschoben"),  # swapped without positions: printf crashes
        ("Read %'d bytes", "%'d Bytes gelesen"),
    ])
    assert "C506" not in flags["Copied %s to %d places"]
    assert "C506" in flags["Moved %s to %d places"]
    assert flags["Read %'d bytes"] == set()


def test_placeholder_styles_of_each_format(tmp_path):
    flags = _po(tmp_path, "nl", [
        ("Page %1 of %2", "Pagina %1 van %3"),  # Qt
        ("Welcome to @PACKAGE@", "Welkom bij @PAKKET@"),  # autoconf
        ("Restart &brandShortName;", "&brandShortName; herstarten"),  # Mozilla entity kept
        ("Hello {{name}}", "Hallo {{naam}}"),  # i18next
        ("Hello %{name}", "Hallo %{name}"),  # Ruby
        ("Total: {0:N2}", "Totaal: {0:N2}"),  # .NET
        ("Value must be <Error>.", "Waarde moet <Fout> zijn."),  # a pseudo-tag, translated
        ('Read <a href="%(url)s">the docs</a>', 'Lees <a hreff="%(url)s">de docs</a>'),  # a renamed attribute
        ("Tom &amp; Jerry", "Tom & Jerry"),  # an HTML character entity is text
    ])
    assert "C506" in flags["Page %1 of %2"] and "C506" in flags["Welcome to @PACKAGE@"]
    assert "C506" in flags["Hello {{name}}"] and "C506" in flags['Read <a href="%(url)s">the docs</a>']
    for ok in ("Restart &brandShortName;", "Hello %{name}", "Total: {0:N2}", "Value must be <Error>.",
               "Tom &amp; Jerry"):
        assert "C506" not in flags[ok], ok
    assert keys("{ $count } files") == keys("{$count} Dateien")  # Fluent, spacing apart


def test_qa_options_choose_styles_and_markers(tmp_path):
    entries = [("Page %1 of %2", "Seite %1 von"), ("&File", "Datei")]
    default = _po(tmp_path, "de", entries)
    assert "C506" in default["Page %1 of %2"] and "Q603" in default["&File"]
    with using(QaOptions(accelerators=(), variables=("printf", "brace", "tag"))):
        assert current().accelerators == ()
        narrowed = _po(tmp_path, "de", entries)
    assert narrowed == {"Page %1 of %2": set(), "&File": set()}
    assert current() == QaOptions()  # restored
    with pytest.raises(ValueError, match="unknown variable style"):
        QaOptions(variables=("perl",))
    with pytest.raises(ValueError, match="one punctuation character"):
        QaOptions(accelerators=("ab",))


def test_blank_and_whitespace_only_targets_are_checked(tmp_path):
    flags = _po(tmp_path, "de", [("Save changes", " "), ("Delete", "\n"), ("Open", "Öffnen")])
    assert flags == {"Save changes": {"Q602"}, "Delete": {"Q602"}, "Open": set()}


def test_xliff_maxwidth_is_read_and_checked(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
        'target-language="de" datatype="plaintext" original="x"><body>'
        '<trans-unit id="a" maxwidth="6" size-unit="char"><source>Save</source><target>Speichern</target></trans-unit>'
        '<trans-unit id="b" maxwidth="8"><source>Save</source><target>Sichern</target></trans-unit>'
        '<trans-unit id="c" maxwidth="6" size-unit="pixel"><source>Save</source><target>Speichern</target>'
        '</trans-unit></body></file></xliff>', encoding="utf-8")
    results = run_documents(read_documents([path]), NoneEngine(), select_rules(["Q621"]), surprisal=False)
    got = {r.document.unit.unit_id: [f.code for s in r.sentences for f in s.flags] for r in results}
    assert got == {"a": ["Q621"], "b": [], "c": []}


def test_doubled_words_in_a_language_s109_does_not_serve(tmp_path):
    flags = _po(tmp_path, "af", [("Delete the file", "Skrap die die lêer"), ("Bye bye", "Tot tot siens")],
                select=("Q627", "S109"))
    assert flags == {"Delete the file": {"Q627"}, "Bye bye": set()}


def test_numbers_as_numbers_under_each_locale():
    def values(text: str) -> list[frozenset[float]]:
        return [v for _s, _e, v in numbers(text)]

    for text in ("7,000", "7.000", "7 000", "7\u202f000", "7'000", "٧٠٠٠", "７０００"):
        assert any(7000.0 in v for v in values(text)), text
    assert values("3,5") == [frozenset({3.5})] and values("%(count)d files, UTF-8, IPv4") == []


@pytest.mark.parametrize(("text", "lang", "mark"), [
    ("Nom\u00a0:", "fr", ":"), ("ファイルを削除しますか？", "ja", "?"), ("Να διαγραφεί;", "el", "?"),
    ("هل تريد الحذف؟", "ar", "?"), ("Öffnen…", "de", "…"), ("Open...", "en", "…"), ("«\u00a0Oui\u00a0»", "fr", ""),
    ("Valeur « %s » non valide.", "fr", "."),
])
def test_end_punctuation_under_each_typography(text, lang, mark):
    assert end_mark(text, lang) == mark


def test_start_punctuation_and_quotes():
    assert start_mark("¿Continuar?", "es") == "" and start_mark("...and more", "en") == "…"
    assert start_mark("--null (-0)", "en") == "" and start_mark("- Löschen", "de") == "-"
    assert quote_marks("Cannot open '%s'") == 2 and quote_marks("„%s“ kann nicht") == 2
    assert quote_marks("Don't save l'objet") == 0 and quote_marks("do not treat '/' specially") == 2


def test_real_errors_of_each_family_in_one_catalogue(tmp_path):
    flags = _po(tmp_path, "fr", [
        ("Usage: %s [OPTION]...\n", "Utilisation : %s [OPTION]..."),  # newline lost
        ("File name:", "Nom du fichier"),  # colon lost
        ("Maximum 7,000 files", "Maximum 700 fichiers"),
        ("Try '%s --help' for more information.", "Essayez « %s --aide »."),
        ("See https://www.gnu.org/software/coreutils/", "Voir https://www.gnu.org/logiciels/coreutils/"),
        ("Line one\\nLine two", "Ligne un Ligne deux"),
        ("<b>Note:</b> read this", "<b>Remarque :<b> lisez ceci"),
        ("Cancel", "Annu\ufffdler"),
    ])
    assert "Q605" in flags["Usage: %s [OPTION]...\n"]
    assert "Q611" in flags["File name:"]
    assert "Q614" in flags["Maximum 7,000 files"]
    assert "Q624" in flags["Try '%s --help' for more information."]
    assert "Q615" in flags["See https://www.gnu.org/software/coreutils/"]
    assert "Q604" in flags["Line one\\nLine two"]
    assert "Q625" in flags["<b>Note:</b> read this"]
    assert "Q626" in flags["Cancel"]
