"""Several engines side by side (``--engine argos,apertium``): each further engine is a tagged pivot.

The first engine serves the plain pivot codes (``es``); engine ``N`` serves ``es~N``, so the
pipeline, the cache and the writers treat an engine's round trip like one more pivot's (one row
per sentence and pivot, ``pivot_lang`` ``es~apertium``), R409 compares them like pivots, and R410
(translate_cmp/rules/roundtrip/R410_engines_disagree.py) compares engines against the document's norm.
"""

from __future__ import annotations

from collections.abc import Sequence

from translate_cmp.engines.base import Engine, TokenScore
from translate_cmp.records import Translated

TAG = "~"


def split_tag(code: str) -> tuple[str, str]:
    """``es~apertium`` -> ``("es", "apertium")``; ``es`` -> ``("es", "")`` (the first engine)."""
    lang, _, engine = code.partition(TAG)
    return lang, engine


def expand_pivots(engine_name: str, pivots: Sequence[str]) -> tuple[str, ...]:
    """The pivots, then each pivot again for every further engine of ``argos,apertium``."""
    others = [n.strip() for n in engine_name.split(",")[1:] if n.strip()]
    return (*pivots, *(f"{p}{TAG}{n}" for n in others for p in pivots))


class SideBySideEngine(Engine):
    """Delegates each direction to the engine its tag names."""

    name = "side-by-side"

    def __init__(self, engines: Sequence[Engine]):
        if len(engines) < 2:
            raise ValueError("side by side needs at least two engines")
        self.engines = list(engines)
        self.name = ",".join(e.name for e in self.engines)

    def _route(self, src: str, tgt: str) -> tuple[Engine, str, str]:
        (s, s_tag), (t, t_tag) = split_tag(src), split_tag(tgt)
        tag = s_tag or t_tag
        engine = self.engines[0] if not tag else next((e for e in self.engines[1:] if e.name == tag), None)
        if engine is None:
            raise KeyError(f"no engine {tag!r} among {self.name}")
        return engine, s, t

    def directions(self) -> set[tuple[str, str]]:
        out = set(self.engines[0].directions())
        for engine in self.engines[1:]:
            for s, t in engine.directions():
                out |= {(s, f"{t}{TAG}{engine.name}"), (f"{s}{TAG}{engine.name}", t)}
        return out

    def model_id(self, src: str, tgt: str) -> str:
        engine, s, t = self._route(src, tgt)
        return engine.model_id(s, t)

    def rule_based(self, src: str, tgt: str) -> bool:
        engine, s, t = self._route(src, tgt)
        return engine.rule_based(s, t)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        engine, s, t = self._route(src, tgt)
        return engine.translate(texts, s, t)

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        engine, s, t = self._route(src, tgt)
        return engine.score(sources, targets, s, t)

    def settings(self) -> dict:
        return {e.name: e.settings() for e in self.engines}
