"""The Ray executor's overhead against the local pool, side by side in one run, on the same input.

    python benchmarks/ray_overhead.py                      # 3,000 documents, this machine (~3 minutes)
    python benchmarks/ray_overhead.py --copies 60          # 300 documents
    python benchmarks/ray_overhead.py --nodes 2            # also a two-node cluster started here (1 CPU each)
    python benchmarks/ray_overhead.py --ray-address HEAD:6379 --input /shared/articles   # a real cluster

The input is the seed articles repeated (``--copies`` times, 600 by default: 3,000 documents), every
copy varied so that every sentence is distinct (``benchmarks/speed.py``'s ``vary``), or ``--input``, a
folder of your own (on a real cluster: a folder every node mounts under the same path, so that the
workers read the files themselves). Each contender is ``translate-cmp run --engine ENGINE --no-cache``
as a fresh process (wall clock, start-up, imports and Ray's start included), interleaved ``--repeat``
times, the fastest of each counting:

- local: the local executor's pool, one process per usable core (``--jobs 0``);
- ray: ``--executor ray`` on a new local Ray instance (every core of this machine);
- ray, N nodes (``--nodes N``): a cluster of N one-CPU nodes started on this machine with
  ``ray start`` (own ports and temp dir; stopped at the end), joined with ``--ray-address``;
- ray, cluster (``--ray-address``): the cluster you name (``RAY_AUTH_MODE``/``RAY_AUTH_TOKEN`` as it needs).

It checks that every Ray run's outputs are byte-identical to the local run's and prints, per contender,
seconds, documents per second, the ratio to the local pool and the documents each node processed
(run.json's ``cluster``). Target (issue 24): ray / local under 2x on 3,000 documents on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

COMPARED = ("sentences.csv", "documents.csv", "flags.jsonl")


def timed_run(inp: Path, out: Path, engine: str, extra: list[str], env: dict) -> tuple[float, dict]:
    """Wall-clock seconds of one run, and its run.json."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(inp), "--engine", engine, "--no-cache",
                           "--out", str(out), *extra], env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(extra) or 'local'}: exit {done.returncode}: {done.stderr.strip()[-800:]}")
    return seconds, json.loads((out / "run.json").read_text())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=600, help="copies of the five seed articles (600: 3,000 documents)")
    ap.add_argument("--input", type=Path, help="a folder of documents instead of the seed copies")
    ap.add_argument("--engine", default="none", help="translate-cmp's --engine (default none: the pipeline's own cost)")
    ap.add_argument("--repeat", type=int, default=1, help="interleaved rounds; the fastest of each counts")
    ap.add_argument("--nodes", type=int, default=0, help="also a cluster of this many one-CPU nodes started here")
    ap.add_argument("--ray-address", help="also this running cluster (its head's host:port, or auto)")
    ap.add_argument("--workdir", type=Path, help="where the input copies and outputs go (default: a temp folder)")
    args = ap.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="ray_overhead"))
    work.mkdir(parents=True, exist_ok=True)
    inp = args.input
    if inp is None:
        from speed import write_corpus

        inp = work / "input"
        if not inp.exists():
            write_corpus(inp, args.copies)
    documents = sum(1 for p in inp.rglob("*") if p.is_file())
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    contenders: list[tuple[str, list[str], dict]] = [("local pool", ["--jobs", "0"], env),
                                                     ("ray, local instance", ["--executor", "ray"], env)]
    cluster = None
    try:
        if args.nodes:
            from translate_cmp.testing.ray_cluster import LocalCluster

            cluster = LocalCluster(cpus_per_node=1, nodes=args.nodes, extra_env={"PYTHONPATH": str(ROOT)}).start()
            contenders.append((f"ray, {args.nodes} one-CPU nodes", ["--executor", "ray", "--ray-address",
                                                                    cluster.address], cluster.env))
        if args.ray_address:
            contenders.append(("ray, cluster", ["--executor", "ray", "--ray-address", args.ray_address],
                               dict(os.environ)))
        best: dict[str, float] = {}
        records: dict[str, dict] = {}
        for _ in range(args.repeat):
            for name, extra, run_env in contenders:
                seconds, manifest = timed_run(inp, work / name.replace(" ", "_").replace(",", ""), args.engine, extra,
                                              run_env)
                if seconds < best.get(name, float("inf")):
                    best[name], records[name] = seconds, manifest
    finally:
        if cluster is not None:
            cluster.stop()
    local_out = work / "local_pool"
    print(f"input: {inp} ({documents} files), --engine {args.engine}; {os.cpu_count()} CPUs here, load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"{'contender':<26} {'seconds':>8} {'docs/s':>8} {'/ local':>8}  identical  nodes: documents")
    for name, _, _ in contenders:
        out = work / name.replace(" ", "_").replace(",", "")
        same = all((out / f).read_bytes() == (local_out / f).read_bytes() for f in COMPARED)
        nodes = (records[name].get("cluster") or {}).get("nodes") or []
        shown = ", ".join(f"{n['node_id'][:8]}: {n['documents']}" for n in nodes) or "-"
        docs = records[name]["counts"]["documents"]
        print(f"{name:<26} {best[name]:>8.1f} {docs / best[name]:>8.0f} {best[name] / best['local pool']:>7.2f}x  "
              f"{'yes' if same else 'NO':<9}  {shown}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
