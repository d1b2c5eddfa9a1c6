"""detect + segment for a localisation unit: the declared language, no per-sentence guessing.

Segmenting: the unit is split as an article is, then a split is undone where the next piece does not start
a sentence -- it starts with a lower-case letter or with punctuation or a symbol. UI strings are full of
abbreviations and character lists that a sentence splitter takes for full stops ("Modif. :",
"rappr. dell'oggetto", "{}.º", "@/./+/-/_ bevatten."); a real sentence after a full stop starts with a
capital, a digit, a quote or bracket, or a letter of a script without case.
"""

from __future__ import annotations

from translate_cmp.records import Document, Sentence
from translate_cmp.segment import segment

DECLARED_PROB = 1.0  # the language was declared by the file, not detected
_OPENERS = "\"'“”‘’«»„‚¿¡([{<「『【（"


def starts_sentence(text: str) -> bool:
    first = text.lstrip(_OPENERS)[:1] if text.lstrip(_OPENERS) else text[:1]
    if not first:
        return False
    if first.isdigit() or first in _OPENERS or first == "%":
        return True
    if not first.isalpha():
        return False
    return not first.islower()  # upper case, or a script without case (Japanese, Chinese, ...)


def merged(document: Document, sentences: list[Sentence], lang: str = "", lang_prob: float = 0.0) -> list[Sentence]:
    """``sentences`` with the false splits joined again (see the module docstring), renumbered (each in ``lang``,
    with ``lang_prob``)."""
    spans: list[list[int]] = []
    for s in sentences:
        if spans and spans[-1][2] == s.para_id and not starts_sentence(s.text):
            spans[-1][1] = s.end
        else:
            spans.append([s.start, s.end, s.para_id])
    return [Sentence(document.doc_id, i, start, end, document.text[start:end], para, lang, lang_prob)
            for i, (start, end, para) in enumerate(spans)]


def unit_sentences(document: Document) -> list[Sentence]:
    """The unit's sentences, each in the file's declared target language."""
    lang = document.unit.target_lang
    found = merged(document, segment(document, lang), lang, DECLARED_PROB)
    if not found and document.text:  # a whitespace-only target: one sentence, so the unit rules see it (Q602)
        found = [Sentence(document.doc_id, 0, 0, len(document.text), document.text, lang=lang,
                          lang_prob=DECLARED_PROB)]
    return found
