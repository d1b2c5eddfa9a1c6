"""What is wrong with a path before it is opened: special files are refused, never read (a FIFO would hang)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from translate_cmp.errors import InputError


def path_problem(path: Path) -> str | None:
    """``None`` for a regular file or folder; otherwise a short description of the problem."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return f"dangling symbolic link (-> {os.readlink(path)})"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return exc.strerror or "cannot stat"
    mode = st.st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file; refused"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file; refused"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file; refused"
    return "not a regular file; refused"


def read_setting_file(path: Path, what: str) -> bytes:
    """The bytes of a file the run is configured with (``what``: "configuration", "glossary"), or an
    :class:`InputError` in one line: a folder, a special file (never opened: a FIFO would hang), unreadable."""
    problem = path_problem(path)
    if problem is not None:
        raise InputError(str(path), f"cannot read the {what}: {problem}")
    if path.is_dir():
        raise InputError(str(path), f"{what} is a folder, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the {what}: {exc.strerror or exc}") from None
