"""Character offset -> (line, column), both 1-based, columns in code points (SARIF ``unicodeCodePoints``).

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as SARIF counts them. Also: whether a document is a
whole text file (offsets index the file) or one unit of a container (a table row, a catalogue entry).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from urllib.parse import quote

_LINE_END = re.compile(r"\r\n|\n|\r")
WHOLE_FILE_SUFFIXES = frozenset({".txt", ".text", ".md"})  # translate_cmp.readers.text.TextReader.suffixes


class LineIndex:
    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in _LINE_END.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def is_whole_file(path: str) -> bool:
    """True when a document is its file's whole text, so its offsets are positions in that file."""
    return Path(path).suffix.lower() in WHOLE_FILE_SUFFIXES


_UNIT_SUFFIX = re.compile(r"^(.+):(\d+)$")


def unit_file(path: str) -> tuple[str, int | None]:
    """A unit's ``path``: the table readers write ``file:row``; this gives ``(file, row)`` (row None if absent)."""
    m = _UNIT_SUFFIX.match(path)
    return (m.group(1), int(m.group(2))) if m and not is_whole_file(path) else (path, None)


def path_uri(path: str) -> str:
    """A relative path as a relative URI reference (``/`` separators, percent-encoded); absolute: ``file://``."""
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix(), safe="/")
