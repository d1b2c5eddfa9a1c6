"""The interface every output format implements, and the shared file handling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from translate_cmp.records import RuleDocs
from translate_cmp.writers.atomic import AtomicFile
from translate_cmp.writers.rows import DocRows


class FormatWriter:
    """One output format: fed document by document, finished once, then committed or aborted.

    ``__init__`` opens one temporary file per name in ``file_names``; ``write`` appends a document;
    ``finish`` completes the temporary files (nothing is visible yet); ``commit`` renames them into
    place; ``abort`` deletes them. Writers keep only bounded state between documents.
    """

    format: ClassVar[str]
    file_names: ClassVar[tuple[str, ...]]
    ahead: ClassVar[bool] = False  # render() gives this format's whole output for a document (see there)

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.files: dict[str, AtomicFile] = {}
        try:
            for name in self.file_names:
                self.files[name] = AtomicFile(self.out_dir / name)
        except BaseException:
            self.abort()
            raise

    def write(self, doc: DocRows) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    @classmethod
    def render(cls, doc: DocRows) -> tuple[str, ...]:
        """A format with ``ahead`` set: the text one document adds to each of ``file_names``, in order, a pure
        function of ``doc`` (no writer state), so that a pool worker can make it ahead of ``write``
        (``DocRows.rendered``) and the process that writes only appends it."""
        raise NotImplementedError(f"{cls.format} does not render ahead")

    @classmethod
    def render_many(cls, docs: Sequence[DocRows]) -> tuple[str, ...]:
        """:meth:`render` of documents written one after the other, in this order: each file's text joined."""
        parts = [cls.render(doc) for doc in docs]
        return tuple("".join([p[i] for p in parts]) for i in range(len(cls.file_names)))

    def write_error(self, summary: Mapping[str, Any]) -> None:
        """A file that could not be read (its ``documents.csv`` row); formats without such a row ignore it."""

    def finish(self, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> None:
        """Complete the temporary files (default: nothing left to write)."""

    def commit(self) -> list[Path]:
        return [f.commit() for f in self.files.values()]

    def abort(self) -> None:
        for f in self.files.values():
            f.discard()
