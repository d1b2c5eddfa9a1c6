"""Keep every file a run writes inside its output folder, checked after resolving links.

An output folder may come from a pull request or a CI artefact (the README's git-review workflow commits
``outputs/``), so what is already in it is untrusted. A symbolic link in place of an output *file* is
harmless: the atomic rename replaces the link itself (:mod:`translate_cmp.writers.atomic`). A link in
place of a *folder* the run writes into (``annotated/``, ``annotated/de/``) would send the copies, and the
clean-up of stale temporary files, wherever it points: :func:`subfolder` refuses it with one line (an
environment error, exit 4, like a folder where a file should be) and the run publishes nothing. The link is
left as it is: it may be the user's own, and deleting it is not this tool's decision.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path, PurePosixPath


class LinkRefused(OSError):
    """A symbolic link (or a non-folder) where the run writes a folder; ``str(filename)`` names it."""


def _refuse(path: Path, problem: str) -> LinkRefused:
    return LinkRefused(errno.ELOOP, problem, str(path))


def check_folder(path: Path) -> bool:
    """True when ``path`` is a real folder, False when absent; raises :class:`LinkRefused` otherwise."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(st.st_mode):
        target = os.readlink(path)
        raise _refuse(path, f"a symbolic link (-> {target}) where translate-cmp writes a folder; refused, "
                            "remove it or choose another --out")
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(path))
    return True


def subfolder(root: Path, rel: str | PurePosixPath) -> Path:
    """``root / rel`` as a real folder: each missing part created, none a symbolic link (nor ``..``)."""
    path = Path(root)
    for part in PurePosixPath(rel).parts:
        if part in ("..", "/") or not part:
            raise _refuse(path / part, "leads outside the output folder; refused")
        path = path / part
        if not check_folder(path):
            with contextlib.suppress(FileExistsError):  # a concurrent run made it: checked below
                os.mkdir(path)
            check_folder(path)
    return path
