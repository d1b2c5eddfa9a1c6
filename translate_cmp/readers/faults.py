"""A file that could not be read, kept so that the rest of a batch goes on (exit 3 at the end)."""

from __future__ import annotations

from dataclasses import dataclass

from translate_cmp.errors import InputError, show_path


@dataclass(frozen=True)
class FileError:
    """One bad input file: its would-be ``doc_id``, its path and the problem (one line, no file name)."""

    doc_id: str
    path: str
    problem: str

    @property
    def line(self) -> str:
        """The stderr line, ``FILE: PROBLEM``."""
        return f"{show_path(self.path)}: {self.problem}"


def file_error(doc_id: str, path: str, exc: InputError) -> FileError:
    """The problem of ``exc`` without the file name when it starts with it (``line 3: not JSON`` stays)."""
    text, prefix = str(exc), f"{show_path(path)}: "
    return FileError(doc_id, path, text[len(prefix):] if text.startswith(prefix) else text)
