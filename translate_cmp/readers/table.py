"""Tables (CSV, TSV, JSON Lines): each row is a document; ``--text-column`` names the text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translate_cmp.errors import InputError, show_path
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.jsonl import read_jsonl
from translate_cmp.readers.table_encoding import table_encoding
from translate_cmp.records import Document

CHUNK_ROWS = 2000


class TableReader:
    suffixes = (".csv", ".tsv", ".jsonl", ".ndjson")

    def _chunks(self, path: Path, options: ReadOptions, encoding: str):
        import pandas as pd  # here, not at the top: ~0.5 s at every start of `translate-cmp run` otherwise

        if path.suffix.lower() in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False, chunksize=CHUNK_ROWS, encoding=encoding)
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        # dtype object: every cell as the parser's own str (dtype str would make pandas' string arrays first, ~1 us
        # a row more to read back as str with tolist(); no cell is converted either way)
        return pd.read_csv(
            path, sep=sep, dtype=object, keep_default_na=False, chunksize=CHUNK_ROWS, encoding=encoding
        )

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        import pandas as pd

        if options.target_column:  # a bitext table: one localisation unit per row
            from translate_cmp.readers.bitext import read_bitext

            yield from read_bitext(path, doc_id, options)
            return
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from read_jsonl(path, doc_id, options)
            return
        text_col = options.text_column or "text"
        row = 0
        where = str(path)  # a row's path is "<file>:<row>": the file's name made once, not a row
        seen: dict[str, int] = {}
        enc = table_encoding(path, options.encoding)  # detected per file, like text files
        try:
            for chunk in self._chunks(path, options, enc.codec):
                if text_col not in chunk.columns:
                    have = ", ".join(map(show_path, chunk.columns[:8]))  # a column name may hold a newline
                    hint = "" if options.text_column else " (pass --text-column)"
                    raise InputError(str(path), f"no column {text_col!r}{hint}; columns are: {have}")
                if options.id_column and options.id_column not in chunk.columns:
                    raise InputError(str(path), f"no id column {options.id_column!r}")
                texts = chunk[text_col].tolist()
                ids = chunk[options.id_column].tolist() if options.id_column else [None] * len(texts)
                for text, ident in zip(texts, ids):
                    row += 1
                    if text is None or (isinstance(text, float) and text != text):
                        text = ""
                    name = str(ident) if ident is not None and str(ident) != "" else f"{doc_id}:{row}"
                    if options.id_column:  # names made of the row number are distinct: not remembered
                        if name in seen:
                            raise InputError(f"{path}: row {row}", f"duplicate id {name!r} (first in row {seen[name]})")
                        seen[name] = row
                    yield Document(name, f"{where}:{row}", str(text), enc.recorded)
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not valid {enc.codec} (byte {exc.start}); pass --encoding") from None
        except (pd.errors.ParserError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(str(path), f"cannot parse table: {first}") from None
        except pd.errors.EmptyDataError:
            raise InputError(str(path), "empty table") from None
