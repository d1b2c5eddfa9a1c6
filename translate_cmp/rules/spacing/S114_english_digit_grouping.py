"""S114 english-digit-grouping: '3,000' or '1,942,514' in a language whose decimal mark is the comma."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

# two or more groups of three ("1,942,514"), or one that ends in 00 ("3,000", "2,500"): three decimals
# ending in zeros are not how anyone writes a decimal fraction
_GROUPED = re.compile(r"[1-9](?<![\w.,][1-9])\d{0,2}(?:(?:,\d{3}){2,}|,\d00)(?![\d,]|\.\d)")


class EnglishDigitGrouping(SurfaceRule):
    code = "S114"
    name = "english-digit-grouping"
    severity = Severity.WARNING
    languages = frozenset(code for code in MODULES if language(code).decimal_comma)
    summary = "A number grouped with commas ('3,000 Menschen') in a language that writes 3,5 for three and a half."
    why = (
        "In German, French, Italian, Portuguese, Dutch and Russian the comma is the decimal mark: '3,000 Menschen' "
        "reads as three people, to three decimals. Engines copy the English grouping; the reader gets a number "
        "a thousand times too small."
    )
    instead = "The language's grouping: '3.000' or '3 000' (German), '3 000' (French, Russian), '1.942.514'."
    examples = (
        Example("Die Anschläge töteten 3,000 Menschen, sagte Trump in einem Interview.", lang="de"),
        Example("Нам сообщили о 1,942,514 случаях за год.", lang="ru"),
    )
    counter_examples = (
        Example("Die Anschläge töteten 3.000 Menschen; der Wert stieg um 3,5 Prozent auf 0,125 mm.", lang="de"),
        Example("The attacks killed 3,000 people.", lang="en"),
        Example("Le taux était de 1,25 pour 1 000 habitants, soit 2,5 %.", lang="fr"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if not _GROUPED.search(ctx.text) or not reads_as_its_language(ctx):
            return  # nothing to find (most sentences: asked first); a line of another language read as this one
        for m in _GROUPED.finditer(ctx.text):
            yield Hit(m.start(), m.end(), f"'{m.group()}' is English digit grouping; in {language(ctx.doc_lang).name} "
                                          "the comma marks decimals")
