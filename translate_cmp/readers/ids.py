"""Document ids: a file's path relative to a root, without its suffix, whatever way the path was spelled.

The root is ``--root`` when given; else the git repository holding every input (the nearest folder with
a ``.git`` entry above them all: ``run loc/django.po``, ``run .`` and ``cd loc && run django.po`` inside
one repository give the same ids, so fingerprints and baselines survive); else the current folder when it
holds every input; else the deepest folder holding them all (a file given alone: its own folder, so its
id is its name), which does not depend on the current folder or the order of the arguments either.
Paths are made absolute and normalised
(``os.path.abspath``), not resolved: a linked file keeps its own name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def _absolute(path: str | Path) -> Path:
    return Path(os.path.abspath(path))


def git_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that holds ``.git`` (a folder, or a worktree's file)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def id_root(paths: Iterable[str | Path], root: str | Path | None = None) -> Path:
    """The folder document ids are relative to (see the module docstring)."""
    if root is not None:
        return _absolute(root)
    absolute = [_absolute(p) for p in paths]
    cwd = _absolute(os.curdir)
    if not absolute:
        return cwd
    common = Path(os.path.commonpath([str(p) for p in absolute]))
    folder = common if common.is_dir() else common.parent
    found = git_root(folder)
    if found is not None:
        return found
    return cwd if folder == cwd or cwd in folder.parents else folder


def doc_id(path: str | Path, root: Path) -> str:
    """``path`` relative to ``root``, suffix dropped, with ``/`` separators."""
    rel = Path(os.path.relpath(_absolute(path), root))
    return rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix()
