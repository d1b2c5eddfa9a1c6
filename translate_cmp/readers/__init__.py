"""The reader registry: file suffix -> reader, in one place; folders are walked in sorted order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import Reader, ReadOptions
from translate_cmp.readers.faults import FileError, file_error
from translate_cmp.readers.filecheck import path_problem
from translate_cmp.readers.po import PoReader
from translate_cmp.readers.table import TableReader
from translate_cmp.readers.text import TextReader
from translate_cmp.readers.tmx import TmxReader
from translate_cmp.readers.xliff import XliffReader
from translate_cmp.records import Document

# Localisation readers (PO/POT, XLIFF, TMX; bitext tables via --target-column) give Documents carrying a Unit.
READERS: tuple[Reader, ...] = (TextReader(), TableReader(), PoReader(), XliffReader(), TmxReader())
_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}

__all__ = [
    "READERS", "FileError", "ReadOptions", "UniqueIds", "check_paths", "input_files", "read_documents",
    "readable_files",
]


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Fail before any work if a path is missing or a folder holds nothing readable."""
    out = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        problem = path_problem(path)
        if problem:
            raise InputError(str(path), problem)
        key = path.resolve()
        if key in seen:
            raise InputError(str(path), "path given twice")
        seen.add(key)
        if path.is_dir() and not any(True for _ in _candidates(path)):
            known = " ".join(sorted(_BY_SUFFIX))
            raise InputError(str(path), f"folder holds no readable files ({known})")
        out.append(path)
    if not out:
        raise InputError("PATH", "no input given")
    return out


def _candidates(folder: Path) -> Iterator[Path]:
    """Every non-hidden path under ``folder`` with a readable suffix, sorted; special files included."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in _BY_SUFFIX and not path.is_dir():
            yield path


def readable_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` that a reader takes, in sorted order, hidden ones skipped.

    A FIFO, device, dangling symbolic link or link loop with a readable suffix is an error, not skipped.
    """
    for path in _candidates(folder):
        problem = path_problem(path)
        if problem:
            raise InputError(str(path), problem)
        if path.is_file():
            yield path


def _reader_for(path: Path) -> Reader:
    return _BY_SUFFIX.get(path.suffix.lower(), READERS[0])  # unknown suffix given explicitly: plain text


def input_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Every file under ``paths`` with its id: the path relative to its folder without the suffix, or the stem."""
    for root in check_paths(paths):
        if root.is_dir():
            yield from ((p, p.relative_to(root).with_suffix("").as_posix()) for p in _candidates(root))
        else:
            yield root, root.stem


class UniqueIds:
    """Hands out each ``doc_id`` once: a repeated one becomes ``id~2``, ``id~3``..."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, base: str) -> str:
        doc_id, n = base, 1
        while doc_id in self.seen:
            n += 1
            doc_id = f"{base}~{n}"
        self.seen.add(doc_id)
        return doc_id


def read_documents(
    paths: Iterable[str | Path], options: ReadOptions | None = None,
    on_error: Callable[[FileError], None] | None = None,
) -> Iterator[Document]:
    """Every document under ``paths``, lazily, with unique ``doc_id``s.

    A bad file (special file, undecodable, unparsable table...) raises :class:`InputError`, or, with
    ``on_error``, is handed to it as a :class:`FileError` and the files after it are still read. A
    table that fails part-way keeps the documents of the rows before the bad one.
    """
    options = options or ReadOptions()
    unique = UniqueIds()
    for path, base_id in input_files(paths):
        try:
            problem = path_problem(path)
            if problem:
                raise InputError(str(path), problem)
            for doc in _reader_for(path).read(path, base_id, options):
                doc_id = unique(doc.doc_id)
                yield doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(file_error(unique(base_id), str(path), exc))
