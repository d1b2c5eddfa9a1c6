"""R405 content-added: the back-translation is much longer than the original."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import MEASURED, excerpt, length_change


class ContentAdded(Rule):
    code = "R405"
    name = "content-added"
    severity = Severity.INFO
    summary = "The back-translation is much longer than the original: the engine had to invent words."
    why = (
        "An engine pads or repeats when its input is not a sentence it can parse: a fragment, a list "
        "of words, a sentence cut in the middle. Threshold: at least max(5, 35% of the words) more words "
        "back. " + MEASURED + "0 of 209 English sentences via es, ca or gl, 0 of 32 Spanish ones via en."
    )
    instead = "A complete sentence."
    examples = (
        Example("Has not happened. Conflict.",
                back="It has not happened yet, and there is no conflict between the two countries."),
    )
    counter_examples = (
        Example("Macron said so.", back="Macron said that."),
    )
    needs_round_trip = True
    requires = frozenset({"spaced"})  # it counts words between spaces

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        change = length_change(ctx, more_back=True)
        if change is None:
            return
        a, b, ops, extra = change
        added = [b[j][2] for tag, _, _, j1, j2 in ops if tag in ("insert", "replace") for j in range(j1, j2)]
        yield Hit(0, len(ctx.text), f"{len(a)} words, {len(b)} back: {extra} added in the round trip "
                                    f"({excerpt(' '.join(added), 60)!r})")
