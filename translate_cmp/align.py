"""Pair each original sentence with its back-translation.

The round trip translates sentence by sentence, so links are 1:1; the check here guards the
invariant the later stages rely on (one back-translation per sentence, in order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translate_cmp.records import RoundTrip, Sentence


@dataclass(frozen=True)
class Link:
    sentence: Sentence
    round_trip: RoundTrip | None


def one_to_one(sentences: Sequence[Sentence], round_trips: Sequence[RoundTrip | None]) -> list[Link]:
    if len(sentences) != len(round_trips):
        raise ValueError(f"{len(sentences)} sentences but {len(round_trips)} back-translations")
    return [Link(s, r) for s, r in zip(sentences, round_trips)]
