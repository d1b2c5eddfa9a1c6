"""The Ray executor: the same pipeline on a Ray cluster, the input files read by the workers.

The driver lists the input files (it never reads them) and hands them out in *units*: up to
``chunk_docs`` small files, or one large file. Each unit is a Ray task, a streaming generator
(:func:`_run_unit`) that reads its files on the node it runs on, cuts their documents into chunks of
``chunk_docs`` and yields each chunk's results as soon as it is done, so a large table flows back
chunk by chunk. Per file, as Ray Data's file datasources split their work, so a single huge table
goes to one worker: split it into several files to spread it.

A worker process keeps the engine, rules and scorer it built for a run (a module-level cache keyed by
the run's :class:`WorkSpec`), so models load once per worker process, not per task. Each task
reserves the CPUs its work uses: one for ``--engine none`` and Apertium (one process per leg, the
pipeline's own work), two (the engine's threads) for argos, never more than a node has; nothing is
held back, since no other task has to run beside them. Tasks are spread over the nodes
(``SPREAD``). A worker that dies mid-task (killed, out of memory, its node lost) has its task run
again by Ray (``max_retries``); the results of a replayed generator that the driver already took are
not taken twice.

Inputs given as URIs (``s3://bucket/prefix``, ``gs://``..., :mod:`translate_cmp.readers.uri`) are listed by the
driver through pyarrow.fs and read by the workers through the same filesystem (pickled with the unit, as Ray
Data's datasources ship theirs), with the node's own credentials. Local files must be visible to the workers
under the same path (a shared file system) to be read there:
a worker that does not see a file, or sees another size or modification time, says so, and the
driver reads that file itself and sends its documents (a driver's local folder on a remote cluster
still works, through the driver's network link).

The driver takes the results in input order, makes document ids unique across files as
``read_documents`` does (a document whose id had to change is computed again here with its new
id, a rare case), and hands them to the usual writers: the outputs are byte-identical to a local
run. run.json's ``cluster`` lists each node that processed documents, with how many.

Before any work every worker checks that it runs the driver's translate-cmp code, libraries, language
data, rules and models (the :class:`~translate_cmp.run.signature.RunSignature` parts); a node that
differs ends the run with one line naming it and what differs (exit 8). On a joined cluster the
package itself is shipped with the job (:mod:`translate_cmp.run.executors.ray_connect`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate_cmp.errors import EXIT_CLUSTER_NODE, ClusterError, InputError, show_path
from translate_cmp.pipeline import RunStats, chunked
from translate_cmp.readers import FileError, RemoteFile, input_files
from translate_cmp.records import Document, DocumentResult
from translate_cmp.run.executors.base import Work, WorkSpec, cache_counts
from translate_cmp.run.executors.memo import compute, process_chunk, result_memo
from translate_cmp.score.metrics import SentenceScorer

INSTALL_HINT = "--executor ray needs Ray: pip install 'translate-cmp[ray]'"
UNIT_BYTES = 4 * 1024 * 1024  # a unit's files together, at most (a larger file is a unit of its own)
THREADED_ENGINES = {"argos": 2}  # engines that translate on threads of their own: the CPUs a task reserves
STREAM_BACKLOG = 8  # chunks a unit may have done and not yet taken by the driver (Ray's generator backpressure)
TASK_RETRIES = 3  # a task whose worker died runs again up to this many times


@dataclass(frozen=True)
class TaskPlan:
    """How the work is spread: the CPUs each task reserves, the threads its engine uses, tasks kept in flight."""

    cpus: int
    threads: int
    in_flight: int


def plan_tasks(engine: str, node_cpus: Iterable[float]) -> TaskPlan:
    """Size tasks by the work: the engine's threads (or one CPU), on the cluster's nodes as they are.

    Every CPU of every node may run a task: the tasks read their own files, so no other Ray task needs
    a CPU beside them (Ray Data's pool on ``num_cpus=2`` needed one free for its read tasks).
    """
    cpus = [int(c) for c in node_cpus if c >= 1] or [1]
    want = THREADED_ENGINES.get(engine, 1)
    per_task = max(1, min(want, max(cpus)))
    slots = sum(c // per_task for c in cpus) or 1
    return TaskPlan(cpus=per_task, threads=per_task, in_flight=2 * slots)


# --- what travels between the driver and the workers -------------------------------------------------------

@dataclass(frozen=True)
class FileRef:
    """An input file as the driver sees it: a worker reads it only when it sees the same size and time."""

    path: str  # a URI for a file in an object store
    base_id: str
    size: int
    mtime_ns: int
    remote: RemoteFile | None = None  # a file in an object store: read through its pyarrow filesystem

    @property
    def source(self) -> Path | RemoteFile:
        """What :func:`~translate_cmp.readers.read_file` reads."""
        return self.remote if self.remote is not None else Path(self.path)


@dataclass(frozen=True)
class BadFile:
    """A file the worker could not read (the driver reports it as ``read_documents`` would)."""

    base_id: str
    path: str
    problem: str  # str(InputError)


@dataclass(frozen=True)
class Unseen:
    """A file the worker does not see as the driver does: the driver reads it and sends its documents."""

    file: FileRef
    why: str


@dataclass
class ChunkOutput:
    """What a task yields for one chunk: its results, bad and unseen files in read order, and its statistics."""

    items: list  # DocumentResult | BadFile | Unseen, in read order
    node: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    untranslated_pairs: set[tuple[str, str]] = field(default_factory=set)
    cache: dict[str, int] = field(default_factory=dict)
    error: tuple[str, str] | None = None  # an InputError's (where, problem): the exception does not pickle
    mismatch: str | None = None  # this node does not run the driver's code, data or models


# --- the worker side -----------------------------------------------------------------------------------------

def node_fingerprint(engine, rule_codes: Iterable[str], pivots) -> dict:
    """What must be the same on every node: translate-cmp's code, libraries, language data, rules and models."""
    from translate_cmp import __version__
    from translate_cmp.run.signature import RunSignature

    parts = RunSignature.of(engine, rule_codes, pivots).parts()
    return {"translate-cmp": __version__, **{k: parts[k] for k in ("code", "libraries", "dictionaries", "models",
                                                                    "rules") if k in parts}}


def describe_mismatch(mine: dict, driver: dict) -> str | None:
    """None when the fingerprints agree, else what differs, briefly."""
    out = []
    for key in driver:
        a, b = mine.get(key), driver[key]
        if a == b:
            continue
        if key == "translate-cmp" or key == "code":
            out.append(f"translate-cmp {mine.get('translate-cmp')} code {str(mine.get('code'))[:12]} (driver: "
                       f"{driver.get('translate-cmp')} code {str(driver.get('code'))[:12]})")
        elif isinstance(a, dict) and isinstance(b, dict):
            diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            shown = ", ".join(f"{k} {a.get(k) or 'missing'} (driver: {b.get(k) or 'missing'})" for k in diff[:3])
            out.append(f"{key}: {shown}" + (f" and {len(diff) - 3} more" if len(diff) > 3 else ""))
        else:
            out.append(f"{key} differ")
    return "; ".join(dict.fromkeys(out)) or None


class _Worker:
    """A worker process's engine, rules and scorer for one run: built by its first task, kept for the next."""

    def __init__(self, spec: WorkSpec, threads: int, driver: dict):
        self.spec = spec
        self.engine = spec.build_engine(cores=threads)
        self.rules = spec.build_rules()
        self.scorer = SentenceScorer()
        self.memo = result_memo(self.engine, self.rules, spec)
        self.mismatch = describe_mismatch(node_fingerprint(self.engine, [r.code for r in self.rules], spec.pivots),
                                          driver)

    def run_chunk(self, documents: list[Document], node: str) -> ChunkOutput:
        from translate_cmp.run.executors.base import Work

        stats = RunStats()
        before = cache_counts(self.engine)
        try:
            results = process_chunk(documents, Work(self.engine, self.rules, self.spec, self.scorer, stats), self.memo)
        except InputError as exc:  # sent back whole: the driver raises it as the local run would
            return ChunkOutput([], node, error=(exc.where, exc.problem))
        after = cache_counts(self.engine)
        stats.cache.update({k: after[k] - before[k] for k in after})
        return ChunkOutput(list(results), node, dict(stats.timings), stats.untranslated_pairs, dict(stats.cache))


_WORKERS: dict[str, _Worker] = {}  # per worker process: the run's key -> its worker


def _worker(spec: WorkSpec, threads: int, driver: dict) -> _Worker:
    key = hashlib.sha256(pickle.dumps((spec, threads, sorted(driver.items(), key=str)))).hexdigest()
    if key not in _WORKERS:
        _WORKERS.clear()  # one run at a time per process: a finished run's models are let go
        _WORKERS[key] = _Worker(spec, threads, driver)
    return _WORKERS[key]


def _sees(ref: FileRef) -> str | None:
    """None when this node sees ``ref`` as the driver does, else why not."""
    if ref.remote is not None:
        return _sees_remote(ref.remote)
    try:
        st = os.stat(ref.path)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if (st.st_size, st.st_mtime_ns) != (ref.size, ref.mtime_ns):
        return "another size or modification time"
    return None


def _sees_remote(file: RemoteFile) -> str | None:
    """None when this node reads ``file`` in its store with the size the driver listed (its credentials, its route
    to the store), else why not: the driver then reads it."""
    try:
        info = file.fs.get_file_info(file.path)
    except OSError as exc:  # no credentials here, the store unreachable from this node
        return " ".join(str(exc).split())[:200] or type(exc).__name__
    if info.size != file.size:
        return "not found, or another size" if info.size is None else "another size"
    return None


def _read_unit(files: list[FileRef], options) -> Iterator[Document | BadFile | Unseen]:
    from translate_cmp.readers import read_file

    for ref in files:
        if (why := _sees(ref)) is not None:
            yield Unseen(ref, why)
            continue
        try:
            yield from read_file(ref.source, ref.base_id, options)
        except InputError as exc:
            yield BadFile(ref.base_id, ref.path, str(exc))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in groups holding ``size`` documents each (the last fewer); the other items ride along in order."""
    group: list = []
    documents = 0
    for item in items:
        group.append(item)
        documents += isinstance(item, Document)
        if documents >= size:
            yield group
            group, documents = [], 0
    if group:
        yield group


def run_unit(spec: WorkSpec, threads: int, driver: dict, files: list[FileRef] | None = None, options=None,
             documents: list[Document] | None = None) -> Iterator[ChunkOutput]:
    """A Ray task (a streaming generator): a unit's files read here (or ``documents`` sent by the driver), chunk
    after chunk through the pipeline; yields one :class:`ChunkOutput` per chunk."""
    import ray

    node = ray.get_runtime_context().get_node_id()
    worker = _worker(spec, threads, driver)
    if worker.mismatch:
        yield ChunkOutput([], node, mismatch=worker.mismatch)
        return
    stream = iter(documents) if documents is not None else _read_unit(files or [], options)
    for group in _chunks(stream, spec.chunk_docs):
        docs = [item for item in group if isinstance(item, Document)]
        out = worker.run_chunk(docs, node) if docs else ChunkOutput([], node)
        if out.error or out.mismatch:
            yield out
            return
        results = iter(out.items)
        out.items = [next(results) if isinstance(item, Document) else item for item in group]
        yield out


def run_unit_whole(*args, **kwargs) -> list[ChunkOutput]:
    """:func:`run_unit` as a plain task, its chunks returned together: Ray Client (``ray://``) has no streaming
    generators."""
    return list(run_unit(*args, **kwargs))


# --- the driver side -----------------------------------------------------------------------------------------

def _units(paths, options, chunk_docs: int) -> Iterator[list[FileRef]]:
    """The input files in read order, grouped into units (see the module)."""
    unit: list[FileRef] = []
    size = 0
    for path, base_id in input_files(paths, options.follow_links, options.root):
        if isinstance(path, RemoteFile):
            ref = FileRef(path.uri, base_id, path.size, path.mtime_ns, remote=path)
        else:
            try:
                st = os.stat(path)
                ref = FileRef(str(path), base_id, st.st_size, st.st_mtime_ns)
            except OSError:
                ref = FileRef(str(path), base_id, -1, -1)  # the worker's reader reports the problem
        if unit and (len(unit) >= chunk_docs or size + max(ref.size, 0) > UNIT_BYTES):
            yield unit
            unit, size = [], 0
        unit.append(ref)
        size += max(ref.size, 0)
    if unit:
        yield unit


def _node_error(exc: BaseException) -> ClusterError:
    """A worker's exception (not an InputError): one line naming the node (exit 8)."""
    cause = getattr(exc, "cause", None) or exc
    where = getattr(exc, "ip", None) or "a node"
    line = str(cause).strip().splitlines()
    text = f"{type(cause).__name__}: {line[-1] if line else ''}".rstrip(": ")
    hint = " (install translate-cmp's dependencies and models on every node)" if isinstance(cause, ImportError) else ""
    return ClusterError(f"--executor ray: worker on {where} failed: {text}{hint}", EXIT_CLUSTER_NODE)


class _Driver:
    """Submits units, takes their chunks in input order, keeps the run's statistics and node counts."""

    def __init__(self, ray, work: Work, plan: TaskPlan, fingerprint: dict, streaming: bool = True):
        self.ray, self.work, self.plan, self.fingerprint, self.streaming = ray, work, plan, fingerprint, streaming
        placement = {"num_cpus": plan.cpus, "max_retries": TASK_RETRIES, "retry_exceptions": False,
                     "scheduling_strategy": "SPREAD"}
        if streaming:
            self.task = ray.remote(run_unit).options(**placement, _generator_backpressure_num_objects=STREAM_BACKLOG)
        else:
            self.task = ray.remote(run_unit_whole).options(**placement)
        from translate_cmp.readers import UniqueIds

        self.unique = UniqueIds()
        self.nodes: Counter[str] = Counter()

    def submit(self, **kwargs):
        return self.task.remote(self.work.spec, self.plan.threads, self.fingerprint, **kwargs)

    def take(self, submitted) -> Iterator[DocumentResult]:
        """Every chunk of one unit, in order, as results (bad files handed to ``on_error``)."""
        ray = self.ray
        for ref in submitted if self.streaming else [submitted]:
            try:
                got = ray.get(ref)
            except ray.exceptions.RayTaskError as exc:
                raise _node_error(exc) from None
            except (ray.exceptions.WorkerCrashedError, ray.exceptions.NodeDiedError, ray.exceptions.ActorDiedError,
                    ray.exceptions.ObjectLostError) as exc:
                raise ClusterError(f"--executor ray: the cluster lost a task after {TASK_RETRIES} retries: "
                                   f"{type(exc).__name__}", EXIT_CLUSTER_NODE) from None
            for output in got if isinstance(got, list) else [got]:
                yield from self.emit(output)

    def emit(self, output: ChunkOutput) -> Iterator[DocumentResult]:
        if output.mismatch:
            raise ClusterError(f"--executor ray: node {output.node} does not run the driver's work: {output.mismatch}; "
                               "install the same translate-cmp, libraries and models on every node", EXIT_CLUSTER_NODE)
        if output.error is not None:
            raise InputError(*output.error)
        stats = self.work.stats
        stats.timings.update(output.timings)
        stats.untranslated_pairs |= output.untranslated_pairs
        stats.cache.update(output.cache)
        documents = 0
        done: list[DocumentResult] = []
        for item in output.items:
            if isinstance(item, BadFile):
                self.bad_file(item)
            elif isinstance(item, Unseen):
                for result in self.read_here(item.file):
                    documents += 1
                    done.append(result)
                    yield result
            else:
                result = self.own_id(item)
                self.nodes[output.node] += 1
                documents += 1
                done.append(result)
                yield result
        if documents:
            self.work.chunk_done(done, documents)

    def own_id(self, result: DocumentResult) -> DocumentResult:
        """``result`` under the id ``read_documents`` would give it; computed again here if that id differs."""
        doc = result.document
        doc_id = self.unique(doc.doc_id)
        if doc_id == doc.doc_id:
            self.work.stats.add(result)
            return result
        return compute([replace(doc, doc_id=doc_id)], self.work)[0]  # counted by the pipeline

    def bad_file(self, bad: BadFile) -> None:
        prefix = f"{show_path(bad.path)}: "
        problem = bad.problem[len(prefix):] if bad.problem.startswith(prefix) else bad.problem
        error = FileError(self.unique(bad.base_id), bad.path, problem)
        on_error = self.work.inputs.on_error if self.work.inputs else None
        if on_error is None:
            raise InputError(bad.path, error.problem)
        on_error(error)

    def read_here(self, ref: FileRef) -> Iterator[DocumentResult]:
        """A file the worker did not see: read by the driver, its documents sent in chunks, in order."""
        from translate_cmp.readers import read_file

        options = self.work.inputs.options
        try:
            documents = read_file(ref.source, ref.base_id, options)
            for chunk in chunked(documents, self.work.spec.chunk_docs):
                yield from self.take(self.submit(documents=chunk))
        except InputError as exc:
            self.bad_file(BadFile(ref.base_id, ref.path, str(exc)))

    def record(self) -> dict:
        """run.json's ``cluster``: every node of the cluster, and the documents each processed."""
        alive = {n["NodeID"]: n for n in self.ray.nodes() if n.get("Alive")}
        ids = sorted(set(alive) | set(self.nodes), key=lambda n: (-self.nodes[n], n))
        return {
            "task_cpus": self.plan.cpus,
            "nodes": [{"node_id": n, "address": alive.get(n, {}).get("NodeManagerAddress"),
                       "cpus": alive.get(n, {}).get("Resources", {}).get("CPU"), "documents": self.nodes[n]}
                      for n in ids],
        }


def run_ray(documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]:
    """The pipeline on Ray; results in input order. ``work.inputs`` set: the workers read the files; else the
    driver's ``documents`` are sent in chunks."""
    try:
        import ray
        import ray.exceptions
    except ImportError:
        raise InputError("--executor", INSTALL_HINT) from None
    from translate_cmp.run.executors.ray_connect import connect

    logging.getLogger("ray").setLevel(logging.WARNING)
    connection = connect(work.ray)
    try:
        plan = plan_tasks(work.spec.engine, [n["Resources"].get("CPU", 0) for n in ray.nodes() if n.get("Alive")])
        fingerprint = node_fingerprint(work.engine, [r.code for r in work.rules], work.spec.pivots)
        driver = _Driver(ray, work, plan, fingerprint, streaming=not connection.address.startswith("ray://"))
        if work.inputs is not None:
            units = (dict(files=u, options=work.inputs.options)
                     for u in _units(work.inputs.paths, work.inputs.options, work.spec.chunk_docs))
        else:
            units = (dict(documents=c) for c in chunked(documents, work.spec.chunk_docs))
        pending: deque = deque()
        for unit in units:
            pending.append(driver.submit(**unit))
            while len(pending) >= plan.in_flight:
                yield from driver.take(pending.popleft())
        while pending:
            yield from driver.take(pending.popleft())
        work.cluster = {"address": connection.address, **driver.record()}
    finally:
        if connection.address != "existing":  # a local instance stops; a joined cluster's job (its workers) ends
            ray.shutdown()
