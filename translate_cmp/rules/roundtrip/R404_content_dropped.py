"""R404 content-dropped: the back-translation is much shorter than the original."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import MEASURED, excerpt, length_change


class ContentDropped(Rule):
    code = "R404"
    name = "content-dropped"
    severity = Severity.WARNING
    summary = "The back-translation is much shorter than the original: part of the sentence was lost."
    why = (
        "Content an engine drops is often content that does not parse: a duplicated title, a "
        "sentence glued to the next, debris inside the sentence. Threshold: at least max(5, 35% of the "
        "words) fewer words back. " + MEASURED + "0 of 209 English sentences via es, ca or gl, 0 of 32 "
        "Spanish ones via en."
    )
    instead = "A sentence whose every part carries meaning; split run-ons, remove duplicates and debris."
    examples = (
        Example(
            "Macron announces coalition to send ammunition to Kiev and does not rule out mobilizing "
            "troopsMacron announces coalition to send ammunition to Kiev",
            back="Macron announces coalition to send ammunition to Kiev.",
        ),
    )
    counter_examples = (
        Example("The meeting was attended by many European leaders.", back="Many European leaders attended."),
    )
    needs_round_trip = True
    requires = frozenset({"spaced"})  # it counts words between spaces

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        change = length_change(ctx, more_back=False)
        if change is None:
            return
        a, b, ops, missing = change
        runs = [(i1, i2) for tag, i1, i2, j1, j2 in ops if tag in ("delete", "replace") and (i2 - i1) - (j2 - j1) >= 3]
        if runs:
            i1, i2 = max(runs, key=lambda r: r[1] - r[0])
            start, end = a[i1][0], a[i2 - 1][1]
        else:
            start, end = 0, len(ctx.text)
        yield Hit(start, end, f"{len(a)} words, {len(b)} back: {missing} lost in the round trip; "
                              f"back-translation: {excerpt(ctx.round_trip.back_text)!r}")
