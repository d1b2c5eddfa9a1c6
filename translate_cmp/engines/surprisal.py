"""Token surprisal: how unlikely the backward model finds each piece of the original sentence.

The round trip translates ``original -> pivot -> back``. Forced decoding then scores the
*original* under the backward model given the pivot (``engine.score([pivot], [original], pivot,
src)``): a word that the pivot does not support (a garbled word, a glued pair, a name the forward
leg changed) gets a low probability even when beam search would never have produced it. Surprisal
is ``-log2 p`` in bits; pieces of one word are merged and their bits summed (``p(word)`` is the
product of its pieces' probabilities).

Kept on :class:`~translate_cmp.records.RoundTrip` as ``surprisal``: a tuple of
``(start, end, bits)`` per scored piece, offsets into the original sentence. The rule R407 reads
it; nothing else needs the engine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from translate_cmp.engines.base import Engine, TokenScore

LN2 = math.log(2.0)

PieceSurprisal = tuple[int, int, float]  # (start, end, bits), offsets into the scored sentence


@dataclass(frozen=True)
class WordSurprisal:
    start: int
    end: int
    bits: float


def to_bits(tokens: Sequence[TokenScore], text: str) -> tuple[PieceSurprisal, ...]:
    """``(start, end, bits)`` per scored token that covers some non-space text.

    A piece that covers only space (SentencePiece's word-boundary ``▁`` when it stands alone)
    belongs to the word after it: its bits are added to the next piece.
    """
    out = []
    pending = 0.0
    for t in tokens:
        start, end = max(0, t.start), min(len(text), t.end)
        bits = -t.logprob / LN2
        if end > start and text[start:end].strip():
            out.append((start, end, round(bits + pending, 3)))
            pending = 0.0
        else:
            pending += bits
    return tuple(out)


def score_pieces(
    engine: Engine, pivots: Sequence[str], originals: Sequence[str], pivot: str, src: str
) -> list[tuple[PieceSurprisal, ...]] | None:
    """Surprisal of each original given its pivot under the ``pivot -> src`` model, or None if the engine cannot score.

    One batched ``engine.score`` call for all texts.
    """
    if not originals:
        return []
    try:
        scored = engine.score(list(pivots), list(originals), pivot, src)
    except NotImplementedError:
        return None
    return [to_bits(tokens, text) for tokens, text in zip(scored, originals, strict=True)]


def words(text: str, pieces: Sequence[PieceSurprisal]) -> list[WordSurprisal]:
    """Merge pieces into whitespace-delimited words; a word's bits are the sum of its pieces' bits.

    Spans are trimmed of surrounding whitespace (a SentencePiece ``▁`` piece may cover the space
    before its word).
    """
    out: list[WordSurprisal] = []
    for start, end, bits in sorted(pieces):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if out and start <= out[-1].end:  # no gap: the next piece of the same word
            last = out[-1]
            out[-1] = WordSurprisal(last.start, max(last.end, end), last.bits + bits)
        else:
            out.append(WordSurprisal(start, end, bits))
    return [WordSurprisal(w.start, w.end, round(w.bits, 3)) for w in out]


@dataclass(frozen=True)
class Threshold:
    """A word is improbable when its bits reach ``absolute`` and stand out from the sentence, or
    when they reach ``extreme`` whatever the rest of the sentence does.

    Standing out: at least ``spread`` robust deviations above the sentence's median word, the
    deviation being ``1.4826 * MAD`` but never below ``min_scale`` bits. ``extreme`` catches
    sentences where most words are improbable (nothing stands out when everything is wrong).
    """

    absolute: float = 12.0  # p < 1/4096
    spread: float = 4.0
    min_scale: float = 1.5
    extreme: float = 30.0  # p < 1e-9


def improbable(found: Sequence[WordSurprisal], threshold: Threshold = Threshold()) -> tuple[list[WordSurprisal], float]:
    """The improbable words of one sentence, most surprising first, and the sentence's median bits."""
    if not found:
        return [], 0.0
    bits = [w.bits for w in found]
    mid = median(bits)
    scale = max(threshold.min_scale, 1.4826 * median(abs(b - mid) for b in bits))
    cut = min(max(threshold.absolute, mid + threshold.spread * scale), max(threshold.absolute, threshold.extreme))
    hits = sorted((w for w in found if w.bits >= cut), key=lambda w: -w.bits)
    return hits, mid
