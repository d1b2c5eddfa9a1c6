"""Inputs given as URIs: ``file://`` is a local path; any other scheme pyarrow.fs knows (``s3://``, ``gs://``,
``hdfs://``, ``abfs://``...) is listed and read through pyarrow's filesystem for it, the filesystems Ray Data's
file datasources use (pyarrow comes with the ``ray`` extra).

A ``file://`` URI is turned into its path before anything else (:func:`as_local`), so it is the same input
as that path: the same walk, the same document ids and ``path`` columns, byte-identical outputs.

An object store's folder is listed recursively (``FileSelector``) and sorted as a local folder is (by path
components), skipping hidden names, files no reader takes and folders holding a translate-cmp ``run.json``.
Document ids are paths relative to ``--root`` when it is a URI above the input, else to the deepest folder
holding every input URI (one folder given: the folder itself), without the suffix, as for local inputs.
Documents keep the file's URI as their ``path``. A file is read by copying it into a temporary file (the
readers take paths; the copy is bounded by the 200 MiB input limit, checked first) and reading that.

Credentials and endpoints follow each store's own conventions, read by pyarrow (S3: ``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL``, ``~/.aws``, or URI options such as ``?endpoint_override=``).
The store's first answer about each input URI is waited for :data:`STORE_TIMEOUT_ENV` seconds (30 by default):
a store that does not answer (pyarrow's own retries can take minutes) ends the run in one line. The workers
get the driver's filesystem with the bucket's region resolved, and no secret: each node's credentials are its
own (its environment, ``~/.aws``, an instance role).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from translate_cmp.errors import EXIT_STORE_ACCESS, EXIT_STORE_UNREACHABLE, InputError, StoreError

URI = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
STORE_TIMEOUT_ENV = "TRANSLATE_CMP_STORE_TIMEOUT"  # seconds a store has to answer the driver's listing
STORE_TIMEOUT = 30.0
PYARROW_HINT = "inputs given as URIs need pyarrow: pip install 'translate-cmp[ray]'"
_ACCESS = ("ACCESS_DENIED", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "UNAUTHORIZED",
           "Unauthorized", "Forbidden", "403", "credentials", "Credentials", "Permission denied", "PERMISSION_DENIED")
_MISSING = ("NO_SUCH_BUCKET", "NoSuchBucket", "NoSuchKey", "RESOURCE_NOT_FOUND", "does not exist", "Not Found",
            "NOT_FOUND")

T = TypeVar("T")


def is_uri(path: object) -> bool:
    """Whether ``path`` is a URI other than ``file://`` (``s3://bucket/prefix``): read through pyarrow.fs."""
    return isinstance(path, str) and (m := URI.match(path)) is not None and m.group(1).lower() != "file"


def as_local(path: str) -> str:
    """``file:///abs/path`` (or ``file://localhost/...``) as the path it names; anything else unchanged."""
    if not isinstance(path, str) or path[:7].lower() != "file://":
        return path
    parts = urlsplit(path)
    if parts.netloc not in ("", "localhost"):
        raise InputError(path, f"a file:// URI names a file on this machine; host {parts.netloc!r} is not supported")
    if parts.query or parts.fragment:
        raise InputError(path, "a file:// URI takes no query or fragment")
    return unquote(parts.path) or "/"


def local_paths(paths: Iterable[str]) -> tuple[str, ...]:
    """``paths`` with every ``file://`` URI turned into its path."""
    return tuple(as_local(str(p)) for p in paths)


@dataclass(frozen=True)
class RemoteFile:
    """An input file in an object store (a pyarrow filesystem, pickled with it: Ray ships it to the workers)."""

    uri: str  # shown as the documents' path: scheme://bucket/key
    fs: Any  # pyarrow.fs.FileSystem
    path: str  # the path within ``fs``
    size: int
    mtime_ns: int

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix

    def __str__(self) -> str:
        return self.uri


def store_timeout() -> float:
    try:
        return max(1.0, float(os.environ.get(STORE_TIMEOUT_ENV, STORE_TIMEOUT)))
    except ValueError:
        raise InputError(STORE_TIMEOUT_ENV, f"not a number of seconds: {os.environ[STORE_TIMEOUT_ENV]!r}") from None


def _within(uri: str, timeout: float, call: Callable[[], T]) -> T:
    """``call()``, given up after ``timeout`` seconds (its thread is left behind, a daemon)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, name="translate-cmp-store", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise StoreError(f"{uri}: the store did not answer within {timeout:g} s (unreachable, or no credentials "
                         f"found; {STORE_TIMEOUT_ENV} sets the wait)", EXIT_STORE_UNREACHABLE)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _detail(exc: BaseException) -> str:
    """pyarrow's message, shortened to its cause: one line, no request id."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = re.sub(r"\s*\(Request ID: [^)]*\)", "", text)
    return text[:300]


def store_error(uri: str, exc: BaseException) -> Exception:
    """The one-line error for a store's failure: missing (exit 2), access refused (10), unreachable (9)."""
    detail = _detail(exc)
    if isinstance(exc, FileNotFoundError) or any(k in detail for k in _MISSING):
        return InputError(uri, f"no such bucket, file or folder ({detail})")
    if isinstance(exc, PermissionError) or any(k in detail for k in _ACCESS):
        return StoreError(f"{uri}: the store refused access (missing or wrong credentials?): {detail}",
                          EXIT_STORE_ACCESS)
    return StoreError(f"{uri}: cannot reach the store: {detail}", EXIT_STORE_UNREACHABLE)


def filesystem(uri: str):
    """(pyarrow filesystem, path within it) for ``uri``; an unknown scheme is an :class:`InputError`."""
    try:
        from pyarrow import ArrowInvalid
        from pyarrow.fs import FileSystem
    except ImportError:
        raise InputError(uri, PYARROW_HINT) from None
    try:
        fs, path = FileSystem.from_uri(uri)
        region = getattr(fs, "region", "")
        if region and "region=" not in uri:  # the bucket's region, resolved here, travels with the pickled filesystem
            fs, path = FileSystem.from_uri(f"{uri}{'&' if '?' in uri else '?'}region={region}")
        return fs, path
    except ArrowInvalid as exc:
        scheme = URI.match(uri).group(1)
        problem = (f"unknown URI scheme {scheme!r} (pyarrow.fs reads s3://, gs://, hdfs://, abfs://, file://)"
                   if "Unrecognized filesystem" in str(exc) else f"not a URI pyarrow.fs can use: {_detail(exc)}")
        raise InputError(uri, problem) from None
    except OSError as exc:  # resolving the bucket's region, a missing native library...
        raise store_error(uri, exc) from None


def _base(uri: str) -> str:
    """``uri`` without its query (endpoint options) and trailing slash: the prefix of its files' URIs."""
    return uri.split("?", 1)[0].rstrip("/")


RUN_RECORD_MAX = 64 << 20  # a run.json larger than this is no translate-cmp run record


def is_run_record(data: object) -> bool:
    """Whether ``data``, a parsed ``run.json``, is a translate-cmp run's record (its ``versions`` name
    translate-cmp): the folder holding it is a run's outputs, never read as input, on disk or in a store."""
    return isinstance(data, dict) and isinstance(data.get("versions"), dict) and "translate-cmp" in data["versions"]


def _is_output_folder(fs, folder: str) -> bool:
    import json

    try:
        with fs.open_input_stream(f"{folder}/run.json") as fh:
            data = json.loads(fh.read(RUN_RECORD_MAX))
    except (OSError, ValueError):
        return False
    return is_run_record(data)


def _first_answer(uri: str):
    """(filesystem, path, what ``uri`` names): the store's first answer, which the timeout bounds."""
    fs, path = filesystem(uri)
    return fs, path, fs.get_file_info(path)


def _listing(uri: str, suffixes: frozenset[str]) -> list[RemoteFile]:
    fs, path, info = _within(uri, store_timeout(), lambda: _first_answer(uri))  # pyarrow missing: one line here
    from pyarrow.fs import FileSelector, FileType

    base = _base(uri)
    if info.type == FileType.NotFound:
        raise InputError(uri, "no such bucket, file or folder")
    if info.type == FileType.File:
        return [RemoteFile(base, fs, info.path, info.size or 0, info.mtime_ns or 0)]
    top = path.rstrip("/")
    if _is_output_folder(fs, top):
        raise InputError(uri, "is a translate-cmp output folder (it holds the outputs of a run); outputs are never "
                              "read as input")
    entries = fs.get_file_info(FileSelector(top, recursive=True))
    runs = {e.path[:-len("/run.json")] for e in entries if e.type == FileType.File and e.path.endswith("/run.json")}
    outputs = {f for f in runs if _is_output_folder(fs, f)}
    found = []
    for entry in entries:
        rel = PurePosixPath(entry.path[len(top):].lstrip("/"))
        if entry.type != FileType.File or any(part.startswith(".") for part in rel.parts):
            continue
        if rel.suffix.lower() not in suffixes or any(entry.path.startswith(f"{o}/") for o in outputs):
            continue
        found.append((rel.parts, RemoteFile(f"{base}/{rel.as_posix()}", fs, entry.path, entry.size or 0,
                                            entry.mtime_ns or 0)))
    if not found:
        raise InputError(uri, f"folder holds no readable files ({' '.join(sorted(suffixes))})")
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]  # by components, as local folders are walked


def list_uri(uri: str, suffixes: Iterable[str]) -> list[RemoteFile]:
    """The files under ``uri`` that a reader takes, sorted; one-line errors (missing, unreachable, refused). The
    store has :func:`store_timeout` seconds to answer about ``uri`` itself; a long listing then takes its time."""
    try:
        return _listing(uri, frozenset(suffixes))
    except OSError as exc:
        raise store_error(uri, exc) from None


def remote_root(listed: dict[str, list[RemoteFile]], root: str | None) -> str:
    """The URI the remote inputs' ids are relative to: ``root`` when it is a URI above them all, else the deepest
    folder holding them all (a folder given alone: itself; a file given alone: its folder). ``listed``: each input
    URI and its files."""
    holders = [_base(u).rsplit("/", 1)[0] if len(files) == 1 and files[0].uri == _base(u) else _base(u)
               for u, files in listed.items()]
    if root is not None and is_uri(root) and all(h == _base(root) or h.startswith(_base(root) + "/") for h in holders):
        return _base(root)
    split = [h.split("/") for h in holders]
    common = split[0] if split else []
    for parts in split[1:]:
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    return "/".join(common)


def remote_id(file: RemoteFile, root: str) -> str:
    """``file``'s id: its URI relative to ``root``, suffix dropped."""
    rel = PurePosixPath(file.uri[len(root) + 1:] if file.uri.startswith(root + "/") else file.name)
    return rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix()


def _renamed(doc, local: str, uri: str):
    """``doc`` with the temporary copy's path replaced by the file's URI (its ``path`` and its unit's ``file``)."""
    def swap(text: str) -> str:
        return uri + text[len(local):] if text.startswith(local) else text

    unit = doc.unit
    if unit is not None and unit.file.startswith(local):
        unit = replace(unit, file=swap(unit.file))
    return replace(doc, path=swap(doc.path), unit=unit)


def read_remote(file: RemoteFile, base_id: str, options, read_file) -> Iterator:
    """``file``'s documents: the file copied into a temporary folder, read by ``read_file`` (the readers' own
    function), their paths and any error naming the URI."""
    from translate_cmp.readers.decode import MAX_FILE_BYTES

    if file.size > MAX_FILE_BYTES:
        raise InputError(file.uri, f"file is {file.size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB "
                                   "limit")
    folder = tempfile.mkdtemp(prefix="translate-cmp-input-")
    try:
        suffix = file.suffix if len(file.suffix) <= 16 else ""  # the readers go by the suffix only
        local = Path(folder) / f"input{suffix}"
        try:
            with file.fs.open_input_stream(file.path) as src, open(local, "wb") as dst:
                copied = 0
                while chunk := src.read(1 << 20):
                    copied += len(chunk)
                    if copied > MAX_FILE_BYTES:
                        raise InputError(file.uri, f"file is over the {MAX_FILE_BYTES // 2**20} MiB limit")
                    dst.write(chunk)
        except OSError as exc:
            error = store_error(file.uri, exc)
            if isinstance(error, InputError):
                raise error from None
            raise InputError(file.uri, f"cannot read: {_detail(exc)}") from None
        shown = str(local)
        try:
            for doc in read_file(local, base_id, options):
                yield _renamed(doc, shown, file.uri)
        except InputError as exc:
            raise InputError(exc.where.replace(shown, file.uri), exc.problem.replace(shown, file.uri)) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
