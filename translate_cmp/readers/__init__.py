"""The reader registry: file suffix -> reader, in one place; folders are walked in sorted order.

An input folder may come from a pull request: a symbolic link inside it (``leak.txt -> /etc/passwd``, a
folder linked to ``$HOME``) is not followed unless ``follow_links`` (``--follow-links``) is given; the walk
lists such links (:func:`skipped_links`) so the commands can say, one line each, what they skipped. A path
given explicitly is read even when it is a link: whoever typed it chose it.

A run's own outputs are never read back as input: the walk skips the run's ``--out`` folder (``exclude``)
and any folder holding a translate-cmp ``run.json`` (:func:`is_output_folder`), and lists them
(:func:`skipped_outputs`) for a one-line notice each.

An input may be a URI (:mod:`translate_cmp.readers.uri`): ``file://`` is its local path; ``s3://``, ``gs://`` and
the other schemes pyarrow.fs knows are listed and read through pyarrow's filesystem (a :class:`RemoteFile`
stands for each file where a local input has its ``Path``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from translate_cmp.errors import InputError, show_path
from translate_cmp.readers.base import Reader, ReadOptions
from translate_cmp.readers.faults import FileError, file_error
from translate_cmp.readers.filecheck import path_problem
from translate_cmp.readers.po import PoReader
from translate_cmp.readers.table import TableReader
from translate_cmp.readers.text import TextReader
from translate_cmp.readers.tmx import TmxReader
from translate_cmp.readers.uri import (
    RUN_RECORD_MAX,
    RemoteFile,
    is_run_record,
    is_uri,
    list_uri,
    local_paths,
    read_remote,
    remote_id,
    remote_root,
)
from translate_cmp.readers.xliff import XliffReader
from translate_cmp.records import Document

# Localisation readers (PO/POT, XLIFF, TMX; bitext tables via --target-column) give Documents carrying a Unit.
READERS: tuple[Reader, ...] = (TextReader(), TableReader(), PoReader(), XliffReader(), TmxReader())
_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}

__all__ = [
    "READERS", "FileError", "ReadOptions", "RemoteFile", "UniqueIds", "check_paths", "input_files", "link_notice",
    "read_documents", "read_file", "readable_files", "skipped_links", "skipped_outputs", "output_notice",
    "is_output_folder",
]


def check_paths(paths: Iterable[str | Path], follow_links: bool = False, exclude: Iterable[str | Path] = ()
                ) -> list[Path]:
    """Fail before any work if a path is missing, is an output folder, or a folder holds nothing readable; the local
    paths (a URI is listed through its store, which checks it: :mod:`translate_cmp.readers.uri`)."""
    skip = _resolved(exclude)
    out = []
    seen: set[Path] = set()
    uris: set[str] = set()
    for raw in local_paths(paths):
        if is_uri(raw):
            if raw.rstrip("/") in uris:
                raise InputError(raw, "path given twice")
            uris.add(raw.rstrip("/"))
            list_uri(raw, _BY_SUFFIX)
            continue
        path = Path(raw)
        problem = path_problem(path)
        if problem:
            raise InputError(str(path), problem)
        key = path.resolve()
        if key in seen:
            raise InputError(str(path), "path given twice")
        seen.add(key)
        if path.is_dir() and (key in skip or is_output_folder(path)):
            raise InputError(str(path), "is a translate-cmp output folder (it holds the outputs of a run); "
                                        "outputs are never read as input")
        if path.is_dir() and not _candidates(path, follow_links, skip):
            known = " ".join(sorted(_BY_SUFFIX))
            links = len(_walk(path, follow_links, skip)[1])
            hint = f"; {links} symbolic links skipped, pass --follow-links to read them" if links else ""
            raise InputError(str(path), f"folder holds no readable files ({known}){hint}")
        out.append(path)
    if not out and not uris:
        raise InputError("PATH", "no input given")
    return out


def _is_dir(entry: os.DirEntry, follow_links: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_links)
    except OSError:  # a link loop
        return False


def _resolved(paths: Iterable[str | Path]) -> frozenset[Path]:
    return frozenset(Path(p).resolve() for p in paths)


RUN_JSON = "run.json"


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a translate-cmp ``run.json`` (its ``versions`` name translate-cmp)."""
    path = folder / RUN_JSON
    try:
        if not path.is_file() or path.stat().st_size > RUN_RECORD_MAX:
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return is_run_record(data)


def _walk(folder: Path, follow_links: bool, exclude: frozenset[Path] = frozenset()
          ) -> tuple[list[Path], list[Path], list[Path]]:
    """(every non-hidden path under ``folder`` with a readable suffix, the symbolic links not followed, the output
    folders skipped: those in ``exclude`` and those holding a translate-cmp run.json), sorted.

    Special files are included (the readers refuse them in one line). With ``follow_links`` a linked
    folder is walked too, unless it leads back into a folder being walked (a loop).
    """
    found: list[Path] = []
    links: list[Path] = []
    outputs: list[Path] = []
    root = folder.resolve()
    todo = [(folder, root, frozenset({root}))]  # a stack, not recursion: folders may nest deeply
    while todo:
        directory, real_dir, ancestors = todo.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError:  # unreadable subfolder: skipped, as Path.rglob does
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not follow_links:
                if path.suffix.lower() in _BY_SUFFIX or os.path.isdir(path):
                    links.append(path)
                continue
            if _is_dir(entry, follow_links):
                real = path.resolve() if entry.is_symlink() else real_dir / entry.name  # only links can loop
                if real in exclude or path.resolve() in exclude or is_output_folder(path):
                    outputs.append(path)
                elif real not in ancestors:
                    todo.append((path, real, ancestors | {real}))
            elif path.suffix.lower() in _BY_SUFFIX:
                found.append(path)
    return sorted(found), sorted(links), sorted(outputs)


def _candidates(folder: Path, follow_links: bool = False, exclude: frozenset[Path] = frozenset()) -> list[Path]:
    """Every non-hidden path under ``folder`` with a readable suffix, sorted; special files included."""
    return _walk(folder, follow_links, exclude)[0]


def skipped_outputs(paths: Iterable[str | Path], follow_links: bool = False, exclude: Iterable[str | Path] = ()
                    ) -> list[Path]:
    """The output folders inside the folders among ``paths`` that the walk skips."""
    skip = _resolved(exclude)
    return [out for raw in local_paths(paths) if not is_uri(raw) and Path(raw).is_dir()
            for out in _walk(Path(raw), follow_links, skip)[2]]


def output_notice(folder: Path) -> str:
    """The one stderr line for a skipped output folder."""
    return f"translate-cmp: {show_path(folder)}: output folder of a translate-cmp run, skipped (outputs are not input)"


def skipped_links(paths: Iterable[str | Path], follow_links: bool = False) -> list[Path]:
    """The symbolic links inside the folders among ``paths`` that a walk without ``follow_links`` skips."""
    if follow_links:
        return []
    return [link for raw in local_paths(paths) if not is_uri(raw) and Path(raw).is_dir()
            for link in _walk(Path(raw), False)[1]]


def link_notice(link: Path) -> str:
    """The one stderr line for a skipped link."""
    return f"translate-cmp: {show_path(link)}: symbolic link, skipped (pass --follow-links to read it)"


def readable_files(folder: Path, follow_links: bool = False) -> Iterator[Path]:
    """Files under ``folder`` that a reader takes, in sorted order, hidden ones and links skipped.

    A FIFO or device with a readable suffix is an error, not skipped; with ``follow_links``, so is a
    dangling symbolic link or a link loop.
    """
    for path in _candidates(folder, follow_links):
        problem = path_problem(path)
        if problem:
            raise InputError(str(path), problem)
        if path.is_file():
            yield path


def _reader_for(path: Path) -> Reader:
    return _BY_SUFFIX.get(path.suffix.lower(), READERS[0])  # unknown suffix given explicitly: plain text


def input_files(paths: Iterable[str | Path], follow_links: bool = False, root: str | Path | None = None,
                exclude: Iterable[str | Path] = ()) -> Iterator[tuple[Path | RemoteFile, str]]:
    """Every file under ``paths`` with its id: its path relative to the id root, without the suffix
    (translate_cmp/readers/ids.py). Output folders are skipped (``exclude``: the run's own ``--out``). A URI's files
    come as :class:`RemoteFile`, their ids relative to the remote inputs' own root (readers/uri.py)."""
    from translate_cmp.readers.ids import doc_id, id_root

    paths = list(local_paths(str(p) for p in paths))
    local = [p for p in paths if not is_uri(p)]
    base = id_root(local, None if is_uri(root) else root)
    skip = _resolved(exclude)
    tops = iter(check_paths(local, follow_links, skip) if local else [])
    listed = {p: list_uri(p, _BY_SUFFIX) for p in paths if is_uri(p)}
    remote_base = remote_root(listed, root) if listed else ""
    for raw in paths:
        if is_uri(raw):
            yield from ((f, remote_id(f, remote_base)) for f in listed[raw])
            continue
        top = next(tops)
        if top.is_dir():
            yield from ((p, doc_id(p, base)) for p in _candidates(top, follow_links, skip))
        else:
            yield top, doc_id(top, base)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(doc: Document, path: Path) -> None:
    """Every reader's text is Unicode: a lone surrogate (a JSON escape, ``--encoding unicode_escape``) would
    crash the segmenter and every writer, so it is this file's one-line error instead."""
    unit = doc.unit
    if unit is None and _SURROGATE.search(doc.text) is None and _SURROGATE.search(doc.doc_id) is None:
        return  # every row of a table: no tuple of parts to build
    parts = (doc.doc_id, doc.text, *((unit.unit_id, unit.source, unit.source_plural, unit.context, unit.notes)
                                     if unit is not None else ()))
    for part in parts:
        if bad := _SURROGATE.search(part):
            which = f" (document {show_path(doc.doc_id)})" if doc.path != str(path) else ""
            raise InputError(str(path), f"holds a lone surrogate ({ascii(bad.group())[1:-1]}), not valid "
                                        f"Unicode{which}")


class UniqueIds:
    """Hands out each ``doc_id`` once: a repeated one becomes ``id~2``, ``id~3``...

    Memory stays flat on a table of a million rows: ids ``NAME:1``, ``NAME:2`` ... given in that order (a
    table's row names) are remembered as one count per ``NAME``, not one string each (~110 MB a million)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.counted: dict[str, int] = {}  # NAME -> k: NAME:1 ... NAME:k are all seen

    def _numbered(self, doc_id: str) -> tuple[str, int] | None:
        """``(NAME, n)`` for an id ``NAME:n`` (n written plainly: digits, no leading zero), else None."""
        name, colon, number = doc_id.rpartition(":")
        if colon and number.isascii() and number.isdigit() and number[0] != "0":
            return name, int(number)
        return None

    def _has(self, doc_id: str) -> bool:
        if doc_id in self.seen:
            return True
        numbered = self._numbered(doc_id) if self.counted else None
        return numbered is not None and numbered[1] <= self.counted.get(numbered[0], 0)

    def __call__(self, base: str) -> str:
        numbered = self._numbered(base)
        if base not in self.seen and (numbered is None or numbered[1] > self.counted.get(numbered[0], 0)):
            self._add(base, numbered)  # free: every row of a table
            return base
        doc_id, n = base, 1
        while self._has(doc_id):
            n += 1
            doc_id = f"{base}~{n}"
        self._add(doc_id, self._numbered(doc_id))
        return doc_id

    def _add(self, doc_id: str, numbered: tuple[str, int] | None) -> None:
        if numbered is not None and numbered[1] == self.counted.get(numbered[0], 0) + 1:
            self.counted[numbered[0]] = numbered[1]  # the next of a run of row numbers: a count, not a string
        else:
            self.seen.add(doc_id)


def read_file(path: Path | RemoteFile, base_id: str, options: ReadOptions) -> Iterator[Document]:
    """One input file's documents, lazily, with the ids its reader gives (:func:`read_documents` makes them unique
    across files); :class:`InputError` for a bad file. A Ray worker reads its files with it."""
    if isinstance(path, RemoteFile):
        yield from read_remote(path, base_id, options, read_file)
        return
    problem = path_problem(path)
    if problem:
        raise InputError(str(path), problem)
    for doc in _reader_for(path).read(path, base_id, options):
        _check_unicode(doc, path)
        yield doc


def read_documents(
    paths: Iterable[str | Path], options: ReadOptions | None = None,
    on_error: Callable[[FileError], None] | None = None, exclude: Iterable[str | Path] = (),
) -> Iterator[Document]:
    """Every document under ``paths``, lazily, with unique ``doc_id``s.

    A bad file (special file, undecodable, unparsable table...) raises :class:`InputError`, or, with
    ``on_error``, is handed to it as a :class:`FileError` and the files after it are still read. A
    table that fails part-way keeps the documents of the rows before the bad one.
    """
    options = options or ReadOptions()
    unique = UniqueIds()
    for path, base_id in input_files(paths, options.follow_links, options.root, exclude):
        try:
            for doc in read_file(path, base_id, options):
                doc_id = unique(doc.doc_id)
                yield doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(file_error(unique(base_id), str(path), exc))
