"""The round trip of localisation units with their inline markup masked (translate_cmp/l10n/placeholders.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from translate_cmp.engines.base import Engine
from translate_cmp.engines.round_trip import round_trip
from translate_cmp.l10n.placeholders import mask, unmask
from translate_cmp.records import RoundTrip


def masked_round_trip(engine: Engine, texts: Sequence[str], src: str, pivot: str, surprisal: bool = True
                      ) -> list[RoundTrip]:
    """:func:`translate_cmp.engines.round_trip.round_trip` on masked texts, the originals restored in the pivot and the
    back-translation. Surprisal pieces of a masked text would index the masked string: they are dropped."""
    masked = [mask(t) for t in texts]
    trips = round_trip(engine, [m.text for m in masked], src, pivot, surprisal)
    out = []
    for m, trip in zip(masked, trips, strict=True):
        if not m.originals:
            out.append(trip)
            continue
        out.append(replace(trip, pivot_text=unmask(trip.pivot_text, m.originals, m.pads),
                           back_text=unmask(trip.back_text, m.originals, m.pads), surprisal=()))
    return out
