"""Whole-document results reused across runs (:class:`translate_cmp.run.result_memo.ResultMemo`), and one chunk
through the pipeline with them: the unit every executor runs."""

from __future__ import annotations

from collections.abc import Sequence

from translate_cmp.engines.base import Engine
from translate_cmp.engines.cache import CachingEngine
from translate_cmp.engines.round_trip import pivots_for
from translate_cmp.pipeline import run_documents
from translate_cmp.records import Document, DocumentResult
from translate_cmp.rules.base import Rule
from translate_cmp.run.executors.base import Work, WorkSpec
from translate_cmp.run.result_memo import ResultMemo


def result_memo(engine: Engine, rules: Sequence[Rule], spec: WorkSpec) -> ResultMemo | None:
    """The document-result memo of a cached engine (None without a cache)."""
    if not isinstance(engine, CachingEngine):
        return None
    from translate_cmp.rules.settings import memo_keys

    return ResultMemo.for_run(engine, memo_keys(rules), spec.pivots, strict=spec.strict,
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
          work: Work) -> list[DocumentResult]:
    """Store the ``fresh`` results and interleave them with the ``found`` ones in input order.

    ``fresh`` are counted in ``stats`` already (the pipeline counts what it computes); reused ones are
    counted here."""
    if memo and fresh:
        memo.put(zip([k for k in keys if k not in found], fresh, strict=True))
    if not found:
        return fresh
    engine, spec, stats = work.engine, work.spec, work.stats
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


def compute(documents: Sequence[Document], work: Work) -> list[DocumentResult]:
    """``documents`` through the whole pipeline in this process, translated together."""
    spec = work.spec
    return list(run_documents(
        documents, work.engine, work.rules, spec.pivots, strict=spec.strict, chunk_docs=max(1, len(documents)),
        scorer=work.scorer, stats=work.stats, surprisal=spec.surprisal,
    )) if documents else []


def process_chunk(documents: Sequence[Document], work: Work, memo: ResultMemo | None = None) -> list[DocumentResult]:
    """One chunk through the pipeline, in input order; the documents not in ``memo`` are translated together."""
    keys, found, misses = lookup(memo, documents)
    return merge(memo, keys, found, compute(misses, work), work)
