"""The local executor: the pipeline in this process, chunk after chunk (``--jobs 1``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from translate_cmp.pipeline import document_chunks
from translate_cmp.records import Document, DocumentResult
from translate_cmp.run.executors.base import Work, cache_counts
from translate_cmp.run.executors.memo import process_chunk, result_memo


def run_local(documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]:
    """The pipeline in this process; results in input order."""
    memo = result_memo(work.engine, work.rules, work.spec)
    before = cache_counts(work.engine)
    for chunk in document_chunks(documents, work.spec.chunk_docs, work.spec.chunk_chars):
        results = process_chunk(chunk, work, memo)
        yield from results
        work.chunk_done(results, len(chunk))
    after = cache_counts(work.engine)
    work.stats.cache.update({k: after[k] - before[k] for k in after})
