"""JSON Lines tables, read line by line: ids kept as written, errors name the line number.

Each non-blank line is one JSON object and one document. JSON that :mod:`json` cannot read (a syntax
error, nesting deeper than the recursion limit, a 5,000-digit integer) and a text or id holding a lone
surrogate (``"\\ud800"``) are one-line errors naming the line. The id (``--id-column``) is kept as text exactly
as written for strings and integers (``1`` stays ``1``, never ``1.0``); decimals keep their digits; a
missing, empty or null id falls back to ``file:line``. A text that is not a string, an id that is a list,
object or boolean, and a line that is not a JSON object are errors naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.decode import decode_file
from translate_cmp.records import Document


def parse_line(line: str, where: str, **options) -> object:
    """One JSON value; anything :mod:`json` cannot read is a one-line InputError naming ``where``: a syntax
    error, nesting deeper than the interpreter's recursion limit, an integer too long to convert."""
    try:
        return json.loads(line, **options)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "not JSON this tool reads (nested too deeply)") from None
    except ValueError as exc:
        raise InputError(where, f"not JSON this tool reads ({str(exc).split(':')[0]})") from None


def check_unicode(text: str, where: str, what: str) -> None:
    """A JSON ``\\ud800`` escape gives a lone surrogate: not Unicode text, and no encoder writes it. Refused."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(where, f"{what} holds a lone surrogate ({ascii(text[exc.start])[1:-1]}), not valid "
                                "Unicode") from None


def _id_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise TypeError(type(value).__name__)
    return str(value)


def read_jsonl(path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
    text_key = options.text_column or "text"
    seen: dict[str, int] = {}
    decoded = decode_file(path, options.encoding)
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        obj = parse_line(line, where, parse_float=Decimal)
        if not isinstance(obj, dict):
            raise InputError(where, f"not a JSON object but {type(obj).__name__}")
        if text_key not in obj:
            hint = "" if options.text_column else " (pass --text-column)"
            raise InputError(where, f"no key {text_key!r}{hint}; keys are: {', '.join(list(obj)[:8])}")
        text = obj[text_key]
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InputError(where, f"{text_key!r} is {type(text).__name__}, not a string")
        check_unicode(text, where, repr(text_key))
        ident = None
        if options.id_column:
            try:
                ident = _id_text(obj.get(options.id_column))
            except TypeError as exc:
                raise InputError(where, f"id {options.id_column!r} is {exc}, not text or a number") from None
            if ident is not None:
                check_unicode(ident, where, f"id {options.id_column!r}")
        name = ident if ident is not None else f"{doc_id}:{number}"
        if name in seen:
            raise InputError(where, f"duplicate id {name!r} (first on line {seen[name]})")
        seen[name] = number
        yield Document(name, f"{path}:{number}", text, decoded.encoding)
