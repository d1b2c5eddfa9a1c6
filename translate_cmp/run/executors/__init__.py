"""Executors: where the pipeline runs. ``local`` (this process, or a pool of forked processes with ``--jobs``)
or ``ray`` (a Ray cluster, via Ray Data). All follow :class:`~translate_cmp.run.executors.base.Executor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from translate_cmp.errors import InputError
from translate_cmp.records import Document, DocumentResult
from translate_cmp.run.executors.base import Executor, Inputs, Work, WorkSpec, cache_counts


def _local(documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]:
    from translate_cmp.run.executors.pool import default_jobs, run_pool

    jobs = work.spec.jobs or default_jobs()
    if jobs > 1:
        return run_pool(documents, work, jobs=jobs)
    from translate_cmp.run.executors.local import run_local

    return run_local(documents, work)


def _ray(documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]:
    from translate_cmp.run.executors.ray_exec import run_ray

    return run_ray(documents, work)


EXECUTORS: dict[str, Executor] = {"local": _local, "ray": _ray}


def get_executor(name: str) -> Executor:
    try:
        return EXECUTORS[name]
    except KeyError:
        raise InputError("--executor", f"unknown executor {name!r}; choose from {', '.join(EXECUTORS)}") from None


def execute(name: str, documents: Iterable[Document], work: Work) -> Iterator[DocumentResult]:
    """Run the pipeline on executor ``name``; results in input order."""
    return get_executor(name)(documents, work)


__all__ = ["EXECUTORS", "Executor", "Inputs", "Work", "WorkSpec", "cache_counts", "execute", "get_executor"]
