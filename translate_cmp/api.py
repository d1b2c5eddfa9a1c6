"""The public Python API: ``translate_cmp.check(...)`` -> a DataFrame (or records) of findings.

::

    import translate_cmp
    frame = translate_cmp.check(["articles/", "Olaf ScholzSaid hello."])            # paths and texts
    frame = translate_cmp.check({"greeting": "Olaf ScholzSaid hello."}, engine="none")  # id -> text
    records = translate_cmp.check("news.txt", as_frame=False)                          # list of dicts

Each finding has the ``flags.jsonl`` fields (``doc_id, sent_id, code, severity, start, end, message,
fingerprint``) plus ``path`` and the sentence ``text``; offsets index the document's text. The same
readers, engines, rules and fingerprints as ``translate-cmp run``; nothing is written to disk (the
translation cache only when ``cache=True``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate_cmp.records import Document

if TYPE_CHECKING:
    import pandas as pd

FINDING_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "code", "severity", "start", "end", "message", "fingerprint", "path", "text",
)  # fmt: skip

Inputs = str | Path | Document | Mapping[str, str] | Iterable["str | Path | Document"]


def _documents(inputs: Inputs, read_options) -> Iterator[Document]:
    """Paths (``Path``, or a string naming an existing file or folder) are read with the readers;
    other strings are texts (doc_id ``text-N``); a mapping is doc_id -> text; Documents pass through."""
    from translate_cmp.readers import check_paths, read_documents

    if isinstance(inputs, Mapping):
        for doc_id, text in inputs.items():
            yield Document(str(doc_id), f"<{doc_id}>", str(text))
        return
    items = [inputs] if isinstance(inputs, (str, Path, Document)) else list(inputs)
    for n, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Path) or (isinstance(item, str) and "\n" not in item and Path(item).exists()):
            check_paths([item])
            yield from read_documents([item], read_options)
        elif isinstance(item, str):
            yield Document(f"text-{n}", f"<text-{n}>", item)
        else:
            raise TypeError(f"translate_cmp.check: cannot check a {type(item).__name__}")


def _unique(docs: Iterable[Document]) -> Iterator[Document]:
    from translate_cmp.readers import UniqueIds

    unique = UniqueIds()
    for doc in docs:
        doc_id = unique(doc.doc_id)
        yield doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id)


def check(
    inputs: Inputs,
    engine: str = "none",
    *,
    pivots: Iterable[str] = ("es",),
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    text_column: str | None = None,
    id_column: str | None = None,
    cache: bool = False,
    as_frame: bool = True,
) -> pd.DataFrame | list[dict[str, Any]]:
    """Check texts or files and return their findings, one row per finding, in document order."""
    from translate_cmp.engines import create_engine
    from translate_cmp.engines.routes import plan_entries
    from translate_cmp.pipeline import RunStats
    from translate_cmp.readers import ReadOptions
    from translate_cmp.rules import select_rules
    from translate_cmp.run.executors import Work, WorkSpec, execute
    from translate_cmp.score.metrics import SentenceScorer
    from translate_cmp.writers.rows import doc_rows, flag_record

    if engine == "auto":
        from translate_cmp.engines import auto_engine

        engine_obj, _ = auto_engine()
    else:
        engine_obj = create_engine(engine)
    if cache:
        from translate_cmp.engines.cache import with_cache

        engine_obj = with_cache(engine_obj)
    select_t, ignore_t = (tuple(select) if select else None), (tuple(ignore) if ignore else None)
    rules = select_rules(select_t, ignore_t)
    spec = WorkSpec(engine=engine_obj.name, use_cache=cache, select=select_t, ignore=ignore_t,
                    pivots=tuple(pivots) if "," in engine else plan_entries(engine_obj, tuple(pivots)),
                    strict=engine not in ("auto", "none"), surprisal=False)
    docs = _unique(_documents(inputs, ReadOptions(text_column=text_column, id_column=id_column)))
    records: list[dict[str, Any]] = []
    for result in execute("local", docs, Work(engine_obj, rules, spec, SentenceScorer(), RunStats())):
        rows = doc_rows(result)
        for flag, fp, group in rows.findings():
            records.append(flag_record(flag, fp) | {"path": result.document.path, "text": group.first.sentence.text})
    if not as_frame:
        return records
    import pandas as pd

    return pd.DataFrame(records, columns=list(FINDING_COLUMNS))
