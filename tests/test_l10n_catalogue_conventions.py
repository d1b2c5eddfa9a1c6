"""Conventions of real catalogues that the checks read as a translator does (issue 20): each false alarm class
found on Debian's coreutils and Django catalogues, silenced for its reason, beside the slip the same check must
still catch. Our own short units, run through the PO reader and the flag stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.engines.none import NoneEngine
from translate_cmp.pipeline import run_documents
from translate_cmp.readers import read_documents
from translate_cmp.rules import select_rules

HEAD = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _codes(tmp_path: Path, lang: str, source: str, target: str, code: str) -> set[str]:
    path = tmp_path / f"{lang}.po"
    path.write_text(HEAD.format(lang=lang) + f'msgid "{_esc(source)}"\nmsgstr "{_esc(target)}"\n', encoding="utf-8")
    results = run_documents(read_documents([path]), NoneEngine(), select_rules([code]), surprisal=False)
    return {f.code for r in results for s in r.sentences for f in s.flags}


# (rule, language, source, target that is right as a catalogue writes it, target with the slip the rule is for)
CASES = [
    # a row's bullet stands in its indentation; losing the gap after it, or the indentation of a plain row, is not
    ("Q607", "ru", " * speed N     set the speed\n", "* speed Н     задать скорость\n",
     "*speed Н     задать скорость\n"),
    # Japanese writes no space between sentences: the spaces that continued the previous message go (a row's
    # indentation stays)
    ("Q607", "ja", "  Idle tasks\ncount as well.\n", "待機中のタスクも数えます。\n",
     ("  -a, --all    show all\n", "-a, --all    すべて表示する\n")),
    # the language team adds its own address to a "report bugs" line
    ("Q619", "de", "Mail bugs to: %s\n", "Programmfehler bitte auf Englisch an %s melden.\nFehler der Übersetzung "
     "bitte an <uebersetzer@example.org> melden, mit Angabe der Version.\n",
     "Programmfehler bitte auf Englisch, mit Angabe der Version, des Systems und eines kurzen Beispiels an %s "
     "melden.\n"),
    ("Q615", "nl", "Report translation bugs to <https://example.org/teams/>\n",
     "Meld vertaalfouten aan <vertalers@example.org>.\n", "Meld vertaalfouten aan het team.\n"),
    # options joined by a slash, an option that starts a German compound, the open start of a range
    ("Q624", "nl", "  -k      sizes, with -a and -b\n", "  -k      groottes (met -a/-b)\n",
     "  -k      groottes (met -a)\n"),
    ("Q624", "de", "cannot use -x inside a -T list", "-x ist in einer -T-Liste nicht erlaubt",
     "-x ist in einer T-Liste nicht erlaubt"),
    ("Q624", "ru", "  A-B   from A to B\n  -B    up to B\n", "  А-Б   от А до Б\n  -Б    до Б\n",
     ("  -B    bold output\n", "  -Б    жирный вывод\n")),
    # a list's rows, a usage line's ellipsis moved by word order, a quoted command line
    ("Q611", "fr", "  short   sizes:\n     1K = 1000,\n     1M = 1000000,\n",
     "  short   tailles\u00a0:\n     1K = 1000\u00a0;\n     1M = 1000000\u00a0;\n     ...\n",
     "  short   tailles\u00a0:\n     1K = 1000\u00a0;\n     1M = 1000000\u00a0:\n"),  # ':' is not a row's end
    ("Q611", "de", "Usage: %s SOURCE DEST\n  or:  %s DIR SOURCE...\n",
     "Aufruf: %s QUELLE ZIEL      (1)\n  oder: %s VERZ QUELLE...  (2)\n",
     "Aufruf: %s QUELLE ZIEL\n  oder: %s VERZ QUELLE\n"),
    # a note on a set's item is a word; square brackets around an aside written round, with another aside added
    ("Q612", "de", "  --mode[=HOW]   HOW={fast(default),slow}\n",
     "  --mode[=WIE]   WIE: 'fast' (schnell, Vorgabe) oder 'slow' (langsam)\n",
     "  --mode[=WIE]   WIE: 'none' (Vorgabe) oder 'slow'\n"),
    ("Q612", "ja", "use the folder [deprecated]\n", "フォルダ (名前を除く) を使う (非推奨)\n", "フォルダを使う\n"),
    # a quoted space, a column lined up across rows
    ("Q609", "fr", "a mark ('*' binary, ' ' text)", "un signe («\u00a0*\u00a0» binaire, «\u00a0 \u00a0» texte)",
     "un  signe («\u00a0*\u00a0» binaire)"),
    ("Q609", "de", "Usage: %s SOURCE DEST\n  or:  %s SOURCE... DIR\n",
     "Aufruf: %s QUELLE ZIEL     (1)\n  oder: %s QUELLE... VERZ  (2)\n",
     "Aufruf: %s QUELLE  ZIEL\n  oder: %s QUELLE... VERZ\n"),
    # a clause separator that continues a message; marks that stand for an unknown value
    ("Q610", "ja", "; skipping this file", "。このファイルを飛ばします", "このファイルを飛ばします"),
    ("Q610", "de", "up ??? hours", "??? Stunden in Betrieb", "... Stunden in Betrieb"),
    # Japanese sentences ending at a line break; a clause after ';' written as a sentence of its own
    ("Q622", "es", "  --from=UNIT   scale to UNITs; default is 'none';\n                see UNIT below\n",
     "  --from=UNIDAD   escala a UNIDADes. Por defecto es 'none'.\n                  Véase UNIDAD más abajo\n",
     ("The file was saved. The window is closed. It is done.\n", "Guardado.\n")),
    ("Q622", "ja", "Print the name. Then stop. Report.\n", "名前を表示します。\n停止します。\n報告します。\n",
     "名前を表示します。\n"),
    # metavariables: an option's value, a name in braces beside the same word, a pattern between slashes
    ("Q618", "de", "  --batch=NMERGE   merge at most NMERGE inputs; see POSIX\n",
     "  --batch=N   höchstens N Eingaben; siehe POSIX\n", "  --batch=N   höchstens N Eingaben; siehe Norm\n"),
    ("C506", "de", "  NUMBER   go to line NUMBER\n  {NUMBER}  repeat NUMBER times\n",
     "  ANZAHL   zur Zeile ANZAHL\n  {ANZAHL}  ANZAHL Mal wiederholen\n", "  ANZAHL   zur Zeile ANZAHL\n  {ANZAHL}  "
     "ANZAHL Mal wiederholen, {name}\n"),
    ("C506", "fr", "cannot cut %s to %<PRIdMAX> bytes", "impossible de couper à %2$<PRIdMAX> octets %1$s",
     "impossible de couper %s"),
    ("Q617", "fr", "  /PATTERN/   copy up to /etc/motd\n", "  /MOTIF/   copier jusqu'à /etc/motd\n",
     "  /MOTIF/   copier jusqu'à /etc/mot\n"),
    # numbers: a Russian compound that starts with a numeral; an example written as its fields' letters
    ("Q614", "ru", "read it as a 2-byte value", "читать как двухбайтовое значение", "читать как трёхбайтовое"),
    ("Q614", "es", "the date (e.g., 12/31/99)", "la fecha (p. ej., dd/mm/aa)", "la fecha (p. ej., dd mm)"),
    # a tab that indents a continued line, written as spaces
    ("Q606", "nl", "the value is\n\tread as octal", "de waarde wordt\n  gelezen als octaal",
     "de waarde\twordt\n  gelezen als octaal"),
    # unit policies of the surface rules
    ("S104", "de", "      --debug      annotate the date and the time\n",
     "      --debug      Das Datum und die Zeit kommentieren\n",
     "      --debug      das Datum Und die Zeit kommentieren\n"),
    ("S105", "es", "Unmatched ) or \\)", ") o \\) desemparejado", "falta el paréntesis de cierre ) o \\)"),
    ("S105", "fr", "  -l N   page length.\n         implies -t if N <= 10\n",
     "  -l N   longueur de page.\n         implique -t si N <= 10\n",
     "  -l N   longueur de page.\n         implique -t si N <= 10. voilà tout.\n"),
    ("S105", "nl", "FAILED to open or read the file", "openen of lezen van het bestand is MISLUKT",
     "openen of lezen van het bestand is mislukt"),
    ("S101", "nl", "Written by Ann DeVries.", "Geschreven door Ann DeVries.",
     ("Written by Ann.", "Geschreven doorAnn de hele dag.")),
    ("S107", "ru", '  \\"      double quote\n', '  \\"      кавычка (")\n',
     ("Added “%(object)s”.", "Добавлено “%(object)s“.")),
    ("S102", "pt", "at least 3 'X's in the name", 'pelo menos 3 "X"s no nome', 'o"nome" e o"X"'),
    # a per-cent sign joined by a hyphen to a word is prose, not printf's "%-te" (nor a lost sign); a conversion
    # glued to a word keeps its form, and a conversion lost is still caught
    ("C506", "nl", "  %%    prints one %\n", "  %%    drukt één %-teken af\n", "  %%    drukt één %-te af\n"),
    ("C506", "nl", "Cannot read the %s file", "Kan het %s-bestand niet lezen", "Kan het %-bestand niet lezen"),
    ("Q630", "nl", "  %%    prints one %\n", "  %%    drukt één %-teken af\n", "  %%    drukt één teken af\n"),
    # a metavariable named by a letter of the translation's own (not a one-letter word of the language); a
    # translation that keeps its metavariables and drops an acronym, or starts with a word of one letter, is read
    ("Q618", "ru", "SIZE may use the POSIX units\n", "Н может быть в единицах стандарта\n",
     "В единицах стандарта\n"),
    # every metavariable written out in words: a name that begins an English word (DEST, "destination") is one;
    # the same name dropped where the translation keeps the others, or an acronym that begins none, is a slip
    ("Q618", "ja", "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n",
     "ファイル名を変更するか、ファイルをディレクトリへ移動します。\n",
     "SOURCE の名前を変更するか、SOURCE を DIRECTORY へ移動します。\n"),
    ("Q618", "ja", "Copy SOURCE to DIRECTORY (POSIX).\n", "ファイルをディレクトリへコピーします (POSIX)。\n",
     "ファイルをディレクトリへコピーします。\n"),
]


@pytest.mark.parametrize(("code", "lang", "source", "right", "slip"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_convention_read_and_slip_caught(tmp_path, code, lang, source, right, slip):
    assert code not in _codes(tmp_path, lang, source, right, code)
    slip_source, slip_target = slip if isinstance(slip, tuple) else (source, slip)
    assert code in _codes(tmp_path, lang, slip_source, slip_target, code)
