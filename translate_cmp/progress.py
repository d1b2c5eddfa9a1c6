"""A progress bar on a terminal (rich); nothing at all in pipes and CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_reporter(paths: Sequence[str]) -> Iterator:
    """Yield a callback ``(n_documents, n_sentences)`` for the pipeline, or None when not interactive."""
    if not _interactive():
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} docs, {task.fields[sentences]} sentences"), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=None) as bar:
        task = bar.add_task("translate-cmp", total=None, sentences=0)
        seen = {"sentences": 0}

        def update(n_docs: int, n_sentences: int) -> None:
            seen["sentences"] += n_sentences
            bar.update(task, advance=n_docs, sentences=seen["sentences"])

        yield update
