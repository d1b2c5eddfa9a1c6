"""The reader registry: file suffix -> reader, in one place; folders are walked in sorted order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import Reader, ReadOptions
from translate_cmp.readers.filecheck import path_problem
from translate_cmp.readers.table import TableReader
from translate_cmp.readers.text import TextReader
from translate_cmp.records import Document

READERS: tuple[Reader, ...] = (TextReader(), TableReader())
_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}

__all__ = ["READERS", "ReadOptions", "check_paths", "read_documents", "readable_files"]


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
        if path.is_dir() and not any(True for _ in readable_files(path)):
            known = " ".join(sorted(_BY_SUFFIX))
            raise InputError(str(path), f"folder holds no readable files ({known})")
        out.append(path)
    if not out:
        raise InputError("PATH", "no input given")
    return out


def readable_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` that a reader takes, in sorted order, hidden ones skipped.

    A FIFO, device, dangling symbolic link or link loop with a readable suffix is an error, not skipped.
    """
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() not in _BY_SUFFIX:
            continue
        problem = path_problem(path)
        if problem:
            raise InputError(str(path), problem)
        if path.is_file():
            yield path


def _reader_for(path: Path) -> Reader:
    return _BY_SUFFIX.get(path.suffix.lower(), READERS[0])  # unknown suffix given explicitly: plain text


def read_documents(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Document]:
    """Every document under ``paths``, lazily, with unique ``doc_id``s."""
    options = options or ReadOptions()
    seen: set[str] = set()
    for root in check_paths(paths):
        if root.is_dir():
            files = [(p, p.relative_to(root).with_suffix("").as_posix()) for p in readable_files(root)]
        else:
            files = [(root, root.stem)]
        for path, base_id in files:
            problem = path_problem(path)
            if problem:
                raise InputError(str(path), problem)
            for doc in _reader_for(path).read(path, base_id, options):
                doc_id, n = doc.doc_id, 1
                while doc_id in seen:
                    n += 1
                    doc_id = f"{doc.doc_id}~{n}"
                seen.add(doc_id)
                yield doc if doc_id == doc.doc_id else Document(doc_id, doc.path, doc.text)
