"""Helpers shared by several R4xx rules: the round trip of a sentence, word spans and diffs, messages.

chrF itself is the pipeline's (:func:`translate_cmp.score.metrics.chrf`): one implementation.
"""

from __future__ import annotations

import difflib
import math
import re

from translate_cmp.records import RoundTrip
from translate_cmp.rules.base import RuleContext

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

MEASURED = "Measured on real Apertium round trips of hand-labelled clean sentences (benchmarks/roundtrip_quality.py): "
MIN_CHRF_WORDS = 4  # chrF of a shorter sentence swings on one word ("Source" -> "Font", "By admin" -> "For admin")


def round_trip(ctx: RuleContext) -> RoundTrip | None:
    """The sentence's round trip; None when there is none or the sentence is blank."""
    rt = ctx.round_trip
    if rt is None or not ctx.text.strip():
        return None
    return rt


def excerpt(text: str, limit: int = 90) -> str:
    """``text`` cut to ``limit`` characters, for messages."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words (letters/digits, with inner apostrophes and hyphens) and their offsets, lower-cased."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def word_opcodes(original: str, back: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list]:
    """Word tokens of both texts and difflib opcodes between them (case-insensitive)."""
    a, b = word_spans(original), word_spans(back)
    matcher = difflib.SequenceMatcher(a=[w for *_, w in a], b=[w for *_, w in b], autojunk=False)
    return a, b, matcher.get_opcodes()


def changed_span(original: str, back: str) -> tuple[int, int]:
    """The stretch of ``original`` from its first to its last word that the back-translation changed."""
    a, _, ops = word_opcodes(original, back)
    changed = [(a[i1][0], a[i2 - 1][1]) for tag, i1, i2, _, _ in ops if tag != "equal" and i2 > i1]
    if not changed:
        return 0, len(original)
    return changed[0][0], changed[-1][1]


def chrf_unreliable(text: str) -> bool:
    """Too short for chrF to mean anything, or in capitals (engines garble ALL-CAPS headings)."""
    return len(_WORD.findall(text)) < MIN_CHRF_WORDS or text.isupper()


def length_gap(n: int) -> int:
    """Words that must go missing (or appear) before a length change is evidence: grows with length."""
    return max(5, math.ceil(0.35 * n))


def length_change(ctx: RuleContext, more_back: bool) -> tuple[list, list, list, int] | None:
    """R404/R405's evidence: the sentence's and its back-translation's words and their diff, with how many
    words fewer came back (``more_back`` False) or more (True), where that is at least :func:`length_gap`;
    else None, decided by the counts before any diff (quadratic at worst) for the many sentences that pass."""
    rt = round_trip(ctx)
    if rt is None:
        return None
    a, b = word_spans(ctx.text), word_spans(rt.back_text)
    gap = len(b) - len(a) if more_back else len(a) - len(b)
    if gap < length_gap(len(a)):
        return None
    return (*word_opcodes(ctx.text, rt.back_text), gap)
