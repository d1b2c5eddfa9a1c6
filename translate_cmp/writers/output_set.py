"""Reading an output folder as one set: never the new run's files next to the old run's.

Renaming files one by one is never atomic as a set: a SIGKILL or power loss inside the rename loop of
:func:`translate_cmp.writers.publish.publish` leaves some files of the new run beside the others of the
old one. Two things make that invisible to translate-cmp's own readers (``diff``, ``baseline``,
:func:`translate_cmp.review.rundiff.load_run`):

- the publish journal: written (fsynced) before the first rename, deleted after the last. A journal of
  a process that is no longer alive means the rename loop was cut short; every temporary file it names
  was sealed before it was written, so finishing the renames gives the complete new set.
  :func:`settle` does that (rolls it forward) before reading; a journal of a live process (a run
  publishing right now: a few system calls) is waited for.
- digests: ``run.json``, renamed last, lists the SHA-256 of every file its run wrote (``digests``). A
  file that does not match is refused with one line (exit 2), so a mix that no journal explains (a
  file edited by hand, a rollback that failed on a broken disk) is never read as one run.

:func:`read_set` re-checks after loading that ``run.json`` was not replaced and no journal appeared
while it read (a run publishing during the read), and reads again if so.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from translate_cmp.errors import InputError
from translate_cmp.writers.atomic import AtomicFile, _pid_alive
from translate_cmp.writers.publish import JOURNAL_SUFFIX, journal_pid, recover

DIGESTS_KEY = "digests"
MANIFEST_NAME = "run.json"
T = TypeVar("T")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def digests(files: Mapping[str, AtomicFile]) -> dict[str, str]:
    """SHA-256 of each sealed temporary file, keyed by its name relative to the output folder."""
    return {name: sha256_file(f.temp) for name, f in sorted(files.items())}


def _journals(folder: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(folder)
                      if e.name.startswith(".publish.") and e.name.endswith(JOURNAL_SUFFIX))
    except OSError:
        return []


def _live_journals(folder: Path) -> list[str]:
    return [n for n in _journals(folder) if (pid := journal_pid(n)) is not None and _pid_alive(pid)]


def settle(folder: Path, *, wait_s: float = 10.0) -> dict | None:
    """Make ``folder`` hold one complete set, then check it against ``run.json``; returns run.json (or None).

    Rolls forward the journals of killed runs, waits up to ``wait_s`` for a live run to finish
    publishing, then verifies every digest ``run.json`` lists. Raises :class:`InputError` (one line)
    when a run is still publishing after ``wait_s``, when a journal cannot be rolled forward (a read-only
    folder), or when a file does not match its digest.
    """
    folder = Path(folder)
    if _journals(folder):
        try:
            recover(folder)
        except OSError as exc:
            raise InputError(str(folder), f"an interrupted run left a mixed output set and it cannot be completed "
                                          f"({exc.strerror}): run translate-cmp run again") from exc
        deadline = time.monotonic() + wait_s
        while (live := _live_journals(folder)) and time.monotonic() < deadline:
            time.sleep(0.05)
        if live:
            pid = journal_pid(live[0])
            raise InputError(str(folder), f"a run (process {pid}) is publishing its outputs here: try again")
        recover(folder)  # a publisher that died while we waited
    return verify(folder)


READ_NAMES = ("sentences.csv", "documents.csv", "flags.jsonl", "findings.csv")  # what diff and baseline read


def confined(folder: Path, name: object) -> Path:
    """``folder / name`` when it names a regular file (or nothing) inside ``folder`` after resolving links.

    An output folder may come from a pull request or a CI artefact: a ``run.json`` digest naming
    ``/home/me/.ssh/id_rsa`` or ``../x``, or ``sentences.csv -> /etc/passwd``, is refused in one line
    (exit 2), never read; so is a FIFO or device, which would block the read.
    """
    if not isinstance(name, str) or not name or "\x00" in name:
        raise InputError(str(folder / MANIFEST_NAME), f"names {name!r}, not a file name")
    pure = Path(name)
    if pure.is_absolute() or ".." in pure.parts:
        raise InputError(str(folder / MANIFEST_NAME), f"names {name!r}, outside its folder; refused")
    path = folder / pure
    root = folder.resolve()
    real = path.resolve()
    if real != root and root not in real.parents:
        raise InputError(str(path), f"leads outside the output folder (-> {real}); refused")
    if path.exists() and not path.is_file():
        raise InputError(str(path), "not a regular file; refused")
    return path


def verify(folder: Path) -> dict | None:
    """Check each file ``run.json`` lists a digest for; returns run.json (None when there is none)."""
    for name in (MANIFEST_NAME, *READ_NAMES):
        confined(folder, name)
    path = folder / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"unreadable ({getattr(exc, 'strerror', None) or exc})") from exc
    except RecursionError:
        raise InputError(str(path), "unreadable (JSON nested too deeply)") from None
    if not isinstance(manifest, dict):
        raise InputError(str(path), f"not a run.json: a JSON {type(manifest).__name__}, not an object")
    listed = manifest.get(DIGESTS_KEY) or {}
    if not isinstance(listed, dict):
        raise InputError(str(path), f"not a run.json: {DIGESTS_KEY!r} is not an object")
    for name, digest in listed.items():
        try:
            actual = sha256_file(confined(folder, name))
        except FileNotFoundError:
            raise InputError(str(folder / name), "missing, but run.json lists it (an incomplete output set): "
                                                 "run translate-cmp run again") from None
        if actual != digest:
            raise InputError(str(folder / name), "does not match run.json (changed after that run, or a "
                                                 "mixed output set): run translate-cmp run again")
    return manifest


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder / MANIFEST_NAME)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def read_set(folder: Path | str, load: Callable[[], T], *, attempts: int = 3) -> T:
    """``load()`` the files of ``folder`` as one set: settled first, re-read if a run published meanwhile."""
    folder = Path(folder)
    for _ in range(attempts - 1):
        settle(folder)
        before = _identity(folder)
        result = load()
        if _identity(folder) == before and not _journals(folder):
            return result
    settle(folder)
    return load()
