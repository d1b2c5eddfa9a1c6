"""S117 numbers-side-by-side: a whole number and a decimal with only a space between them ('42 4,75 мин'), in a
language that groups digits with spaces and marks decimals with a comma: the sign between them (±, –, ×) lost."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

# A whole number (perhaps grouped in threes: "1 250") standing alone, a space, then a decimal whose whole part has
# one or two digits ("4,75"): no grouping makes one number of them, since every group after the first has three
# digits ("42 475,5"). Not after a letter or a digit ("XFree86 3,1"), a decimal mark or a sign; nor before a
# further digit, decimal mark or letter.
_SPACE = "[ \u00a0\u202f]"
_PAIR = re.compile(rf"(\d(?<![\w.,±×+\-–−/:]\d)\d{{0,2}}(?:{_SPACE}\d{{3}})*){_SPACE}(\d{{1,2}},\d+)(?![\w,]|\.\d)")


class NumbersSideBySide(SurfaceRule):
    code = "S117"
    name = "numbers-side-by-side"
    severity = Severity.WARNING
    languages = frozenset(code for code in MODULES if language(code).decimal_comma)
    summary = ("A whole number and a decimal with only a space between them ('42 4,75 мин'): the sign between them "
               "(±, –, ×) lost.")
    why = (
        "Where the comma marks decimals, a space groups digits in threes ('1 250,5'); a group of one or two digits "
        "before a decimal comma belongs to no number. '42 4,75 мин' is what an engine leaves of '42±4.75 min' when "
        "it drops the sign: the reader sees two numbers, or one wrong one, and the spread of the measurement is "
        "gone. Professional raters mark it as a Major error."
    )
    instead = ("Put the sign back: '42 ± 4,75 мин', '2–3,5', '3 × 2,5'. Only a whole number (perhaps grouped in "
               "threes) then a decimal with a one- or two-digit whole part is read, in the languages that mark "
               "decimals with a comma (de fr it nl pt ru); a version after a name ('XFree86 3,1') or a number "
               "grouped in threes ('42 475,5') is not.")
    examples = (
        Example("При шунтировании время составило 42 4,75 мин, а при аневризмоэктомии 83 5,00 мин.", lang="ru"),
        Example("La durée moyenne était de 42 4,75 minutes dans le premier groupe.", lang="fr"),
    )
    counter_examples = (
        Example("Время составило 42 ± 4,75 мин; объём 1 250,5 мл, доза 42 475,5 ЕД.", lang="ru"),
        Example("Ältere Versionen wie XFree86 3,1 kannten keine Farben.", lang="de"),
        Example("The mean time was 42 4.75 min.", lang="en"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if not _PAIR.search(ctx.text) or not reads_as_its_language(ctx):
            return  # nothing to find (most sentences: asked first); a line of another language read as this one
        for m in _PAIR.finditer(ctx.text):
            yield Hit(m.start(), m.end(), f"'{m.group(1)}' and '{m.group(2)}' side by side: the sign between them "
                                          "(±, –, ×) lost?")
