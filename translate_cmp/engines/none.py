"""The ``none`` engine: translates nothing; only the surface rules run."""

from __future__ import annotations

from collections.abc import Sequence

from translate_cmp.engines.base import Engine
from translate_cmp.records import Translated


class NoneEngine(Engine):
    name = "none"

    def directions(self) -> set[tuple[str, str]]:
        return set()

    def model_id(self, src: str, tgt: str) -> str:
        return "none"

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        raise NotImplementedError("the none engine does not translate")
