"""Unit-aware mode: how the article rules read a localisation unit (a UI string, not a sentence of an article).

The surface rules were written for articles. On PO/XLIFF/TMX units they run as they are, except where a
unit's nature or its source explains the finding; each policy below names the rule and the reason, and
applies to units only (articles are flagged exactly as before). Measured on Django's catalogues
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
- S104 mid-sentence-capital, German and Russian: the pronouns of polite address (Sie, Ihnen, ...; Вы, Ваш,
  ...) are capitalised by rule in the formal register UI strings use.
- S105 also not when the lower-case word is in the source verbatim (a term kept as it is: "“slug” には...").
- S106 doubled-punctuation: not when the flagged marks (two or more) are in the source too (":?.!", a list
  of characters the program uses), nor a "stray" mark the source has (French "Modif. :" for "Changed:").

Segmentation is unit-aware too (translate_cmp/l10n/analyse.py): a split is undone where the next piece does
not start a sentence, so "rappr. dell'oggetto" is one sentence and S105 does not see "dell'oggetto".
"""

from __future__ import annotations

import re

from translate_cmp.rules.base import Hit, RuleContext

OFF_FOR_UNITS = frozenset({"F201", "F204", "F205"})
PUNCTUATION_RULES = frozenset({"S101", "S102", "S103", "S106", "S107", "S108"})
LABEL_WORDS = 3
COURTESY = {  # pronouns of polite address, capitalised by rule in the formal register UI strings use
    "de": frozenset({"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"}),
    "ru": frozenset({"Вы", "Вас", "Вам", "Вами", "Ваш", "Ваша", "Ваше", "Ваши", "Вашего", "Вашей", "Вашему", "Вашим",
                     "Вашими", "Ваших", "Вашу"}),
}
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


def keep(code: str, ctx: RuleContext, hit: Hit) -> bool:
    """Whether a finding of rule ``code`` on a unit stands (see the module docstring)."""
    unit = ctx.document.unit
    text = ctx.document.text
    if code in OFF_FOR_UNITS:
        return False
    if code in PUNCTUATION_RULES and not any(ch.isalnum() for ch in text):
        return False
    source = unit.source
    glued = _glued_marks(ctx.text[hit.start:hit.end])
    if code == "S103" and glued and glued <= _glued_marks(source):
        return False  # the source glues the same marks: a format ("yes,no,maybe")
    marks = ctx.text[hit.start:hit.end].strip()
    if code == "S106" and len(marks) >= 2 and marks in source:
        return False
    if code == "S105" and ctx.index == 0 and (
            not source or not _source_starts_capital(source) or _is_label(text)):
        return False
    word = ctx.text[hit.start:hit.end]
    if code == "S105" and word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source):
        return False  # a term kept verbatim from the source ("“slug” には...")
    if code == "S106" and hit.message.startswith("stray") and marks and marks in source:
        return False  # "Changed:" -> "Modif. :", French spacing before the colon
    return not (code == "S104" and ctx.text[hit.start:hit.end] in COURTESY.get(ctx.doc_lang, ()))
