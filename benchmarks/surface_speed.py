"""Surface-only speed: today's code against the code before issue 7, on the same input, in one run.

    python benchmarks/surface_speed.py              # 300 documents, 11,460 sentences (~3 minutes)
    python benchmarks/surface_speed.py --copies 10  # a smaller input

The input is the issue's: the seed articles repeated (``--copies`` times, 60 by default: 300
documents, 11,460 sentences), every copy varied so that every sentence is distinct
(``benchmarks/speed.py``'s ``vary``). Three contenders, each ``translate-cmp run --engine none`` as
a fresh process (wall clock, start-up and imports included), interleaved ``--repeat`` times, the
fastest of each counting (the last line gives the medians too, the steadier figure where other work loads the
machine):

- before: the package as it was at commit ``--base`` (04cbac2, when issue 7 was filed: langdetect on
  every sentence not plainly English, no result reuse for ``--engine none``), unpacked with
  ``git archive`` into a temporary folder and run from there;
- cold: this checkout's package with an empty cache folder (``--jobs`` left at its default: one
  process per usable core);
- cold, one process: the same with ``--jobs 1`` and another empty cache folder, to show how much of
  the cold figure is the second core and how much is single-process work removed;
- re-run: the same again on the unchanged input, with the cache the cold run filled.

Both packages are byte-compiled first (``compileall``, as ``pip install`` does), so that neither
pays for compiling its modules from source on every start where PYTHONDONTWRITEBYTECODE is set.

It checks that the three write the same flags (``flags.jsonl``; its ``fingerprint`` field, added after
the base commit, left out of the comparison with it) and that the re-run's ``sentences.csv`` is
byte-identical to the cold run's, and prints where the cold run's time goes (run.json timings) and
how each sentence got its language (too short, plainly the document's, or detected).

Targets (issue 7): cold throughput >= 3x before; re-run >= 10x faster than cold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BASE = "04cbac2"


def unpack_base(commit: str, folder: Path) -> Path:
    """The ``translate_cmp`` package at ``commit``, written under ``folder``."""
    blob = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "translate_cmp"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def compile_tree(folder: Path) -> None:
    """Byte-compile ``folder`` as ``pip install`` does, for both contenders alike.

    Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), Python writes no ``.pyc`` and every
    run would compile each module from source again (~0.3 s), a cost no installed copy pays.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True, capture_output=True,
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})


def timed_run(code_root: Path, inp: Path, out: Path, *extra: str) -> tuple[float, dict]:
    """Wall-clock seconds of one run, and its run.json."""
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(inp), "--engine", "none", "--out", str(out),
                    *extra], check=True, env=env, cwd=str(out.parent), capture_output=True)
    return time.perf_counter() - start, json.loads((out / "run.json").read_text())


def sentence_ways(inp: Path) -> Counter:
    """How this checkout decides each sentence's language on ``inp``."""
    from translate_cmp.lang.detect import detect, with_languages
    from translate_cmp.records import Document
    from translate_cmp.segment import segment

    counts: Counter = Counter()
    for path in sorted(inp.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = detect(text)
        with_languages(segment(Document(path.stem, str(path), text), found.lang), found, counts)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=60, help="copies of the seed articles (60: 300 documents)")
    ap.add_argument("--repeat", type=int, default=2, help="interleaved rounds; the fastest of each counts")
    ap.add_argument("--base", default=BASE, help="the commit to compare against")
    ap.add_argument("--work", type=Path, help="keep input and outputs here (default: a temporary folder)")
    ap.add_argument("--markdown", type=Path, help="also write the tables here")
    args = ap.parse_args(argv)

    from speed import write_corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="surface-speed-"))
    inp = work / "input"
    shutil.rmtree(inp, ignore_errors=True)
    paths = write_corpus(inp, args.copies)
    base_root = unpack_base(args.base, work / "base")
    for tree in (base_root / "translate_cmp", ROOT / "translate_cmp"):
        compile_tree(tree)
    times: dict[str, list[float]] = {"before": [], "cold1": [], "cold": [], "rerun": []}
    fastest: dict[str, dict] = {}  # the run.json of each contender's fastest run
    for _ in range(args.repeat):
        cache = work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work / "cache1", ignore_errors=True)
        for key, code, extra in (("before", base_root, ("--no-cache",)),
                                 ("cold1", ROOT, ("--cache-dir", str(work / "cache1"), "--jobs", "1")),
                                 ("cold", ROOT, ("--cache-dir", str(cache))),
                                 ("rerun", ROOT, ("--cache-dir", str(cache)))):
            seconds, run = timed_run(code, inp, work / f"out-{key}", *extra)
            if not times[key] or seconds < min(times[key]):
                fastest[key] = run
            times[key].append(seconds)

    before_run, cold_run, rerun = fastest["before"], fastest["cold"], fastest["rerun"]
    n_docs, n_sent = cold_run["counts"]["documents"], cold_run["counts"]["sentences"]
    def same(name: str, *runs: str) -> bool:
        return all((work / f"out-{k}" / name).read_bytes() == (work / "out-cold" / name).read_bytes() for k in runs)

    def flags(key: str) -> list[dict]:
        """flags.jsonl of a contender, in the fields the base commit wrote (``fingerprint`` came later)."""
        rows = [json.loads(line) for line in (work / f"out-{key}" / "flags.jsonl").read_text("utf-8").splitlines()]
        return [{k: v for k, v in row.items() if k != "fingerprint"} for row in rows]

    same_flags = flags("before") == flags("cold") and same("flags.jsonl", "rerun", "cold1")
    same_rows = same("sentences.csv", "rerun")
    best = {k: min(v) for k, v in times.items()}
    ways = sentence_ways(inp)

    lines = [
        f"Input: {len(paths)} documents, {n_sent} sentences ({args.copies} varied copies of the seeds); "
        f"`translate-cmp run --engine none`, fastest of {args.repeat} interleaved runs, process wall clock.",
        "",
        "| run | seconds | sentences/s | detect + segment s | rules s | (in that run's run.json) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, label, run in (("before", f"before (commit {args.base})", before_run),
                            ("cold1", "now, cold, one process (`--jobs 1`)", fastest["cold1"]),
                            ("cold", f"now, cold, {cold_run.get('processes', 1)} processes", cold_run),
                            ("rerun", "now, re-run on unchanged input", rerun)):
        t = run.get("timings", {})
        lines.append(f"| {label} | {best[key]:.2f} | {n_sent / best[key]:.0f} | {t.get('detect_segment', 0):.2f} | "
                     f"{t.get('score_flag', 0):.2f} | total {t.get('total', 0):.2f} |")
    speedup, rerun_ratio = best["before"] / best["cold"], best["cold"] / best["rerun"]
    lines += [
        "",
        "| ratio | measured | target | met |",
        "| --- | --- | --- | --- |",
        f"| cold throughput / before | {speedup:.2f}x | >= 3x | {'yes' if speedup >= 3 else 'no'} |",
        f"| cold time / re-run time | {rerun_ratio:.1f}x | >= 10x | {'yes' if rerun_ratio >= 10 else 'no'} |",
        f"| one-process cold throughput / before (for reference) | {best['before'] / best['cold1']:.2f}x | - | - |",
        "",
        f"Same flags.jsonl before, cold (both) and re-run: {'yes' if same_flags else 'NO'}; re-run sentences.csv "
        f"byte-identical to cold: {'yes' if same_rows else 'NO'}; documents reused by the re-run: "
        f"{rerun['cache']['documents_reused']}/{n_docs}.",
        f"Sentence languages now: {ways['short']} too short (the document's), {ways['no evidence']} mostly names "
        f"or English grammar in English (the document's), {ways['plain']} plainly the "
        f"document's language, {ways['detected']} detected on their own text.",
        "All runs: " + ", ".join(f"{k} {', '.join(f'{x:.2f}' for x in v)} s" for k, v in times.items()) + ".",
        f"Medians (on a loaded machine the steadier figure): before {median(times['before']):.2f} s, cold "
        f"{median(times['cold']):.2f} s ({median(times['before']) / median(times['cold']):.2f}x), cold `--jobs 1` "
        f"{median(times['cold1']):.2f} s ({median(times['before']) / median(times['cold1']):.2f}x), re-run "
        f"{median(times['rerun']):.2f} s.",
    ]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same_flags and same_rows else 1


if __name__ == "__main__":
    raise SystemExit(main())
