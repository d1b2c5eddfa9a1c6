"""Metrics of benchmarks/real_text.py: AUROC with bootstrap intervals, span touch, pairwise accuracy.

Pure functions over plain numbers and spans (no translate_cmp import), so they can be tested on tiny inputs
with known answers (tests/test_real_text.py) and used on the outputs of any checkout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, tied values sharing the average of their ranks."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    top = np.cumsum(counts)  # the highest rank of each distinct value
    return (top - (counts - 1) / 2.0)[inverse]


def auroc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Chance that a random positive scores above a random negative (a tie counts half); nan if a side is empty."""
    pos = np.asarray(positives, dtype=float)
    neg = np.asarray(negatives, dtype=float)
    if not len(pos) or not len(neg):
        return float("nan")
    ranks = _average_ranks(np.concatenate([pos, neg]))
    n_pos, n_neg = len(pos), len(neg)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def bootstrap_aurocs(
    positives: Sequence[Sequence[float]], negatives: Sequence[Sequence[float]], rounds: int = 1000, seed: int = 25
) -> list[tuple[float, float]]:
    """95% percentile intervals of the AUROC of several scores of the same rows, and of their differences.

    ``positives[k]``/``negatives[k]`` are score ``k`` of the positive/negative rows (the same rows, in the same
    order, for every score). Each round resamples positive and negative rows with replacement (stratified, so
    both classes keep their size) and scores every ``k`` on the same resample. Returns one interval per score,
    then one per pair ``(i, j)``, ``i < j``, of ``auroc_i - auroc_j`` (paired, so it is narrower than the two
    intervals side by side suggest).
    """
    pos = [np.asarray(p, dtype=float) for p in positives]
    neg = [np.asarray(n, dtype=float) for n in negatives]
    n_pos, n_neg = len(pos[0]), len(neg[0])
    if not n_pos or not n_neg:
        k = len(pos)
        return [(float("nan"), float("nan"))] * (k + k * (k - 1) // 2)
    rng = np.random.default_rng(seed)
    draws = np.empty((rounds, len(pos)))
    for r in range(rounds):
        ip = rng.integers(0, n_pos, n_pos)
        ineg = rng.integers(0, n_neg, n_neg)
        for k in range(len(pos)):
            draws[r, k] = auroc(pos[k][ip], neg[k][ineg])
    columns = [draws[:, k] for k in range(len(pos))]
    columns += [draws[:, i] - draws[:, j] for i in range(len(pos)) for j in range(i + 1, len(pos))]
    return [(float(np.percentile(c, 2.5)), float(np.percentile(c, 97.5))) for c in columns]


def touches(start: int, end: int, a: int, b: int) -> bool:
    """Whether a flag's ``[start, end)`` touches a rater span ``[a, b)``: they share a character, or, for an
    empty span on either side (a rater's omission point, a zero-width flag), the point lies within the other
    span, ends included."""
    if a == b or start == end:
        return max(start, a) <= min(end, b)
    return start < b and a < end


def touches_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(touches(start, end, a, b) for a, b in spans)


def chance_touch(length: int, width: int, spans: Sequence[tuple[int, int]]) -> float:
    """Share of the places a flag ``width`` characters wide can sit in a text of ``length`` characters at which
    it touches one of ``spans``: what span precision a flag placed at random in the same row would have."""
    width = max(0, min(width, length))
    places = length - width + 1
    if places <= 0:
        return 0.0
    hit = sum(1 for s in range(places) if touches_any(s, s + width, spans))
    return hit / places


def pairwise_accuracy(groups: Iterable[Sequence[tuple[float, float]]]) -> tuple[float, int, float]:
    """Over pairs within a group whose truths differ (items ``(score, truth)``): the share the score orders like
    the truth (higher score with higher truth). A tie in the score counts half. Returns (accuracy, pairs, share
    of pairs tied in the score); accuracy is nan without pairs."""
    right = ties = n = 0.0
    for items in groups:
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                (sa, ta), (sb, tb) = items[i], items[j]
                if ta == tb:
                    continue
                n += 1
                if sa == sb:
                    right += 0.5
                    ties += 1
                elif (sa > sb) == (ta > tb):
                    right += 1
    if not n:
        return float("nan"), 0, float("nan")
    return right / n, int(n), ties / n


def noisy_or(values: Iterable[float]) -> float:
    """``1 - prod(1 - v)``: the chance that at least one of independent events happens (a row's risk from its
    sentences' risks, as translate_cmp.score.risk.document_risk combines them)."""
    keep = 1.0
    for v in values:
        keep *= 1.0 - v
    return 1.0 - keep
