"""Helpers shared by several S1xx rules: telling code (identifiers, paths, addresses, commands, marks
mentioned as symbols) from prose.

Helpers used by one rule live in that rule's file; the text views every surface rule shares (words,
clause starts, the document's quote and bracket orphans) are in :mod:`translate_cmp.rules.text`,
:mod:`translate_cmp.rules.pairing` and :mod:`translate_cmp.rules.docview`.
"""

from __future__ import annotations

import re

from translate_cmp.lang.tokens import foreign_script, has_frequencies, has_vowel, is_english_term, is_known_word
from translate_cmp.lang.wordlists import closed_class, zipf

_LETTER_WORD = 6.0  # Zipf: a letter this frequent (once in a thousand words) is a word: Italian "i", "o"
_DIGITS = frozenset("0123456789")
_CODE_MARKS = frozenset("/@[]{}()=<>_`|\\*#~$%^&+") | _DIGITS


def _raw_chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` around ``text[start:end]``."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right]


def _chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` around ``text[start:end]``, edge punctuation removed."""
    return _raw_chunk(text, start, end).strip("\"'“”‘’«»()[].,;:!?")


_ROLE = re.compile(r"(?:^|\W):[^\W\d_]+:")  # ":toctree:", ":file:": a markup role or option name
_VALUE_LIST = re.compile(r"[^\W_]+(?:,[^\W_]+){2,}")  # "L,R,C,LFE,BL": names the program splits on commas


def looks_like_code(text: str, start: int, end: int, numbers: bool = True) -> bool:
    """Part of an identifier, a path, an address, a file name, a markup role or a list of values, not prose;
    with ``numbers=False`` a digit or a percent sign alone does not make a token code ("0,90;", "%,.")."""
    chunk = _chunk(text, start, end)
    marks = _CODE_MARKS if numbers else _CODE_MARKS - _DIGITS - {"%"}
    if any(ch in marks for ch in chunk) or "www" in chunk:
        return True
    if _ROLE.search(_raw_chunk(text, start, end)) or (_VALUE_LIST.fullmatch(chunk) and chunk.isupper()):
        return True
    return re.search(r"[a-z]\.[a-z]", chunk) is not None  # "LIGA.net", "report.pdf", "fetch.fsck.badTimezone"


def keeps_own_casing(word: str, lang: str) -> bool:
    """A token that keeps the casing it has, not the sentence capitals of ``lang``: an identifier or a command
    (no word of the language or of English: "imgmath", "systemctl"; no vowel: "ls", "dx"), an English term in
    another language's prose ("time", "setup" in Italian), a word in another script ("cgroup" in Russian).
    Each part of a hyphenated token counts ("crypttab-Einträge", "sphinx-build", "tipo-fs")."""
    return any(_own_casing(part, lang) for part in word.split("-") if part)


def _own_casing(part: str, lang: str) -> bool:
    if foreign_script(part, lang):
        return True
    if len(part) == 1:  # a letter is a word where the language has it ("в", "y", "i"), else a variable ("n", "x")
        low = part.lower()
        return has_frequencies(lang) and low not in closed_class(lang) and zipf(low, lang) < _LETTER_WORD
    return not has_vowel(part) or not is_known_word(part, lang) or is_english_term(part, lang)


CODE_MARKS = _CODE_MARKS  # characters of code (paths, markup, formats, numbers) rather than of prose words
