"""Helpers shared by several L3xx rules: the script of a letter.

Helpers used by one rule live in that rule's file; the text views every surface rule shares (words,
letters) are in :mod:`translate_cmp.rules.text`, :mod:`translate_cmp.rules.pairing` and
:mod:`translate_cmp.rules.docview`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translate_cmp.rules.text import LETTERS


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The script of a letter, from its Unicode name: LATIN, CYRILLIC, GREEK, CJK, ARABIC, ..."""
    if ch in "ªº":  # FEMININE/MASCULINE ORDINAL INDICATOR: Latin letters ("1º", "nª")
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=65536)
def token_scripts(token: str) -> frozenset[str]:
    """The scripts of a word's letters (:func:`script_of` of each), remembered per word: words repeat."""
    return frozenset(script_of(ch) for ch in token)


_NOT_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LAST: tuple[str, frozenset[str]] | None = None
_ODD_SCRIPTS: dict[str, frozenset[str]] = {}  # the scripts of the letters of a text's characters outside ASCII
_LATIN = frozenset({"LATIN"})


def letter_scripts(text: str) -> frozenset[str]:
    """The scripts of every letter of ``text`` (a letter: a character of a :data:`~translate_cmp.rules.text.LETTERS`
    run): the union of :func:`token_scripts` over its runs, read from its distinct characters once (ASCII letters are
    LATIN). L302 and L303 ask it of the same sentence in turn: the last text's answer is kept (with the text, so
    that its identity cannot be reused while it is kept)."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is text:
        return last[1]
    # sorted: the same string for the same characters (found by a scan for the runs outside ASCII, which skips the
    # ASCII characters in C, rather than a set of every character)
    odd = "".join(sorted(set("".join(_NOT_ASCII_RUN.findall(text)))))
    scripts = _ODD_SCRIPTS.get(odd)
    if scripts is None:  # (rows share their few characters outside ASCII: "’", "é", "“”")
        scripts = frozenset({script_of(ch) for run in LETTERS.findall(odd) for ch in run})  # a character's own class
        if len(_ODD_SCRIPTS) >= 4096:
            _ODD_SCRIPTS.clear()
        _ODD_SCRIPTS[odd] = scripts
    if "LATIN" not in scripts and _ASCII_LETTER.search(text):
        scripts = scripts | _LATIN
    _LAST = (text, scripts)  # one assignment: a thread sees the old entry or the new one, whole
    return scripts
