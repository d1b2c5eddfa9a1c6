"""The round trip: every sentence source -> pivot -> source, batched across documents.

Each leg is one engine call over all the (distinct) texts of a chunk, so the engine can batch them
into a few large CTranslate2 calls; every sentence keeps its own back-translation.
"""

from __future__ import annotations

from collections.abc import Sequence

from translate_cmp.engines.base import Engine
from translate_cmp.engines.routes import parse_pivots
from translate_cmp.engines.side_by_side import TAG, split_tag
from translate_cmp.engines.surprisal import score_pieces
from translate_cmp.records import RoundTrip


def pivots_for(src: str, requested: Sequence[str]) -> list[str]:
    """The pivots of ``src``'s round trip: its ``lang=pivot`` entries among ``requested`` (a run's route plan,
    translate_cmp/engines/routes.py) when there are any; else, for English, the plain pivot codes (``es``
    when none); else English.

    Engines side by side (``es~apertium`` among ``requested``): a non-English source goes through
    English with every engine, ``en`` then ``en~apertium``, as an English one goes through each pivot.
    """
    bare, fixed = parse_pivots(requested)
    if src in fixed:
        return list(fixed[src])
    if src != "en":
        engines = dict.fromkeys(tag for tag in (split_tag(p)[1] for p in bare) if tag)
        return ["en", *(f"en{TAG}{tag}" for tag in engines)]
    return [p for p in bare if p != src] if bare else ["es"]


def round_trip(engine: Engine, texts: Sequence[str], src: str, pivot: str, surprisal: bool = True) -> list[RoundTrip]:
    """One RoundTrip per text, in order; identical texts are translated once.

    ``surprisal``: also score each original under the backward model given its pivot (one batched
    forced-decoding call; skipped when the engine cannot score). See translate_cmp/engines/surprisal.py.
    """
    unique = list(dict.fromkeys(texts))
    forward = engine.translate(unique, src, pivot)
    backward = engine.translate([t.text for t in forward], pivot, src)
    scored = score_pieces(engine, [t.text for t in forward], unique, pivot, src) if surprisal else None
    bits = scored or [()] * len(unique)
    rule_based = engine.rule_based(src, pivot) or engine.rule_based(pivot, src)
    by_text = {
        text: RoundTrip(
            pivot_lang=pivot,
            pivot_text=fw.text,
            back_text=bw.text,
            forward_score=fw.score,
            backward_score=bw.score,
            truncated=fw.truncated or bw.truncated,
            forward_tokens=fw.n_tokens,
            backward_tokens=bw.n_tokens,
            surprisal=sb,
            unknown=fw.unknown,
            rule_based=rule_based,
        )
        for text, fw, bw, sb in zip(unique, forward, backward, bits, strict=True)
    }
    return [by_text[t] for t in texts]
