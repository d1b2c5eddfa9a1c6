"""Language identification with langdetect, made deterministic.

langdetect samples n-grams at random; a fixed seed on the factory makes every call repeatable.
Text with no letters gets ``und`` (undetermined) with probability 0.
"""

from __future__ import annotations

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


def detect(text: str) -> Detection:
    """The most probable language of ``text`` and its probability, the same on every call."""
    from langdetect.lang_detect_exception import LangDetectException

    if not any(ch.isalpha() for ch in text):
        return Detection(UNDETERMINED, 0.0)
    detector = _factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return Detection(UNDETERMINED, 0.0)
    return Detection(_CODE_FIXES.get(best.lang, best.lang), round(float(best.prob), 4))


def with_languages(sentences):
    """The same sentences with ``lang`` and ``lang_prob`` set from their own text."""
    from dataclasses import replace

    out = []
    for s in sentences:
        d = detect(s.text)
        out.append(replace(s, lang=d.lang, lang_prob=d.prob))
    return out
