"""Language identification with langdetect, made deterministic.

langdetect samples n-grams at random; a fixed seed on the factory makes every call repeatable.
Text with no letters gets ``und`` (undetermined) with probability 0.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

UNDETERMINED = "und"
SEED = 0

# langdetect names a few languages differently from argos/ISO 639-1 codes.
_CODE_FIXES = {"zh-cn": "zh", "zh-tw": "zt"}
# langdetect has no Galician: it says Spanish or Portuguese (translate_cmp/lang/galician.py tells them apart)
GALICIAN_LOOKALIKES = frozenset({"es", "pt"})


@dataclass(frozen=True)
class Detection:
    lang: str
    prob: float


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from translate_cmp.lang.langdetect_fast import load_profiles

    factory = DetectorFactory()
    load_profiles(factory, PROFILES_DIRECTORY)  # what factory.load_profile does, a fraction of the time
    factory.seed = SEED
    return factory


@lru_cache(maxsize=1)
def _fast():
    from translate_cmp.lang.langdetect_fast import BatchDetector

    return BatchDetector(_factory())


def load_shared(documents: int = 0) -> None:
    """Load what detecting any document's languages needs, whatever its language: langdetect's profiles (and
    numpy) and wordfreq's code (each sentence's function words). A process about to fork workers calls it so
    that they inherit one copy instead of each loading its own (about 0.5 s of work per worker). ``documents``:
    how many the workers are about to detect (each at least one text); from ``BatchDetector.COMPILED_FROM`` on,
    what repays loading it, langdetect's compiled walk is loaded too (lang/langdetect_fast.py)."""
    fast = _fast()
    if documents >= fast.COMPILED_FROM:
        fast.load_compiled()
    from translate_cmp.lang.wordlists import load_wordfreq

    load_wordfreq()


def detect(text: str, galician: bool = True) -> Detection:
    """The most probable language of ``text`` and its probability, the same on every call.

    langdetect's algorithm and profiles, run by :mod:`translate_cmp.lang.langdetect_fast` (same answers, faster).
    ``galician``: a Spanish or Portuguese answer is checked for Galician, which langdetect does not know
    (translate_cmp/lang/galician.py).
    """
    from langdetect.lang_detect_exception import LangDetectException

    if not any(ch.isalpha() for ch in text):
        return Detection(UNDETERMINED, 0.0)
    try:
        best = _fast().probabilities(text)[0]
    except (LangDetectException, IndexError):
        return Detection(UNDETERMINED, 0.0)
    lang = _CODE_FIXES.get(best.lang, best.lang)
    if galician and lang in GALICIAN_LOOKALIKES:
        from translate_cmp.lang.galician import is_galician

        if is_galician(text):
            lang = "gl"
    return Detection(lang, round(float(best.prob), 4))


def detect_many(texts: list[str], galician: bool = True) -> list[Detection]:
    """:func:`detect` of each text, the documents run side by side (the same answers, a fraction of the time)."""
    asked = [k for k, text in enumerate(texts) if any(ch.isalpha() for ch in text)]
    out = [Detection(UNDETERMINED, 0.0)] * len(texts)
    for k, found in zip(asked, _fast().probabilities_many([texts[k] for k in asked])):
        if found:
            lang = _CODE_FIXES.get(found[0].lang, found[0].lang)
            if galician and lang in GALICIAN_LOOKALIKES:
                from translate_cmp.lang.galician import is_galician

                lang = "gl" if is_galician(texts[k]) else lang
            out[k] = Detection(lang, round(float(found[0].prob), 4))
    return out


FAST_PATH_MIN_DISTINCT = 3  # distinct function words of the document language ...
FAST_PATH_MIN_SHARE = 0.25  # ... making up at least this share of the sentence's words
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def grammar_words(lang: str) -> frozenset[str]:
    """``lang``'s grammar words: the hand-kept list of ``lexicon.FOREIGN_FUNCTION_WORDS`` (languages whose
    leftovers turn up in translations) together with langdata's closed-class words (any language)."""
    from translate_cmp.lang.lexicon import FOREIGN_FUNCTION_WORDS
    from translate_cmp.lang.wordlists import closed_class

    return FOREIGN_FUNCTION_WORDS.get(lang, frozenset()) | closed_class(lang)


@lru_cache(maxsize=64)
def _function_words(lang: str) -> frozenset[str]:
    """:func:`grammar_words`, and for English the full hand-kept English list as well."""
    from translate_cmp.lang.lexicon import FUNCTION_WORDS

    return (FUNCTION_WORDS | grammar_words(lang)) if lang == "en" else grammar_words(lang)


def plainly_in(text: str, lang: str) -> bool:
    """Whether ``text`` is written in ``lang`` beyond doubt: several of its function words, densely.

    A sentence of an English article with "the", "of" and "to" among every fourth word is English;
    running langdetect on it (about 2 ms) would only say so again.
    """
    vocab = _function_words(lang)
    if not vocab:
        return False
    words = [w.lower() for w in _WORDS.findall(text)]
    hits = [w for w in words if w in vocab]
    return len(set(hits)) >= FAST_PATH_MIN_DISTINCT and len(hits) >= FAST_PATH_MIN_SHARE * len(words)


def sentence_language(text: str, doc: Detection | None) -> tuple[Detection, str]:
    """The language of one sentence of a document detected as ``doc``, and how it was decided.

    Length-aware: a sentence too short for a verdict (under 6 words or 30 letters of prose, see
    :func:`translate_cmp.lang.second_opinion.too_short`) takes the document's language, since n-gram
    detectors guess on a few words ("Ist." came back as English) and L301 judges nothing that short;
    so does one without evidence against the document (mostly capitalised names, or English grammar
    in an English document: :func:`translate_cmp.lang.second_opinion.no_language_evidence`).
    A sentence plainly in the document's language (:func:`plainly_in`) takes it too. Every other
    sentence is detected on its own text. The rules that look for foreign sentences need long
    sentences with foreign grammar words, which neither shortcut lets through, so they change no flag.
    """
    found, how = _shortcut(text, doc)
    if found is not None:
        return found, how
    return _in_galician_document(text, doc, detect(text, galician=False)), "detected"


def _shortcut(text: str, doc: Detection | None) -> tuple[Detection | None, str]:
    """:func:`sentence_language` where it needs no detector; ``(None, "detected")`` where it does."""
    from translate_cmp.lang.second_opinion import no_language_evidence, plain_words, too_short

    if doc is None:
        return None, "detected"
    if too_short(text):
        return doc, "short"
    if no_language_evidence(plain_words(text), doc.lang):
        return doc, "no evidence"
    if plainly_in(text, doc.lang):
        return doc, "plain"
    return None, "detected"


def _in_galician_document(text: str, doc: Detection | None, found: Detection) -> Detection:
    """Galician told apart only in a Galician document: a sentence is little evidence, and Spanish or Portuguese
    documents keep langdetect's answer (2 of 400 Portuguese sentences read as Galician otherwise)."""
    if doc is not None and doc.lang == "gl" and found.lang in GALICIAN_LOOKALIKES:
        from translate_cmp.lang.galician import may_be_galician

        if may_be_galician(text, found.lang):
            return Detection("gl", found.prob)
    return found


def with_languages(sentences, doc: Detection | None = None, counts: Counter | None = None):
    """The same sentences with ``lang`` and ``lang_prob`` set (see :func:`sentence_language`).

    ``counts``: add how many sentences took each way ("short", "no evidence", "plain", "detected").
    """
    from dataclasses import replace

    out = []
    for s in sentences:
        d, how = sentence_language(s.text, doc)
        if counts is not None:
            counts[how] += 1
        out.append(replace(s, lang=d.lang, lang_prob=d.prob))
    return out


def with_languages_many(batch: list[tuple[list, Detection | None]], known: dict[str, Detection] | None = None
                        ) -> list[list]:
    """:func:`with_languages` of each ``(sentences, document detection)``, the sentences that need the
    detector detected together (:func:`detect_many`). ``known``: texts already detected (a one-sentence
    document's sentence is its text: detected once)."""
    from dataclasses import replace

    from translate_cmp.records import Sentence

    known = known or {}
    found = [[_known_or_shortcut(s.text, doc, known) for s in sentences] for sentences, doc in batch]
    asked = [(k, j) for k, row in enumerate(found) for j, d in enumerate(row) if d is None]
    texts = list(dict.fromkeys(batch[k][0][j].text for k, j in asked))  # each distinct text once
    detected = dict(zip(texts, detect_many(texts, galician=False)))
    for k, j in asked:
        text = batch[k][0][j].text
        found[k][j] = _in_galician_document(text, batch[k][1], detected[text])
    # ``replace(s, lang=d.lang, lang_prob=d.prob)``, each field given (replace reads the fields' list each time)
    return [[Sentence(s.doc_id, s.sent_id, s.start, s.end, s.text, s.para_id, d.lang, d.prob)
             if type(s) is Sentence else replace(s, lang=d.lang, lang_prob=d.prob) for s, d in zip(sentences, row)]
            for (sentences, _), row in zip(batch, found)]


def _known_or_shortcut(text: str, doc: Detection | None, known: dict[str, Detection]) -> Detection | None:
    """:func:`_shortcut`'s answer, else the detection of a document with this very text, else None (detect it).

    A text detected as a document with the same answer as this sentence's document (a table row: its one sentence
    is its text) takes it without the shortcut's tests, which could only say the same."""
    whole = known.get(text)
    if whole is not None and whole == doc:
        return doc
    return _shortcut(text, doc)[0] or whole
