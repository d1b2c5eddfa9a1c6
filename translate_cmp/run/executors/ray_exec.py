"""The Ray executor: the same pipeline on a Ray cluster, through Ray Data.

The driver reads the documents and cuts them into the same chunks the local executor uses. Each
chunk is one row of a Ray Dataset; ``map_batches`` runs :class:`ChunkWorker`, a callable class,
so every actor of the pool loads the models once and then translates, scores and flags chunk
after chunk (with the translation cache of the machine it runs on). Results come back to the
driver, which puts them in input order and hands them to the usual writers: sentences.csv is
byte-identical to the local executor's.

Documents go to the cluster in windows of chunks, so neither the driver nor the object store ever
holds the whole input; each window gets a fresh actor pool (a model load per window of thousands
of documents).

Which cluster: an existing one when ``RAY_ADDRESS`` is set (e.g. ``RAY_ADDRESS=auto`` for a
cluster started with ``ray start --head`` on this machine, or ``ray://head:10001``), or when the
calling program already ran ``ray.init(address="auto")``; otherwise a local instance, stopped at
the end of the run. Every node needs translate-cmp and the argos models installed.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from translate_cmp.errors import InputError
from translate_cmp.pipeline import RunStats, chunked
from translate_cmp.records import Document, DocumentResult
from translate_cmp.run.executors.base import Work, WorkSpec, cache_counts
from translate_cmp.run.executors.memo import process_chunk, result_memo
from translate_cmp.score.metrics import SentenceScorer

INSTALL_HINT = "--executor ray needs Ray: pip install 'translate-cmp[ray]'"
CHUNKS_PER_ACTOR_PER_WINDOW = 32


@dataclass(frozen=True)
class PoolPlan:
    """The actor pool: how many actors, the CPUs Ray reserves for each, the threads each translates with."""

    actors: int
    cpus_per_actor: float
    threads: int


def plan_pool(cluster_cpus: float) -> PoolPlan:
    """Size the pool from the cluster's CPUs, leaving one CPU free for Ray Data's other tasks.

    A pool that takes every CPU starves the tasks that feed it and the dataset never finishes
    (two one-CPU actors on ``ray.init(num_cpus=2)`` hang forever).
    """
    total = int(cluster_cpus)
    free = total - 1
    if free < 1:
        return PoolPlan(actors=1, cpus_per_actor=0.5, threads=1)
    per_actor = 1 if free <= 4 else 2
    actors = max(1, free // per_actor)
    # one actor on a small machine: let it translate on every core (the other tasks are light)
    threads = total if actors == 1 and total <= 2 else per_actor
    return PoolPlan(actors=actors, cpus_per_actor=per_actor, threads=threads)


@dataclass
class ChunkOutput:
    """What a worker sends back for one chunk."""

    results: list[DocumentResult]
    timings: dict[str, float]
    untranslated_pairs: set[tuple[str, str]]
    cache: dict[str, int]  # translation-cache hits and misses, documents reused
    error: tuple[str, str] | None = None  # an InputError's (where, problem): the exception itself does not pickle


class ChunkWorker:
    """One actor of the pool: loads the engine and rules once, then runs the pipeline on each chunk."""

    def __init__(self, spec: WorkSpec, threads: int):

        self.spec = spec
        self.engine = spec.build_engine(cores=threads)
        self.rules = spec.build_rules()
        self.scorer = SentenceScorer()
        self.memo = result_memo(self.engine, self.rules, spec)

    def run_chunk(self, documents: list[Document]) -> ChunkOutput:
        stats = RunStats()
        before = cache_counts(self.engine)
        try:
            results = process_chunk(documents, Work(self.engine, self.rules, self.spec, self.scorer, stats), self.memo)
        except InputError as exc:  # sent back whole: the driver raises it as the local run would
            return ChunkOutput([], {}, set(), {}, error=(exc.where, exc.problem))
        after = cache_counts(self.engine)
        stats.cache.update({k: after[k] - before[k] for k in after})
        return ChunkOutput(results, dict(stats.timings), stats.untranslated_pairs, dict(stats.cache))

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        out = [pickle.dumps(self.run_chunk(pickle.loads(blob)), protocol=pickle.HIGHEST_PROTOCOL)
               for blob in batch["chunk"]]
        return {"i": batch["i"], "out": np.array(out, dtype=object)}


def _connect(ray) -> bool:
    """Connect to ``RAY_ADDRESS`` or start a local instance; True when this call started Ray."""
    if ray.is_initialized():
        return False
    ray.init(
        address=os.environ.get("RAY_ADDRESS") or None,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    return True


def _map_window(ray, rows: list[dict], spec: WorkSpec, plan: PoolPlan) -> Iterator[tuple[int, ChunkOutput]]:
    ds = ray.data.from_items(rows).map_batches(
        ChunkWorker,
        fn_constructor_kwargs={"spec": spec, "threads": plan.threads},
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(plan.actors, len(rows))),
        num_cpus=plan.cpus_per_actor,
    )
    for row in ds.iter_rows():
        yield int(row["i"]), pickle.loads(row["out"])


def run_ray(documents: Iterable[Document], work: Work, *, window_chunks: int | None = None) -> Iterator[DocumentResult]:
    """The pipeline on Ray; results in input order. ``engine`` and ``rules`` stay on the driver (run.json)."""
    spec = work.spec
    try:
        import ray
        import ray.data
    except ImportError:
        raise InputError("--executor", INSTALL_HINT) from None
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled": by us
    started = _connect(ray)
    context = ray.data.DataContext.get_current()
    bars, context.enable_progress_bars = context.enable_progress_bars, False  # our own bar, or silence
    try:
        plan = plan_pool(ray.cluster_resources().get("CPU", 1))
        window = window_chunks or plan.actors * CHUNKS_PER_ACTOR_PER_WINDOW
        chunks = chunked(documents, spec.chunk_docs)
        index = 0
        while rows := [{"i": index + k, "chunk": pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL)}
                       for k, c in enumerate(islice(chunks, window))]:
            pending: dict[int, ChunkOutput] = {}
            for i, output in _map_window(ray, rows, spec, plan):
                pending[i] = output
                while index in pending:  # emit in input order as soon as the next chunk is in
                    yield from _emit(pending.pop(index), work)
                    index += 1
    finally:
        context.enable_progress_bars = bars
        if started:
            ray.shutdown()


def _emit(output: ChunkOutput, work: Work) -> Iterator[DocumentResult]:
    if output.error is not None:
        raise InputError(*output.error)
    stats = work.stats
    stats.timings.update(output.timings)
    stats.untranslated_pairs |= output.untranslated_pairs
    stats.cache.update(output.cache)
    for result in output.results:
        stats.add(result)
        yield result
    work.chunk_done(output.results)
