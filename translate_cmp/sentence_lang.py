"""A second opinion on a sentence's language: lingua, restricted to two candidates.

langdetect (documents) mixes up close languages on one sentence (Dutch read as Afrikaans, "Ist." as
English). When a sentence looks foreign, lingua-language-detector (models in its wheel, strong on
short text) decides between the document's language and the detected one; the confidence it needs
grows as the sentence gets shorter.
"""

from __future__ import annotations

from functools import lru_cache


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
