"""Text primitives the surface rules share: words, letters, case, clause starts, neighbouring words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import compress
from operator import itemgetter, methodcaller, not_

from translate_cmp.rules.base import Hit

# A word: letters, optionally joined by apostrophes ("Macron’s", "don't"); digits and "_" excluded.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")

OPENING_PUNCT = "“‘«„‹([{¿¡"
CLOSING_PUNCT = "”’»›)]}"
CLAUSE_END = ".!?…:;•·–—"


# a word character (re's \w: a letter, a digit or "_") outside ASCII
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def ascii_words(text: str) -> bool:
    """Every word character of ``text`` is ASCII (only its marks may not be: curly quotes, ’, dashes): then WORD's and
    LETTERS' words are of ASCII letters (and apostrophes), a capital is one of A-Z and IGNORECASE is ASCII's. The
    answer for the last text asked is kept (the rules ask it of the same sentence one after another)."""
    global _ASCII_WORDS_LAST
    if text.isascii():
        return True
    last = _ASCII_WORDS_LAST
    if last[0] is text:  # the very object: held here, so not another text at its address
        return last[1]
    found = _NON_ASCII_WORD_CHAR.search(text) is None
    _ASCII_WORDS_LAST = (text, found)  # one assignment: threads see the old pair or the new, whole
    return found


_ASCII_WORDS_LAST: tuple[str, bool] = ("", True)


_GROUP = methodcaller("group")
_FIRST = itemgetter(0)
_TAIL = itemgetter(slice(1, None))


def capitalised_matches(pattern: re.Pattern[str], text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (one that matches no empty text: WORD, LETTERS) in ``text`` from ``pos`` that start
    with a capital, in order: the others (most words) passed over in C."""
    found = list(pattern.finditer(text, pos))
    return compress(found, map(str.isupper, map(_FIRST, map(_GROUP, found))))


def capital_word_matches(text: str) -> Iterator[re.Match[str]]:
    """``capitalised_matches(WORD, text)``, found by one scan that starts at the capital letters (few) instead of a
    match object for every word: a WORD match starts at a letter that follows no letter, and no apostrophe that
    follows a letter (WORD goes on through it); from a capital it is that capital, then WORD's own greedy rest. The
    scan knows the capitals of the Basic Multilingual Plane (a text with a character past it, rare, takes the long
    way: a class with those too is tried range by range, slower than the long way)."""
    if _BEYOND_BMP.search(text) is not None:
        return capitalised_matches(WORD, text)
    return _capital_word().finditer(text)


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _capital_word() -> re.Pattern[str]:
    """The pattern of :func:`capital_word_matches`: its class of capitals is every upper-case letter of the Basic
    Multilingual Plane (a character that ``str.isupper`` and WORD's class of letters matches), built when first
    asked."""
    letter = re.compile(r"[^\W\d_]")
    capitals = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and letter.match(c))
    return re.compile(f"[{re.escape(capitals)}]" + r"(?<![^\W\d_].)(?<![^\W\d_]['’].)[^\W\d_]*(?:['’][^\W\d_]+)*")


def capitalised_words(words: list[str]) -> Iterator[str]:
    """The ``words`` (none empty) that start with a capital, in order: the others passed over in C."""
    return compress(words, map(str.isupper, map(_FIRST, words)))


def cased_after_first(words: list[str]) -> Iterator[str]:
    """The ``words`` whose letters after the first are not all lower case (a capital there, or nothing cased), in
    order: the others (most words) passed over in C."""
    return compress(words, map(not_, map(str.islower, map(_TAIL, words))))


def is_title(word: str) -> bool:
    """``Word``: an upper-case letter, then at least one letter, all lower-case."""
    return len(word) >= 2 and word[0].isupper() and word[1:].islower()


def no_capital_inside(text: str) -> bool:
    """No upper-case letter after the first character (decided in C; a text of uncased letters alone, Chinese,
    says False: the caller looks further)."""
    return text[1:].islower()


def is_lower(word: str) -> bool:
    return word[:1].islower()


def starts_clause(text: str, pos: int) -> bool:
    """Whether a word at ``text[pos]`` may start with a capital: sentence start, or after an
    opening quote or bracket, a bullet, a dash, or punctuation that ends a clause."""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0:
        return True
    ch = text[j]
    if ch == '"':
        if j == 0 or text[j - 1].isspace() or text[j - 1] in OPENING_PUNCT:
            return True  # an opening straight quote
        ch = "”"
    if ch in OPENING_PUNCT or ch in CLAUSE_END or ch in "-*/|>":
        return True
    if ch in ")]":
        opener = _matching_opener(text, j)
        if opener is not None and starts_clause(text, opener):
            return True  # after a dateline or a bracket that starts the sentence: "(AFP) The ..."
    if ch in CLOSING_PUNCT:
        while j >= 0 and (text[j] in CLOSING_PUNCT or text[j] == '"'):
            j -= 1
        return j < 0 or text[j] in CLAUSE_END
    return False


def _matching_opener(text: str, close: int) -> int | None:
    """Position of the bracket that ``text[close]`` closes, or None."""
    pair = {")": "(", "]": "["}[text[close]]
    depth = 0
    for j in range(close, -1, -1):
        if text[j] == text[close]:
            depth += 1
        elif text[j] == pair:
            depth -= 1
            if depth == 0:
                return j
    return None


def previous_word(text: str, pos: int) -> re.Match[str] | None:
    """The word just before ``pos``, looking through spaces, commas and closing quotes/brackets."""
    j = pos - 1
    while j >= 0 and (text[j].isspace() or text[j] in ",”’»)]\""):
        j -= 1
    if j < 0 or not (text[j].isalpha()):
        return None
    end = j + 1
    while j >= 0 and (text[j].isalpha() or text[j] in "'’"):
        j -= 1
    return WORD.match(text, j + 1, end) if j + 1 < end else None


def next_word(text: str, pos: int) -> re.Match[str] | None:
    """The word that starts right after ``pos`` (spaces skipped, nothing else)."""
    j = pos
    while j < len(text) and text[j].isspace():
        j += 1
    return WORD.match(text, j)


_TITLE_CHAIN = re.compile(r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*)*")
AFTER_LOWER_THE = re.compile(r"\bthe (?=[A-Z])")


def title_chain(text: str, pos: int) -> str:
    """The run of capitalised words starting at ``pos`` ("United States" in "United States (9%)")."""
    m = _TITLE_CHAIN.match(text, pos)
    return m.group().rstrip(".,;:") if m else ""


def merge_hits(hits: Sequence[Hit], gap: int = 0) -> list[Hit]:
    """Overlapping (or within ``gap`` characters) hits of one rule become one; first message kept."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if out and hit.start <= out[-1].end + gap:
            last = out[-1]
            out[-1] = Hit(last.start, max(last.end, hit.end), last.message)
        else:
            out.append(hit)
    return out
