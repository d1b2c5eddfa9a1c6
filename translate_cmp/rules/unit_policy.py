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
- S106 doubled-punctuation: not when the flagged marks (two or more) are in the source too (":?.!", a list
  of characters the program uses), nor a "stray" mark the source has (French "Modif. :" for "Changed:").

- S111 french-spacing: not when the flagged word and mark are in the source verbatim (an HTTP header or a
  setting kept as it is: « Referrer-Policy: no-referrer »).

Segmentation is unit-aware too (translate_cmp/l10n/analyse.py): a split is undone where the next piece does
not start a sentence, so "rappr. dell'oggetto" is one sentence and S105 does not see "dell'oggetto".
"""

from __future__ import annotations

import re

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


def lowercase_start_explained(ctx: RuleContext, hit: Hit) -> bool:
    """S105: the source does not start with a capital, the unit is a label, or the word is the source's own."""
    source = ctx.document.unit.source
    if ctx.index == 0 and (not source or not _source_starts_capital(source) or _is_label(ctx.document.text)):
        return True
    word = ctx.text[hit.start:hit.end]
    return bool(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source) is not None


def source_has(ctx: RuleContext, hit: Hit) -> bool:
    """The flagged text is in the source verbatim: a term, header or value the translation keeps as it is."""
    flagged = ctx.text[hit.start:hit.end]
    return bool(flagged.strip()) and flagged in ctx.document.unit.source
