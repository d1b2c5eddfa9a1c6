"""The local executor on several cores: detect + segment and score + flag in forked worker processes.

Translation stays in this process, batched per chunk as :func:`translate_cmp.pipeline.run_documents`
batches it (one engine call per leg and language pair; the engine's own threads use the cores then).
Everything around it is pure, per-document work, and it is most of a run's time when the engine
translates little (``--engine none``, or documents whose languages have no model): workers do it
side by side while this process writes the previous chunk's results.

A worker gets the document, detects and segments it and, when none of its pivots can be translated,
also scores and flags it, so such a document crosses the process boundary once each way. A document
that will be translated comes back analysed, is translated here with its chunk, and goes out once
more to be finished. Results come back in input order, the same records the in-process pipeline
makes (tests compare the output files byte for byte), so the outputs do not depend on ``--jobs``.

Workers are forked, not spawned: they inherit the loaded modules, rules and language data instead of
importing and loading them again, and they are started before the engine loads any model.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from translate_cmp.engines.base import Engine
from translate_cmp.engines.round_trip import pivots_for
from translate_cmp.pipeline import Analysed, RunStats, analyse_many, chunked, document_chunks, finish, translate_chunk
from translate_cmp.records import Document, DocumentResult, RoundTrip
from translate_cmp.rules.base import Rule
from translate_cmp.run.executors.base import Work, cache_counts
from translate_cmp.run.executors.memo import compute, lookup, merge, result_memo
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.writers.batch import Batch, BatchSpec

LOOKAHEAD = 1  # chunks in the workers' hands while this process writes the one before
MIN_DOCUMENTS = 4  # a chunk with fewer documents to compute runs in this process: a fork costs more


def usable_cores() -> int:
    """The CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    return usable_cores()


@dataclass(frozen=True)
class _Work:
    """What a worker needs besides the documents: inherited through fork, never pickled."""

    engine: Engine  # asked only whether it can translate a pair; it never translates in a worker
    rules: Sequence[Rule]
    scorer: SentenceScorer
    pivots: tuple[str, ...]
    strict: bool
    render: tuple[str, ...]  # the formats whose text a worker renders for the writers (RunWriter.ahead)
    fold: BatchSpec | None  # how a worker folds a batch for the writers (RunWriter.batch_spec); None: never


_WORK: _Work | None = None  # one per worker process, set by _start


def _start(work: _Work) -> None:
    """Worker start-up: keep the work; leave Ctrl-C to the parent, which stops the pool."""
    global _WORK
    _WORK = work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a thread of the parent (the progress bar) may have held stderr's lock at the fork: a fresh writer
    sys.stderr = open(os.dup(2), "w", encoding=sys.stderr.encoding, errors="backslashreplace", closefd=True)  # noqa: SIM115 (the worker's life)


WARM_UP_FROM = 2000  # documents in the first chunk from which this process warms up before forking (_warm_up)
WARM_UP_DOCUMENTS = 64  # ... on this many of them, spread over the chunk


def _warm_up(documents: Sequence[Document], rules: Sequence[Rule], scorer: SentenceScorer) -> None:
    """Detect, segment, score and flag a few of ``documents`` (spread over them: a table sorted by language shows
    each of its first chunk's), the results dropped, before the workers are forked: what the rules load on first
    use for these languages (wordfreq's frequency lists, about 0.15 s each, word lists, dictionaries) is then
    loaded once, here, and every worker inherits it instead of loading its own copy. Loading changes no answer
    (the same results, whichever process computes them)."""
    step = max(1, len(documents) // WARM_UP_DOCUMENTS)
    try:
        for a in analyse_many(list(documents[::step])):
            finish(a, {}, scorer, rules)
    except Exception:  # noqa: BLE001, S110 (a warm-up only: a worker meets the same document and says so as before)
        pass


def _cool_down() -> None:
    """After the fork: this process drops wordfreq's frequency lists that :func:`_warm_up` loaded (the workers
    keep their copies; this process scores and flags only a chunk too small to hand them, and loads again what
    that needs), so that it does not hold them, a few hundred MB, for the rest of the run."""
    wordfreq = sys.modules.get("wordfreq")
    if wordfreq is not None:
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()


def _untranslatable(a: Analysed, work: _Work) -> bool:
    """True when the pipeline would translate none of the document's pivots and raise nothing for it."""
    if work.strict and pivots_for(a.lang, work.pivots):
        return False  # let this process's translate_chunk decide (and raise for a missing model)
    engine = work.engine
    return not any(engine.can_translate(a.lang, p) and engine.can_translate(p, a.lang)
                   for p in pivots_for(a.lang, work.pivots))


def _done(result: DocumentResult, work: _Work) -> DocumentResult:
    """A result leaving a worker: the writers' rows and text made here, side by side with the other worker, so
    that the one process that writes only appends text (translate_cmp.writers.prepare)."""
    if work.render:
        from translate_cmp.writers import prepare

        result.prepared = prepare(result, work.render)
    return result


_Answer = list[tuple[Analysed | None, DocumentResult | None, float, float]]


def _analyse(batch: tuple[list[Document], bool, bool]) -> _Answer | Batch:
    """In a worker: detect + segment a batch of documents (their languages detected together); score + flag
    too each one that has nothing to translate. Per document: (analysed, result, seconds, seconds).

    ``whole``: the main process writes the batch's results one after the other, none between them (no result of its
    chunk came from the memo); when every one of them is finished here, their text goes back as one string a file on
    the first (translate_cmp.writers.prepare_batch), and each result without its document (the main process has it,
    and sets it again: :meth:`_Runner._from_workers`). ``fold`` too (no memo keeps the results either): they go back
    as one :class:`translate_cmp.writers.batch.Batch`, all that the main process needs of them, in place of the
    results."""
    documents, whole, fold = batch
    work = _WORK
    t0 = time.perf_counter()
    analysed = analyse_many(documents)
    share = (time.perf_counter() - t0) / max(1, len(documents))
    out = []
    for a in analysed:
        if not _untranslatable(a, work):
            out.append((a, None, share, 0.0))
            continue
        t1 = time.perf_counter()
        result = finish(a, {}, work.scorer, work.rules)
        out.append((None, result, share, time.perf_counter() - t1))
    # after the batch's flagging, not between: each loop keeps its own code and data warm
    if fold and work.fold is not None and all(item[1] is not None for item in out):
        return _fold([item[1] for item in out], work.fold, (sum(item[2] for item in out), sum(item[3] for item in out)))
    if whole and work.render and all(item[1] is not None for item in out):
        from translate_cmp.writers import prepare_batch

        results = [item[1] for item in out]
        prepare_batch(results, work.render)
        for result in results:
            result.document = None
    else:
        for item in out:
            if item[1] is not None:
                _done(item[1], work)
    return out


def _fold(results: list[DocumentResult], spec: BatchSpec, seconds: tuple[float, float]) -> Batch:
    """A worker's finished batch folded for the writers, with the pipeline's counts over it."""
    from translate_cmp.writers.batch import fold

    batch = fold(results, spec)
    batch.stats = RunStats()
    for result in results:
        batch.stats.add(result)
    batch.seconds = seconds
    return batch


def _finish(item: tuple[Analysed, dict[tuple[str, int], list[RoundTrip]]]) -> tuple[DocumentResult, float]:
    """In a worker: align + score + flag + risk for a translated document."""
    t0 = time.perf_counter()
    result = finish(item[0], item[1], _WORK.scorer, _WORK.rules)
    t1 = time.perf_counter()
    return _done(result, _WORK), t1 - t0


@dataclass
class _Pending:
    """A chunk handed to the workers: what the memo had, and the workers' answer to come."""

    documents: list[Document]
    keys: list[str]
    found: dict[str, DocumentResult]
    misses: list[Document]
    answer: multiprocessing.pool.AsyncResult | None  # None: computed in this process when collected


class _Runner:
    def __init__(self, work: Work, jobs: int):
        self.work, self.jobs = work, jobs
        self.engine, self.rules, self.spec, self.scorer, self.stats = (
            work.engine, work.rules, work.spec, work.scorer, work.stats)
        self.memo = result_memo(work.engine, work.rules, work.spec)
        self.pool: multiprocessing.pool.Pool | None = None

    def _pool(self, documents: int, first: Sequence[Document] = ()) -> multiprocessing.pool.Pool:
        """The workers, forked at the first call: ``documents``, how many the first chunk hands them, ``first``
        those documents."""
        if self.pool is None:
            from translate_cmp.lang.detect import load_shared

            load_shared(documents)  # once here, inherited by every worker, rather than loaded by each
            if documents >= WARM_UP_FROM:
                _warm_up(first, self.rules, self.scorer)
            work = _Work(self.engine, self.rules, self.scorer, tuple(self.spec.pivots), self.spec.strict,
                         self.work.render, self.work.fold)
            self.pool = multiprocessing.get_context("fork").Pool(self.jobs, initializer=_start, initargs=(work,))
            self.stats.processes = self.jobs
            if documents >= WARM_UP_FROM:
                _cool_down()
        return self.pool

    def _chunksize(self, n: int) -> int:
        return max(1, n // (4 * self.jobs))

    def submit(self, documents: list[Document]) -> _Pending:
        keys, found, misses = lookup(self.memo, documents)
        answer = None
        if len(misses) >= MIN_DOCUMENTS:
            size = -(-len(misses) // self.jobs)  # one batch per worker: detection runs a batch side by side
            whole = not found  # no memo result between the workers' ones: a batch's results are written in a row
            fold = whole and self.memo is None  # ... and no memo keeps them: a batch may come back folded
            answer = self._pool(len(misses), misses).map_async(
                _analyse, [(batch, whole, fold) for batch in chunked(misses, size)], chunksize=1)
        return _Pending(documents, keys, found, misses, answer)

    def _from_workers(self, pending: _Pending) -> list[DocumentResult | Batch]:
        answers: list[_Answer | Batch] = pending.answer.get()  # one a worker's batch
        each = [item for answer in answers if not isinstance(answer, Batch) for item in answer]  # a document's
        analysed = [a for a, _, _, _ in each if a is not None]
        t0 = time.perf_counter()
        trips = translate_chunk(self.engine, analysed, self.spec.pivots, self.stats, self.spec.strict,
                                self.spec.surprisal) if analysed else {}
        t1 = time.perf_counter()
        finished: list[tuple[DocumentResult, float]] = []
        if analysed:
            items = [(a, {(s.doc_id, s.sent_id): trips[(s.doc_id, s.sent_id)]
                          for s in a.sentences if (s.doc_id, s.sent_id) in trips}) for a in analysed]
            finished = self._pool(0).map(_finish, items, chunksize=self._chunksize(len(items)))
        done = iter(finished)
        documents = iter(pending.misses)
        results: list[DocumentResult | Batch] = []
        noted: set[str] = set()  # languages whose pairs are noted already (a table has thousands of rows each)
        folded = [0.0, 0.0]
        for answer in answers:
            if isinstance(answer, Batch):  # finished and folded in the worker: its documents are written with it
                for _ in answer.documents:
                    next(documents)
                for lang in {lang for _, lang, _ in answer.documents} - noted:
                    self._note(lang, noted)
                self.stats.merge(answer.stats)
                folded = [folded[0] + answer.seconds[0], folded[1] + answer.seconds[1]]
                results.append(answer)
                continue
            for (_, result, _, _), document in zip(answer, documents):
                if result is None:
                    result = next(done)[0]
                else:
                    if result.document is None:  # sent back without it (_analyse): this process has it
                        result.document = document
                    if result.lang not in noted:
                        self._note(result.lang, noted)
                self.stats.add(result)
                results.append(result)
        self.stats.timings.update({  # seconds of work, summed over the worker processes
            "detect_segment": sum(t for _, _, t, _ in each) + folded[0],
            "translate": t1 - t0,
            "score_flag": sum(t for _, _, _, t in each) + sum(t for _, t in finished) + folded[1],
        })
        return results

    def _note(self, lang: str, noted: set[str]) -> None:
        """A document of ``lang`` finished in a worker: the pairs translate_chunk would have noted."""
        noted.add(lang)
        self.stats.untranslated_pairs |= {(lang, p) for p in pivots_for(lang, self.spec.pivots)}

    def collect(self, pending: _Pending) -> list[DocumentResult | Batch]:
        if not pending.misses:
            fresh = []
        elif pending.answer is None:
            fresh = compute(pending.misses, self.work)
        else:
            fresh = self._from_workers(pending)
        return merge(self.memo, pending.keys, pending.found, fresh, self.work)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def run_pool(documents: Iterable[Document], work: Work, *, jobs: int) -> Iterator[DocumentResult | Batch]:
    """:func:`translate_cmp.run.executors.local.run_local` on ``jobs`` processes: the same results, in input order.
    With ``work.fold`` set, a worker's batch may come as one :class:`translate_cmp.writers.batch.Batch` in place of
    its results (the writers take it: :meth:`translate_cmp.writers.run_writer.RunWriter.write_batch`)."""
    runner = _Runner(work, jobs)
    before = cache_counts(work.engine)
    pending: deque[_Pending] = deque()
    try:
        for chunk in document_chunks(documents, work.spec.chunk_docs, work.spec.chunk_chars):
            pending.append(runner.submit(chunk))
            while len(pending) > LOOKAHEAD:
                yield from _emit(runner, pending.popleft())
        while pending:
            yield from _emit(runner, pending.popleft())
    finally:
        runner.close()
    after = cache_counts(work.engine)
    work.stats.cache.update({k: after[k] - before[k] for k in after})


def _emit(runner: _Runner, pending: _Pending) -> Iterator[DocumentResult | Batch]:
    results = runner.collect(pending)
    yield from results
    runner.work.chunk_done([r for r in results if not isinstance(r, Batch)], len(pending.documents),
                           sum(r.counts.rows for r in results if isinstance(r, Batch)))
