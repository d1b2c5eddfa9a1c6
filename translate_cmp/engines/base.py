"""The engine interface: translate many segments in one direction at once."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from translate_cmp.records import Translated


@dataclass(frozen=True)
class TokenScore:
    """One target token's log-probability under forced decoding, with its character span."""

    token: str
    logprob: float
    start: int  # offsets into the scored target text
    end: int


class Engine(ABC):
    """A translation engine. One instance holds its loaded models (load once, translate many)."""

    name: ClassVar[str]

    @abstractmethod
    def directions(self) -> set[tuple[str, str]]:
        """Language pairs (from_code, to_code) this engine can translate directly."""

    def can_translate(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.directions()

    @abstractmethod
    def model_id(self, src: str, tgt: str) -> str:
        """A stable identifier of the model behind a direction (includes a checksum when known)."""

    @abstractmethod
    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        """Translate each text; one output per input, in order."""

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        """Per-token log-probabilities of each target given its source (forced decoding)."""
        raise NotImplementedError(f"engine {self.name!r} cannot score")

    def rule_based(self, src: str, tgt: str) -> bool:
        """Whether a rule-based engine (dictionaries and transfer rules, no model) serves this direction."""
        return False

    def settings(self) -> dict:
        """Decoding settings that change outputs (part of the cache key and run.json)."""
        return {}
