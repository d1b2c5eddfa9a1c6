"""A pool worker's batch folded for the writers: what the one process that writes needs of it, made in the worker.

When a worker has finished every document of a batch that the main process writes one after the other, none
between them (``translate_cmp.run.executors.pool``), it sends back one :class:`Batch` instead of a result a
document: the text of the formats rendered ahead (one string a file), the counts run.json and the report keep, the
report's state over the batch (:class:`translate_cmp.writers.report_state.ReportState` with the run's limits: its
few kept sentences and documents), the findings for the gate, and each document's id and language. The main process
then adds that to its own state (:meth:`translate_cmp.writers.run_writer.RunWriter.write_batch`) instead of
unpickling a result a document and walking it again: the same outputs, byte for byte, as writing each result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from translate_cmp.records import DocumentResult, Flag
from translate_cmp.writers.manifest import RunCounts
from translate_cmp.writers.report_state import ReportState
from translate_cmp.writers.rows import prepared_rows


@dataclass(frozen=True)
class BatchSpec:
    """How a worker folds a batch for this run's writers (:attr:`RunWriter.batch_spec`)."""

    render: tuple[str, ...]  # the formats whose text it renders (every writer but the report's renders ahead)
    report: tuple[int, int] | None = None  # the report's (top_n, top_docs); None: no report.html


@dataclass
class Batch:
    """Documents finished in a pool worker, folded: written in one go where their results would be, in order."""

    rendered: dict[str, tuple[str, ...]]  # format -> the text of every document for each of its files
    counts: RunCounts
    report: ReportState | None
    findings: list[tuple[Flag, str]]  # every flag with its fingerprint, in document order (the gate's)
    documents: list[tuple[str, str, str]]  # (doc_id, lang, its unit's source language or "") a document, in order
    stats: Any = None  # the pipeline's RunStats over these documents (set by the pool)
    seconds: tuple[float, float] = (0.0, 0.0)  # detect + segment, score + flag: seconds of work (set by the pool)


def fold(results: Sequence[DocumentResult], spec: BatchSpec) -> Batch:
    """``results`` (in the order they are written, none between them) as a :class:`Batch` for ``spec``'s writers."""
    from translate_cmp.writers import prepare_batch

    prepare_batch(results, spec.render)
    ahead = frozenset(spec.render)
    counts = RunCounts()
    report = ReportState(*spec.report) if spec.report is not None else None
    findings: list[tuple[Flag, str]] = []
    rendered: dict[str, tuple[str, ...]] = {}
    for i, result in enumerate(results):
        doc = prepared_rows(result, ahead)
        if not i:
            rendered = doc.rendered  # the first document's prepared text is the batch's (prepare_batch)
        counts.add(doc)
        if report is not None:
            report.add(doc)
        if doc.fingerprints:
            findings.extend((flag, fp) for flag, fp, _ in doc.findings())
    documents = [(r.document.doc_id, r.lang, r.document.unit.source_lang if r.document.unit is not None else "")
                 for r in results]
    return Batch(rendered, counts, report, findings, documents)
