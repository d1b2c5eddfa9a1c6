"""R402 number-changed: a number or date changes or vanishes in the round trip."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.numbers import RUNS, Number, english_words
from translate_cmp.lang.numbers import numbers as read_numbers
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import MEASURED, excerpt, round_trip


def numbers(text: str) -> list[Number]:
    """Every run of digits of ``text`` (:data:`translate_cmp.lang.numbers.RUNS`: inside words too, no sign), with
    the values it may stand for in some locale (1,400,000 = 1400000; 7.000 = 7,000)."""
    return read_numbers(text, RUNS)


def number_keys(text: str, lang: str = "") -> set[float]:
    """The values of every number in ``text``, English number words included for English ("ten", "seventy-four")."""
    found = numbers(text) + (english_words(text) if lang == "en" else [])
    return {v for *_, vs in found for v in vs}


class NumberChanged(Rule):
    code = "R402"
    name = "number-changed"
    severity = Severity.WARNING
    summary = "A number or date in the sentence changes or vanishes in the round trip."
    why = (
        "Figures, dates and amounts carry the facts of a news article; when one does not survive the "
        "round trip, the sentence around it is often garbled, or the figure is not what it seems. "
        "Any number of the original missing from the back-translation counts, compared as numbers (1,400,000 "
        "= 1400000; 7.000 = 7,000; 1.5 is not 15), English number words read as numbers. " + MEASURED
        + "0 of 209 English sentences via es, "
        "ca or gl, 0 of 32 Spanish ones via en."
    )
    instead = "Check the figure against the source article; make the sentence around it unambiguous."
    examples = (
        Example("The final decision will be made in 10 days.", back="The final decision will be made in 12 days."),
        Example("About 15 countries are ready to join.", back="About countries are ready to join."),
    )
    counter_examples = (
        Example("The final decision will be made in 10 days.", back="The final decision will be taken in ten days."),
        Example("It collected 1,400,000 euros.", back="It collected 1400000 euros."),
    )
    needs_round_trip = True

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None:
            return
        kept = number_keys(rt.back_text, ctx.doc_lang)
        original = number_keys(ctx.text, ctx.doc_lang)
        new = [rt.back_text[s:e] for s, e, vs in numbers(rt.back_text) if not vs & original]
        for start, end, vs in numbers(ctx.text):
            if vs & kept:
                continue
            found = ctx.text[start:end]
            became = f"; the back-translation has {', '.join(dict.fromkeys(new))} instead" if new else ""
            yield Hit(start, end, f"{found} is not in the back-translation{became}: {excerpt(rt.back_text)!r}")
