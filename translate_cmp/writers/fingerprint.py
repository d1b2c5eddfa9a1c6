"""Stable finding fingerprints: the key that baselines, ``translate-cmp diff`` and findings.csv share.

A fingerprint is the first 16 hex digits of SHA-256 over ``code``, ``doc_id`` (a table's unit id),
the sentence text normalised (Unicode NFC, every run of whitespace one space, ends stripped, case
kept) and the occurrence index among the findings of the same (code, document, normalised text),
counted in document order. No offsets and no sentence numbers go in, so editing, adding or removing
another sentence leaves the fingerprint of every unchanged sentence's findings as it was; two
identical sentences in one document (or one code firing twice on a sentence) get distinct ones.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

FINGERPRINT_HEX = 16  # 64 bits: a collision among a million findings has odds of about 3e-8


def normalise_text(text: str) -> str:
    """NFC, whitespace collapsed to single spaces and stripped, case kept."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(code: str, doc_id: str, text: str, occurrence: int = 0) -> str:
    """The fingerprint of one finding (``text`` is normalised here)."""
    key = "\x1f".join((code, doc_id, normalise_text(text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def fingerprints(findings: Iterable[tuple[str, str, str]]) -> list[str]:
    """Fingerprints of ``(code, doc_id, sentence text)`` findings given in document order.

    Equal to :func:`fingerprint` for each, in time linear in the text: each distinct text is normalised
    once and each distinct (code, document, text) hashed once, every occurrence continuing a copy of that
    hash (a 100,000-word sentence with 7,500 flags would otherwise be normalised and hashed 7,500 times).
    """
    seen: Counter = Counter()
    normalised: dict[str, str] = {}
    prefixes: dict[tuple[str, str, str], Any] = {}
    out = []
    for code, doc_id, text in findings:
        norm = normalised.get(text)
        if norm is None:
            norm = normalised[text] = normalise_text(text)
        key = (code, doc_id, norm)
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = hashlib.sha256("\x1f".join((code, doc_id, norm, "")).encode("utf-8"))
        h = prefix.copy()
        h.update(str(seen[key]).encode("utf-8"))
        out.append(h.hexdigest()[:FINGERPRINT_HEX])
        seen[key] += 1
    return out
