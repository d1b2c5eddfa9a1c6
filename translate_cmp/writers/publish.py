"""Publish a run's files together: all or nothing.

Every temporary file is sealed (flushed, fsynced, closed) before any final name changes. Each
existing final file is then hard-linked to a backup (``.<name>.<pid>-<random>.tmp``), and the
temporary files are renamed into place one by one, ``run.json`` last. If any step fails -- disk
full, a folder now where a file was, a permission change -- every file already renamed is put back
from its backup (or removed, when there was none), so the folder holds the previous set again,
byte-identical. On success the backups are deleted.

A SIGKILL or power loss during the rename loop itself (a few system calls) can leave new and old
files side by side. To close that window, a journal (``.publish.<pid>-<random>.journal``, fsynced)
names every rename before the first one; it is deleted once all are done. The next run in the folder
calls :func:`recover` before anything else: a journal of a process no longer alive is rolled forward
(every temporary file it names was sealed before the journal was written, so finishing the renames
gives the complete new set), then the journal and the backups go. Every command that reads an output
folder does the same first (:mod:`translate_cmp.writers.output_set`); until one runs, the folder may hold
a mix, and ``run.json`` (renamed last) still describes the last run that finished: its ``digests`` do
not match the new files, so no reader takes the mix for one run.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import secrets
import shutil
from pathlib import Path

from translate_cmp.writers.atomic import AtomicFile, _pid_alive, fsync_dir, temp_path_for

JOURNAL_SUFFIX = ".journal"


def _write_journal(folder: Path, moves: list[tuple[Path, Path]], backups: list[Path]) -> Path:
    path = folder / f".publish.{os.getpid()}-{secrets.token_hex(6)}{JOURNAL_SUFFIX}"
    rel = functools.partial(os.path.relpath, start=folder)  # annotated copies live in a subfolder
    body = json.dumps({"moves": [[rel(t), rel(f)] for t, f in moves], "backups": [rel(b) for b in backups]})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, body.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(folder)
    return path


def journal_pid(name: str) -> int | None:
    part = name[len(".publish."):-len(JOURNAL_SUFFIX)].split("-", 1)[0]
    return int(part) if part.isdigit() else None


def recover(folder: Path) -> list[Path]:
    """Finish the publishing of runs killed mid-rename in ``folder``; returns the journals handled."""
    handled = []
    try:
        names = sorted(e.name for e in os.scandir(folder) if e.name.startswith(".publish.")
                       and e.name.endswith(JOURNAL_SUFFIX))
    except OSError:
        return handled
    for name in names:
        pid = journal_pid(name)
        if pid is None or pid == os.getpid() or _pid_alive(pid):
            continue  # a concurrent run's, still publishing
        journal = folder / name
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}  # killed while writing the journal: no rename had started
        for temp, final in data.get("moves", []):
            if (folder / temp).exists():
                os.replace(folder / temp, folder / final)
        for backup in data.get("backups", []):
            with contextlib.suppress(OSError):
                os.unlink(folder / backup)
        journal.unlink(missing_ok=True)
        fsync_dir(folder)
        handled.append(journal)
    return handled


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
    journal: Path | None = None
    done: list[tuple[AtomicFile, Path | None]] = []
    try:
        for f in files:
            if f.state == "open":
                f.seal()
        for f in files:
            backups.append((f, _backup(f.final)))
        journal = _write_journal(folder, [(f.temp, f.final) for f in files], [b for _, b in backups if b])
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
        if journal is not None:
            journal.unlink(missing_ok=True)
        raise
    for _, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    journal.unlink()
    fsync_dir(folder)
    return [f.final for f in files]
