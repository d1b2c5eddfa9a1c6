"""What every executor shares: the run's :class:`WorkSpec`, the :class:`Work` handed to an executor, and the
:class:`Executor` protocol.

Every executor takes the same documents and yields the same :class:`DocumentResult` s in input
order, so the driver writes them with the same writers: the outputs do not depend on the executor.
A :class:`WorkSpec` is what a remote worker needs to rebuild the run's engine and rules where it
runs (models are loaded there, never shipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from translate_cmp.engines.base import Engine
from translate_cmp.pipeline import RunStats
from translate_cmp.readers import FileError, ReadOptions
from translate_cmp.records import Document, DocumentResult
from translate_cmp.rules.base import Rule
from translate_cmp.rules.settings import RuleSettings
from translate_cmp.run.executors.ray_connect import RayOptions
from translate_cmp.score.metrics import SentenceScorer

if TYPE_CHECKING:
    from translate_cmp.writers.batch import BatchSpec


@dataclass(frozen=True)
class Inputs:
    """The run's input paths as given: an executor whose workers read the files themselves (Ray) uses them instead
    of the documents the driver would read; ``on_error`` takes each bad file, as ``read_documents`` hands it."""

    paths: tuple[str, ...]
    options: ReadOptions
    on_error: Callable[[FileError], None] | None = None


@dataclass(frozen=True)
class WorkSpec:
    """Everything but the documents that decides a run's results (picklable)."""

    engine: str  # a resolved engine name (not "auto")
    engine_options: dict = field(default_factory=dict)
    use_cache: bool = True
    cache_dir: str | None = None  # None: the default cache folder of the machine the worker runs on
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    pivots: tuple[str, ...] = ("es",)
    strict: bool = False
    chunk_docs: int = 64
    chunk_chars: int | None = None  # short documents gathered into a chunk up to this much text (None: none)
    surprisal: bool = True  # the forced-decoding pass (pipeline.run_documents(surprisal=...))
    jobs: int = 1  # local executor: processes for detect/segment/score/flag (0: one per core); not in any result
    settings: RuleSettings | None = None  # what configured rules read: glossary, project findings, per-file ignores

    def build_engine(self, cores: int | None = None) -> Engine:
        """The engine, cached unless ``use_cache`` is off; ``cores`` overrides the thread settings."""
        from translate_cmp.engines import create_engine
        from translate_cmp.engines.cache import with_cache

        options = dict(self.engine_options)
        if cores and self.engine == "argos":
            from translate_cmp.engines.argos import default_threads

            options["inter_threads"], options["intra_threads"] = default_threads(cores)
        return with_cache(create_engine(self.engine, **options), self.cache_dir, self.use_cache)

    def build_rules(self) -> Sequence[Rule]:
        from translate_cmp.rules import select_rules
        from translate_cmp.rules.settings import configure

        return configure(select_rules(self.select, self.ignore), self.settings)


def cache_counts(engine: Engine) -> dict[str, int]:
    """Translation-cache hits and misses so far (zeros for an engine without a cache)."""
    return {"hits": getattr(engine, "hits", 0), "misses": getattr(engine, "misses", 0)}


@dataclass
class Work:
    """One run as an executor sees it: the engine and rules built on the driver, the spec workers rebuild them
    from, the scorer, the statistics to fill, and the progress callback ``on_chunk(documents, sentences)``."""

    engine: Engine
    rules: Sequence[Rule]
    spec: WorkSpec
    scorer: SentenceScorer
    stats: RunStats
    on_chunk: Callable[[int, int], None] | None = None
    inputs: Inputs | None = None  # set by run_job: the Ray executor's workers read these paths
    ray: RayOptions = field(default_factory=RayOptions)
    cluster: dict | None = None  # filled by the Ray executor: run.json's "cluster" (nodes and their documents)
    render: tuple[str, ...] = ()  # formats a pool worker renders ahead for the writers (RunWriter.ahead)
    # how a pool worker folds a batch for the writers (RunWriter.batch_spec); None: a result a document, always
    fold: BatchSpec | None = None

    def chunk_done(self, results: Sequence[DocumentResult], n_documents: int | None = None,
                   n_sentences: int = 0) -> None:
        """Progress: a chunk's ``results`` written (``n_documents`` of them, and ``n_sentences`` more rows besides
        theirs: a pool's folded batches)."""
        if self.on_chunk:
            self.on_chunk(len(results) if n_documents is None else n_documents,
                          n_sentences + sum(len(r.sentences) for r in results))


class Executor(Protocol):
    """Runs the pipeline over ``documents``; yields their results in input order."""

    def __call__(self, documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]: ...
