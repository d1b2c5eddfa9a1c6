"""The encoding of a CSV/TSV table, chosen before pandas parses it (it streams, so it cannot change course).

``--encoding`` when given; else a byte-order mark; else UTF-8 when the whole file is valid UTF-8 (checked
block by block, so a large UTF-8 table is never held in memory twice); else the per-file guess of
:func:`translate_cmp.readers.decode.decode_file` with its confidence floor, whose one-line error (best
guess and confidence) is raised below the floor, never silent mojibake.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.decode import _BOMS, decode_file

BLOCK = 1 << 20


@dataclass(frozen=True)
class TableEncoding:
    codec: str  # what pandas is given
    recorded: str  # what documents.csv shows: "utf-8", "cp1252 (detected 1.00)", the --encoding given


def _valid_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(BLOCK):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read file") from None
    return True


def table_encoding(path: Path, given: str | None) -> TableEncoding:
    if given:
        return TableEncoding(given, given)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read file") from None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return TableEncoding(codec, codec)
    if _valid_utf8(path):
        return TableEncoding("utf-8-sig", "utf-8")
    decoded = decode_file(path)  # not UTF-8: guessed with the floor, or a one-line InputError
    return TableEncoding(decoded.encoding.split(" (", 1)[0], decoded.encoding)
