"""Language identification with langdetect, made deterministic.

langdetect samples n-grams at random; a fixed seed on the factory makes every call repeatable.
Text with no letters gets ``und`` (undetermined) with probability 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNDETERMINED = "und"
SEED = 0

# langdetect names a few languages differently from argos/ISO 639-1 codes.
_CODE_FIXES = {"zh-cn": "zh", "zh-tw": "zt"}


@dataclass(frozen=True)
class Detection:
    lang: str
    prob: float


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = SEED
    return factory


@lru_cache(maxsize=1)
def _fast():
    from translate_cmp.fastdetect import FastDetector

    return FastDetector(_factory())


def detect(text: str) -> Detection:
    """The most probable language of ``text`` and its probability, the same on every call.

    langdetect's algorithm and profiles, run by :mod:`translate_cmp.fastdetect` (same answers, faster).
    """
    from langdetect.lang_detect_exception import LangDetectException

    if not any(ch.isalpha() for ch in text):
        return Detection(UNDETERMINED, 0.0)
    try:
        best = _fast().probabilities(text)[0]
    except (LangDetectException, IndexError):
        return Detection(UNDETERMINED, 0.0)
    return Detection(_CODE_FIXES.get(best.lang, best.lang), round(float(best.prob), 4))


FAST_PATH_MIN_DISTINCT = 3  # distinct function words of the document language ...
FAST_PATH_MIN_SHARE = 0.25  # ... making up at least this share of the sentence's words
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=32)
def _function_words(lang: str) -> frozenset[str]:
    from translate_cmp.rules.lexicon import FOREIGN_FUNCTION_WORDS, FUNCTION_WORDS

    return FUNCTION_WORDS if lang == "en" else FOREIGN_FUNCTION_WORDS.get(lang, frozenset())


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


def with_languages(sentences, doc: Detection | None = None):
    """The same sentences with ``lang`` and ``lang_prob`` set.

    With the document's detection ``doc``, a sentence plainly in the document's language (see
    :func:`plainly_in`) takes the document's language and probability; every other sentence is
    detected on its own text. The rules that look for foreign sentences need foreign function
    words, which such sentences do not have, so the fast path changes no flag.
    """
    from dataclasses import replace

    out = []
    for s in sentences:
        d = doc if doc is not None and plainly_in(s.text, doc.lang) else detect(s.text)
        out.append(replace(s, lang=d.lang, lang_prob=d.prob))
    return out
