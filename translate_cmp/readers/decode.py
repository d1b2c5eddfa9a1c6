"""Turn file bytes into text: UTF-8, UTF-8 with BOM, UTF-16 (BOM) or a named encoding; anything else is an error."""

from __future__ import annotations

import codecs
from pathlib import Path

from translate_cmp.errors import InputError

MAX_FILE_BYTES = 200 * 1024 * 1024  # one input file (a text or a table) read whole: bounded memory

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: Path, encoding: str | None = None) -> str:
    """The file's text. Offsets downstream index this string (a BOM is not part of it)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path), f"file is {size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read file") from None
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(str(path), f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                problem = f"not valid {codec} despite its byte-order mark (byte {exc.start})"
                raise InputError(str(path), problem) from None
    if b"\x00" in data:
        raise InputError(str(path), "binary data or UTF-16 without a byte-order mark; pass --encoding")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at {exc.start}); pass --encoding, e.g. cp1252"
        ) from None
