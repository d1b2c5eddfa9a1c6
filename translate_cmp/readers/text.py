"""Plain text files: one file, one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.decode import decode_file
from translate_cmp.records import Document


class TextReader:
    suffixes = (".txt", ".text", ".md")

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        decoded = decode_file(path, options.encoding, one_document=True)
        yield Document(doc_id, str(path), decoded.text, decoded.encoding)
