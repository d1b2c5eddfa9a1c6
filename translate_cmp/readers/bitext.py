"""Bitext tables: CSV, TSV or JSON Lines with a source and a target column, one unit per row.

``--target-column`` names the translation (the text checked), ``--source-column`` its source, ``--id-column``
the unit id (default: the row number). Languages: ``--target-lang``/``--source-lang``; without
``--target-lang`` the file's language is detected once over its targets, never row by row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.decode import read_text
from translate_cmp.readers.jsonl import check_unicode, parse_line
from translate_cmp.readers.table_encoding import table_encoding
from translate_cmp.readers.units import file_language, primary_lang, unit_document
from translate_cmp.records import Document, Unit


def _rows(path: Path, options: ReadOptions) -> list[dict]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for number, line in enumerate(read_text(path, options.encoding).splitlines(), start=1):
            if not line.strip():
                continue
            obj = parse_line(line, f"{path}: line {number}")
            if not isinstance(obj, dict):
                raise InputError(f"{path}: line {number}", f"not a JSON object but {type(obj).__name__}")
            rows.append({**obj, "__line__": number})
        return rows
    import pandas as pd

    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    codec = table_encoding(path, options.encoding).codec  # detected per file, like text files
    try:
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding=codec)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid {codec} (byte {exc.start}); pass --encoding") from None
    except pd.errors.EmptyDataError:
        raise InputError(str(path), "empty table") from None
    except (pd.errors.ParserError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(str(path), f"cannot parse table: {first}") from None
    return [{**row, "__line__": i + 2} for i, row in enumerate(frame.to_dict("records"))]  # line 1: the header


def _cell(row: dict, column: str | None, path: Path) -> str:
    if column is None:
        return ""
    if column not in row:
        keys = ", ".join(k for k in list(row)[:8] if k != "__line__")
        raise InputError(f"{path}: line {row['__line__']}", f"no column {column!r}; columns are: {keys}")
    value = row[column]
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{path}: line {row['__line__']}", f"{column!r} is {type(value).__name__}, not text")
    check_unicode(value, f"{path}: line {row['__line__']}", repr(column))
    return value


def read_bitext(path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
    rows = _rows(path, options)
    targets = [_cell(r, options.target_column, path) for r in rows]
    target_lang = primary_lang(options.target_lang or "") or file_language(t for t in targets if t.strip())
    source_lang = primary_lang(options.source_lang or "")
    seen: dict[str, int] = {}
    for number, (row, target) in enumerate(zip(rows, targets), start=1):
        ident = str(row.get(options.id_column) or "") if options.id_column else ""
        ident = ident or str(number)
        check_unicode(ident, f"{path}: line {row['__line__']}", "the id")
        if ident in seen:
            raise InputError(f"{path}: line {row['__line__']}", f"duplicate id {ident!r} (first in row {seen[ident]})")
        seen[ident] = number
        if not target.strip():
            continue  # untranslated
        unit = Unit(ident, _cell(row, options.source_column, path), source_lang, target_lang, fmt="table",
                    file=str(path), file_id=doc_id, line=row["__line__"])
        yield unit_document(unit, target)
