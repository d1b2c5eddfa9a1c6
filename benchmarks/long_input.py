"""One 100,000-word unpunctuated sentence through the copy-model engine: wall time and peak memory.

Goal (issue 11): under 30 s and 1 GB. Usage: ``python benchmarks/long_input.py [--words N] [--full]``.
Builds the copy packages of benchmarks/speed.py (``--full``: the full-size model; default: quick),
runs ``translate-cmp run`` in a child process and reports its wall time and RSS high-water mark.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import MODEL_SIZES, build_models, install, measure  # noqa: E402


def long_text(words: int, seed: int = 11) -> str:
    vocab = ["the", "cat", "sat", "on", "a", "mat", "while", "people", "walked", "along", "river", "banks"]
    rng = random.Random(seed)
    return " ".join(rng.choice(vocab) for _ in range(words)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="full-size copy model (default: quick)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="long-input-") as tmp:
        work = Path(tmp)
        inp = work / "long.txt"
        inp.write_text(long_text(args.words), encoding="utf-8")
        models = build_models(work, MODEL_SIZES["full" if args.full else "quick"], [inp])
        env = install(work, models, "packages")
        cmd = [sys.executable, "-m", "translate_cmp", "run", str(inp), "--out", str(work / "out"),
               "--engine", "argos", "--pivot", "es", "--cache-dir", str(work / "cache")]
        m = measure(cmd, env)
        print(f"{args.words} words: {m.wall_s:.1f} s, peak RSS {m.peak_rss_mb:.0f} MB "
              f"(goal < 30 s, < 1024 MB): {'ok' if m.wall_s < 30 and m.peak_rss_mb < 1024 else 'MISSED'}")
        return 0 if m.wall_s < 30 and m.peak_rss_mb < 1024 else 1


if __name__ == "__main__":
    raise SystemExit(main())
