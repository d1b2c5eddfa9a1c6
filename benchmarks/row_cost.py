"""The CPU cost of one table row, stage by stage, in process (issue 24).

    python benchmarks/row_cost.py                        # this checkout
    python benchmarks/row_cost.py --base /tmp/base44     # and another checkout, side by side, with ratios

Reads the first ``--rows`` rows (default 4,000) of benchmarks/scale.py's table of one-sentence rows (``--table``:
``words``, copies varied by a word, or ``digits``, by a number only, the table of the figures up to
docs/benchmarks.md's fourth pass; written by it under /tmp/translate-cmp-scale if missing), warms up on the
table's last 2,000 rows (word lists, profiles, caches), then times with ``time.process_time`` what the pipeline
does with the rows in one process: detection and segmenting (``analyse_many``, one batch), translation (``--engine
none``: nothing) and scoring, flagging and risk (``finish``). Each checkout runs in a child process with
``PYTHONPATH`` set to it, ``--repeat`` times alternately; the best of each is printed. The writers, reading and
process start-up are not in these figures (benchmarks/scale.py measures whole runs).
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
import csv, json, sys, time
from translate_cmp.engines import create_engine
from translate_cmp.pipeline import RunStats, analyse_many, finish, translate_chunk
from translate_cmp.records import Document
from translate_cmp.rules import select_rules
from translate_cmp.score.metrics import SentenceScorer

path, n = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))[1:]
docs = [Document(f"rows.csv:{i}", "rows.csv", t) for i, t in rows]
rules, engine, scorer = select_rules(), create_engine("none"), SentenceScorer()

def run(chunk):
    t0 = time.process_time()
    analysed = analyse_many(chunk)
    t1 = time.process_time()
    trips = translate_chunk(engine, analysed, ("es",), RunStats(), False)
    t2 = time.process_time()
    [finish(a, trips, scorer, rules) for a in analysed]
    t3 = time.process_time()
    return {"detect_segment": t1 - t0, "translate": t2 - t1, "score_flag": t3 - t2}

run(docs[-2000:])
print(json.dumps({k: 1e6 * v / n for k, v in run(docs[:n]).items()}))
"""


def measure(code: Path, table: Path, rows: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(table), str(rows)], env=env, cwd=code,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4000, help="rows timed (of the 20,000-row table)")
    parser.add_argument("--base", type=Path, help="another checkout, measured alternately with this one")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each checkout (the best is kept)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "translate-cmp-scale")
    parser.add_argument("--table", choices=("words", "digits"), default="words",
                        help="scale.py's table: copies varied by a word (default) or a number (earlier figures)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scale import rows_path, write_rows

    args.work.mkdir(parents=True, exist_ok=True)
    table = write_rows(rows_path(args.work, 20000, args.table), 20000, args.table)
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):
        for label, code in reversed(list(checkouts.items())):
            got = measure(code, table, args.rows)
            best[label] = {k: min(v, best.get(label, {}).get(k, v)) for k, v in got.items()}
    print(f"CPU a row, us (process_time, {args.rows:,} one-sentence rows of the {args.table} table, "
          f"best of {args.repeat}; load {os.getloadavg()[0]:.1f})")
    stages = ("detect_segment", "translate", "score_flag")
    for label, got in best.items():
        print(f"{label:>5}: " + "  ".join(f"{s} {got[s]:6.0f}" for s in stages) + f"  total {sum(got.values()):6.0f}")
    if len(best) == 2:
        print("ratio: " + "  ".join(f"{s} {best['base'][s] / max(best['this'][s], 1e-9):.2f}x" for s in stages)
              + f"  total {sum(best['base'].values()) / sum(best['this'].values()):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
