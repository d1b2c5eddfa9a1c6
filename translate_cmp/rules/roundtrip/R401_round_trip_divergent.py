"""R401 round-trip-divergent: the back-translation is far from the original."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import MEASURED, changed_span, chrf_unreliable, excerpt, round_trip


class RoundTripDivergent(Rule):
    code = "R401"
    name = "round-trip-divergent"
    severity = Severity.WARNING
    summary = "The back-translation is far from the original, for this document and in absolute terms."
    why = (
        "A sentence that cannot be carried through a pivot language and back usually reads badly or "
        "means something else: garbled words, a broken or run-on sentence, a mistranslation. "
        "Thresholds: chrF below 45, robust z at most -3.0 against the document (35 without document "
        "figures); sentences under 4 words and ALL-CAPS lines are skipped (their chrF swings on one "
        "word, engines garble capitals). " + MEASURED + "it flags 1 of 209 English sentences via es, 0 via "
        "ca, 4 (1.9%) via gl, 1 with --pivot es,ca,gl, 0 of 32 Spanish ones via en."
    )
    instead = "A sentence whose meaning survives translation: rewrite or re-translate the flagged one."
    examples = (
        Example(
            "Russia has repeatedly warned that any deployment of Western troops in Ukraine direct conflict "
            "will begin Between Moscow and the military alliance.",
            back="Russia has warned many times that troops from the West would start a war with the alliance.",
        ),
    )
    counter_examples = (
        Example(
            "Russia has repeatedly warned that sending Western troops to Ukraine would start a conflict.",
            back="Russia has repeatedly warned that sending Western troops to Ukraine would start a conflict.",
        ),
        Example(
            "The meeting was attended by prominent European leaders.",
            back="Prominent European leaders attended the meeting.",
        ),
        Example("WHY THIS MATTERS.", back="Why THESE SUBJECTS."),  # Apertium via es: ALL-CAPS lines are skipped
    )
    needs_round_trip = True

    absolute_floor = 45.0  # never flag a round trip with chrF at or above this
    alone_floor = 35.0  # without document statistics: flag below this
    z_cut = -3.0  # robust z-score at or below which a sentence is an outlier of its document
    min_scale = 6.0  # chrF points: the robust deviation is never taken below this

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None or ctx.scores is None or chrf_unreliable(ctx.text):
            return
        value = ctx.scores.chrf
        if value >= self.absolute_floor:
            return
        median, mad = ctx.stats.median_chrf, ctx.stats.mad_chrf
        if median is None or mad is None:
            if value >= self.alone_floor:
                return
            relative = ""
        else:
            z = (value - median) / max(self.min_scale, 1.4826 * mad)
            if z > self.z_cut:
                return
            relative = f", document median {median:.1f}, robust z {z:.1f}"
        start, end = changed_span(ctx.text, rt.back_text)
        yield Hit(start, end, f"round trip chrF {value:.1f}{relative}; back-translation: {excerpt(rt.back_text)!r}")
