"""A second opinion on a sentence's language: lingua, restricted to two candidates.

langdetect (documents) mixes up close languages on one sentence (Dutch read as Afrikaans, "Ist." as
English). When a sentence looks foreign, lingua-language-detector (models in its wheel, strong on
short text) decides between the document's language and the detected one; the confidence it needs
grows as the sentence gets shorter.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence language is worth detecting from this size on (L301 judges nothing shorter): below it,
# n-gram detectors guess ("Ist." came back as English) and a sentence takes its document's language.
MIN_WORDS = 6
MIN_LETTERS = 30

_PLAIN_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")
_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?¿¡…-–—"


def plain_words(text: str) -> list[str]:
    """Whitespace tokens that are words of prose (no digits, underscores, dots or slashes inside)."""
    return list(_plain_words(text))


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> tuple[str, ...]:
    """:func:`plain_words`, remembered: detection and L301 ask for the same sentence up to three times."""
    match = _PLAIN_WORD.fullmatch
    return tuple(token for token in (t.strip(_EDGE_PUNCT) for t in text.split()) if match(token))


def no_language_evidence(words: list[str], doc_lang: str) -> bool:
    """Words whose language no detector should overrule the document on: half or more capitalised
    (names and headings fool n-gram detectors) unless they hold another language's grammar
    (:func:`other_grammar`), or, in an English document, a quarter or more English grammar words.
    L301 gives up on both whatever the detector says."""
    from translate_cmp.lang.lexicon import FUNCTION_WORDS

    if 2 * sum(1 for w in words if w[0].isupper()) >= len(words) and not other_grammar(words, doc_lang):
        return True
    return doc_lang == "en" and 4 * sum(1 for w in words if w.lower() in FUNCTION_WORDS) >= len(words)


def other_grammar(words: list[str], doc_lang: str) -> str | None:
    """A language of which the words hold at least 3 distinct grammar words, more than of the document's
    language (the hand-kept lists of ``lexicon``): the grammar of a sentence full of names and nouns
    ("Les Bleus ont battu l'Italie au Stade de France", "La Juventus ha battuto il Milan a San Siro")
    is evidence that it is in another language, so it is detected like any other sentence."""
    from translate_cmp.lang.lexicon import FOREIGN_FUNCTION_WORDS, FUNCTION_WORDS

    lowered = {w.lower() for w in words}
    own = len(lowered & (FUNCTION_WORDS if doc_lang == "en" else FOREIGN_FUNCTION_WORDS.get(doc_lang, frozenset())))
    for lang, grammar in FOREIGN_FUNCTION_WORDS.items():
        if lang != doc_lang and len(lowered & grammar) >= max(3, own + 1):
            return lang
    return None


def too_short(text: str) -> bool:
    """Too little text for a sentence-level language verdict: fewer than 6 words or 30 letters of prose."""
    words = plain_words(text)
    return len(words) < MIN_WORDS or sum(len(w) for w in words) < MIN_LETTERS


@lru_cache(maxsize=256)
def _detector(a: str, b: str):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    try:
        langs = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in (a, b)]
    except ValueError:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).build()


def foreign_confidence(text: str, doc_lang: str, found: str) -> float | None:
    """lingua's confidence that ``text`` is in ``found`` rather than ``doc_lang`` (None: lingua lacks one)."""
    detector = _detector(*sorted((doc_lang, found)))
    if detector is None:
        return None
    for value in detector.compute_language_confidence_values(text):
        if value.language.iso_code_639_1.name.lower() == found:
            return float(value.value)
    return 0.0


def required_confidence(n_words: int) -> float:
    """Short sentences need more certainty: 0.95 at 6 words, 0.8 from 15 words on."""
    return 0.8 if n_words >= 15 else 0.95 - 0.15 * (n_words - 6) / 9
