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

An output folder may come from a pull request or a downloaded CI artefact, so a journal found there is
untrusted: :func:`recover` rolls one forward only when every name in it is a file of this folder (or
of a subfolder, checked after resolving links) written by this module's naming scheme under the
journal's own process id, and every temporary file still present matches the SHA-256 digest the
journal lists for it. Anything else is refused with one line on stderr and left in place; nothing is
moved or deleted for it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

from translate_cmp.writers.atomic import TEMP_SUFFIX, AtomicFile, _pid_alive, fsync_dir, temp_path_for

JOURNAL_SUFFIX = ".journal"
JOURNAL_VERSION = 2


_REPORTED: set[tuple[str, str]] = set()  # (journal, reason) already reported by this process: one line each


class JournalRefused(ValueError):
    """A journal that names something this module would not have written: left in place."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_journal(folder: Path, moves: list[tuple[Path, Path]], backups: list[Path]) -> Path:
    path = folder / f".publish.{os.getpid()}-{secrets.token_hex(6)}{JOURNAL_SUFFIX}"
    rel = functools.partial(os.path.relpath, start=folder)  # annotated copies live in a subfolder
    body = json.dumps({"version": JOURNAL_VERSION,
                       "moves": [[rel(t), rel(f), _sha256(t)] for t, f in moves],
                       "backups": [rel(b) for b in backups]})
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


def _inside(folder: Path, rel: object) -> Path:
    """``folder / rel`` when ``rel`` is a plain relative path whose parent resolves inside ``folder``."""
    if not isinstance(rel, str) or not rel or "\x00" in rel:
        raise JournalRefused(f"names {rel!r}, not a file name")
    pure = Path(rel)
    if pure.is_absolute() or ".." in pure.parts or pure.name in ("", ".", ".."):
        raise JournalRefused(f"names {rel!r}, outside its folder")
    path = folder / pure
    root = folder.resolve()
    parent = path.parent.resolve()
    if parent != root and root not in parent.parents:
        raise JournalRefused(f"names {rel!r}, which leads outside its folder")
    return path


def _temp_of(final: Path, temp: Path, pid: int) -> bool:
    """Whether ``temp`` is a name :func:`temp_path_for` gives ``final`` in process ``pid``."""
    pattern = rf"\.{re.escape(final.name)}\.{pid}-[0-9a-f]{{12}}{re.escape(TEMP_SUFFIX)}"
    return temp.parent == final.parent and re.fullmatch(pattern, temp.name) is not None


def _regular_file(path: Path) -> bool:
    try:
        return path.lstat().st_mode & 0o170000 == 0o100000
    except OSError:
        return False


def _checked_plan(folder: Path, data: object, pid: int) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """The moves and backups of a journal, every name and digest checked; raises JournalRefused."""
    if not isinstance(data, dict) or data.get("version") != JOURNAL_VERSION:
        raise JournalRefused("is not a journal this version of translate-cmp writes")
    moves, finals = [], []
    for entry in data.get("moves", []):
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)):
            raise JournalRefused("holds a malformed move")
        temp, final = _inside(folder, entry[0]), _inside(folder, entry[1])
        if not _temp_of(final, temp, pid):
            raise JournalRefused(f"moves {entry[0]!r}, not a temporary file of {entry[1]!r} from process {pid}")
        if temp.exists() or temp.is_symlink():
            if not _regular_file(temp):
                raise JournalRefused(f"moves {entry[0]!r}, which is not a regular file")
            if _sha256(temp) != entry[2]:
                raise JournalRefused(f"moves {entry[0]!r}, whose content does not match the journal's digest")
        moves.append((temp, final))
        finals.append(final)
    backups = []
    for rel in data.get("backups", []):
        backup = _inside(folder, rel)
        if not any(_temp_of(final, backup, pid) for final in finals):
            raise JournalRefused(f"deletes {rel!r}, not a backup of a file it publishes")
        if (backup.exists() or backup.is_symlink()) and not (_regular_file(backup) or backup.is_symlink()):
            raise JournalRefused(f"deletes {rel!r}, which is not a regular file")  # a link's backup is a link
        backups.append(backup)
    return moves, backups


def recover(folder: Path, notify=None) -> list[Path]:
    """Finish the publishing of runs killed mid-rename in ``folder``; returns the journals handled.

    A journal that fails :func:`_checked_plan` is reported through ``notify`` (stderr by default) in
    one line and left where it is, untouched, with everything it names.
    """
    if notify is None:
        def notify(msg: str) -> None:
            print(msg, file=sys.stderr)

    def refuse(journal: Path, reason: str) -> None:
        if (str(journal), reason) not in _REPORTED:
            _REPORTED.add((str(journal), reason))
            notify(f"translate-cmp: {journal}: refused: {reason}; left in place")
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
        if not _regular_file(journal):
            refuse(journal, "not a regular file")
            continue
        try:
            text = journal.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None
        if text == "":
            data: object = {"version": JOURNAL_VERSION}  # killed while writing the journal: no rename had started
        else:
            try:
                data = json.loads(text) if text is not None else None
            except ValueError:
                data = None
        try:
            moves, backups = _checked_plan(folder, data, pid)
        except JournalRefused as exc:
            refuse(journal, f"the journal {exc}")
            continue
        for temp, final in moves:
            if _regular_file(temp):
                os.replace(temp, final)
        for backup in backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        journal.unlink(missing_ok=True)
        fsync_dir(folder)
        handled.append(journal)
    return handled


def _backup(final: Path) -> Path | None:
    """A hard link to what ``final`` is now; a symbolic link is kept as a link (never the file it points to, which
    may be outside the folder), so a rollback puts back the link, not a copy of its target."""
    if not (final.exists() or final.is_symlink()):
        return None
    backup = temp_path_for(final)
    try:
        os.link(final, backup, follow_symlinks=False)
    except OSError:
        shutil.copy2(final, backup, follow_symlinks=False)
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
