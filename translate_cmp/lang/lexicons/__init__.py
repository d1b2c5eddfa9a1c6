"""Bilingual lexicons: for a word of one language, the words of another that translate it.

One small interface for every lexicon: ``glosses(word) -> frozenset[str]``, the lower-case content words of the
target language its entries give (function words dropped; empty for a word the lexicon does not know), and
``lexicon(source_lang, target_lang)``, the lexicon for a language pair, or None where no lexicon for the pair is
installed. Each lexicon loads once per process.
"""

from __future__ import annotations

from typing import Protocol


class Lexicon(Protocol):
    """A bilingual lexicon from ``source_lang`` into ``target_lang``."""

    source_lang: str
    target_lang: str

    def glosses(self, word: str) -> frozenset[str]:
        """The lower-case target-language content words that translate ``word``; empty when it is not known."""
        ...


def lexicon(source_lang: str, target_lang: str) -> Lexicon | None:
    """The lexicon from ``source_lang`` into ``target_lang`` (base codes: "zh", "en"), or None where none is
    installed."""
    source, target = source_lang.split("-")[0].lower(), target_lang.split("-")[0].lower()
    if (source, target) == ("zh", "en"):
        from translate_cmp.lang.lexicons import cedict

        return cedict.load()
    return None
