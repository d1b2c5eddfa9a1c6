"""Usage screens (a program's --help text) as localisation units: the surface rules read the source's layout
(rows in columns, metavariables, a help text split over messages) and flag only what the translation adds."""

from __future__ import annotations

from pathlib import Path

from translate_cmp.engines.none import NoneEngine
from translate_cmp.pipeline import run_documents
from translate_cmp.readers import read_documents
from translate_cmp.rules import select_rules

HEAD = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _flags(tmp_path: Path, lang: str, entries: list[tuple[str, str]], codes: list[str]) -> dict[str, set[str]]:
    body = "".join(f'msgid "{_esc(s)}"\nmsgstr "{_esc(t)}"\n\n' for s, t in entries)
    path = tmp_path / f"{lang}.po"
    path.write_text(HEAD.format(lang=lang) + body, encoding="utf-8")
    results = run_documents(read_documents([path]), NoneEngine(), select_rules(codes), surprisal=False)
    return {r.document.unit.source: {f.code for s in r.sentences for f in s.flags} for r in results}


TABLE = ("   cbreak        same as -icanon\n   -cbreak       same as icanon\n"
         "   nl            same as %s\n   -nl           same as %s\n")


def test_f202_rows_of_a_table_are_not_repeated_lines(tmp_path):
    flags = _flags(tmp_path, "de", [
        (TABLE, TABLE.replace("same as", "dasselbe wie")),
        # rows that differ only in a number: two rows, not one kept twice
        ("  %d   device number in decimal\n  %D   device number in hex\n",
         "  %d   Gerätenummer zur Basis 10\n  %D   Gerätenummer zur Basis 16\n"),
        # a wrapped line that repeats the row above's: the rows differ once joined
        ("  -f, --canonical   follow every link in every component;\n                    all must exist\n"
         "  -m, --missing     follow every link in every component;\n                    none need exist\n",
         "  -f, --canonical   jeder Verknüpfung in jeder Komponente folgen;\n"
         "                    alle müssen existieren\n"
         "  -m, --missing     jeder Verknüpfung in jeder Komponente folgen;\n"
         "                    keine muss existieren\n"),
    ], ["F202"])
    assert all(not codes for codes in flags.values()), flags


def test_f202_a_line_the_translation_repeats_is_still_flagged(tmp_path):
    source = "  -a, --all        show every entry\n  -l, --long       use a long listing format\n"
    flags = _flags(tmp_path, "de", [
        (source, "  -a, --all        alle Einträge zeigen\n  -a, --all        alle Einträge zeigen\n"),
        ("The file was saved. Close the window now.",
         "Die Datei wurde gespeichert. Die Datei wurde gespeichert."),
    ], ["F202"])
    assert flags[source] == {"F202"}
    assert flags["The file was saved. Close the window now."] == {"F202"}


def test_s109_metavariable_columns_are_two_cells(tmp_path):
    source = "  -b FILE     FILE exists and is block special\n  -d FILE     FILE exists and is a directory\n"
    slip = "Bytes are read as they come in with the prefix '0x'."
    flags = _flags(tmp_path, "fr", [
        (source, "  -b FICHIER  FICHIER existe et est un bloc spécial\n"
                 "  -d FICHIER  FICHIER existe et est un répertoire\n"),
        (slip, "Les octets sont lus tels quels avec avec le préfixe « 0x »."),
    ], ["S109"])
    assert flags[source] == set()
    assert flags[slip] == {"S109"}  # a doubled word inside a sentence stays flagged


SLIP = "\n  +  pad with zeros, put '+' before future years\n  ^  use upper case if possible\n"


def test_s107_s108_what_the_source_leaves_open_is_the_source_s(tmp_path):
    wrapped = "  -i, --interactive   prompt before overwrite (overrides\n"
    escapes = '  \\\\      backslash\n  \\"      double quote\n'
    dropped = "Usage: %s [OPTION]... [OWNER][:[GROUP]] FILE..."
    flags = _flags(tmp_path, "de", [
        (wrapped, "  -i, --interactive   vor dem Überschreiben nachfragen (überstimmt\n"),  # closes in the next message
        (escapes, '  \\\\      Rückschrägstrich\n  \\"      doppeltes Anführungszeichen\n'),
        (dropped, "Aufruf: %s [OPTION]... [BESITZER][:GRUPPE]] DATEI..."),  # a "[" dropped: the translation's
        ('Added "%(object)s".', "Hinzugefügt „%(object)s„."),  # a quotation never closed
        ("test and/or [", "'test'/'['"),  # a bracket named in quotes
        ("implied by a ':' following OWNER", 'impliziert durch ":" nach EIGENTÜMER'),  # a quoted colon
        (SLIP, "\n  +  mit Nullen füllen, \'+\" vor Jahre setzen\n  ^  Großbuchstaben verwenden\n"),  # two kinds
    ], ["S107", "S108"])
    assert flags[SLIP] == {"S107"}  # of quote around a symbol: a slip
    assert flags["test and/or ["] == set() and flags["implied by a ':' following OWNER"] == set()
    assert flags[wrapped] == set() and flags[escapes] == set()
    assert flags[dropped] == {"S108"}
    assert flags['Added "%(object)s".'] == {"S107"}


def test_l302_transliterated_metavariables_and_real_homoglyph_slips(tmp_path):
    kept = "  -r, --reference=RFILE  base size on RFILE\n  -b pBRE      number only lines that match BRE\n"
    answer = "^[yY]"
    slip = "  ARG1 * ARG2       product of ARG1 and ARG2\n  ARG1 % ARG2       remainder of ARG1 divided by ARG2\n"
    flags = _flags(tmp_path, "ru", [
        (kept, "  -r, --reference=RФАЙЛ  размер как у RФАЙЛА\n  -b pБРВ      нумеровать строки, где есть БРВ\n"),
        (answer, "^[ДдYy]"),
        (slip, "  АРГ1 * АРГ2       произведение АРГ1 и АРГ2\n  АРГ1 % AРГ2       остаток от деления АРГ1 на АРГ2\n"),
        ("see the list of signals", "cписок сигналов"),  # a Latin "c" typed for the Cyrillic one
    ], ["L302"])
    assert flags[kept] == set() and flags[answer] == set()
    assert flags[slip] == {"L302"}
    assert flags["see the list of signals"] == {"L302"}


def test_s104_a_capital_that_starts_a_cell_is_not_mid_sentence(tmp_path):
    source = ("      --debug                annotate the parsed date\n"
              "      --list-signals         list non default signal handling\n")
    prose = "The chancellor travelled to Paris and spoke with the president."
    flags = _flags(tmp_path, "de", [
        (source, "      --debug                Das eingelesene Datum kommentieren\n"
                 "      --list-signals         Von der Voreinstellung abweichende Signale zeigen\n"),
        (prose, "Der Kanzler reiste Nach Paris und sprach mit dem Präsidenten."),
    ], ["S104"])
    assert flags[source] == set()
    assert flags[prose] == {"S104"}  # a capital inside a sentence stays flagged
