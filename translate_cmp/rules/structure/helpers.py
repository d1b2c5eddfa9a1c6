"""Helpers shared by several F2xx rules.

Helpers used by one rule live in that rule's file; the text views every surface rule shares (words,
paragraphs, lines of their own, the document's quote orphans) are in :mod:`translate_cmp.rules.text`,
:mod:`translate_cmp.rules.pairing` and :mod:`translate_cmp.rules.docview`.
"""

from __future__ import annotations

from translate_cmp.lang import furniture

# F204 and F205: English (lexicon's furniture lines, furniture's English-worded patterns) and the
# languages whose page furniture lang/furniture.py knows.
FURNITURE_LANGS = frozenset({"en"}) | furniture.LANGS
