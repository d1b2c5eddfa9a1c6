"""C505 merged-or-split: two source sentences became one translated sentence, or one became two."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import SOURCE, TRANSLATION


class MergedOrSplit(Rule):
    code = "C505"
    name = "merged-or-split"
    severity = Severity.INFO
    summary = "Two source sentences became one translated sentence, or one became two."
    why = "Merges and splits are often fine, but they are where clauses get lost or duplicated."
    instead = "Nothing, if the pair still says the same; otherwise keep the source's sentence boundaries."
    needs_counterpart = True
    examples = (
        Example(
            "The minister resigned on Monday. He had been under pressure for weeks. Talks will resume next week.",
            translation="The minister, under pressure for weeks, resigned on Monday. Talks will resume next week.",
        ),
    )
    counter_examples = (Example(SOURCE, translation=TRANSLATION),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is not None and cp.kind in ("2:1", "1:2"):
            what = "merged with its neighbour" if cp.kind == "2:1" else "split in two"
            yield Hit(0, len(ctx.text), f"{what} in the translation ({cp.kind})")
