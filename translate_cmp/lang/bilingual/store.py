"""Parsed lexicons kept between processes: one marshal file per dictionary file, under the user's cache folder.

A dictionary takes seconds to parse (FreeDict's English-German, CC-CEDICT) and a fraction of that to load once
parsed. The parsed table is written atomically to ``$XDG_CACHE_HOME/translate-cmp/lexicons`` (else
``~/.cache/...``), named by the dictionary file's size and time and the reader's format version, so an updated
package or a changed reader parses again. A damaged file is parsed again; an unwritable folder only costs the parse.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from translate_cmp.user_cache import default_cache_dir

T = TypeVar("T")


def folder() -> Path:
    """``lexicons`` in the user's cache folder (``$XDG_CACHE_HOME/translate-cmp``, else ``~/.cache/translate-cmp``)."""
    return default_cache_dir() / "lexicons"


def file_for(data: Path, name: str, version: int, where: Path | None = None) -> Path:
    """The cache file of the dictionary file ``data`` read by a reader ``name`` at format ``version``."""
    stat = data.stat()
    return (where or folder()) / f"{name}-v{version}-{stat.st_size}-{int(stat.st_mtime)}.marshal"


def _read(path: Path) -> object | None:
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write(path: Path, value: object) -> None:
    """``value`` into ``path`` atomically: a temporary file beside it, then renamed over it."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(temp, path)
        temp = None
    except OSError:
        return  # a read-only cache folder: parse the dictionary each time
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def cached(path: Path, parse: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """What ``parse()`` returns, from ``path`` when it holds a ``valid`` table, else parsed and written there."""
    found = _read(path)
    if found is not None and valid(found):
        return found  # type: ignore[return-value]
    value = parse()
    _write(path, value)
    return value
