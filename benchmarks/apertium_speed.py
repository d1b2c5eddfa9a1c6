"""Sentences/s of an Apertium en->es->en round trip: batched vs one process per sentence, in one run.

    python benchmarks/apertium_speed.py [N]   # N sentences from seeds/ (default 40)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from translate_cmp.engines.apertium import ApertiumEngine
from translate_cmp.records import Document
from translate_cmp.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out += [s.text for s in segment(Document(path.stem, str(path), path.read_text(encoding="utf-8")))]
    return out


def round_trip_rate(engine: ApertiumEngine, sentences: list[str], per_sentence: bool) -> float:
    started = time.perf_counter()
    groups = [[s] for s in sentences] if per_sentence else [sentences]
    for group in groups:
        pivot = engine.translate(group, "en", "es")
        engine.translate([t.text for t in pivot], "es", "en")
    return len(sentences) / (time.perf_counter() - started)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sentences = seed_sentences()
    engine = ApertiumEngine()
    batched = round_trip_rate(engine, sentences, per_sentence=False)
    single = round_trip_rate(engine, sentences[:n], per_sentence=True)
    print(f"batched: {len(sentences)} sentences, {batched:.1f} sentences/s round trip")
    print(f"one process per sentence: {n} sentences, {single:.1f} sentences/s round trip")
    print(f"speed-up: {batched / single:.0f}x")


if __name__ == "__main__":
    main()
