"""C504 length-mismatch: an aligned pair's lengths disagree far more than the document's ratio allows."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import MIN_CHARS, SOURCE, TRANSLATION


class LengthMismatch(Rule):
    code = "C504"
    name = "length-mismatch"
    severity = Severity.WARNING
    summary = "An aligned pair's lengths disagree far more than the document's overall length ratio allows."
    why = "A translation much shorter than its source usually lost a clause; much longer, it gained one."
    instead = "Compare the pair clause by clause; translate what is missing, drop what was added."
    needs_counterpart = True
    FACTOR = 2.2
    examples = (
        Example(
            "The minister resigned on Monday. The minister, who had been under pressure for weeks over the housing "
            "scandal that shook the coalition, resigned on Monday evening. Talks will resume next week.",
            translation="The minister resigned on Monday. The minister quit. Talks will resume next week.",
        ),
    )
    counter_examples = (Example(SOURCE, translation=TRANSLATION),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.kind == "1:0" or len(ctx.text) < 2 * MIN_CHARS:
            return
        if cp.length_ratio > self.FACTOR or cp.length_ratio < 1 / self.FACTOR:
            word = "shorter" if cp.length_ratio < 1 else "longer"
            yield Hit(0, len(ctx.text), f"translation is {max(cp.length_ratio, 1 / cp.length_ratio):.1f}x {word} "
                                        "than the document's usual ratio")
