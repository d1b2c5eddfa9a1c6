"""C501 omitted-in-translation: a source sentence has no counterpart in the translation."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import MIN_CHARS, SOURCE, TRANSLATION


class OmittedInTranslation(Rule):
    code = "C501"
    name = "omitted-in-translation"
    severity = Severity.ERROR
    summary = "A source sentence has no counterpart in the translation."
    why = "Content that silently disappears is the costliest translation error: nobody reading the translation sees it."
    instead = "Translate the sentence, or mark the omission as deliberate."
    needs_counterpart = True
    examples = (Example(SOURCE, translation="The minister stepped down on Monday. Talks resume next week."),)
    counter_examples = (Example(SOURCE, translation=TRANSLATION),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is not None and cp.kind == "1:0" and len(ctx.text) >= MIN_CHARS:
            yield Hit(0, len(ctx.text), "no counterpart in the translation: this sentence was left out")
