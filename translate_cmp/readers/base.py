"""The reader interface: a path in, documents out (lazily, so memory stays flat)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from translate_cmp.records import Document


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # force an encoding instead of detecting UTF-8/UTF-16 by BOM
    text_column: str | None = None  # tables: the column holding the text
    id_column: str | None = None  # tables: the column holding a document id
    source_column: str | None = None  # bitext tables: the column holding each unit's source
    target_column: str | None = None  # bitext tables: the column holding each unit's translation (the text checked)
    source_lang: str | None = None  # localisation files: override (or supply) the declared source language
    target_lang: str | None = None  # localisation files: override (or supply) the declared target language
    follow_links: bool = False  # read symbolic links inside input folders (--follow-links); else skipped with a notice
    root: str | None = None  # document ids are paths relative to this folder (--root); None: readers/ids.py decides


class Reader(Protocol):
    suffixes: ClassVar[tuple[str, ...]]

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]: ...
