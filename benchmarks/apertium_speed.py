"""Sentences/s of an Apertium en->es->en round trip: batched vs one process per sentence, in one run;
then what recording unknown words costs: the analyser pass the engine runs vs a second marked run.

    python benchmarks/apertium_speed.py [N]   # N sentences from seeds/ (default 40)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from translate_cmp.engines.apertium import MODES_DIR, SEPARATOR, ApertiumEngine
from translate_cmp.engines.apertium_unknown import unknown_words
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


def _seconds(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def unknown_word_costs(engine: ApertiumEngine, sentences: list[str]) -> dict[str, float]:
    """Seconds for both legs of a batched round trip: the -u translation alone, the analyser pass
    (what the engine adds for the unknown column), and a second full marked run (the alternative)."""
    lines = [" ".join(s.split()) for s in sentences]
    back = [" ".join(t.split()) for t in engine._run("eng-spa", lines)]
    legs = (("eng-spa", lines), ("spa-eng", back))

    def marked() -> None:
        for mode, texts in legs:
            subprocess.run([engine.binary, mode], input=SEPARATOR.join(texts) + "\n", capture_output=True,
                           text=True, check=True)

    return {
        "translation -u": _seconds(lambda: [engine._run(m, t) for m, t in legs]),
        "analyser pass": _seconds(lambda: [unknown_words(MODES_DIR / f"{m}.mode", t) for m, t in legs]),
        "second marked run": _seconds(marked),
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sentences = seed_sentences()
    engine = ApertiumEngine()
    batched = round_trip_rate(engine, sentences, per_sentence=False)
    single = round_trip_rate(engine, sentences[:n], per_sentence=True)
    print(f"batched: {len(sentences)} sentences, {batched:.1f} sentences/s round trip")
    print(f"one process per sentence: {n} sentences, {single:.1f} sentences/s round trip")
    print(f"speed-up: {batched / single:.0f}x")
    costs = unknown_word_costs(engine, sentences)
    base = costs["translation -u"]
    print(f"unknown words, {len(sentences)} sentences, both legs:")
    for what, seconds in costs.items():
        print(f"  {what}: {seconds:.2f} s ({100 * seconds / base:.0f}% of the -u translation)")


if __name__ == "__main__":
    main()
