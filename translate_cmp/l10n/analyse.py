"""detect + segment for a localisation unit: the declared language, no per-sentence guessing."""

from __future__ import annotations

from dataclasses import replace

from translate_cmp.records import Document, Sentence
from translate_cmp.segment import segment

DECLARED_PROB = 1.0  # the language was declared by the file, not detected


def unit_sentences(document: Document) -> list[Sentence]:
    """The unit's sentences, each in the file's declared target language."""
    lang = document.unit.target_lang
    return [replace(s, lang=lang, lang_prob=DECLARED_PROB) for s in segment(document, lang)]
