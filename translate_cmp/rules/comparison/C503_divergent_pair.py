"""C503 divergent-pair: an aligned pair says different things."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import MIN_CHARS


class DivergentPair(Rule):
    code = "C503"
    name = "divergent-pair"
    severity = Severity.WARNING
    summary = "An aligned pair says different things: the translation, translated back, is far from the source."
    why = "A pair that aligns by position but not by content is a mistranslation or a misplaced sentence."
    instead = "Retranslate the sentence so its back-translation keeps the source's content words."
    needs_counterpart = True
    CHRF_FLOOR = 30.0
    examples = (
        Example("Prices rose by 3 percent in March.", translation="Prices fell sharply in June, officials said."),
    )
    counter_examples = (
        Example("Prices rose by 3 percent in March.", translation="Prices rose 3 percent in March."),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.back is None or cp.kind == "1:0" or ctx.scores is None or len(ctx.text) < MIN_CHARS:
            return
        if ctx.scores.chrf < self.CHRF_FLOOR:
            yield Hit(0, len(ctx.text), f"back-translated counterpart scores chrF {ctx.scores.chrf:.0f} against it")
