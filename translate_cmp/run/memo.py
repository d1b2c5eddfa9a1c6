"""A whole-run output memo: a re-run on unchanged input and settings republishes the stored files.

Even with every document result memoised (:class:`translate_cmp.run.result_memo.ResultMemo`), a re-run still
renders every output (CSV, JSONL, the HTML report) again, which costs most of its time. This memo
keeps the bytes of every output file of a finished run (all but ``run.json``), with what ``run.json``
and the exit code need, under a key that digests everything that decides those bytes:

- every input file's path and bytes, in the order the readers take them, and the working folder;
- the whole :class:`~translate_cmp.run.job.JobConfig` but ``out_dir`` (read options, formats, rule
  selection, pivots, fail_on, quality, strict, the baseline's path) and the baseline file's bytes;
- the engine's name, settings and model ids, the selected rule codes, the cache's path;
- the :class:`~translate_cmp.run.signature.RunSignature` (code digest, library versions, engine, models, rules,
  pivots) and the name of every installed distribution on ``sys.path`` (so any upgrade misses).

The output folder is left out of the key so that the same run into another folder is served too. The
one place a run writes its folder's name -- ``"out_dir": "..."`` in the settings row of the HTML report's
run details -- is stored as a split point and filled with the new folder on a hit (so a re-run into the
same folder is byte-identical, and one into another folder reads as a cold run there would); a run whose
outputs name the folder anywhere else is stored under a key that adds the folder (:func:`folder_key`),
and served again into that folder only. Anything unusual --
an input that is not a regular file, a baseline that cannot be read, an entry that does not verify --
is a miss. A hit publishes the stored files exactly as the writers do (temporary files, sealed, then
:func:`translate_cmp.writers.publish.publish`, ``run.json`` last), each inside the output folder after
resolving links (:func:`translate_cmp.writers.confine.subfolder`). Entries are files
``<cache dir>/runs/<key>.memo``: magic (with the :data:`FORMAT` version), SHA-256 of the body, then the body --
a JSON header (format, key, run.json, stats, notices, file names and sizes) followed by the file bytes.
Nothing in an entry can run code when read; an entry of another version, or one that does not verify, is
ignored with a one-line notice. Only the :data:`KEEP` most recent are kept, and only entries with this
module's name and magic are ever deleted (a ``--cache-dir`` whose ``runs/`` holds other files keeps them).

This module imports little on purpose: the hit path must not load pandas, jinja2 or the detectors.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 2  # 1: a pickle (never read again); 2: a JSON header and the raw file bytes
MAGIC_FAMILY = b"translate-cmp run memo "
MAGIC = MAGIC_FAMILY + b"%d\n" % FORMAT
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.memo")
KEEP = 8  # entries kept per cache folder (the newest, by modification time)
FOLDER = "runs"


@dataclass
class RunRecord:
    """What a finished run leaves for a re-run: output bytes, its run.json, exit-code inputs, notices."""

    files: dict[str, bytes]  # name relative to the output folder -> bytes (run.json excluded)
    manifest: dict[str, Any]  # the cold run's run.json
    stats: dict[str, Any]  # RunStats fields the CLI reads (counts, max_severity, input_errors ...)
    notices: list[str] = field(default_factory=list)  # stderr lines the run printed after the memo lookup
    split: dict[str, list[bytes]] = field(default_factory=dict)  # name -> pieces around the folder's name

    def output_bytes(self, out_dir: Path) -> dict[str, bytes]:
        """Every output file's bytes for a run into ``out_dir``."""
        token = folder_token(out_dir)
        return {**self.files, **{name: token.join(pieces) for name, pieces in self.split.items()}}


def folder_token(out_dir: Path) -> bytes:
    """How the HTML report's run details write ``settings.out_dir`` (JSON in an autoescaped cell)."""
    from markupsafe import escape

    return str(escape(f'"out_dir": {json.dumps(str(out_dir), ensure_ascii=False)}')).encode("utf-8")


def _installed() -> list[str]:
    """Names of every distribution's metadata folder (name and version) in the interpreter's
    site-packages folders: cheap, no parsing. Only those folders, as a set: a folder a test or a library
    puts on ``sys.path`` at run time (Ray adds its vendored ``thirdparty_files``) or one listed twice
    must not change the key; the package's own code is in the key through ``code_fingerprint``."""
    import site

    folders = [*site.getsitepackages(), site.getusersitepackages()]
    folders += [e for e in sys.path if os.path.basename(e.rstrip(os.sep)) in ("site-packages", "dist-packages")]
    names: set[str] = set()
    for entry in dict.fromkeys(os.path.abspath(e) for e in folders):
        with contextlib.suppress(OSError):
            names.update(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
    return sorted(names)


def _input_digest(paths: tuple[str, ...], root: str | None = None) -> list[list[str]] | None:
    """(path, id, sha256) of every input file in reading order; None when one is not a regular file."""
    from translate_cmp.readers import input_files
    from translate_cmp.readers.uri import is_uri

    if any(is_uri(p) for p in paths):  # an object store's files: not hashed here (they would be read twice)
        return None
    out = []
    for path, doc_id in input_files(paths, root=root):
        if path.is_symlink() or not path.is_file():
            return None
        try:
            out.append([str(path), doc_id, hashlib.sha256(path.read_bytes()).hexdigest()])
        except OSError:
            return None
    return out


def run_key(config, engine, rule_codes, pivots) -> str | None:
    """The digest of everything that decides a run's output bytes; None when in doubt (then no memo)."""
    from translate_cmp.run.signature import RunSignature

    inputs = _input_digest(config.paths, config.read.root)
    if inputs is None:
        return None
    baseline = None
    if config.baseline:
        try:
            baseline = hashlib.sha256(Path(config.baseline).read_bytes()).hexdigest()
        except OSError:
            return None
    settings = {k: v for k, v in asdict(config).items() if k != "out_dir"}
    signature = RunSignature.of(engine, rule_codes, pivots)
    return signature.digest(
        memo=MAGIC.decode(),
        cwd=os.getcwd(),
        inputs=inputs,
        config=settings,
        baseline=baseline,
        cache=str(getattr(getattr(engine, "cache", None), "path", "")),
        installed=_installed(),
        python=sys.version,
    )


def folder_key(key: str, out_dir: Path) -> str:
    """``key`` for one output folder only: for runs whose outputs name their folder beyond the report's
    ``out_dir`` setting (an input path that starts with it, a folder name that is a common word)."""
    parts = [key, str(out_dir), str(Path(out_dir).resolve())]
    return hashlib.sha256(json.dumps(parts).encode("utf-8", "surrogateescape")).hexdigest()


class RunMemo:
    """The stored runs of one cache folder.

    The folder may be shared across CI branches: ``runs/`` must be a real folder (a symbolic link there is
    not followed: no memo this run, one notice); an entry is read only from a regular file (no link, FIFO
    or device); only files with this module's names and magic are ever deleted.
    """

    def __init__(self, cache_dir: Path, notify: Callable[[str], None] | None = None):
        self.folder = Path(cache_dir) / FOLDER
        self.notify = notify or (lambda line: None)
        self._refused = False

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.memo"

    def _usable(self, create: bool = False) -> bool:
        """Whether ``runs/`` is a real folder (made when ``create``); one notice when it is anything else."""
        try:
            mode = os.lstat(self.folder).st_mode
        except FileNotFoundError:
            if not create:
                return False
            try:
                os.mkdir(self.folder)
            except OSError:
                return False
            return self._usable()
        except OSError:
            return False
        if stat.S_ISDIR(mode):
            return True
        if not self._refused:
            self._refused = True
            what = f"a symbolic link (-> {os.readlink(self.folder)})" if stat.S_ISLNK(mode) else "not a folder"
            self.notify(f"translate-cmp: {self.folder}: {what}; not followed, runs are not reused")
        return False

    def _ignored(self, path: Path, why: str) -> None:
        self.notify(f"translate-cmp: {path}: {why}; ignored")

    def load(self, key: str) -> RunRecord | None:
        """The record stored under ``key``; None when absent, truncated, altered or of another format."""
        if not self._usable():
            return None
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            return None
        except OSError:
            self._ignored(path, "not a regular file")  # a symbolic link (ELOOP), or unreadable
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                self._ignored(path, "not a regular file")
                return None
            with open(fd, "rb", closefd=False) as fh:
                data = fh.read()
        except OSError:
            return None
        finally:
            os.close(fd)
        if not data.startswith(MAGIC):
            other = data.startswith(MAGIC_FAMILY)
            self._ignored(path, "a run memo of another version of translate-cmp" if other else "not a run memo")
            return None
        record = _decode(data[len(MAGIC):], key)
        if record is None:
            self._ignored(path, "a run memo that does not verify")
        return record

    def store(self, key: str, record: RunRecord) -> None:
        """Write the entry atomically (temporary file, rename), then drop all but the newest :data:`KEEP`."""
        temp = None
        try:
            if not self._usable(create=True):
                return
            try:
                data = MAGIC + _encode(key, record)
            except (TypeError, ValueError):  # something in run.json that JSON cannot hold: not stored
                return
            final = self._path(key)
            temp = final.with_name(f".{final.name}.{os.getpid()}-{secrets.token_hex(6)}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
            with open(fd, "wb") as fh:
                fh.write(data)
            os.replace(temp, final)  # a planted link at ``final`` is replaced, not written through
            temp = None
            self._prune()
        except OSError:
            return  # a full disk or read-only cache: the run itself succeeded
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def _prune(self) -> None:
        """Keep the newest :data:`KEEP` entries; only this module's own (name and magic) are ever deleted."""
        entries = []
        for e in os.scandir(self.folder):
            if not ENTRY_NAME.fullmatch(e.name):
                continue
            with contextlib.suppress(OSError):
                st = e.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and _has_magic(e.path):
                    entries.append((st.st_mtime_ns, e.path))
        for _, path in sorted(entries, reverse=True)[KEEP:]:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _has_magic(path: str) -> bool:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        return os.read(fd, len(MAGIC_FAMILY)) == MAGIC_FAMILY
    finally:
        os.close(fd)


def _encode(key: str, record: RunRecord) -> bytes:
    """SHA-256 of the body, then the body: an 8-byte length, a JSON header, and the file bytes after it."""
    blobs: list[bytes] = []
    files = []
    for name, data in record.files.items():
        files.append([name, len(data)])
        blobs.append(data)
    split = []
    for name, pieces in record.split.items():
        split.append([name, [len(p) for p in pieces]])
        blobs.extend(pieces)
    header = json.dumps({"format": FORMAT, "key": key, "manifest": record.manifest, "stats": record.stats,
                         "notices": record.notices, "files": files, "split": split},
                        separators=(",", ":")).encode("ascii")
    body = b"".join([len(header).to_bytes(8, "big"), header, *blobs])
    return hashlib.sha256(body).digest() + body


def _decode(data: bytes, key: str) -> RunRecord | None:
    """The record :func:`_encode` wrote under ``key``; None when anything does not check."""
    digest, body = data[:32], data[32:]
    if len(digest) != 32 or hashlib.sha256(body).digest() != digest or len(body) < 8:
        return None
    size = int.from_bytes(body[:8], "big")
    try:
        raw = json.loads(body[8:8 + size])
    except (ValueError, RecursionError):
        return None
    if not (isinstance(raw, dict) and raw.get("format") == FORMAT and raw.get("key") == key):
        return None
    manifest, stats, notices, listed, split_sizes = (raw.get(k) for k in ("manifest", "stats", "notices", "files",
                                                                          "split"))
    if not (isinstance(manifest, dict) and isinstance(stats, dict) and isinstance(notices, list)
            and all(isinstance(n, str) for n in notices)):
        return None
    pos = 8 + size
    files: dict[str, bytes] = {}
    split: dict[str, list[bytes]] = {}

    def take(length: object) -> bytes:
        nonlocal pos
        if type(length) is not int or length < 0 or pos + length > len(body):
            raise ValueError("bad length")
        pos += length
        return body[pos - length:pos]

    try:
        for name, length in listed:
            files[name] = take(length)
        for name, lengths in split_sizes:
            split[name] = [take(length) for length in lengths]
    except (TypeError, ValueError):
        return None
    names = [*files, *split]
    if pos != len(body) or not all(isinstance(n, str) and n for n in names) or any(
            Path(n).is_absolute() or ".." in Path(n).parts for n in names):
        return None
    return RunRecord(files, manifest, stats, notices, split)


def read_outputs(out_dir: Path, manifest: dict) -> dict[str, bytes] | None:
    """The bytes of every file ``manifest`` lists (run.json excluded), checked against its digests."""
    digests = manifest.get("digests") or {}
    files = {}
    for name in manifest.get("outputs", {}).get("files", []):
        if name == "run.json":
            continue
        try:
            data = (out_dir / name).read_bytes()
        except OSError:
            return None
        if name not in digests or hashlib.sha256(data).hexdigest() != digests[name]:
            return None  # another run published meanwhile
        files[name] = data
    return files


def split_folder(files: dict[str, bytes], out_dir: Path) -> tuple[dict[str, bytes], dict[str, list[bytes]]] | None:
    """(files without the folder's name, files split at the report's ``out_dir`` setting); None when the
    folder's name appears anywhere else, in any spelling (then the run is not stored)."""
    token = folder_token(out_dir)
    plain: dict[str, bytes] = {}
    split: dict[str, list[bytes]] = {}
    for name, data in files.items():
        if name.endswith(".html") and data.count(token) == 1:
            split[name] = data.split(token)
        else:
            plain[name] = data
    needles = set()
    for path in (str(out_dir), str(out_dir.resolve())):
        needles |= {path.encode("utf-8", "surrogateescape"), json.dumps(path)[1:-1].encode("utf-8", "replace")}
        needles.add(json.dumps(path, ensure_ascii=False)[1:-1].encode("utf-8", "surrogateescape"))
    rest = [*plain.values(), *(piece for pieces in split.values() for piece in pieces)]
    if any(n in data for data in rest for n in needles if n):
        return None
    return plain, split


def publish_record(record: RunRecord, out_dir: Path, manifest: dict) -> None:
    """Publish the stored files and ``manifest`` (run.json) into ``out_dir`` the way the writers do."""
    from translate_cmp.errors import InputError
    from translate_cmp.writers.atomic import AtomicFile, remove_stale_temps
    from translate_cmp.writers.confine import subfolder
    from translate_cmp.writers.manifest import manifest_file
    from translate_cmp.writers.output_set import DIGESTS_KEY, digests
    from translate_cmp.writers.publish import publish, recover

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), "output path exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(out_dir), f"cannot create output folder ({exc.strerror})") from exc
    recover(out_dir)
    remove_stale_temps(out_dir)
    files: dict[str, AtomicFile] = {}
    try:
        for name, data in sorted(record.output_bytes(out_dir).items()):
            final = subfolder(out_dir, Path(name).parent) / Path(name).name  # no link leads elsewhere
            f = files[name] = AtomicFile(final)
            f.handle.buffer.write(data)  # bytes as stored: nothing went through the text layer
            f.seal()
        manifest[DIGESTS_KEY] = digests(files)
        publish([*files.values(), manifest_file(out_dir, manifest)], out_dir)
    except BaseException:
        for f in files.values():
            f.discard()
        raise
