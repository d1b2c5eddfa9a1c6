"""RunWriter: feeds every format writer document by document, then commits all outputs at the end.

Life cycle::

    with open_writers(out_dir, ["csv", "jsonl", "html"], rule_docs=docs) as run:
        for result in results:          # DocumentResult, streamed
            run.write(result)
        run.close(manifest)             # finish every temp file, rename them into place, run.json last

An exception inside the ``with`` block calls :meth:`RunWriter.abort`: temporary files are deleted and
the previous run's files stay byte-identical. Leaving the block normally without ``close`` closes
with an empty caller manifest.

Commit: every format's temporary files and ``run.json``'s are completed, flushed and fsynced first;
only then are they renamed into place, ``run.json`` last, by :func:`translate_cmp.writers.publish.publish`,
which puts the previous files back if any rename fails (all or nothing). Files of formats not asked for this
time are left as they were (``run.json`` lists the files this run wrote).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from translate_cmp.records import DocumentResult
from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.batch import Batch, BatchSpec
from translate_cmp.writers.manifest import RunCounts, build_manifest, manifest_file
from translate_cmp.writers.output_set import DIGESTS_KEY, digests
from translate_cmp.writers.publish import publish
from translate_cmp.writers.rows import DocRows, error_summary, prepared_rows


class RunWriter:
    def __init__(self, out_dir: Path, writers: list[FormatWriter], rule_docs: RuleDocs | None = None):
        self.out_dir = Path(out_dir)
        self.writers = writers
        self.rule_docs: dict[str, Any] = dict(rule_docs or {})
        self.counts = RunCounts()
        self.state = "open"  # open -> closed | aborted
        self.late_errors: list = []  # FileErrors found while finishing (an annotated copy not written)
        self._ahead = frozenset(self.ahead)

    @property
    def formats(self) -> list[str]:
        return [w.format for w in self.writers]

    @property
    def ahead(self) -> tuple[str, ...]:
        """The formats whose text a pool worker may render ahead (``DocumentResult.prepared``)."""
        return tuple(w.format for w in self.writers if w.ahead)

    @property
    def batch_spec(self) -> BatchSpec | None:
        """How a pool worker folds a batch of results for these writers (translate_cmp.writers.batch); None when a
        writer takes documents one by one only (every one but the report's must render ahead)."""
        from translate_cmp.writers.html_report import HtmlReportWriter

        report = [w for w in self.writers if type(w) is HtmlReportWriter]
        if len(report) > 1 or any(not w.ahead and type(w) is not HtmlReportWriter for w in self.writers):
            return None
        return BatchSpec(self.ahead, (report[0].state.top_n, report[0].state.top_docs) if report else None)

    def write_batch(self, batch: Batch, rule_docs: RuleDocs | None = None) -> None:
        """Append a folded batch of documents (:meth:`batch_spec`) to every output: what :meth:`write` of each
        of them would have done."""
        self._check_open()
        if rule_docs:
            self.rule_docs.update(rule_docs)
        text = DocRows(None, [], [], rendered=batch.rendered)  # what a writer that renders ahead appends
        for writer in self.writers:
            if writer.ahead:
                writer.write(text)
            else:  # the report (batch_spec)
                writer.merge(batch.report)
        self.counts.merge(batch.counts)

    def write(self, result: DocumentResult, rule_docs: RuleDocs | None = None) -> DocRows:
        """Append one document to every output (``rule_docs`` adds rule descriptions for the report);
        returns its rows (findings with fingerprints included)."""
        self._check_open()
        if rule_docs:
            self.rule_docs.update(rule_docs)
        rows = prepared_rows(result, self._ahead)  # made by a pool worker, or here
        for writer in self.writers:
            writer.write(rows)
        self.counts.add(rows)
        return rows

    def write_error(self, doc_id: str, path: str, problem: str) -> None:
        """A file that could not be read: one ``documents.csv`` row with its ``error``."""
        self._check_open()
        summary = error_summary(doc_id, path, problem)
        for writer in self.writers:
            writer.write_error(summary)

    def close(self, manifest: Mapping[str, Any] | None = None) -> dict:
        """Finish and commit every output, then write run.json; returns the run.json object."""
        self._check_open()
        try:
            files = [name for w in self.writers for name in w.file_names]
            full = build_manifest(manifest or {}, self.counts, self.formats, files)
            for writer in self.writers:
                writer.finish(full, self.rule_docs)
                self.late_errors += getattr(writer, "copy_errors", [])
            files = {name: f for writer in self.writers for name, f in writer.files.items()}
            for f in files.values():
                if f.state == "open":
                    f.seal()  # durable before any final name changes, and hashed as sealed
            full[DIGESTS_KEY] = digests(files)  # readers check the set against these (writers/output_set.py)
            publish([*files.values(), manifest_file(self.out_dir, full)], self.out_dir)
        except BaseException:
            self.abort()
            raise
        self.state = "closed"
        return full

    def abort(self) -> None:
        """Delete every temporary file; the previous outputs stay as they were."""
        for writer in self.writers:
            writer.abort()
        if self.state == "open":
            self.state = "aborted"

    def _check_open(self) -> None:
        if self.state != "open":
            raise RuntimeError(f"run writer for {self.out_dir} is {self.state}")

    def __enter__(self) -> RunWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
        elif self.state == "open":
            self.close()
