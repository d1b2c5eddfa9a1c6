"""C502 added-in-translation: the translation has a sentence with no counterpart in the source."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import MIN_CHARS, SOURCE, TRANSLATION


class AddedInTranslation(Rule):
    code = "C502"
    name = "added-in-translation"
    severity = Severity.WARNING
    summary = "The translation has a sentence with no counterpart in the source (reported on the sentence before it)."
    why = "Additions carry content the author never wrote: boilerplate, hallucinations, or a sentence from elsewhere."
    instead = "Remove the added sentence, or check that the source is complete."
    needs_counterpart = True
    examples = (
        Example(SOURCE, translation=(
            "The minister stepped down on Monday. Click here to subscribe to our daily newsletter. "
            "Prices went up 3 percent in March. Talks resume next week."
        )),
    )
    counter_examples = (Example(SOURCE, translation=TRANSLATION),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None:
            return
        for added in cp.added:
            if len(added.strip()) >= MIN_CHARS:
                yield Hit(0, len(ctx.text), f"the translation adds after this sentence: {added[:120]!r}")
