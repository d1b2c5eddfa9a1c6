"""A progress bar on a terminal (rich); nothing at all in pipes and CI.

The bar counts documents against a total that a background thread counts while the run starts
(reading is cheap next to translating), and shows sentences, sentences per second and the time
left. Until the total is known it shows a spinner and the counts.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _count_documents(paths: Sequence[str], read_options, stop: threading.Event, done: Callable[[int], None]) -> None:
    from translate_cmp.readers import read_documents
    from translate_cmp.readers.uri import is_uri

    if any(is_uri(p) for p in paths):  # an object store's files would be fetched twice just to count them
        return
    n = 0
    try:
        for _ in read_documents(paths, read_options, on_error=lambda error: None):
            if stop.is_set():
                return
            n += 1
    except Exception:  # the run itself reports unreadable input
        return
    done(n)


@contextmanager
def progress_reporter(paths: Sequence[str], read_options=None) -> Iterator:
    """Yield a callback ``(n_documents, n_sentences)`` for the pipeline, or None when not interactive."""
    if not _interactive():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
        TextColumn("{task.fields[sentences]} sentences ({task.fields[rate]}/s)"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("translate-cmp", total=None, sentences=0, rate="-")
        seen = {"sentences": 0}
        stop = threading.Event()
        counter = threading.Thread(
            target=_count_documents, args=(paths, read_options, stop, lambda n: bar.update(task, total=n)),
            name="translate-cmp-count", daemon=True,
        )
        counter.start()

        def update(n_docs: int, n_sentences: int) -> None:
            seen["sentences"] += n_sentences
            elapsed = bar.tasks[task].elapsed or 0.0
            rate = f"{seen['sentences'] / elapsed:,.1f}" if elapsed > 0 else "-"
            bar.update(task, advance=n_docs, sentences=f"{seen['sentences']:,}", rate=rate)

        try:
            yield update
        finally:
            stop.set()
