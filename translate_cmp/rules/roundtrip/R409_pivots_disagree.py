"""R409 pivots-disagree: the sentence survives one pivot language but not another."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.engines.side_by_side import split_tag
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import MEASURED, changed_span, chrf_unreliable, excerpt, round_trip
from translate_cmp.score.metrics import chrf


class PivotsDisagree(Rule):
    code = "R409"
    name = "pivots-disagree"
    severity = Severity.INFO
    summary = "The sentence survives the round trip through one pivot language but not through another."
    why = (
        "When two pivots give very different back-translations, the sentence is ambiguous or "
        "fragile: its meaning depends on how an engine happens to read it. Thresholds: 30 chrF points "
        "between the best and the worst pivot, the worst below 50; sentences under 4 words and ALL-CAPS "
        "lines skipped. " + MEASURED + "2 of 209 English sentences (1.0%) with --pivot es,ca,gl."
    )
    instead = "An unambiguous sentence."
    examples = (
        # via es (the back-translation) "duck" stays a bird, via ca it is read as the verb: chrF 100 and 46.7
        Example("He saw her duck.", back="He saw her duck.",
                trip={"other_backs": (("ca", "He saw her lower her head."),)}),
    )
    counter_examples = (
        # chrF 100 via es, 83.1 via ca: the pivots agree
        Example("The minister resigned on Monday.", back="The minister resigned on Monday.",
                trip={"other_backs": (("ca", "The minister resigned Monday."),)}),
        # under 4 words: chrF swings on one word
        Example("A short sentence.", back="A short sentence.", trip={"other_backs": (("ca", "A brief judgement."),)}),
    )
    needs_round_trip = True

    min_gap = 30.0  # chrF points between the best and the worst pivot
    ceiling = 50.0  # the worst pivot's chrF must be below this

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None or not ctx.extra_round_trips or chrf_unreliable(ctx.text):
            return
        engine = split_tag(rt.pivot_lang)[1]  # engines side by side: R410 compares engines, this rule pivots
        trips = [r for r in (rt, *ctx.extra_round_trips) if split_tag(r.pivot_lang)[1] == engine]
        if len(trips) < 2:
            return
        scored = [(chrf(r.back_text, ctx.text), r) for r in trips]
        (best, best_rt), (worst, worst_rt) = max(scored, key=lambda s: s[0]), min(scored, key=lambda s: s[0])
        if best - worst < self.min_gap or worst >= self.ceiling:
            return
        start, end = changed_span(ctx.text, worst_rt.back_text)
        yield Hit(start, end, f"chrF {best:.1f} through {best_rt.pivot_lang} but {worst:.1f} through "
                              f"{worst_rt.pivot_lang}: {excerpt(worst_rt.back_text)!r}")
