"""Cost of the review and CI outputs: write the same results as csv, findings, junit and sarif.

Runs the seeds through ``--engine none`` once, then times each writer alone over ``--copies`` copies
of the results (distinct doc_ids), so the figure is the writer's cost, not the pipeline's::

    python benchmarks/ci_outputs.py --copies 200
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from translate_cmp.engines import create_engine
from translate_cmp.pipeline import RunStats
from translate_cmp.readers import read_documents
from translate_cmp.records import Document, DocumentResult
from translate_cmp.rules import select_rules
from translate_cmp.run.executors import Work, WorkSpec, execute
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.writers import open_writers

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def copy_of(result: DocumentResult, n: int) -> DocumentResult:
    doc_id = f"{result.document.doc_id}-{n}"
    doc = Document(doc_id, result.document.path, result.document.text)
    sentences = []
    for r in result.sentences:
        s = replace(r.sentence, doc_id=doc_id)
        sentences.append(replace(r, sentence=s, flags=[replace(f, doc_id=doc_id) for f in r.flags]))
    return replace(result, document=doc, sentences=sentences)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    rules = select_rules()
    engine = create_engine("none")
    work = Work(engine, rules, WorkSpec(engine="none"), SentenceScorer(), RunStats())
    base = list(execute("local", read_documents([str(SEEDS)]), work))
    results = [copy_of(r, n) for n in range(args.copies) for r in base]
    n_sent = sum(len(r.sentences) for r in results)
    n_flags = sum(len(s.flags) for r in results for s in r.sentences)
    print(f"{len(results)} documents, {n_sent} sentences, {n_flags} findings")
    print("| format | seconds | MB |\n| --- | ---: | ---: |")
    for fmt in ("csv", "jsonl", "findings", "junit", "sarif"):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            with open_writers(tmp, fmt) as run:
                for r in results:
                    run.write(r)
            elapsed = time.perf_counter() - started
            size = sum(p.stat().st_size for p in Path(tmp).iterdir() if p.name != "run.json")
            print(f"| {fmt} | {elapsed:.2f} | {size / 1e6:.1f} |")


if __name__ == "__main__":
    main()
