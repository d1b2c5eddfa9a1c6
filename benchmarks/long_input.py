"""One long one-line input through every installed engine: wall time and peak memory per 10,000 words.

Goal (issue 22): 100,000 words on one line under 60 s and 1 GB with each engine, and the time per
10,000 words flat from 10,000 to 100,000 words (no rule, score or engine step worse than n log n in
the length of a sentence or a document).

Usage: ``python benchmarks/long_input.py [--words 10000,30000,100000] [--engines none,apertium,argos]
[--full] [--base DIR]``. The input is words drawn at random from the seed articles (names, acronyms, quotes and
numbers included: R403's cost followed the names), joined by spaces on one line; ``--plain`` uses the
issue-11 input instead (twelve lower-case words, one unpunctuated sentence). Each run is
``translate-cmp run`` in a child process with a fresh cache; the script prints, per engine and size,
wall time, CPU time (all threads), peak RSS, seconds per 10,000 words, and the ratio of that rate to the smallest size's
(flat: close to 1). Engines that are not installed are reported and skipped: Apertium needs the
eng-spa pair (scripts/install-engines); argos uses the copy packages of benchmarks/speed.py
(``--full``: the full-size model; default: quick), built here. ``--base DIR`` (another checkout, e.g.
``git worktree add /tmp/base ebcfc89``) runs every case through it too, right before this checkout's
run, and prints the ratio of the two wall times: on a shared machine, compare those ratios.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import MODEL_SIZES, ROOT, SEEDS, argos_env, build_models, install, measure  # noqa: E402

GOAL_S, GOAL_MB = 60.0, 1024.0


def long_text(words: int, seed: int = 11) -> str:
    """The issue-11 input: one unpunctuated sentence of lower-case words."""
    vocab = ["the", "cat", "sat", "on", "a", "mat", "while", "people", "walked", "along", "river", "banks"]
    rng = random.Random(seed)
    return " ".join(rng.choice(vocab) for _ in range(words)) + "\n"


def seed_words_text(words: int, seed: int = 11) -> str:
    """``words`` words drawn from the seed articles, on one line (sentence ends left in)."""
    vocab = [w for p in sorted(SEEDS.glob("*.txt")) for w in re.findall(r"\S+", p.read_text(encoding="utf-8"))]
    rng = random.Random(seed)
    return " ".join(rng.choice(vocab) for _ in range(words)) + "\n"


def apertium_ready() -> bool:
    from translate_cmp.engines.apertium import ApertiumEngine

    try:
        return {("en", "es"), ("es", "en")} <= set(ApertiumEngine().directions())
    except Exception:  # not installed: reported as skipped
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", default="10000,30000,100000", help="comma-separated sizes")
    parser.add_argument("--engines", default="none,apertium,argos")
    parser.add_argument("--full", action="store_true", help="full-size copy model (default: quick)")
    parser.add_argument("--plain", action="store_true", help="the issue-11 input (lower-case words only)")
    parser.add_argument("--base", type=Path, help="another checkout to run side by side (its wall time / this one's)")
    args = parser.parse_args(argv)
    checkouts = ({"base": args.base.resolve()} if args.base else {}) | {"this": ROOT}
    sizes = sorted(int(w) for w in args.words.split(","))
    engines = args.engines.split(",")
    ok = True
    with tempfile.TemporaryDirectory(prefix="long-input-") as tmp:
        work = Path(tmp)
        inputs = {}
        for n in sizes:
            inputs[n] = work / f"long{n}.txt"
            inputs[n].write_text((long_text if args.plain else seed_words_text)(n), encoding="utf-8")
        print(f"{'engine':9} {'words':>7} {'code':>5} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'s/10k words':>12} "
              f"{'ratio':>6}  goal")
        for engine in engines:
            if engine == "apertium" and not apertium_ready():
                print(f"{engine:9} skipped: no apertium eng-spa pair (scripts/install-engines)")
                continue
            if engine == "argos":
                models = build_models(work, MODEL_SIZES["full" if args.full else "quick"], [inputs[sizes[0]]])
                env = install(work, models, "packages")
            else:
                env = argos_env(work, work / "no-packages")
            first: dict[str, float] = {}
            for n in sizes:
                wall, cpu = {}, {}
                for label, code in checkouts.items():
                    cache = work / f"cache-{engine}-{n}-{label}"
                    cmd = [sys.executable, "-m", "translate_cmp", "run", str(inputs[n]), "--out", str(work / "out"),
                           "--engine", engine, "--pivot", "es", "--cache-dir", str(cache)]
                    # in the checkout: `python -m` puts the working folder before PYTHONPATH
                    m = measure(cmd, env | {"PYTHONPATH": str(code)}, cwd=code)
                    shutil.rmtree(cache, ignore_errors=True)
                    wall[label], cpu[label] = m.wall_s, m.cpu_s
                    rate = m.wall_s / n * 10_000
                    first.setdefault(label, rate)
                    met = m.wall_s < GOAL_S and m.peak_rss_mb < GOAL_MB
                    if label == "this":
                        ok &= met or n < 100_000
                    print(f"{engine:9} {n:>7} {label:>5} {m.wall_s:>7.1f} {m.cpu_s:>6.1f} {m.peak_rss_mb:>8.0f} "
                          f"{rate:>12.2f} "
                          f"{rate / first[label]:>6.2f}  {'ok' if met else 'MISSED'} "
                          f"(< {GOAL_S:.0f} s, < {GOAL_MB:.0f} MB)", flush=True)
                if len(wall) == 2:
                    print(f"{engine:9} {n:>7} base/this wall time {wall['base'] / wall['this']:.2f}x, "
                          f"cpu time {cpu['base'] / max(cpu['this'], 1e-9):.2f}x "
                          f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
