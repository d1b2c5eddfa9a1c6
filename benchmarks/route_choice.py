"""Which Apertium pivot gives each language the best round trip (translate_cmp/engines/routes.py's APERTIUM_PIVOTS).

    python benchmarks/route_choice.py [--limit 150]      # markdown table on stdout

For every language with an installed Apertium round trip and every pivot it can take, round-trips the same
real sentences (benchmarks/route_text.py: Debian manual pages; ca, gl: Debian's catalogues) and reports:

- chrF: mean sentence chrF of the back-translation against the original (sacrebleu, as the product scores);
- same: sentences that came back exactly as they were;
- unknown: sentences with a word the first leg's analyser did not know (the engine's ``unknown`` words).

Pivots are ranked by chrF; the ranking is what APERTIUM_PIVOTS holds. Needs the Apertium pairs of
scripts/install-engines.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from route_text import sentences  # noqa: E402

from translate_cmp.engines.apertium import ApertiumEngine  # noqa: E402
from translate_cmp.engines.round_trip import round_trip  # noqa: E402
from translate_cmp.engines.routes import APERTIUM_PIVOTS  # noqa: E402
from translate_cmp.score.metrics import SentenceScorer  # noqa: E402

LANGS = ("en", "es", "fr", "it", "pt", "ca", "gl", "ru", "nl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150, help="sentences per language")
    parser.add_argument("--langs", default=",".join(LANGS))
    args = parser.parse_args(argv)
    engine = ApertiumEngine()
    dirs = engine.directions()
    scorer = SentenceScorer()
    print("| language | pivot | sentences | chrF | same | unknown | rank in APERTIUM_PIVOTS | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for lang in args.langs.split(","):
        pivots = sorted(p for s, p in dirs if s == lang and (p, lang) in dirs)
        if not pivots:
            print(f"| {lang} | (none installed) | | | | | | |")
            continue
        texts = [t for _, t in sentences(lang, args.limit)]
        rows = []
        for pivot in pivots:
            t0 = time.perf_counter()
            trips = round_trip(engine, texts, lang, pivot, surprisal=False)
            seconds = time.perf_counter() - t0
            chrf = sum(scorer.score(rt.back_text, t).chrf for rt, t in zip(trips, texts)) / len(texts)
            same = sum(rt.back_text.strip() == t.strip() for rt, t in zip(trips, texts)) / len(texts)
            unknown = sum(bool(rt.unknown) for rt in trips) / len(texts)
            rows.append((chrf, pivot, same, unknown, seconds))
        ranked = APERTIUM_PIVOTS.get(lang, ())
        for chrf, pivot, same, unknown, seconds in sorted(rows, reverse=True):
            rank = ranked.index(pivot) + 1 if pivot in ranked else "-"
            print(f"| {lang} | {pivot} | {len(texts)} | {chrf:.1f} | {same:.0%} | {unknown:.0%} | {rank} | "
                  f"{seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
