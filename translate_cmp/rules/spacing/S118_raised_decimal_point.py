"""S118 raised-decimal-point: a decimal written with a middle dot ('0·28', '1 · 34'), the house style of British
medical journals, in a language that marks decimals with a comma or a full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

# A number of one to three digits, a middle dot (U+00B7; perhaps a space each side, as some engines space it),
# then digits: "0·28", "13·4", "1 · 34". Not inside a longer number or code ("v1·2·3"), not a chain of three or
# more numbers (a list or a menu: "1 · 2 · 3"), not a power of ten ("3·10⁵", "2·10^3": the dot multiplies there).
_DOT = "[ \u00a0]?\u00b7[ \u00a0]?"
_RAISED = re.compile(rf"(?<![\w.,·])(?<!·[ \u00a0])(\d{{1,3}}){_DOT}(\d+)(?![\w.,]\d|\w|[ \u00a0]?·|\^|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻])")


def _power_of_ten(match: re.Match[str], text: str) -> bool:
    """The dot multiplies: "3·10⁵", "2·10^3", "1,5·10-3"."""
    return match.group(2) == "10" and match.end() < len(text) and text[match.end()] in "^⁰¹²³⁴⁵⁶⁷⁸⁹⁻-"


class RaisedDecimalPoint(SurfaceRule):
    code = "S118"
    name = "raised-decimal-point"
    severity = Severity.WARNING
    # English: The Lancet and the BMJ print the raised point on purpose. Chinese and Japanese: the middle dot joins
    # numbers of a date or an event name ("3·15", "9·11"), not a decimal.
    languages = frozenset(code for code in MODULES
                          if code != "en" and language(code).script in ("LATIN", "CYRILLIC"))
    summary = "A decimal written with a middle dot ('OR 0·28', '13·4 %'): British journal style, not the language's."
    why = (
        "British medical journals (The Lancet, BMJ, British Journal of Surgery) print decimals with a raised point: "
        "'0·28', '13·4 per cent'. Engines that translate their abstracts copy it, and no other language writes a "
        "decimal that way: a Spanish, French or German reader expects '0,28' (or '0.28' where the full stop marks "
        "decimals), and a spaced '1 · 34' reads as two numbers. Professional raters of Spanish biomedical "
        "abstracts mark the rows that keep it as Major errors."
    )
    instead = (
        "The language's decimal mark: '0,28' in Spanish, French, German, Italian, Portuguese, Dutch and Russian "
        "(Mexico writes '0.28'). A middle dot that multiplies ('3·10⁵') and a list of numbers ('1 · 2 · 3') are "
        "left alone; English is not read."
    )
    examples = (
        Example("El riesgo de conversión fue menor con cirugía robótica (OR 0·28; IC del 95 %: 0·15 a 0·52).",
                lang="es"),
        Example("La durée médiane était de 13 · 4 jours.", lang="fr"),
    )
    counter_examples = (
        Example("El riesgo de conversión fue menor con cirugía robótica (OR 0,28; IC del 95 %: 0,15 a 0,52).",
                lang="es"),
        Example("Se cultivaron 3·10⁵ células por pocillo; la col·lecció de Barcelona.", lang="es"),
        Example("The odds ratio was 0·28 (95 per cent c.i. 0·15 to 0·52).", lang="en"),
        Example("Páginas: 1 · 2 · 3 · siguiente", lang="es"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if "\u00b7" not in ctx.text or not reads_as_its_language(ctx):
            return
        for m in _RAISED.finditer(ctx.text):
            if _power_of_ten(m, ctx.text):
                continue
            whole, decimals = m.group(1), m.group(2)
            mark = f"'{whole},{decimals}'" if language(ctx.doc_lang).decimal_comma else \
                f"'{whole},{decimals}' or '{whole}.{decimals}'"
            yield Hit(m.start(), m.end(), f"'{m.group()}' marks decimals with a middle dot (British journal style): "
                                          f"{language(ctx.doc_lang).name or ctx.doc_lang} writes {mark}")
