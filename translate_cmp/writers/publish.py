"""Publish a run's files together: all or nothing.

Every temporary file is sealed (flushed, fsynced, closed) before any final name changes. Each
existing final file is then hard-linked to a backup (``.<name>.<pid>-<random>.tmp``), and the
temporary files are renamed into place one by one, ``run.json`` last. If any step fails -- disk
full, a folder now where a file was, a permission change -- every file already renamed is put back
from its backup (or removed, when there was none), so the folder holds the previous set again,
byte-identical. On success the backups are deleted.

What this cannot cover: a SIGKILL or power loss during the rename loop itself (a few system calls)
can leave the new and the old files side by side; ``run.json`` is renamed last, so its ``written_at``
and ``outputs`` describe the last run that finished, and the backup files left behind hold the old
set until the next run removes them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from translate_cmp.writers.atomic import AtomicFile, fsync_dir, temp_path_for


def _backup(final: Path) -> Path | None:
    if not final.exists():
        return None
    backup = temp_path_for(final)
    try:
        os.link(final, backup)
    except OSError:
        shutil.copy2(final, backup)
    return backup


def publish(files: list[AtomicFile], folder: Path) -> list[Path]:
    """Seal every file, then rename them all into place, restoring the previous set on any failure."""
    backups: list[tuple[AtomicFile, Path | None]] = []
    done: list[tuple[AtomicFile, Path | None]] = []
    try:
        for f in files:
            if f.state == "open":
                f.seal()
        for f in files:
            backups.append((f, _backup(f.final)))
        for f, backup in backups:
            f.commit()
            done.append((f, backup))
    except BaseException:
        for f, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(f.final)
                else:
                    os.replace(backup, f.final)
        for f in files:
            f.discard()
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
        raise
    for _, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    fsync_dir(folder)
    return [f.final for f in files]
