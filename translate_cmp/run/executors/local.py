"""The local executor: the pipeline in this process, chunk after chunk.

:func:`process_chunk` is the unit every executor runs: one chunk of documents through the
pipeline, with whole-document results reused from the cache where the document, the settings and
the code are unchanged (see :class:`translate_cmp.engines.cache.ResultMemo`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from translate_cmp.engines.base import Engine
from translate_cmp.engines.cache import CachingEngine, ResultMemo
from translate_cmp.engines.round_trip import pivots_for
from translate_cmp.pipeline import RunStats, chunked, run_documents
from translate_cmp.records import Document, DocumentResult
from translate_cmp.rules.base import Rule
from translate_cmp.run.executors import WorkSpec, cache_counts
from translate_cmp.score.metrics import SentenceScorer


def result_memo(engine: Engine, rules: Sequence[Rule], spec: WorkSpec, scorer: SentenceScorer) -> ResultMemo | None:
    """The document-result memo of a cached engine (None without a cache)."""
    if not isinstance(engine, CachingEngine):
        return None
    return ResultMemo.for_run(engine, [r.code for r in rules], spec.pivots, strict=spec.strict,
                              surprisal=spec.surprisal)


def lookup(memo: ResultMemo | None, documents: Sequence[Document]
           ) -> tuple[list[str], dict[str, DocumentResult], list[Document]]:
    """The memo keys of ``documents``, the results the memo has, and the documents left to compute."""
    if memo is None:
        return [], {}, list(documents)
    keys = [memo.key(d) for d in documents]
    found = memo.get(keys)
    return keys, found, [d for key, d in zip(keys, documents) if key not in found]


def merge(memo: ResultMemo | None, keys: list[str], found: dict[str, DocumentResult], fresh: list[DocumentResult],
          engine: Engine, spec: WorkSpec, stats: RunStats) -> list[DocumentResult]:
    """Store the ``fresh`` results and interleave them with the ``found`` ones in input order.

    ``fresh`` are counted in ``stats`` already (the pipeline counts what it computes); reused ones are
    counted here."""
    if memo and fresh:
        memo.put(zip([k for k in keys if k not in found], fresh, strict=True))
    if not found:
        return fresh
    stats.cache["documents_reused"] += len(found)
    computed = iter(fresh)
    out = []
    for key in keys:
        if key not in found:
            out.append(next(computed))
            continue
        result = found[key]
        stats.add(result)
        stats.untranslated_pairs |= {
            (result.lang, p) for p in pivots_for(result.lang, spec.pivots)
            if not (engine.can_translate(result.lang, p) and engine.can_translate(p, result.lang))
        }
        out.append(result)
    return out


def process_chunk(
    documents: Sequence[Document],
    engine: Engine,
    rules: Sequence[Rule],
    spec: WorkSpec,
    *,
    scorer: SentenceScorer,
    stats: RunStats,
    memo: ResultMemo | None = None,
) -> list[DocumentResult]:
    """One chunk through the pipeline, in input order; the documents not in ``memo`` are translated together."""
    keys, found, misses = lookup(memo, documents)
    fresh = list(run_documents(
        misses, engine, rules, spec.pivots, strict=spec.strict, chunk_docs=max(1, len(misses)),
        scorer=scorer, stats=stats, surprisal=spec.surprisal,
    )) if misses else []
    return merge(memo, keys, found, fresh, engine, spec, stats)


def run_local(
    documents: Iterable[Document],
    engine: Engine,
    rules: Sequence[Rule],
    spec: WorkSpec,
    *,
    scorer: SentenceScorer,
    stats: RunStats,
    on_chunk: Callable[[int, int], None] | None = None,
) -> Iterator[DocumentResult]:
    """The pipeline in this process, or on ``spec.jobs`` processes (0: one per usable core)."""
    from translate_cmp.run.executors.pool import default_jobs, run_pool

    jobs = spec.jobs or default_jobs()
    if jobs > 1:
        yield from run_pool(documents, engine, rules, spec, scorer=scorer, stats=stats, on_chunk=on_chunk, jobs=jobs)
        return
    memo = result_memo(engine, rules, spec, scorer)
    before = cache_counts(engine)
    for chunk in chunked(documents, spec.chunk_docs):
        results = process_chunk(chunk, engine, rules, spec, scorer=scorer, stats=stats, memo=memo)
        yield from results
        if on_chunk:
            on_chunk(len(chunk), sum(len(r.sentences) for r in results))
    after = cache_counts(engine)
    stats.cache.update({k: after[k] - before[k] for k in after})
