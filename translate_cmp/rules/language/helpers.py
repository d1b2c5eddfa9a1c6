"""Helpers shared by several L3xx rules: the script of a letter.

Helpers used by one rule live in that rule's file; the text views every surface rule shares (words,
letters) are in :mod:`translate_cmp.rules.text`, :mod:`translate_cmp.rules.pairing` and
:mod:`translate_cmp.rules.docview`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


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
