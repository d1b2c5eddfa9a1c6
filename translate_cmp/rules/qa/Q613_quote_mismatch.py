"""Q613 quote-mismatch: quotation marks in the source and none (or a different number) in the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import ANY_QUOTE_MARK, CJK, once, quote_marks, quoted
from translate_cmp.rules.qa.unit_rule import UnitRule

_LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9 .-]*")


class QuoteMismatch(UnitRule):
    code = "Q613"
    name = "quote-mismatch"
    severity = Severity.WARNING
    summary = "The translation keeps what the source quotes but has fewer quotation marks: a quotation lost or " \
              "left open."
    why = "Quotes mark what the user types or sees verbatim (a file name, a value): lost, the user cannot tell the " \
          "quoted text from the sentence; unbalanced, it reads as a slip."
    instead = ("Quote what the source quotes, in the language's own marks: '\"x\"' may become « x », „x“, «x», 「x」 "
               "or 'x' (each counts as the source's pair); apostrophes ('l'objet', 'don't') are not quotes. Quotes "
               "a translation adds (around a term it keeps in English) are its style, a quoted term the translation "
               "translates (“slug” -> Kürzel) may lose its quotes, and so may a Latin term in CJK text (the change of "
               "script sets it off): none is flagged.")
    examples = (
        Example("Cannot open '%s'", translation="Kann %s nicht öffnen", lang="de"),
        Example('Type "%s" to continue', translation="Tapez « %s pour continuer", lang="fr"),
    )
    counter_examples = (
        Example("Cannot open '%s'", translation="„%s“ kann nicht geöffnet werden", lang="de"),
        Example('Type "yes" to continue', translation="Tapez « oui » pour continuer", lang="fr"),
        Example("Hold down “Control”", translation="Control キーを押したまま", lang="ja"),
        Example("Cannot open '%s'", translation="「%s」を開けません", lang="ja"),
        Example("Don't save", translation="Ne pas enregistrer l'objet", lang="fr"),
        Example("Enter a valid “slug”.", translation="Bitte ein gültiges Kürzel eingeben.", lang="de"),
        Example("Same as id -un.", translation="Dasselbe wie „id -un“.", lang="de"),
        Example("do not treat '/' specially", translation="„/“ nicht besonders behandeln", lang="de"),
        Example("or for “same-origin” requests.", translation="of voor ‘same-origin’-aanvragen.", lang="nl"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not ANY_QUOTE_MARK.search(source):
            return  # no quotation mark in the source (blanking takes marks away, adds none): none can be missing
        s, t = quote_marks(source), quote_marks(target)
        if t >= s or not target.strip():
            return
        # what the source quotes and the translation keeps (one character, '-', may become "a minus sign")
        kept = [q for q in quoted(source) if len(q) > 1 and q in target]
        if ctx.doc_lang in CJK:  # a Latin term in CJK text is set off by its script: "Control キー"
            kept = [q for q in kept if not _LATIN_TERM.fullmatch(q)]
        if t < min(s, 2 * len(kept)):
            yield from once(ctx, f"{s} quotation mark(s) in the source, {t} in the translation")


RULES = (QuoteMismatch(),)
