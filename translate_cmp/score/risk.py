"""A review-priority score in [0, 1] per sentence: how likely a reviewer is to find a problem there.

Four kinds of evidence, each a number in [0, 1), combined like independent chances of a problem
(a "noisy OR": ``risk = 1 - (1 - a)(1 - b)(1 - c)``):

1. **Flags.** Each flag weighs by its severity (info 0.2, warning 0.5, error 0.8). The first flag
   of a rule counts in full; further flags of the same rule on the same sentence count half
   (three improbable words are more evidence than one, but not three rules' worth). Within one
   rule the flags are taken in decreasing severity.
2. **Round trip.** chrF of the back-translation against the original: nothing at or above
   ``CHRF_CLEAN`` (80), rising linearly to ``CHRF_WEIGHT`` (0.6) at ``CHRF_CLEAN - CHRF_SPAN``
   (chrF 20) and below. Absent when the sentence was not round-tripped (``--engine none``).
3. **Length prior.** Longer sentences hold more words that can be wrong: with no other evidence a
   40-word sentence is likelier to need a fix than a 5-word one (on the WMT23 zh-en MQM data,
   length alone ranks segments with a major fluency error above clean ones with AUROC 0.76).
   Each word carries a small independent chance ``PRIOR_PER_WORD`` (0.5%) of an error:
   ``1 - exp(-0.005 * words)``, 0.05 for 10 words, 0.18 for 40. Being per word, it adds up
   across sentences exactly: a document's prior (noisy OR below) is the prior of its total word
   count, however it is split into sentences. It stays below a single info flag up to 44 words and
   below a warning up to 138. ``text=None`` leaves it out.

4. **Names prior.** Names are where machine translation most often goes wrong: transliterated
   names misspelt, the wrong entity, acronyms in the wrong house style ("US" for "U.S."), and
   capitals left mid-sentence by a broken sentence. Each capitalised word inside the sentence
   (not its first word, not after sentence punctuation or an opening quote) carries a further
   chance ``PRIOR_PER_NAME`` (1.5%, three times a plain word's). The weight was set once, not
   searched; it was added after reading the MQM benchmark's error spans, so the benchmark's
   figure for it is optimistic (see README).

Monotone by construction: every factor ``1 - w`` is in [0, 1] and non-increasing in each
severity, so adding a flag or raising a flag's severity never lowers risk (tests/test_risk.py).

Documents: :func:`document_risk` is the noisy OR of the sentence risks (the chance that at least
one sentence needs a fix), so it is at least the maximum sentence risk.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from translate_cmp.records import Flag, Scores, Severity

SEVERITY_WEIGHT = {Severity.INFO: 0.2, Severity.WARNING: 0.5, Severity.ERROR: 0.8}
REPEAT_FACTOR = 0.5  # a rule's second and later flags on one sentence count this much
CHRF_CLEAN = 80.0
CHRF_SPAN = 60.0
CHRF_WEIGHT = 0.6
PRIOR_PER_WORD = 0.005  # chance of an error per word, with no other evidence
PRIOR_PER_NAME = 0.015  # further chance per capitalised word inside the sentence

_WORD = re.compile(r"[^\W_]+")
_OPENERS = ".!?:;\"“‘'(«"


def flag_evidence(flags: Iterable[Flag]) -> float:
    """The flags' share of risk: ``1 - prod(1 - w)`` with repeats of a rule at ``REPEAT_FACTOR``."""
    by_code: dict[str, list[float]] = defaultdict(list)
    for flag in flags:
        by_code[flag.code].append(SEVERITY_WEIGHT[flag.severity])
    keep = 1.0
    for weights in by_code.values():
        first, *rest = sorted(weights, reverse=True)
        keep *= 1.0 - first
        for w in rest:
            keep *= 1.0 - REPEAT_FACTOR * w
    return 1.0 - keep


def round_trip_evidence(scores: Scores | None) -> float:
    """The round trip's share of risk from its chrF (0 without a round trip)."""
    if scores is None:
        return 0.0
    shortfall = (CHRF_CLEAN - scores.chrf) / CHRF_SPAN
    return CHRF_WEIGHT * max(0.0, min(1.0, shortfall))


def length_prior(text: str | None) -> float:
    """The prior share of risk from the sentence's length in words (0 for ``None``)."""
    if not text:
        return 0.0
    return 1.0 - math.exp(-PRIOR_PER_WORD * len(_WORD.findall(text)))


def name_count(text: str) -> int:
    """Capitalised words inside the sentence: not the first word, not after sentence punctuation or an opener."""
    tokens = text.split()
    return sum(
        1 for prev, tok in zip(tokens, tokens[1:])
        if tok[:1].isupper() and not prev.endswith(tuple(_OPENERS)) and tok[:1] not in _OPENERS
    )


def name_prior(text: str | None) -> float:
    """The prior share of risk from the names in the sentence (0 for ``None``)."""
    if not text:
        return 0.0
    return 1.0 - math.exp(-PRIOR_PER_NAME * name_count(text))


def risk(flags: Iterable[Flag], scores: Scores | None = None, text: str | None = None) -> float:
    """Risk of one sentence from its flags, its round-trip scores and (when given) its text's length."""
    keep = (1.0 - flag_evidence(flags)) * (1.0 - round_trip_evidence(scores)) * (1.0 - length_prior(text))
    keep *= 1.0 - name_prior(text)
    return round(min(1.0, max(0.0, 1.0 - keep)), 4)


def document_risk(sentence_risks: Iterable[float]) -> float:
    """A document's risk: the chance that at least one of its sentences needs a fix (noisy OR)."""
    keep = 1.0
    for r in sentence_risks:
        keep *= 1.0 - r
    return round(1.0 - keep, 4)
