"""What a translation must keep of its source, language-independent enough to compare across a pair: numbers
(with their scale words: "2 milliards" is "2.000 millones"), negation (the words are in each language's record,
translate_cmp/lang/), names. Used by C507, C508 and C509.
"""

from __future__ import annotations

import re

from translate_cmp.lang.numbers import PARTS, numbers, scale_after
from translate_cmp.lang.profile import language

# words that scale the number before them, in the languages the routes serve
SCALES = {
    **dict.fromkeys(("thousand", "mil", "mille", "miles", "duizend", "tysiąc", "тысяч", "тысячи", "тысяча"), 10**3),
    **dict.fromkeys(("million", "millions", "millón", "millones", "milhão", "milhões", "milió", "milions",
                     "milione", "milioni", "millón", "miljoen", "миллион", "миллиона", "миллионов"), 10**6),
    **dict.fromkeys(("billion", "billions", "milliard", "milliards", "miliardo", "miliardi", "millardo",
                     "millardos", "miljard", "миллиард", "миллиарда", "миллиардов", "mil millones"), 10**9),
}


def number_keys(text: str) -> list[tuple[int, int, frozenset[float]]]:
    """Every number written with digits, its parts after "-", "/" and ":" too (:data:`translate_cmp.lang.numbers.
    PARTS`): its span and the values it matches under (every value it may stand for in some locale, sign aside,
    and each times a scale word right after it: "2 milliards" and "2.000 millones" share 2000000000)."""
    out = []
    for start, end, vs in numbers(text, PARTS):
        keys = {abs(v) for v in vs}
        scale = scale_after(text, end, SCALES)
        if scale:
            keys |= {float(f"{v * scale:.12g}") for v in keys}
        out.append((start, end, frozenset(keys)))
    return out


_TOKEN = re.compile(r"\bn'|[^\W\d_]+")


def negations(text: str, lang: str) -> int:
    """How many negation words ``text`` holds in ``lang`` (its record's ``negations``; 0 for a language without)."""
    words = language(lang).negations
    if not words:
        return 0
    text = text.lower().replace("’", "'")
    if lang == "en":
        text = re.sub(r"n't\b", " not", text)
    return sum(token in words for token in _TOKEN.findall(text))


def has_negation_list(lang: str) -> bool:
    return bool(language(lang).negations)
