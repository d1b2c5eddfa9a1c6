"""Numbers in a text: where each one is and the values it may stand for. The one number reader of the rules.

Digits are read the same way in every language: Arabic-Indic, Persian and full-width digits as ASCII ones
(:data:`DIGITS`, one character for one, so offsets stay); a number's values are every value it may stand for in
some locale (:func:`values`: "7,000" is 7000 in English and 7.0 in German, "7.000" the other way round, "7 000"
and "7'000" are 7000, "3,5" and "13·4" are decimals), so that a number compares with its translation whatever the
two locales. What differs between callers is which digits count as a number, one option of :func:`numbers`:

- ``ALONE`` (the default): a number standing on its own, as a catalogue check reads it: not inside a word or code
  ("utf8", "IPv4", "h1"), nor after "/", ":" or "-" (a date's, a time's or a range's second part: "2023-02-11",
  "13:09"); a sign is its own ("-5").
- ``PARTS``: also the parts after "/", ":" and "-" ("10-20", "2023-02-11"), as a pair of aligned sentences
  compares them (C507); no sign. Neither reading takes a part of a number glued to a word ("2" of "2.5mg").
- ``RUNS``: every run of digits, inside words too ("RFC4648", "2.5mg", "IL6"), as a round trip (R402) or a
  source whose every digit counts (Q634) reads them; no sign.

Chinese and Japanese write digits against their characters with scale characters after them ("1200万"):
:func:`cjk_numbers`. Numbers written as words: :func:`written_out` (the words of the language's record, two to
twelve), :func:`english_words` (English's words up to ninety-nine, tens compounded: "seventy-four"), and, for a
translation of a Chinese or Japanese source, :func:`spelled_numbers` (scale words, ordinals, suffixes, months).
The text comes in as the caller wants it read (the localisation checks blank placeholders and URLs first); no
function here reads markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from translate_cmp.lang.profile import language

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
ANY_DIGIT = re.compile(r"\d")  # \d: Arabic-Indic and full-width digits too

ALONE, PARTS, RUNS = "alone", "parts", "runs"
_GROUPED = r"(?:\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+|\d+)(?:[.,·]\d+)?"  # thousands groups after 1-3 digits
READINGS = {
    ALONE: re.compile(r"(?<![\w.,/:-])[-−+]?" + _GROUPED + r"(?![\w]|[.,·]\d)"),
    PARTS: re.compile(r"(?<![\w.,])" + _GROUPED + r"(?![\w]|[.,·]\d)"),
    RUNS: re.compile(_GROUPED),
}


class Number(NamedTuple):
    """A number of a text: its offsets and every value it may stand for (floats; a month read from a Chinese or
    Japanese date is ``("month", n)``)."""

    start: int
    end: int
    values: frozenset


def values(token: str) -> frozenset[float]:
    """Every value ``token`` may stand for in some locale: "7,000" is 7000 (en) or 7.0 (de); "7.000" 7000 (de) or
    7.0 (en); "7 000" and "7'000" 7000; "3,5" and "13·4" (a decimal point written as a middle dot) decimals."""
    t = token.replace("−", "-").replace("’", "'").replace("·", ".")
    sign = -1.0 if t.startswith("-") else 1.0
    t = t.lstrip("+-")
    out = set()
    grouped = re.fullmatch(r"\d{1,3}(?:([.,' \u00a0\u202f])\d{3})+(?:([.,])(\d+))?", t)
    if grouped and grouped.group(1) != grouped.group(2):
        whole = re.sub(r"[.,' \u00a0\u202f]", "", t[: grouped.start(2)] if grouped.group(2) else t)
        frac = grouped.group(3) or "0"
        out.add(float(f"{whole}.{frac}"))
    single = re.fullmatch(r"(\d+)(?:[.,](\d+))?", t)
    if single:
        out.add(float(f"{single.group(1)}.{single.group(2) or 0}"))
    if not out:
        out.add(float(re.sub(r"\D", "", t) or 0))
    return frozenset(sign * v for v in out)


def numbers(text: str, reading: str = ALONE) -> list[Number]:
    """Each number written with digits in ``text``, read the ``reading`` way (:data:`ALONE`, :data:`PARTS`,
    :data:`RUNS`: see the module's docstring), with its values."""
    if not ANY_DIGIT.search(text):
        return []  # a number has a digit
    plain = text.translate(DIGITS)
    return [Number(m.start(), m.end(), values(m.group())) for m in READINGS[reading].finditer(plain)]


def rounded(v: float) -> float:
    return float(f"{v:.6g}")  # 1.1 * 10^8 is 110000000.00000001


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def scale_after(text: str, end: int, scales: Mapping[str, float]) -> float | None:
    """The scale of the word right after offset ``end`` ("2 milliards": 10^9), from ``scales`` (lower-case words);
    None where the next word is none of them."""
    m = _NEXT_WORD.match(text, end)
    return scales.get(m.group(1).lower()) if m else None


_CJK_NUMBER = re.compile(r"(?<![0-9A-Za-z.,:/\\-])(\d+(?:[.,]\d+)*)(?![0-9A-Za-z.,:/\\-])\s*[余多]?([^\W\d_]{1,2})?")
_MONTH, _DECADE = "月", "年代"


def cjk_numbers(text: str, lang: str) -> list[Number]:
    """Each number of a Chinese or Japanese ``text``, which writes digits against its characters with no space
    ("2月10日", "1200万"): a scale character after it multiplies it (``Language.scale_characters``: "33.06万" is
    330,600 only), a number before 月 may be written as the month's name ("2月": ("month", 2)), one before 年代 as
    a decade ("90年代": 1990s). Digits glued to Latin letters or inside a date, time or code ("5G", "2023-02-11",
    "13:09") are not read, nor a list ("1,2")."""
    if not ANY_DIGIT.search(text):
        return []
    scales = language(lang).scale_characters
    plain = text.translate(DIGITS)
    out: list[Number] = []
    for m in _CJK_NUMBER.finditer(plain):
        digits = m.group(1)
        if "," in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            continue  # "1,2": a list, not a number
        value = float(digits.replace(",", ""))
        after = m.group(2) or ""
        scale = next((scales[k] for k in (after, after[:1]) if k in scales), None)
        found: set = {rounded(value * scale)} if scale else {rounded(value)}
        if after.startswith(_MONTH) and value == int(value) and 1 <= value <= 12:
            found.add(("month", int(value)))
        if after.startswith(_DECADE) and value < 100:
            found |= {rounded(1900 + value), rounded(2000 + value)}
        out.append(Number(m.start(), m.end(1), frozenset(found)))
    return out


def spelled_numbers(text: str, lang: str) -> list[frozenset]:
    """The numbers a translation of a Chinese or Japanese source writes, in ``lang``'s conventions, as value sets:
    digits (as :func:`numbers`), multiplied by a scale word after them ("8.96 billion", "12 to 14 million"), with a
    suffix ("10th", "1990s"), ordinals written out ("fifth") and the months' names (("month", 2) for "February",
    "Feb.")."""
    profile = language(lang)
    plain = text.translate(DIGITS)
    found: list[frozenset] = []
    scale_after_range = None
    if profile.scale_words:
        scale_after_range = re.compile(r"\s*(?:(?:to|and|or|-|–)\s*\W?\d+(?:[.,]\d+)?\s*)?-?(" +
                                       "|".join(map(re.escape, profile.scale_words)) + r")s?\b", re.IGNORECASE)
    spans = [(n.start, n.end, set(n.values)) for n in numbers(plain)]
    if profile.number_suffixes:
        suffixed = re.compile(r"(?<![\w.,])(\d+)(?:" + "|".join(profile.number_suffixes) + r")\b")
        spans += [(m.start(), m.end(), {float(m.group(1))}) for m in suffixed.finditer(plain)]
    for _, end, vs in spans:
        vs = {rounded(v) for v in vs}
        m = scale_after_range.match(plain, end) if scale_after_range else None
        if m:
            vs |= {rounded(v * profile.scale_words[m.group(1).lower()]) for v in vs}
        found.append(frozenset(vs))
    for w in re.findall(r"[^\W\d_]+", plain.lower()):
        if w in profile.ordinals:
            found.append(frozenset({float(profile.ordinals[w])}))
        month = next((i for i, name in enumerate(profile.months, 1) if w == name or (len(w) >= 3 and
                                                                                      name.startswith(w))), None)
        if month is not None and (len(w) > 3 or w in {n[:3] for n in profile.months}):
            found.append(frozenset({("month", month)}))
    return found


def written_out(text: str, lang: str) -> list[float]:
    """The numbers ``text`` writes as words of its language, from its record's ``numerals`` (two to twelve: German
    "zwei", Russian "двух", Japanese "二つ"; a compound one starts, "двухбайтовая", where the record says so; one
    with a numeral suffix, "zehnmal", "dreifach")."""
    words = language(lang).numerals
    if not words:
        return []
    if not language(lang).spaced:
        # each form as often as it stands, left to right without overlap: what re.finditer of the literal finds
        return [float(n) for form, n in words.items() for _ in range(text.count(form))]
    found = []
    suffixes = language(lang).numeral_suffixes
    heads = sorted((f for f in words if len(f) >= 4), key=len, reverse=True) if language(lang).numeral_heads else []
    for w in re.findall(r"[^\W\d_]+", text.lower()):
        if w in words:
            found.append(float(words[w]))
        elif heads and (head := next((f for f in heads if w.startswith(f) and len(w) - len(f) >= 4), None)):
            found.append(float(words[head]))  # a compound it starts: "двухбайтовая", "пятистрочным"
        elif suffixes and w.endswith(suffixes):  # a compound: "zehnmal", "dreifach", "tienvoudig"
            stem = next((w[: -len(x)] for x in suffixes if w.endswith(x) and w[: -len(x)] in words), None)
            if stem is not None:
                found.append(float(words[stem]))
    return found


def ordinals(text: str, lang: str) -> list[float]:
    """The numbers ``text`` writes as ordinal words of its language's record ("third": 3)."""
    words = language(lang).ordinals
    return [float(words[w]) for w in re.findall(r"[^\W\d_]+", text.lower()) if w in words] if words else []


_UNITS = {w: n for n, w in enumerate(re.findall(r"\w+", """zero one two three four five six seven eight nine ten
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"""))}
_TENS = {w: 10 * n for n, w in enumerate(re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety"),
                                          start=2)}
_ENGLISH_WORD = re.compile(r"\b(?:(" + "|".join(_TENS) + r")(?:[- ]+(" + "|".join(list(_UNITS)[1:10]) + r")\b)?"
                           r"|(" + "|".join(_UNITS) + r"))\b", re.IGNORECASE)


def english_words(text: str) -> list[Number]:
    """English numbers written as words, zero to ninety-nine, a ten compounded with its unit ("seventy-four",
    "twenty two": 74, 22): beyond English's record's ``numerals`` (two to twelve, what a translation may write for
    a digit), for a text whose every number counts (an English round trip, an English source)."""
    out = []
    for m in _ENGLISH_WORD.finditer(text):
        tens, unit, alone = m.group(1), m.group(2), m.group(3)
        value = _TENS[tens.lower()] + _UNITS.get((unit or "").lower(), 0) if tens else _UNITS[alone.lower()]
        out.append(Number(m.start(), m.end(), frozenset({float(value)})))
    return out
