"""Helpers shared by several S1xx rules: telling code (identifiers, paths, addresses) from prose.

Helpers used by one rule live in that rule's file; the text views every surface rule shares (words,
clause starts, the document's quote and bracket orphans) are in :mod:`translate_cmp.rules.docview`.
"""

from __future__ import annotations

import re

_CODE_MARKS = frozenset("/@[]{}()=<>_`|\\*#~$%^&+0123456789")


def _chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` around ``text[start:end]``, edge punctuation removed."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right].strip("\"'“”‘’«»()[].,;:!?")


def looks_like_code(text: str, start: int, end: int) -> bool:
    """Part of an identifier, a path, an address or a file name rather than of prose."""
    chunk = _chunk(text, start, end)
    if any(ch in _CODE_MARKS for ch in chunk) or "www" in chunk:
        return True
    return re.search(r"[a-z]\.[a-z]", chunk) is not None  # "LIGA.net", "report.pdf", "fetch.fsck.badTimezone"


CODE_MARKS = _CODE_MARKS  # characters of code (paths, markup, formats, numbers) rather than of prose words
