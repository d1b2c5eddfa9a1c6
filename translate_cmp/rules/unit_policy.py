"""Unit policies: how the article rules read a localisation unit (a UI string, not a sentence of an article).

The surface rules were written for articles. On PO/XLIFF/TMX units they run as they are, except where a
unit's nature or its source explains the finding; each policy below names the rule and the reason, and
applies to units only (articles are flagged exactly as before). Each rule states its own policy in
:meth:`~translate_cmp.rules.base.Rule.keeps_on_unit` (``off_for_units`` for the F rules), with the tests
below. Measured on Django's catalogues
(benchmarks/po_catalogues.py): without these, 6.5% to 18.6% of units flagged per language, nearly all
false alarms.

- F201 sentence-fragment, F204 image-caption, F205 scraper-debris: a unit is one string on its own, not a
  piece of a scraped page; "Email", "Source" or "Yes." are labels, not debris or a broken split.
- Punctuation-only units (":", ", ", ":?.!"): the spacing and punctuation rules (S101-S103, S106-S108)
  compare nothing; such strings are separators whose shape the source fixes.
- S103 missing-space-after-punctuation: not when the source has the same glued punctuation ("yes,no,maybe"
  is a format string the program splits on commas).
- S105 lowercase-sentence-start: a unit's first sentence may start in lower case when its source does not
  start with a capital (the source starts lower-case, or with a placeholder or a digit: "and", "%(count)s
  hours ago"), and when the target is a short label with no sentence punctuation (at most
  ``LABEL_WORDS`` words: "enero", "n:m-Beziehung", "vorm."): month and day names, units and conjunctions
  are lower-case in most languages whatever English does.
- S105 also not when the lower-case word is in the source verbatim (a term kept as it is: "“slug” には...").
- S105 also not when the unit starts with a symbol the source names (") o \\) desemparejado" for "Unmatched ) or
  \\)"): the first word is not the sentence's start; nor when the source itself starts as many sentences in lower
  case ("...63).\n implies -t if ...", "and all C format specifications ..."): the translation keeps its shape.
- S105 also not when the source starts with a word in capitals (emphasis: "FAILED open or read") and the
  translation writes one of its own elsewhere ("openen of lezen is MISLUKT").
- S101 run-together-words: not a word the source has verbatim (a name: "TerMaat").
- S102 missing-space-at-quote: not when the source glues a quote the same way, whatever its marks ("'X's" ->
  '"X"s').
- S106 doubled-punctuation: not when the flagged marks (two or more) are in the source too (":?.!", a list
  of characters the program uses), nor a "stray" mark the source has (French "Modif. :" for "Changed:").

- S111 french-spacing: not when the flagged word and mark are in the source verbatim (an HTTP header or a
  setting kept as it is: « Referrer-Policy: no-referrer »).

Usage screens (a program's ``--help`` text: option tables in columns, metavariables such as FILE or CHAR,
rows that differ only in an option's sign) keep the source's layout, so a finding the source's own text
explains is the source's, not the translator's:

- F202 duplicated-line: the target repeats a piece word for word no more often than the source does. A unit
  is one string, so rows that differ in a number or an option's sign are two rows ("cbreak  same as
  -icanon" / "-cbreak  same as icanon"); a usage screen (two rows or more in columns) is read row by row,
  a row's wrapped lines joined, so a wrapped line that repeats the row above's is not a repeated line.
- S104 mid-sentence-capital: the word starts a cell of a row (a column gap before it: "--debug      Das
  eingelesene Datum ..."), where a description begins and a team may write a capital; a unit of one indented row
  is a row too; nor a capital the translation gives as an option's value ("--sleep-interval=С ... С секунд").
- S109 doubled-word: the two words stand in two columns of a table row (a column gap of two spaces or a tab
  between them: "eof CHAR      CHAR will send ..."); a doubled word inside a sentence stands.
- S107 unbalanced-quotes, S108 unbalanced-brackets: the whole unit's target leaves no more quotes or brackets
  of the flagged kind without a partner than the whole source does (a help text split over several messages
  opens a parenthesis in one and closes it in the next; an escape table lists ``\\"``).
- S107, S108: nor a quote or bracket that is a character named in quotes ("'['", '":"', a blank: '-S" "'), nor a
  quote named in brackets ('(")').
- L302 mixed-script-word: the word joins a literal the source writes in Latin letters to a metavariable the
  translation transliterates ("RFILE" -> "RФАЙЛ", "pBRE" -> "pБРВ", "csN" -> "csН", "gN" -> "грN"), and the
  target does not write the same word in one script elsewhere (Latin "A" in "AРГ2" beside "АРГ1" stands).

Segmentation is unit-aware too (translate_cmp/l10n/analyse.py): a split is undone where the next piece does
not start a sentence, so "rappr. dell'oggetto" is one sentence and S105 does not see "dell'oggetto".
"""

from __future__ import annotations

import re
from collections import Counter

from translate_cmp.rules.base import Hit, RuleContext

LABEL_WORDS = 3
_GLUED = re.compile(r"[,.;][^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…。！？]\W*$")


def _source_starts_capital(source: str) -> bool:
    from translate_cmp.l10n.placeholders import PATTERN

    plain = PATTERN.sub(" ", source).lstrip(" \"'“”‘’«»„¿¡([")
    return bool(plain) and plain[0].isupper() and source.lstrip()[:1] not in "%{<"


def _is_label(text: str) -> bool:
    words = text.split()
    if len(words) == 1 and text.rstrip().endswith("."):
        return True  # "nachm.": an abbreviation
    return len(words) <= LABEL_WORDS and not _SENTENCE_END.search(text.rstrip())


def _glued_marks(text: str) -> set[str]:
    return {m.group()[0] for m in _GLUED.finditer(text)}


def punctuation_only(ctx: RuleContext) -> bool:
    """A unit of punctuation alone (":", ", "): a separator whose shape the source fixes."""
    return not any(ch.isalnum() for ch in ctx.document.text)


def source_glues_same(ctx: RuleContext, hit: Hit) -> bool:
    """S103: the source glues the same marks: a format ("yes,no,maybe")."""
    glued = _glued_marks(ctx.text[hit.start:hit.end])
    return bool(glued) and glued <= _glued_marks(ctx.document.unit.source)


def marks_from_source(ctx: RuleContext, hit: Hit) -> bool:
    """S106: two or more flagged marks the source has too, or a "stray" mark the source has ("Modif. :")."""
    marks = ctx.text[hit.start:hit.end].strip()
    source = ctx.document.unit.source
    if len(marks) >= 2 and marks in source:
        return True
    return hit.message.startswith("stray") and bool(marks) and marks in source


_LOWER_START = re.compile(r"[.!?][)\"'”»]*\s+([^\W\d_])")


def _lower_starts(text: str) -> int:
    return sum(m.group(1).islower() for m in _LOWER_START.finditer(text))


def lowercase_start_explained(ctx: RuleContext, hit: Hit) -> bool:
    """S105: the source does not start with a capital, the unit is a label, or the word is the source's own; the
    unit starts with a symbol the source names (") o \\) desemparejado" for "Unmatched ) or \\)"), not a word; or
    the source itself starts as many sentences in lower case (a help text's "...63).\n implies -t", "and all C
    format specifications ..." after a table)."""
    source = ctx.document.unit.source
    if ctx.index == 0 and (not source or not _source_starts_capital(source) or _is_label(ctx.document.text)):
        return True
    if ctx.index == 0 and re.match(r"\s*[A-Z]{2,}\b", source) and re.search(r"\b[^\W\d_a-z]{2,}\b",
                                                                           ctx.document.text):
        return True  # "FAILED open or read" -> "openen of lezen is MISLUKT": the emphasis moved, not a capital
    symbol = re.match(r"\s*([^\w\s]+)\s", ctx.document.text)
    if ctx.index == 0 and symbol and symbol.group(1) in source:
        return True
    if _lower_starts(source) and _lower_starts(ctx.document.text) <= _lower_starts(source):
        return True
    word = ctx.text[hit.start:hit.end]
    return bool(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source) is not None


_ANY_QUOTE = str.maketrans({q: "'" for q in "\"“”„‘’‚«»"})


def quote_shape_from_source(ctx: RuleContext, hit: Hit) -> bool:
    """S102: the source glues a quote the same way, whatever its quote marks ("'X's" -> '"X"s': a quoted letter
    and its plural)."""
    flagged = ctx.text[hit.start:hit.end].translate(_ANY_QUOTE)
    return bool(flagged.strip()) and flagged in ctx.document.unit.source.translate(_ANY_QUOTE)


def source_has(ctx: RuleContext, hit: Hit) -> bool:
    """The flagged text is in the source verbatim: a term, header or value the translation keeps as it is."""
    flagged = ctx.text[hit.start:hit.end]
    return bool(flagged.strip()) and flagged in ctx.document.unit.source


# ---- usage screens ----------------------------------------------------------------------------------------------

_COLUMN_GAP = re.compile(r"(?: {2,}|\t)")


def _rows(text: str) -> list[str]:
    """A usage screen's rows: a line indented deeper than the row it follows (two columns more) continues that row
    ("  -f, --canonicalize   canonicalize by following every symlink in\n                         every ...")."""
    rows: list[tuple[int, str]] = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        if rows and line.strip() and rows[-1][1].strip() and indent > rows[-1][0] + 2:
            rows[-1] = (rows[-1][0], rows[-1][1] + " " + line.strip())
        else:
            rows.append((indent, line))
    return [row for _, row in rows]


_TABLE_ROW = re.compile(r"^[ \t]*\S.*?\S(?: {2,}|\t)\S", re.MULTILINE)


def usage_screen(source: str) -> bool:
    """The source is a usage screen: two rows or more laid out in columns ("  -a, --all    do not ignore ...")."""
    return len(_TABLE_ROW.findall(source)) >= 2


def _pieces(text: str, table: bool) -> list[str]:
    """What F202 compares in a unit's source and target alike: a usage screen's rows, else lines and the
    sentences within them; whitespace collapsed, case folded."""
    rows = _rows(text) if table else text.split("\n")
    pieces = rows if table else [p for row in rows for p in re.split(r"(?<=[^.][.;!?])\s+", row)]
    return [" ".join(p.split()).casefold() for p in pieces if p.strip()]


def repeats(text: str, table: bool) -> int:
    """How many of ``text``'s pieces repeat an earlier one word for word."""
    seen: set[str] = set()
    n = 0
    for piece in _pieces(text, table):
        n += piece in seen
        seen.add(piece)
    return n


def repeat_from_source(ctx: RuleContext) -> bool:
    """F202: the target's pieces repeat word for word no more often than the source's. A unit is one string, so
    rows that differ in a number or an option's sign are two rows ("cbreak  same as -icanon" / "-cbreak  same
    as icanon"), and a usage screen is read row by row (a row's wrapped lines joined)."""
    source = ctx.document.unit.source
    table = usage_screen(source)
    return repeats(ctx.document.text, table) <= repeats(source, table)


_ROW_HEAD = re.compile(r"^[ \t]+\S+(?: \S+)?(?: {2,}|\t)$")  # "  -a, --all    ", "  nocache   ": a row's first cell


def starts_cell(ctx: RuleContext, hit: Hit) -> bool:
    """S104: the capitalised word starts a cell of a usage screen's row (a column gap before it: "--debug
    Das eingelesene Datum ...", "none        Keine Auto-Skalierung"), where the text of the cell begins; a unit of
    one such row is a row too (an indented option or value, a column gap, the word)."""
    text = ctx.document.text
    start = ctx.sentence.start + hit.start
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if _ROW_HEAD.match(head):
        return True
    return usage_screen(ctx.document.unit.source) and bool(re.search(r"\S(?: {2,}|\t)$", head))


def metavariable_word(ctx: RuleContext, hit: Hit) -> bool:
    """S104: the capital is a metavariable the translation names as an option's value ("--sleep-interval=С ...
    примерно С секунд"), not a word capitalised mid-sentence."""
    word = ctx.text[hit.start:hit.end]
    return bool(word) and re.search(rf"=\[?{re.escape(word)}(?!\w)", ctx.document.text) is not None


def across_columns(ctx: RuleContext, hit: Hit) -> bool:
    """S109: the doubled words are two cells of a table row: a column gap (two spaces or a tab) between them."""
    flagged = ctx.text[hit.start:hit.end]
    words = flagged.split()
    return len(words) == 2 and bool(_COLUMN_GAP.search(flagged[len(words[0]):len(flagged) - len(words[1])]))


def _orphan_classes(orphans) -> Counter:
    from translate_cmp.rules.pairing import _BRACKET_CLOSERS, QUOTE_FAMILY

    out: Counter = Counter()
    for o in orphans:
        family = QUOTE_FAMILY.get(o.char) or _BRACKET_CLOSERS.get(o.char, o.char)
        out[family, o.kind == "unopened"] += 1
    return out


_SYMBOL = r"(?:\s?[^\w\s\"'“”„«»‘’‚]{1,3}\s?|[ \u00a0])"  # a symbol, or a blank named in quotes ('" "')
# a pair of quotes of one kind around a symbol: "'['", '":"', "« : »" (not "'+\"": two kinds, a slip); a quote
# named in brackets: '(")'
_QUOTED_SYMBOL = re.compile(rf"([\"']){_SYMBOL}\1|“{_SYMBOL}”|‘{_SYMBOL}’|«{_SYMBOL}»|„{_SYMBOL}[“”]|‚{_SYMBOL}[‘’]"
                            r"|\([\"'“”„«»‘’]\)")


def quoted_symbol(ctx: RuleContext, hit: Hit) -> bool:
    """S107/S108: the quote or bracket is a symbol named in quotes, or a quote around one ("'['", '":"'): the
    text names the character, it does not open anything."""
    start = ctx.sentence.start + hit.start
    text = ctx.document.text
    return any(m.start() <= start < m.end()  # overlapping matches: "'test'/'['"
               for i in range(max(start - 5, 0), start + 1) if (m := _QUOTED_SYMBOL.match(text, i)))


def orphan_from_source(ctx: RuleContext, hit: Hit, quotes: bool) -> bool:
    """S107/S108: over the whole unit, the target leaves no more quotes (brackets) of the flagged kind without a
    partner than the source does: a help text split over messages, an escape table ("\\\"")."""
    from translate_cmp.rules.pairing import _BRACKET_CLOSERS, QUOTE_FAMILY, bracket_orphans, quote_orphans

    source, target = ctx.document.unit.source, ctx.document.text
    if quotes:
        mine = quote_orphans(target, 0, len(target), ctx.doc_lang, None)
        theirs = quote_orphans(source, 0, len(source), "en", None)
    else:
        mine, theirs = bracket_orphans(target, 0, len(target)), bracket_orphans(source, 0, len(source))
    char = ctx.text[hit.start:hit.end]
    family = QUOTE_FAMILY.get(char) or _BRACKET_CLOSERS.get(char, char)
    mine_n, theirs_n = _orphan_classes(mine), _orphan_classes(theirs)
    return all(mine_n[k] <= theirs_n[k] for k in mine_n if k[0] == family)


_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХаеорсухіјѕ", "ABCEHKMOPTXaeopcyxijs")


def metavariable_affix(ctx: RuleContext, hit: Hit) -> bool:
    """L302: letters listed in a bracket expression the source has too ("^[yY]" -> "^[ДдYy]"), or a word that
    joins a Latin literal of the source to a transliterated metavariable ("RFILE" -> "RФАЙЛ", "pBRE" -> "pБРВ",
    "gN" -> "грN") where the target does not write the word in one script elsewhere."""
    from translate_cmp.rules.language.helpers import script_of

    word = ctx.text[hit.start:hit.end]
    if ctx.text[hit.start - 1:hit.start] == "[" and ctx.text[hit.end:hit.end + 1] == "]" and re.search(
            r"\[[A-Za-z]+\]", ctx.document.unit.source):
        return True  # a regular expression's character class: "^[ДдYy]" for "^[yY]"
    runs = re.findall(r"[A-Za-z]+|[^A-Za-z\d]+", re.sub(r"\d", "", word))
    if len(runs) != 2:
        return False
    latin = next(r for r in runs if r.isascii())
    prefix = runs[0] == latin
    source = ctx.document.unit.source
    literal = False
    for token in re.findall(r"[A-Za-z]+", source):
        if token == latin or not (token.startswith(latin) if prefix else token.endswith(latin)):
            continue
        rest = token[len(latin):] if prefix else token[:-len(latin)]
        if rest.isupper() or latin.isupper():
            literal = True
            break
    if not literal:
        return False
    skeleton = word.translate(_HOMOGLYPHS)
    for other in re.findall(r"\w+", ctx.document.text):
        if other != word and len({script_of(ch) for ch in other if ch.isalpha()}) == 1 \
                and re.sub(r"\d", "", other).translate(_HOMOGLYPHS).startswith(skeleton):
            return False  # "AРГ2" beside "АРГ1": a Latin letter typed for its Cyrillic twin
    return True
