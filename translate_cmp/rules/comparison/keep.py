"""What a translation must keep of its source, language-independent enough to compare across a pair: numbers
(with their scale words: "2 milliards" is "2.000 millones"), negation (the words are in each language's record,
translate_cmp/lang/), names. Used by C507, C508 and C509.
"""

from __future__ import annotations

import re

from translate_cmp.lang.profile import language

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?![\w])")
_GROUP = re.compile(r"[.,\u00a0\u202f ](?=\d{3}(?:\D|$))")
# words that scale the number before them, in the languages the routes serve
SCALES = {
    **dict.fromkeys(("thousand", "mil", "mille", "miles", "duizend", "tysiąc", "тысяч", "тысячи", "тысяча"), 10**3),
    **dict.fromkeys(("million", "millions", "millón", "millones", "milhão", "milhões", "milió", "milions",
                     "milione", "milioni", "millón", "miljoen", "миллион", "миллиона", "миллионов"), 10**6),
    **dict.fromkeys(("billion", "billions", "milliard", "milliards", "miliardo", "miliardi", "millardo",
                     "millardos", "miljard", "миллиард", "миллиарда", "миллиардов", "mil millones"), 10**9),
}
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _value(token: str) -> float | None:
    """The number a token writes: groups of three after a separator are thousands, a last other group decimals."""
    body = _GROUP.sub("", token.replace("\u00a0", " ").replace("\u202f", " "))
    body = body.replace(",", ".")
    try:
        return float(body)
    except ValueError:
        return None


def number_keys(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Every number written with digits: its span and the keys it matches under (its digits without separators,
    and its value times a scale word right after it: "2 milliards" and "2.000 millones" share 2000000000)."""
    out = []
    for m in _NUMBER.finditer(text):
        token = m.group().strip()
        keys = {re.sub(r"\D", "", token)}
        following = _NEXT_WORD.match(text, m.end())
        scale = SCALES.get(following.group(1).lower()) if following else None
        value = _value(token)
        if scale and value is not None:
            keys.add(str(round(value * scale)))
        out.append((m.start(), m.start() + len(token), frozenset(keys)))
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
