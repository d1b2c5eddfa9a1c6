"""Q638 unit-not-converted: a number the source gives in an imperial unit appears in the translation with a metric unit
and the same number ('200 feet' -> '200 Meter'): the unit was changed and the number was not converted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, at, blanked, in_prose_table, unit_source_lang
from translate_cmp.rules.qa.unit_rule import UnitRule

_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table
# a number before an imperial unit of the source ("200 feet", "a 15-foot boat", "5 miles")
_IMPERIAL = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*-?(?:feet|foot|ft|inch(?:es)?|miles?|yards?|pounds?|lbs?|"
                       r"ounces?|oz|gallons?|acres?|°F|degrees Fahrenheit|Fahrenheit)(?![\w])", re.IGNORECASE)
# a metric unit, in any language written in Latin or Cyrillic letters: its symbol ("m", "km", "kg", "°C") or a word
# made on the international stems ("Meter", "Kilometern", "mètres", "metros", "метров", "Kilogramm", "litres")
_METRIC = (r"(?:(?:kilo|zenti|centi|milli|deci|кило|санти|милли)?(?:meter|metre|mètre|metro|метр)\w*|"
           r"(?:kilo)?(?:gramm|gramme|gram|gramo|грамм)\w*|(?:liter|litre|litro|литр)\w*|"
           r"(?:hektar|hectare|hectárea|ettaro|гектар)\w*|km|cm|mm|kg|m|g|l|ha|°C|Grad Celsius|кг|км|см|мм|м)")


def _number_pattern(number: str) -> str:
    """A regular expression for ``number`` (an English source's "1,200.5") as a translation writes it: its digits,
    groups written with a comma, point, space or none, its decimal point as a point or comma."""
    whole, _, decimals = number.replace(",", "").partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    pattern = r"[.,\u00a0\u202f ]?".join([whole, *groups])
    return pattern + (rf"[.,]{decimals}" if decimals else "")


def unconverted_units(source: str, target: str) -> list[tuple[int, int, str]]:
    """``(start, end, number)`` of each number of ``target`` followed by a metric unit where ``source`` has that number
    before an imperial unit and never before a metric one (the source's own conversion, "120 feet, or 40 meters")."""
    plain_source, plain_target = blanked(source), blanked(target)
    found = []
    for number in dict.fromkeys(m.group(1) for m in _IMPERIAL.finditer(plain_source)):
        digits = _number_pattern(number)
        metric = rf"(?<![\d.,]){digits}\s*-?{_METRIC}(?![\w])"
        if re.search(metric, plain_source, re.IGNORECASE):
            continue
        found += [(m.start(), m.end(), number) for m in re.finditer(metric, plain_target, re.IGNORECASE)]
    return sorted(found)


class UnitNotConverted(UnitRule):
    code = "Q638"
    name = "unit-not-converted"
    severity = Severity.WARNING
    summary = ("A number the source gives in an imperial unit appears in the translation with a metric unit and the "
               "same number ('200 feet' -> '200 Meter'): the unit changed, the number did not.")
    why = ("A translation may keep the source's unit ('200 Fuß') or convert it ('60 Meter'), but the imperial "
           "number with a metric unit is a different quantity (feet read as metres: three times too much): the "
           "icebergs of a TED talk 'almost 200 feet out of the water' become 200 metres high. Raters mark these rows "
           "as Major mistranslations.")
    instead = ("Convert the number ('fast 60 Meter') or keep the source's unit ('fast 200 Fuß'). Only a number the "
               "source writes before an imperial unit (feet, inches, miles, yards, pounds, ounces, gallons, acres, "
               "Fahrenheit) and never before a metric one is read, so a source that converts for itself ('120 feet, "
               "or 40 meters') keeps '40 Meter' quiet. Bitext tables from an alphabetic source only: software "
               "catalogues write a program's terms as their translators choose.")
    examples = (
        Example("The icebergs were almost 200 feet out of the water.",
                translation="Die Eisberge waren fast 200 Meter aus dem Wasser.", lang="de", trip=_TABLE),
    )
    counter_examples = (
        Example("The icebergs were almost 200 feet out of the water.",
                translation="Die Eisberge ragten fast 60 Meter aus dem Wasser.", lang="de", trip=_TABLE),
        Example("It's about 120 feet above the water, or 40 meters.",
                translation="Es ist etwa 120 Fuß über dem Wasser, oder 40 Meter.", lang="de", trip=_TABLE),
        Example("The icebergs were almost 200 feet out of the water.",
                translation="Die Eisberge waren fast 200 Meter aus dem Wasser.", lang="de"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_table(ctx) or unit_source_lang(ctx) in CJK:
            return
        for start, end, number in unconverted_units(source, target):
            yield from at(ctx, start, end, f"{number} is the source's number in an imperial unit, here with a "
                                           "metric one")


RULES = (UnitNotConverted(),)
