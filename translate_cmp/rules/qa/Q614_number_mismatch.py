"""Q614 number-mismatch: a number of the source missing from the translation, or one added, compared as numbers
under each locale's format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.numbers import DIGITS, written_out
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import (
    CJK,
    cjk_numbers,
    is_plural_form,
    numbers,
    once,
    spelled_numbers,
    unit_source_lang,
)
from translate_cmp.rules.qa.unit_rule import UnitRule

_EXAMPLE = re.compile(r"\b(?:e\.g\.|for example|for instance|such as|examples?:|like)", re.IGNORECASE)


def example_spans(source: str) -> list[tuple[int, int]]:
    """Where the source gives an example: from "e.g.", "for example", "Example:", "like" ... to the end of its line."""
    return [(m.start(), (source.find("\n", m.end()) + 1 or len(source) + 1) - 1) for m in _EXAMPLE.finditer(source)]


def pattern_given(source: str, start: int, end: int, target: str) -> bool:
    """The example the number belongs to ("12/31/99", "23:13:48") is in the translation as the letters of its fields
    in the same shape ("дд/мм/гг", "hh:mm:ss"): the translation gives the locale's pattern instead of an English
    date."""
    while start > 0 and (source[start - 1].isdigit() or source[start - 1] in "/:.-" and source[start - 2:start - 1]
                         .isdigit()):
        start -= 1
    while end < len(source) and (source[end].isdigit() or source[end] in "/:.-" and source[end + 1:end + 2].isdigit()):
        end += 1
    token = source[start:end]
    if not re.search(r"\d[/:.-]\d", token):
        return False
    shape = "".join(r"[^\W\d_]+" if part.isdigit() else re.escape(part) for part in re.findall(r"\d+|\D", token))
    pattern = re.compile(rf"(?<!\w){shape}(?!\w)")
    return pattern.search(target) is not None and pattern.search(source) is None  # not the source's own "hh:mm"


class NumberMismatch(UnitRule):
    code = "Q614"
    name = "number-mismatch"
    severity = Severity.WARNING
    summary = "A number of the source is missing from the translation, compared as numbers (7,000 = 7.000 = " \
              "7 000 = 7'000; 3.5 = 3,5; Arabic-Indic and full-width digits read as digits)."
    why = "A changed number is a wrong fact: a size limit, a port, a version, a count the user relies on."
    instead = ("Keep every number, written the way the target locale writes it. Numbers inside placeholders, "
               "tags, URLs and words ('UTF-8', 'IPv4', 'h1') are not read; a plural form may write its number as a "
               "word, as may 0 and 1 anywhere ('none', 'a'), and any number from two to twelve in the words of the "
               "target language ('zwei', 'двух', '二つ'; 'zehnmal' in German's compounds, "
               "'двухбайтовый' in Russian's). A Chinese or Japanese "
               "source's numbers are read against its characters ('2月10日'), with their scale ('33.06万' is "
               "330,600, '89.6亿' 8.96 billion) and a month as the target language's month name ('2月': "
               "'February', 'Feb.'); the translation may write them with scale words ('8.96 billion'), "
               "ordinals ('fifth', '10th') and decades ('90年代': '1990s'). An example's values ('e.g., "
               "23:05:25', 'Example: Mon, 14 Aug "
               "2006') may be localised where the translation gives numbers of its own, or written as its fields' "
               "letters ('12/31/99' -> 'дд/мм/гг'). A number the translation adds "
               "is not flagged (a word written as digits, a localised example).")
    examples = (
        Example("Maximum 7,000 files", translation="Maximal 700 Dateien", lang="de"),
        Example("Wait 5 seconds", translation="Attendez quelques secondes", lang="fr"),
        Example("Wait 5 seconds", translation="Attendez 6 secondes", lang="fr"),
        Example("Wait 5 seconds", translation="Attendez deux secondes", lang="fr"),
        Example("the date (e.g., 12/31/99)", translation="la fecha (p. ej., dd mm)", lang="es"),
        Example("zone as +hh:mm (e.g., +05:30)", translation="zona como +hh:mm", lang="es"),
        Example("prints sizes in units of 1,048,576 bytes, e.g. '-BM'", translation="Größen in Blöcken ausgeben",
                lang="de"),
        Example("2021年的33.06万人次", translation="33.06 million visitors in 2021", lang="en",
                trip={"source_lang": "zh", "fmt": "table"}),
    )
    counter_examples = (
        Example("Maximum 7,000 files", translation="Maximal 7.000 Dateien", lang="de"),
        Example("Maximum 7,000 files", translation="Maximum 7\u202f000 fichiers", lang="fr"),
        Example("Version 3.5 or later", translation="Versión 3,5 o posterior", lang="es"),
        Example("Use UTF-8 on port 8080", translation="UTF-8 auf Port 8080 verwenden", lang="de"),
        Example("Wait two seconds", translation="Warten Sie 2 Sekunden", lang="de"),
        Example("each one 10 times the mass of the Sun", translation="jedes zehnmal so schwer wie die Sonne",
                lang="de"),
        Example("each one 10 times the mass of the Sun", translation="jedes zehnmal so schwer wie die Sonne",
                lang="de"),
        Example("see RFC 4648 section 4", translation="siehe RFC4648, Abschnitt 4", lang="de"),
        Example("Wait 5 seconds", translation="٥ ثوان", lang="ar"),
        Example("use the number of digits instead of 2", translation="использовать ЧИСЛО цифр вместо двух",
                lang="ru"),
        Example("Past 7 days", translation="Afgelopen zeven dagen", lang="nl"),
        Example("2月10日，入境旅客达到1200万人次", translation="On Feb. 10th, arrivals reached 12 million",
                lang="en", trip={"source_lang": "zh", "fmt": "table"}),
        Example("在上世纪90年代，第5个月", translation="in the 1990s, the fifth month", lang="en",
                trip={"source_lang": "zh", "fmt": "table"}),
        Example("read it as a 2-byte value", translation="читать как двухбайтовое значение", lang="ru"),
        Example("the date (e.g., 12/31/99)", translation="la fecha (p. ej., dd/mm/aa)", lang="es"),
        Example("date and time (e.g., Thu Mar  3 23:05:25 2005)", translation="Datum und Zeit (z. B. Fr, 18. Nov "
                "2005 15:05:42)", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        source_lang = unit_source_lang(ctx)
        if is_plural_form(ctx):
            return
        cjk = source_lang in CJK and ctx.doc_lang not in CJK  # "2月10日", "33.06万" against "February 10", "330,600"
        src = cjk_numbers(source, source_lang) if cjk else numbers(source)
        if not src:
            return  # no number in the source: the translation's numbers are not read
        left = [(0, 0, values) for values in spelled_numbers(target, ctx.doc_lang)] if cjk \
            else list(numbers(target))
        digits = set(re.findall(r"\d+", target.translate(DIGITS)))
        spelled = written_out(target, ctx.doc_lang)
        unmatched = []
        for start, end, values in src:
            match = next((t for t in left if t[2] & values), None)
            if match is not None:
                left.remove(match)
            elif source[start:end] not in digits and not values & {0.0, 1.0}:  # "RFC4648" for "RFC 4648": glued
                # digits; 0 and 1 are often words ("none", "one", "ひとつも")
                unmatched.append((start, end, values))
        missing = []
        examples = example_spans(source)
        for start, end, values in unmatched:
            word = next((v for v in values if v in spelled), None)
            if word is not None:
                spelled.remove(word)  # "2" written "zwei"
            elif any(a <= start < b for a, b in examples) and pattern_given(source, start, end, target):
                continue  # the example written as its fields' letters: "12/31/99" -> "дд/мм/гг"
            elif not (left and any(a <= start < b for a, b in examples)):  # an example's value, localised: the
                # translation gives its own number there ("e.g., 23:05:25" -> "z. B. 15:05:42")
                missing.append(source[start:end])
        if missing:
            yield from once(ctx, f"missing from the translation: {', '.join(missing)}")


RULES = (NumberMismatch(),)
