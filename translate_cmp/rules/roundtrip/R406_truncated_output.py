"""R406 truncated-output: the engine stopped at its length limit."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import excerpt, round_trip


class TruncatedOutput(Rule):
    code = "R406"
    name = "truncated-output"
    severity = Severity.WARNING
    summary = "The engine stopped at its length limit: the round trip is cut off."
    why = (
        "Engines cut their output at a fixed number of tokens; a sentence that reaches it is "
        "usually several sentences run together, and its round trip cannot be compared. Apertium has no "
        "length limit: through it the rule never fires (0 of 209 clean sentences)."
    )
    instead = "Split the sentence at its real boundaries."
    examples = (
        # the engine reported that it stopped at its token limit on the way out
        Example("A run-on of several sentences glued together without full stops ...",
                back="A run-on of several sentences",
                trip={"pivot_text": "Una serie de varias frases", "truncated": True}),
    )
    counter_examples = (
        Example("A short sentence.", back="A short sentence.", trip={"truncated": False}),  # the engine finished
    )
    needs_round_trip = True

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None:
            return
        cut = [r.pivot_lang for r in (rt, *ctx.extra_round_trips) if r.truncated]
        if cut:
            yield Hit(0, len(ctx.text), f"the engine stopped at its length limit (pivot {', '.join(cut)}); "
                                        f"back-translation ends {excerpt(rt.back_text[-60:], 60)!r}")
