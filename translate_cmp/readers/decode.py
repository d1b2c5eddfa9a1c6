"""Turn file bytes into text: a named encoding, else UTF-8/UTF-16/UTF-32 by byte-order mark, else UTF-8,
else an encoding guessed per file with a confidence floor (:mod:`translate_cmp.readers.encoding`)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.encoding import CONFIDENCE_FLOOR, guess_encoding

MAX_FILE_BYTES = 200 * 1024 * 1024  # one input file (a text or a table) read whole: bounded memory
# A text file is one document, held whole through every stage: issue 24 measured 4.6 GB at the peak for a
# 150 MiB line, about 28 MB a MiB above the ~600 MB every run holds; 48 MiB keeps a run under 2 GB.
# A table streams row by row: MAX_FILE_BYTES.
MAX_DOCUMENT_BYTES = 48 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as recorded in documents.csv: "utf-8", "utf-16", "cp1252 (detected 0.97)" ...


def read_text(path: Path, encoding: str | None = None) -> str:
    """The file's text. Offsets downstream index this string (a BOM is not part of it)."""
    return decode_file(path, encoding).text


def decode_file(path: Path, encoding: str | None = None, *, one_document: bool = False) -> Decoded:
    """The file's text and how it was decoded. ``one_document``: the whole file is one document (a text file),
    held whole through the pipeline: the lower :data:`MAX_DOCUMENT_BYTES` applies."""
    limit = min(MAX_FILE_BYTES, MAX_DOCUMENT_BYTES) if one_document else MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            what = " for one document (split the text, or make it a table of rows)" if limit < MAX_FILE_BYTES else ""
            raise InputError(str(path), f"file is {size / 2**20:.0f} MiB, over the {limit // 2**20} MiB limit{what}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read file") from None
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except LookupError:
            raise InputError(str(path), f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                problem = f"not valid {codec} despite its byte-order mark (byte {exc.start})"
                raise InputError(str(path), problem) from None
    if b"\x00" in data:
        raise InputError(str(path), "binary data or UTF-16 without a byte-order mark; pass --encoding")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = f"invalid byte 0x{data[exc.start]:02x} at {exc.start}"
    return _guessed(path, data, first_bad)


def _guessed(path: Path, data: bytes, first_bad: str) -> Decoded:
    guess = guess_encoding(data)
    if guess is None:
        raise InputError(str(path), f"not UTF-8 ({first_bad}) and no encoding fits; pass --encoding")
    if guess.confidence < CONFIDENCE_FLOOR:
        raise InputError(str(path), f"not UTF-8 ({first_bad}); best guess {guess.encoding} at confidence "
                                    f"{guess.confidence:.2f}, under {CONFIDENCE_FLOOR}; pass --encoding")
    try:
        text = data.decode(guess.encoding)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 ({first_bad}) nor {guess.encoding} (byte {exc.start}); "
                                    "pass --encoding") from None
    return Decoded(text, f"{guess.encoding} (detected {guess.confidence:.2f})")
