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


class Reader(Protocol):
    suffixes: ClassVar[tuple[str, ...]]

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]: ...
