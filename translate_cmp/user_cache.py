"""The user's cache folder, under which every on-disk cache of translate-cmp lives (translations, stored runs,
parsed lexicons)."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/translate-cmp``, else ``~/.cache/translate-cmp``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "translate-cmp"
