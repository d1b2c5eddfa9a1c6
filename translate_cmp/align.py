"""Pair sentences: 1:1 for round trips, a monotone dynamic-programming aligner for bilingual mode.

Round trips translate sentence by sentence, so each sentence has exactly one back-translation
(:func:`one_to_one`). When two texts were segmented independently (a source article and its given
translation), :func:`align` finds the best monotone sequence of 1:1, 1:0, 0:1, 2:1 and 1:2 links,
the bleualign idea: Gale-Church's length model plus, when a similarity is available (chrF of the
source against the translation translated back), a strong bonus for pairs that say the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from translate_cmp.records import RoundTrip, Sentence


@dataclass(frozen=True)
class Link:
    sentence: Sentence
    round_trip: RoundTrip | None


def one_to_one(sentences: Sequence[Sentence], round_trips: Sequence[RoundTrip | None]) -> list[Link]:
    if len(sentences) != len(round_trips):
        raise ValueError(f"{len(sentences)} sentences but {len(round_trips)} back-translations")
    return [Link(s, r) for s, r in zip(sentences, round_trips, strict=True)]


@dataclass(frozen=True)
class Bead:
    """A link between source sentences ``src`` and target sentences ``tgt`` (index tuples, either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]

    @property
    def kind(self) -> str:
        return f"{len(self.src)}:{len(self.tgt)}"


# -log prior of each link shape (Gale & Church 1993), and the shapes tried.
_PRIOR = {(1, 1): -math.log(0.89), (1, 0): -math.log(0.0099), (0, 1): -math.log(0.0099),
          (2, 1): -math.log(0.089 / 2), (1, 2): -math.log(0.089 / 2)}
_VARIANCE = 6.8
SIMILARITY_WEIGHT = 20.0  # an unrelated pair (chrF ~0.15) must cost more than leaving both sentences unpaired
UNPAIRED_SIMILARITY = 0.82  # an unpaired sentence costs like a pair this similar: pairs below ~0.19 chrF split

Similarity = Callable[[Sequence[int], Sequence[int]], float]  # (source indices, target indices) -> [0, 1]


def _length_cost(ls: int, lt: int, ratio: float) -> float:
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / ratio) / 2
    delta = (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    return delta * delta / 2


def _link_similarity(similarity: Similarity, i: int, ni: int, j: int, nj: int) -> float:
    """A link's similarity; a merge (2:1, 1:2) loses what its best single pair beats it by.

    That keeps "A. B." -> "A'." from passing as a merge when it is really A -> A' with B omitted.
    """
    joined = similarity(range(i, ni), range(j, nj))
    if ni - i == 1 and nj - j == 1:
        return joined
    best = max(similarity(range(a, a + 1), range(b, b + 1)) for a in range(i, ni) for b in range(j, nj))
    return joined - max(0.0, best - joined)


def align(
    src_lengths: Sequence[int], tgt_lengths: Sequence[int], similarity: Similarity | None = None, band: int = 12
) -> list[Bead]:
    """The cheapest monotone alignment of two sentence sequences given their lengths (in characters).

    Only cells within ``band`` sentences of the diagonal are explored, so the cost stays linear in
    the document length for the similarity calls that dominate it.
    """
    n, m = len(src_lengths), len(tgt_lengths)
    band = max(band, abs(n - m) + 2)
    ratio = (sum(tgt_lengths) or 1) / (sum(src_lengths) or 1)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf or abs(i * m - j * n) > band * max(n, m, 1):
                continue
            for (di, dj), prior in _PRIOR.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = here + prior
                if di and dj:
                    c += _length_cost(sum(src_lengths[i:ni]), sum(tgt_lengths[j:nj]), ratio)
                    if similarity is not None:
                        c += SIMILARITY_WEIGHT * (1.0 - _link_similarity(similarity, i, ni, j, nj))
                elif similarity is not None:
                    c += SIMILARITY_WEIGHT * (1.0 - UNPAIRED_SIMILARITY)
                if c < cost[ni][nj]:
                    cost[ni][nj] = c
                    back[ni][nj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]
