"""Atomic files: write to a temporary file in the destination folder, then ``os.replace`` it into place.

A reader never sees a half-written file under a final name: until :meth:`AtomicFile.commit`, the final
path still holds whatever the previous run left there (or nothing). :meth:`AtomicFile.discard` removes
the temporary file and leaves the final path untouched.

Temporary files are named ``.<final name>.<random>.tmp`` in the same folder (a rename across
file systems would not be atomic). They are created with ``os.open(..., 0o666)`` so the final file
gets the usual umask-derived permissions rather than ``mkstemp``'s 0600. A process killed with
SIGKILL can leave such a dot-file behind; nothing ever reads it, and the next run in that folder
deletes it (:func:`remove_stale_temps`: the writer's process id is part of the name, and only files
of processes no longer alive are removed, so a concurrent run's files are left alone).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import TextIO

TEMP_SUFFIX = ".tmp"


def temp_path_for(final: Path) -> Path:
    """A fresh temporary path next to ``final``."""
    return final.with_name(f".{final.name}.{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files in ``folder`` left by processes that are no longer running."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_name(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        pid_part = entry.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1].split("-", 1)[0]
        if pid_part.isdigit() and (int(pid_part) == os.getpid() or _pid_alive(int(pid_part))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def is_temp_name(name: str) -> bool:
    """Whether a file name looks like one of our temporary files."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (best effort; some platforms cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


class AtomicFile:
    """A text file that appears under its final name only when committed.

    ``newline=""`` by default so that writers (the csv module) control line endings exactly.
    """

    def __init__(self, final: Path, *, encoding: str = "utf-8", newline: str | None = ""):
        self.final = Path(final)
        self.temp = temp_path_for(self.final)
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            self.handle: TextIO = open(fd, "w", encoding=encoding, newline=newline)  # noqa: SIM115 - closed in commit/discard
        except BaseException:
            os.close(fd)
            self.temp.unlink(missing_ok=True)
            raise
        self.state = "open"  # open -> committed | discarded

    def write(self, text: str) -> None:
        self.handle.write(text)

    def seal(self) -> None:
        """Flush, fsync and close the temporary file; the final name is not touched yet."""
        if self.state != "open":
            raise RuntimeError(f"{self.final}: already {self.state}")
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
        except BaseException:
            self.discard()
            raise
        self.state = "sealed"

    def commit(self) -> Path:
        """Seal (unless sealed) and rename the temporary file onto the final name."""
        if self.state == "open":
            self.seal()
        if self.state != "sealed":
            raise RuntimeError(f"{self.final}: already {self.state}")
        try:
            os.replace(self.temp, self.final)
        except BaseException:
            self.discard()
            raise
        self.state = "committed"
        return self.final

    def discard(self) -> None:
        """Close and delete the temporary file; the final name keeps its previous content."""
        if self.state == "committed":
            return
        with contextlib.suppress(OSError):
            self.handle.close()
        self.temp.unlink(missing_ok=True)
        self.state = "discarded"


def write_text_atomic(final: Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write a whole text file atomically."""
    f = AtomicFile(final, encoding=encoding)
    try:
        f.write(text)
    except BaseException:
        f.discard()
        raise
    path = f.commit()
    fsync_dir(path.parent)
    return path
