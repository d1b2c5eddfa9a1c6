"""A review-priority score in [0, 1] per sentence: how likely a reviewer is to find a problem there.

Three kinds of evidence, each a number in [0, 1), combined like independent chances of a problem
(a "noisy OR": ``risk = 1 - (1 - a)(1 - b)(1 - c)``):

1. **Flags**, each weighted by what its rule is measured to be worth. On the MQM dev sets (real
   MT that professional raters annotated, issue 25) a rule's flags touch a rater's error span
   ``hits`` times out of ``flags``, where flags placed at random in the same rows would touch one
   ``chance`` times; the rule's weight is that excess over chance per flag, shrunk toward the
   flag's severity weight (info 0.2, warning 0.5, error 0.8) by ``SHRINK`` pseudo-flags, and at
   least ``MIN_FLAG_WEIGHT``::

       weight = max(MIN_FLAG_WEIGHT, (hits - chance + SHRINK * severity_weight) / (flags + SHRINK))

   A rule with no measured flags (round-trip rules, rules that never fired there) weighs its
   severity; a rule whose flags land on rater spans no more often than chance weighs
   ``MIN_FLAG_WEIGHT``: its flag still raises the sentence's risk, but less than a few words do.
   The counts are in ``risk_fit.RULES``, measured by ``python benchmarks/fit_risk.py --write``
   (rerun it when rules change). The first flag of a rule counts in full; further flags of the
   same rule on the same sentence count ``REPEAT_FACTOR`` (half); within a rule they are taken
   in decreasing weight.
2. **Round trip.** chrF of the back-translation against the original: nothing at or above
   ``CHRF_CLEAN`` (80), rising linearly to ``CHRF_WEIGHT`` (0.6) at ``CHRF_CLEAN - CHRF_SPAN``
   (chrF 20) and below. Absent when the sentence was not round-tripped (``--engine none``), and
   for a heading in capitals, which engines return in ordinary case (issue 22: "WHY THIS
   MATTERS." at chrF 11 outranked a flagged fragment).
3. **Text prior.** Longer sentences hold more places that can be wrong. The sentence's text is
   counted in word-equivalents (``risk_fit.UNITS``): a word 1, a punctuation mark or symbol more
   (commas, quotes, dashes, brackets: where locale conventions break), a name (a capitalised word
   inside the sentence, except in languages that capitalise every noun) more, an acronym (two
   capitals or more: "COVID", "EU", "MacroBot") most: names and abbreviations are what MT
   transliterates, misspells or leaves untranslated. A sentence written in capitals (a heading)
   has neither names nor acronyms. Each unit carries a small independent chance
   ``PRIOR_PER_UNIT`` (0.5%) of an error: ``1 - exp(-0.005 * units)``. Being per unit it adds up
   across sentences: a document's prior (noisy OR below) is the prior of its sentences' total
   units. The unit weights are fitted to rank rows with a Major error above clean rows on the MQM
   dev sets, cross-validated across sets (fitted on five, tested on the sixth;
   docs/rules/measurements.md, issue 25). ``text=None`` leaves the prior out.

Monotone by construction: every factor ``1 - w`` is in [0, 1] and non-increasing in each
severity, so adding a flag or raising a flag's severity never lowers risk, and a flagged
sentence ranks above the same sentence unflagged (tests/test_risk.py).

Documents: :func:`document_risk` is the noisy OR of the sentence risks (the chance that at least
one sentence needs a fix), so it is at least the maximum sentence risk.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, filterfalse, islice
from operator import itemgetter

from translate_cmp.records import Flag, Scores, Severity
from translate_cmp.score.risk_fit import RULES, UNITS

SEVERITY_WEIGHT = {Severity.INFO: 0.2, Severity.WARNING: 0.5, Severity.ERROR: 0.8}
SHRINK = 4.0  # pseudo-flags at the severity weight: a rule measured on few flags stays near its severity
MIN_FLAG_WEIGHT = 0.02  # a flag always raises risk, even from a rule measured at chance
MAX_FLAG_WEIGHT = 0.95
REPEAT_FACTOR = 0.5  # a rule's second and later flags on one sentence count this much
CHRF_CLEAN = 80.0
CHRF_SPAN = 60.0
CHRF_WEIGHT = 0.6
PRIOR_PER_UNIT = 0.005  # chance of an error per word-equivalent of text, with no other evidence
NOUN_CAPITALISING = frozenset({"de", "lb"})  # every noun is capitalised: a capital is no sign of a name

_WORD = re.compile(r"[^\W_]+")
_MARK = re.compile(r"[^\w\s]|_")  # neither a letter, a digit nor a space
_OPENERS = ".!?:;\"“‘'(«„"
_OPENER_TUPLE = tuple(_OPENERS)


def rule_weight(code: str, severity: Severity, rules: Mapping[str, tuple[int, int, float]] = RULES) -> float:
    """A flag's weight from its rule's measured excess over chance, shrunk toward its severity's weight."""
    flags, hits, chance = rules.get(code, (0, 0, 0.0))
    measured = (hits - chance + SHRINK * SEVERITY_WEIGHT[severity]) / (flags + SHRINK)
    return min(MAX_FLAG_WEIGHT, max(MIN_FLAG_WEIGHT, measured))


@lru_cache(maxsize=4096)
def _fitted_weight(code: str, severity: Severity) -> float:
    """``rule_weight(code, severity)`` from ``risk_fit.RULES``, remembered."""
    return rule_weight(code, severity, RULES)


def flag_evidence(flags: Iterable[Flag], rules: Mapping[str, tuple[int, int, float]] = RULES) -> float:
    """The flags' share of risk: ``1 - prod(1 - w)`` with repeats of a rule at ``REPEAT_FACTOR``."""
    if isinstance(flags, list) and not flags:
        return 0.0  # no flag (most sentences): the product of nothing is 1
    by_code: dict[str, list[float]] = defaultdict(list)
    if rules is RULES:  # the fitted counts (every run): each rule's weight at a severity worked out once
        for flag in flags:
            by_code[flag.code].append(_fitted_weight(flag.code, flag.severity))
    else:
        for flag in flags:
            by_code[flag.code].append(rule_weight(flag.code, flag.severity, rules))
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


@dataclass(frozen=True)
class TextCounts:
    """What the text prior counts in a sentence."""

    words: int
    marks: int  # punctuation marks and symbols: characters neither letters, digits nor spaces
    names: int  # capitalised words inside the sentence (none in languages that capitalise nouns)
    acronyms: int  # words with two capitals or more

    @property
    def units(self) -> float:
        """Word-equivalents: the counts weighted by ``risk_fit.UNITS``."""
        return self.weighted(UNITS)

    def weighted(self, units: Mapping[str, float]) -> float:
        return (self.words * units["word"] + self.marks * units["mark"] + self.names * units["name"]
                + self.acronyms * units["acronym"])


def name_count(text: str, lang: str = "") -> int:
    """Capitalised words inside the sentence: not the first word, not after sentence punctuation or an opener;
    none in a language that capitalises every noun (German)."""
    if lang in NOUN_CAPITALISING:
        return 0
    return _names(text.split())


def _names(tokens: list[str]) -> int:
    """:func:`name_count` of the sentence's tokens (split at spaces, none empty): each token after the first that
    starts with a capital, told in C (most do not), and the token before it."""
    upper = map(str.isupper, map(_FIRST, islice(tokens, 1, None)))
    return sum(
        1 for i in compress(range(1, len(tokens)), upper)
        if not tokens[i - 1].endswith(_OPENER_TUPLE) and tokens[i][:1] not in _OPENERS
    )


_FIRST = itemgetter(0)


def in_capitals(text: str) -> bool:
    """A heading in capitals ("WHY THIS MATTERS.", "WHAT'S NEXT."): more capitals than small letters, and two
    words or more in capitals."""
    return _in_capitals(text, [w for w in _WORD.findall(text) if not w.islower()])


def _in_capitals(text: str, cased: list[str]) -> bool:
    if sum(1 for w in cased if len(w) > 1 and w.isupper()) < 2:
        return False
    return sum(map(str.isupper, text)) > sum(map(str.islower, text))  # capitals against small letters


def text_counts(text: str, lang: str = "") -> TextCounts:
    """Words, marks, names and acronyms of one sentence; a sentence in capitals has neither names nor acronyms."""
    return TextCounts(*_counts(text, lang))


def _counts(text: str, lang: str) -> tuple[int, int, int, int]:
    """:func:`text_counts`' figures as a tuple (the text prior reads them without making the record)."""
    # the few words with a capital after their first letter, or no small letter at all ("NATO", "iPhone", "2024"):
    # the only ones _in_capitals and _two_capitals can count (a Title-case word is told by one test); less the words
    # with no capital at all ("2024", Japanese, Chinese: with a small letter added they are lower case), which
    # neither counts. In ASCII text _WORD's words are the runs of letters and digits, split out of its bytes (quicker
    # than the scan; bytes' case tests are str's on ASCII: tests/test_flag_fastpaths.py)
    if text.isascii():
        data = text.encode("ascii")
        kinds = data.translate(_KIND_BYTES)  # each byte's kind: U a capital, l a small letter, d a digit, ...
        if b"lU" not in kinds and b"UU" not in kinds and b"dU" not in kinds and b"Ud" not in kinds:
            # no capital after a letter or digit, none before a digit (most rows): no word has two capitals or is in
            # capitals past one letter, so there is no heading in capitals and no acronym. The words are the runs
            # of letters and digits; the marks the bytes of kinds o and m; a name a token that starts with a capital
            # after a token that ends in no opener: in the kinds' tokens joined by one space, " U" less "o U"
            words = len(data.translate(_ALNUM_BYTES).split())
            marks = kinds.count(b"m") + kinds.count(b"o")
            if lang in NOUN_CAPITALISING:
                return words, marks, 0, 0
            joined = b" ".join(kinds.split())
            return words, marks, joined.count(b" U") - joined.count(b"o U"), 0
        words = data.translate(_ALNUM_BYTES).split()
        capitals = [w.decode("ascii") for w in filterfalse(bytes.islower, words)
                    if not w[1:].islower() and not (w + b"a").islower()]
    else:
        words = _WORD.findall(text)
        capitals = [w for w in filterfalse(str.islower, words) if not w[1:].islower() and not (w + "a").islower()]
    tokens = text.split()
    # _MARK's characters, counted without its scan: a character that is no space is a letter or digit (a word's), an
    # underscore or a mark, and _MARK counts the last two (re's \s and \w are str.isspace and str.isalnum or "_",
    # which no character is both: tests/test_flag_fastpaths.py)
    marks = sum(map(len, tokens)) - sum(map(len, words))
    if _in_capitals(text, capitals):
        return len(words), marks, 0, 0
    return (len(words), marks, 0 if lang in NOUN_CAPITALISING else _names(tokens),
            sum(1 for w in capitals if _two_capitals(w)))


# every byte but an ASCII letter or digit made a space (a text's bytes, where it is ASCII: _WORD's words split out)
_ALNUM_BYTES = bytes(b if chr(b).isalnum() else 32 for b in range(128)) + b" " * 128
# an ASCII byte's kind: U an upper-case letter, l a lower-case one, d a digit, a space (str.split's spaces, "\x1c" to
# "\x1f" too, which bytes.split keeps), o an opener (_OPENERS' ASCII ones: a capital after it starts no name), m any
# other mark
_KIND_BYTES = bytes(
    ord("U" if c.isupper() else "l" if c.islower() else "d" if c.isdigit() else " " if c.isspace()
        else "o" if c in _OPENERS else "m") for c in map(chr, range(256)))


def _two_capitals(word: str) -> bool:
    """Two upper-case letters or more ("NATO", "iPhone" not); most words with a capital are Title case, told at once."""
    if word[1:].islower():
        return False  # a capital at most at the start
    return sum(map(str.isupper, word)) >= 2  # each character, as Japanese words (no capitals) ask


def text_prior(text: str | None, lang: str = "") -> float:
    """The prior share of risk from the sentence's text, ``1 - exp(-PRIOR_PER_UNIT * units)`` (0 for ``None``)."""
    if not text:
        return 0.0
    words, marks, names, acronyms = _counts(text, lang)  # TextCounts.units, the same sum in the same order
    units = words * _UNIT_WORD + marks * _UNIT_MARK + names * _UNIT_NAME + acronyms * _UNIT_ACRONYM
    return 1.0 - math.exp(-PRIOR_PER_UNIT * units)


_UNIT_WORD, _UNIT_MARK, _UNIT_NAME, _UNIT_ACRONYM = UNITS["word"], UNITS["mark"], UNITS["name"], UNITS["acronym"]


def risk(flags: Iterable[Flag], scores: Scores | None = None, text: str | None = None, lang: str = "") -> float:
    """Risk of one sentence from its flags, its round-trip scores and (when given) its text in language ``lang``.

    A heading in capitals comes back from an engine in ordinary case, so its chrF (case-sensitive) measures the
    case change, not the meaning: its round trip counts through the round-trip rules' flags only."""
    trip = 0.0 if scores is None or (text and in_capitals(text)) else round_trip_evidence(scores)
    keep = (1.0 - flag_evidence(flags)) * (1.0 - trip) * (1.0 - text_prior(text, lang))
    return round(min(1.0, max(0.0, 1.0 - keep)), 4)


def text_risk(flags: list[Flag], text: str, lang: str) -> float:
    """``risk(flags, None, text, lang)``: a sentence with no round trip, the same sum in the same order."""
    keep = (1.0 - (flag_evidence(flags) if flags else 0.0)) * (1.0 - 0.0) * (1.0 - text_prior(text, lang))
    return round(min(1.0, max(0.0, 1.0 - keep)), 4)


def document_risk(sentence_risks: Iterable[float]) -> float:
    """A document's risk: the chance that at least one of its sentences needs a fix (noisy OR)."""
    keep = 1.0
    for r in sentence_risks:
        keep *= 1.0 - r
    return round(1.0 - keep, 4)
