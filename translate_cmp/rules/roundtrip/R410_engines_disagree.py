"""R410 engines-disagree: engines side by side (``--engine argos,apertium``) disagree on a sentence far more
than on the rest.

Each engine's round trips are the pivots tagged with its name (translate_cmp/engines/side_by_side.py).
Per sentence, the gap is the spread of the engines' chrF (each engine's best pivot, back-translation
against the original); the rule compares it with the document's own gaps, so an engine that is
worse everywhere (Apertium against argos) raises no flag, and a sentence one engine cannot carry
while the other can stands out. The flag stage computes the document's gaps with :func:`engine_gap` and
:func:`gap_stats` (translate_cmp/rules/flag.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from statistics import median

from translate_cmp.engines.side_by_side import split_tag
from translate_cmp.records import RoundTrip, Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import changed_span, chrf_unreliable, excerpt
from translate_cmp.score.metrics import chrf


def engine_scores(text: str, trips: Sequence[RoundTrip]) -> dict[str, tuple[float, RoundTrip]]:
    """Engine tag ('' for the first engine) -> its best chrF over its pivots, and that round trip."""
    out: dict[str, tuple[float, RoundTrip]] = {}
    for rt in trips:
        engine = split_tag(rt.pivot_lang)[1]
        value = chrf(rt.back_text, text)
        if engine not in out or value > out[engine][0]:
            out[engine] = (value, rt)
    return out


def engine_gap(text: str, trips: Sequence[RoundTrip]) -> float | None:
    """The spread of the engines' chrF on ``text``; None with fewer than two engines or too short a text."""
    scores = engine_scores(text, trips)
    if len(scores) < 2 or chrf_unreliable(text):
        return None
    values = [v for v, _ in scores.values()]
    return max(values) - min(values)


def gap_stats(gaps: Sequence[float | None]) -> tuple[float | None, float | None]:
    """Median engine gap of a document and its median absolute deviation."""
    values = [g for g in gaps if g is not None]
    if not values:
        return None, None
    mid = median(values)
    return mid, median(abs(v - mid) for v in values)


class EnginesDisagree(Rule):
    code = "R410"
    name = "engines-disagree"
    severity = Severity.INFO
    summary = "Engines side by side (--engine argos,apertium) disagree on this sentence far more than on the rest."
    why = (
        "Two engines that agree on a document's other sentences but not on this one read it "
        "differently: it is ambiguous, garbled, or outside one engine's reach. Thresholds: the spread "
        "of the engines' chrF at least 25 points and at least 3 robust deviations (taken as at least "
        "6 points) above the document's median spread; sentences under 4 words and ALL-CAPS lines "
        "are skipped. Measured with an exact copy engine beside Apertium via es on the hand-labelled "
        "sample (benchmarks/roundtrip_sample.tsv; no real argos model can be installed here): it flags 1 "
        "of 209 clean English sentences (0.5%, a headline) and 1 of 27 garbled ones (a split fragment)."
    )
    instead = "An unambiguous, complete sentence."
    examples = (
        # the first engine (tag '') keeps "duck", Apertium (es~apertium) reads it as the verb: chrF 100 against 46.7,
        # a gap of 53.3 points where the document's engines are 4 points apart (median), deviating by 2
        Example("He saw her duck.", back="He saw her duck.",
                trip={"other_backs": (("es~apertium", "He saw her lower her head."),),
                      "stats": {"median_engine_gap": 4.0, "mad_engine_gap": 2.0}}),
    )
    counter_examples = (
        # chrF 100 and 42.7, a gap of 57.3, in a document where the engines are 45 points apart anyway (deviating
        # by 10): one engine is worse everywhere
        Example("Prices rose by 3 percent in March.", back="Prices rose by 3 percent in March.",
                trip={"other_backs": (("es~apertium", "Prices increased by 3% in March."),),
                      "stats": {"median_engine_gap": 45.0, "mad_engine_gap": 10.0}}),
        # the engines agree (chrF 100 and 83.1)
        Example("The minister resigned on Monday.", back="The minister resigned on Monday.",
                trip={"other_backs": (("es~apertium", "The minister resigned Monday."),),
                      "stats": {"median_engine_gap": 4.0, "mad_engine_gap": 2.0}}),
    )
    needs_round_trip = True

    min_gap = 25.0
    z_cut = 3.0
    min_scale = 6.0

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = ctx.round_trip
        if rt is None or not ctx.extra_round_trips:
            return
        trips = (rt, *ctx.extra_round_trips)
        gap = engine_gap(ctx.text, trips)
        mid, mad = ctx.stats.median_engine_gap, ctx.stats.mad_engine_gap
        if gap is None or gap < self.min_gap or mid is None or mad is None:
            return
        z = (gap - mid) / max(self.min_scale, 1.4826 * mad)
        if z < self.z_cut:
            return
        scores = engine_scores(ctx.text, trips)
        (best, best_rt), (worst, worst_rt) = max(scores.values(), key=lambda s: s[0]), min(
            scores.values(), key=lambda s: s[0])
        start, end = changed_span(ctx.text, worst_rt.back_text)
        yield Hit(start, end, f"chrF {best:.1f} through {best_rt.pivot_lang} but {worst:.1f} through "
                              f"{worst_rt.pivot_lang} (document median spread {mid:.1f}, robust z {z:.1f}): "
                              f"{excerpt(worst_rt.back_text)!r}")
