"""Q634 number-added: a number of the translation that its source has nowhere, neither as digits nor as a word
('Patterns by region were examined.' -> 'Les modifications ... depuis 2008 ont été évaluées'): a number made up, or the
translation of another segment."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.numbers import DIGITS, RUNS, english_words, ordinals, written_out
from translate_cmp.lang.numbers import numbers as read_numbers
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, at, in_prose_table, numbers, unit_source_lang
from translate_cmp.rules.qa.unit_rule import UnitRule

_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table
# a number before an imperial unit: the translation may give it converted ("200 feet" -> "60 Meter"), so its numbers
# are not read
_IMPERIAL = re.compile(r"\d\s*-?(?:feet|foot|ft|inch(?:es)?|in\.|miles?|yards?|pounds?|lbs?|ounces?|oz|gallons?|"
                       r"acres?|°F|degrees Fahrenheit|Fahrenheit)\b", re.IGNORECASE)


def _source_values(source: str, source_lang: str) -> set[float]:
    """The values ``source`` holds: its numbers, each run of its digits too (the second number of a range,
    "10.0-21.2", which the translation writes on its own, "de 10,0 à 21,2"; digits against a unit, "2.5mg"), the
    numbers its language's record writes as words or ordinals, and English words up to ninety-nine."""
    found = numbers(source) + read_numbers(source, RUNS)
    if source_lang == "en":
        found += english_words(source)
    values = {abs(v) for _, _, vs in found for v in vs if isinstance(v, float)}
    values |= set(written_out(source, source_lang)) | set(ordinals(source, source_lang))
    return values


def added_numbers(source: str, target: str, source_lang: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each number of ``target`` whose value ``source`` has nowhere (0 and 1 apart: "a", "one",
    "none"); its digits standing in the source as they are count as had ("RFC4648")."""
    found = numbers(target)
    if not found or _IMPERIAL.search(source):
        return []
    have = _source_values(source, source_lang)
    digits = set(re.findall(r"\d+", source.translate(DIGITS)))
    out = []
    for start, end, values in found:
        values = {abs(v) for v in values if isinstance(v, float)}
        if not values or values & have or values & {0.0, 1.0} or target[start:end] in digits:
            continue
        out.append((start, end))
    return out


class NumberAdded(UnitRule):
    code = "Q634"
    name = "number-added"
    severity = Severity.WARNING
    summary = ("A number of the translation that its source has nowhere, neither as digits nor as a word: a number "
               "made up, or the translation of another segment.")
    why = ("Q614 reads the source's numbers only. A translation with a number its source does not have says "
           "something the source does not: a date, a count or a percentage added, or, most often in machine "
           "translation of documents, the translation of a neighbouring segment put in this one's place ('Patterns "
           "by region and per capita gross national income were examined.' -> 'Les modifications apportées ... "
           "depuis 2008 ont été évaluées'), so that the unit's own text is lost. Professional raters mark these "
           "rows as Major mistranslations.")
    instead = ("Translate what the source says, with its numbers and no others, and keep each unit beside its own "
               "source. A number the source writes as a word is its own ('Seventy-four patients' -> '74 "
               "pacientes', 'two' -> '2', 'third' -> '3'), and so is any run of the source's digits ('1.15-1.46' -> "
               "'1,15 à 1,46', '245,989' -> '245 989'); 0 and 1 are not read ('a', 'none'), nor the numbers of a "
               "translation whose source measures in imperial units ('200 feet' -> '60 Meter'). Bitext tables only, "
               "from an alphabetic source: software catalogues localise examples and formats, and Chinese and "
               "Japanese write numbers with their own scale characters ('33.06万').")
    examples = (
        Example("Patterns by region were examined.",
                translation="Les modifications apportées depuis 2008 ont été évaluées.", lang="fr", trip=_TABLE),
        Example("The study ran in 2019.", translation="L'étude a eu lieu en 2018.", lang="fr", trip=_TABLE),
    )
    counter_examples = (
        Example("Seventy-four patients were included.", translation="Se incluyeron 74 pacientes.", lang="es",
                trip=_TABLE),
        Example("In total, 686 patients (13·4 per cent) left.", translation="En total, 686 pacientes (13,4 %) "
                "se fueron.", lang="es", trip=_TABLE),
        Example("The range was 10.0-21.2.", translation="L'intervalle allait de 10,0 à 21,2.", lang="fr",
                trip=_TABLE),
        Example("Of 245,989 cases, two were positive.", translation="Sur 245 989 cas, 2 étaient positifs.",
                lang="fr", trip=_TABLE),
        Example("The icebergs were almost 200 feet high.", translation="Die Eisberge waren fast 60 Meter hoch.",
                lang="de", trip=_TABLE),
        Example("Patterns by region were examined.",
                translation="Les modifications apportées depuis 2008 ont été évaluées.", lang="fr"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        source_lang = unit_source_lang(ctx)
        if not in_prose_table(ctx) or source_lang in CJK:
            return
        for start, end in added_numbers(source, target, source_lang):
            yield from at(ctx, start, end, f"{target[start:end]} is not in the source")


RULES = (NumberAdded(),)
