"""C507 number-not-kept: a number of the source is not in its aligned translation ("300 km" -> "30 km")."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import SOURCE, TRANSLATION
from translate_cmp.rules.comparison.keep import number_keys


class NumberMismatch(Rule):
    code = "C507"
    name = "number-not-kept"
    severity = Severity.WARNING
    summary = "A number of the source sentence is not in its aligned translation (300 km became 30 km)."
    why = (
        "Digits are written the same in every language the engines serve, so a figure, an amount or a date that "
        "is not in the translation was changed or dropped. Numbers are compared as numbers in any locale's format "
        "(1,400,000 = 1 400 000; 3,5 = 3.5, but 3.5 is not 35) and a scale word after the number counts (2 "
        "milliards = 2.000 millones). Numbers of one digit are not judged: translations often spell them out."
    )
    instead = "Copy the figure from the source, or correct the source if the translation is right."
    needs_counterpart = True
    examples = (
        Example("The tram line will be 300 km long.", translation="The tram line will be 30 km long."),
    )
    counter_examples = (
        Example(SOURCE, translation=TRANSLATION),
        Example("The project costs 2 billion euros.", translation="The project costs 2,000 million euros."),
        Example("It collected 1,400,000 euros in 3 days.", translation="It collected 1 400 000 euros in three days."),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.kind == "1:0" or not cp.text:
            return
        theirs = number_keys(cp.text)
        kept = frozenset().union(*(keys for *_, keys in theirs))
        ours = number_keys(ctx.text)
        mine = frozenset().union(*(keys for *_, keys in ours))
        new = [cp.text[s:e] for s, e, keys in theirs if not keys & mine]
        for start, end, keys in ours:
            if keys & kept or (max(keys) < 10 and sum(ch.isdigit() for ch in ctx.text[start:end]) < 2):
                continue  # one digit, no scale word: often spelled out
            instead = f"; it has {', '.join(dict.fromkeys(new))} instead" if new else ""
            yield Hit(start, end, f"{ctx.text[start:end]} is not in the translation{instead}")
