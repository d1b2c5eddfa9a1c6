"""What a run spends a row outside detection and the rules, in process (issue 24).

    python benchmarks/run_overhead.py                         # this checkout
    python benchmarks/run_overhead.py --base /tmp/base-baf5a10  # and another checkout, side by side, with ratios

On the first ``--rows`` rows (default 4,096: one pool worker's batch) of benchmarks/scale.py's table of one-sentence
rows (written by it under /tmp/translate-cmp-scale if missing), after analyse + finish (not timed: see
benchmarks/row_cost.py), CPU a row (``time.process_time``, best of ``--repeat``) of:

- ``read``: the reader over the whole 20,000-row table (pandas in chunks, one Document a row, unique ids);
- ``to_workers``: pickling the documents the pool sends to a worker;
- ``from_workers``: unpickling what a worker sends back (bytes a row beside it): the results, and with a
  checkout whose workers prepare the writers' rows (``translate_cmp.writers.prepare``) those too;
- ``prepare``: that preparation (rows, summary, fingerprints, the csv and jsonl text), in a worker;
- ``write``: what the main process then spends writing a row (csv, jsonl, html: the default formats) and the gate's
  findings, for the results as they come back from a worker;
- ``write_here``: the same from bare results (``--jobs 1``, or a checkout that does not prepare).

The per-run costs (imports, forks, language data, closing the report and run.json) are not in these figures;
benchmarks/scale.py measures whole runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, pickle, sys, tempfile, time
from translate_cmp.cli.gc_tuning import tune_gc
from translate_cmp.pipeline import analyse_many, finish
from translate_cmp.readers import ReadOptions, read_documents
from translate_cmp.rules import select_rules
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.writers import open_writers
try:
    from translate_cmp.writers import prepare
except ImportError:  # a checkout from before the workers prepared the writers' rows
    prepare = None
try:
    from translate_cmp.writers import prepare_batch
except ImportError:  # a checkout from before a worker's batch came back as one string a file
    prepare_batch = None
try:
    from translate_cmp.run.executors.pool import _add_stats, _fold
    from translate_cmp.pipeline import RunStats
    from translate_cmp.writers.batch import BatchSpec
except ImportError:  # a checkout from before a worker's batch came back folded for the writers
    _fold = None

tune_gc()  # as the command line does
path, n, repeat, scratch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
clock = time.process_time

def best(f):
    times = []
    for _ in range(repeat):
        t0 = clock(); f(); times.append(clock() - t0)
    return min(times)

docs = list(read_documents([path], ReadOptions()))
out = {"read": 1e6 * best(lambda: sum(1 for _ in read_documents([path], ReadOptions()))) / len(docs)}
docs = docs[:n]
rules, scorer = select_rules(), SentenceScorer()
[finish(a, {}, scorer, rules) for a in analyse_many(docs[-200:])]
results = [finish(a, {}, scorer, rules) for a in analyse_many(docs)]
out["to_workers"] = 1e6 * best(lambda: pickle.dumps(docs, pickle.HIGHEST_PROTOCOL)) / n

def write(items):
    with open_writers(tempfile.mkdtemp(dir=scratch), ("csv", "jsonl", "html")) as w:
        t0 = clock()
        for r in items:
            list(w.write(r, None).findings())
        took = clock() - t0
        w.close({})
    return took

out["write_here"] = 1e6 * min(write(results) for _ in range(repeat)) / n
if _fold is not None:  # as the pool's worker does: the batch folded for the writers (writers/batch.py)
    spec = BatchSpec(("csv", "jsonl"), (200, 50))
    out["prepare"] = 1e6 * best(lambda: _fold(results, spec, (0.0, 0.0))) / n
    blob = pickle.dumps([_fold(results, spec, (0.0, 0.0))], pickle.HIGHEST_PROTOCOL)
    out["from_workers"] = 1e6 * best(lambda: pickle.loads(blob)) / n
    out["bytes_back"] = len(blob) / n

    def write_folded():
        batch = pickle.loads(blob)[0]
        with open_writers(tempfile.mkdtemp(dir=scratch), ("csv", "jsonl", "html")) as w:
            t0 = clock()
            w.write_batch(batch)
            list(batch.findings)
            _add_stats(RunStats(), batch.stats)
            took = clock() - t0
            w.close({})
        return took

    out["write"] = 1e6 * min(write_folded() for _ in range(repeat)) / n
    print(json.dumps(out))
    sys.exit(0)
if prepare_batch is not None:  # as the pool's worker does: the batch's text on its first result, no documents
    out["prepare"] = 1e6 * best(lambda: prepare_batch(results, ("csv", "jsonl"))) / n
    for r in results:
        r.document = None
elif prepare is not None:
    out["prepare"] = 1e6 * best(lambda: [prepare(r, ("csv", "jsonl")) for r in results]) / n
    for r in results:
        r.prepared = prepare(r, ("csv", "jsonl"))
blob = pickle.dumps([(None, r, 0.0, 0.0) for r in results], pickle.HIGHEST_PROTOCOL)
out["from_workers"] = 1e6 * best(lambda: pickle.loads(blob)) / n
out["bytes_back"] = len(blob) / n
back = [r for _, r, _, _ in pickle.loads(blob)]
for d, r in zip(docs, back):
    if r.document is None:  # sent back without it: the main process sets it again (pool._from_workers)
        r.document = d
out["write"] = 1e6 * min(write(back) for _ in range(repeat)) / n
print(json.dumps(out))
"""

STAGES = ("read", "to_workers", "from_workers", "write", "prepare", "write_here")


def measure(code: Path, table: Path, rows: int, repeat: int, scratch: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(table), str(rows), str(repeat), str(scratch)], env=env,
                          cwd=code, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4096, help="rows timed (of the 20,000-row table)")
    parser.add_argument("--base", type=Path, help="another checkout, measured alternately with this one")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage (the best is kept)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "translate-cmp-scale")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import rows_path, write_rows

    args.work.mkdir(parents=True, exist_ok=True)
    table = write_rows(rows_path(args.work, 20000, "words"), 20000, "words")
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    got: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for label, code in reversed(list(checkouts.items())):
            got[label] = measure(code, table, args.rows, args.repeat, Path(scratch))
    print(f"CPU a row, us (process_time, best of {args.repeat}; {args.rows:,} one-sentence rows of the words table; "
          f"load {os.getloadavg()[0]:.1f})")

    def cell(v: float | None) -> str:
        return f"{v:6.1f}" if v is not None else "     -"

    print(f"{'':>5}  " + "  ".join(f"{s:>12}" for s in STAGES) + "  main process  bytes back")
    for label, g in got.items():
        main_share = g["read"] + g["to_workers"] + g["from_workers"] + g["write"]
        print(f"{label:>5}: " + "  ".join(f"{cell(g.get(s)):>12}" for s in STAGES)
              + f"  {main_share:12.1f}  {g['bytes_back']:10.0f}")
    if len(got) == 2:
        b, t = got["base"], got["this"]
        main_b = b["read"] + b["to_workers"] + b["from_workers"] + b["write"]
        main_t = t["read"] + t["to_workers"] + t["from_workers"] + t["write"]
        print(f"main process a row (read + to_workers + from_workers + write): base/this {main_b / main_t:.2f}x; "
              f"in process (write_here): {b['write_here'] / t['write_here']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
