"""Output writers, registered in one place: format name -> writer class.

``csv``: sentences.csv + documents.csv; ``jsonl``: flags.jsonl + sentences.jsonl; ``html``: report.html;
``findings``: findings.csv (one row per finding keyed by fingerprint, for git review); ``junit``: junit.xml;
``sarif``: results.sarif (SARIF 2.1.0). ``junit`` and ``sarif`` take the run's :class:`translate_cmp.writers.gate.Gate`.
``po``, ``po-fuzzy``, ``xliff``, ``tmx``: annotated copies of the localisation files read (writers/annotated.py).
``run.json`` is always written, last. Every file is written to a temporary file in the output folder
and renamed into place when the run closes (see :mod:`translate_cmp.writers.run_writer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.records import DocumentResult
from translate_cmp.writers.annotated import ANNOTATED_WRITERS
from translate_cmp.writers.atomic import remove_stale_temps
from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.confine import LinkRefused
from translate_cmp.writers.csv_out import CsvWriter, read_documents_csv, read_sentences_csv
from translate_cmp.writers.findings_csv import FindingsCsvWriter
from translate_cmp.writers.gate import Gate
from translate_cmp.writers.html_report import HtmlReportWriter
from translate_cmp.writers.jsonl_out import JsonlWriter
from translate_cmp.writers.junit_out import JunitWriter
from translate_cmp.writers.one_row import one_row
from translate_cmp.writers.publish import recover
from translate_cmp.writers.rows import Prepared, doc_rows
from translate_cmp.writers.run_writer import RunWriter
from translate_cmp.writers.sarif_out import SarifWriter

WRITERS: dict[str, type[FormatWriter]] = {
    w.format: w for w in (
        CsvWriter, JsonlWriter, HtmlReportWriter, FindingsCsvWriter, JunitWriter, SarifWriter, *ANNOTATED_WRITERS,
    )
}
DEFAULT_FORMATS = ("csv", "jsonl", "html")

__all__ = [
    "DEFAULT_FORMATS",
    "WRITERS",
    "FormatWriter",
    "RunWriter",
    "open_writers",
    "parse_formats",
    "prepare",
    "prepare_batch",
    "read_documents_csv",
    "read_sentences_csv",
]


def parse_formats(formats: str | Iterable[str]) -> list[str]:
    """``"csv,html"`` or ``["csv", "html"]`` -> known format names, each once, in the given order."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    names = list(dict.fromkeys(f.strip().lower() for f in items if f.strip()))
    unknown = [f for f in names if f not in WRITERS]
    if unknown:
        raise InputError("--format", f"unknown format {', '.join(unknown)} (choose from {', '.join(WRITERS)})")
    return names


def prepare(result: DocumentResult, formats: Sequence[str]) -> Prepared:
    """What the writers make of ``result``, made ahead (in a pool worker): its rows, summary and fingerprints, and
    the text of ``formats`` (each one whose writer renders ahead, :attr:`RunWriter.ahead`). Set it as
    ``result.prepared``: :meth:`RunWriter.write` then only appends that text (the same bytes it would render)."""
    if len(result.sentences) == 1 and _ONE_PASS.issuperset(formats):
        one = one_row(result, "csv" in formats, "jsonl" in formats)
        if one is not None:
            summary, fps, csv_text, jsonl_text = one
            return Prepared(None, summary, fps, {f: csv_text if f == "csv" else jsonl_text for f in formats})
    rows = doc_rows(result)
    return Prepared(_groups(result, rows), rows.summary, rows.fingerprints,
                    {f: WRITERS[f].render(rows) for f in formats})


_ONE_PASS = frozenset({"csv", "jsonl"})  # the formats writers.one_row renders


def prepare_batch(results: Sequence[DocumentResult], formats: Sequence[str]) -> None:
    """:func:`prepare` of results that will be written one after the other, in this order, with none between them (a
    pool worker's batch), set as their ``prepared``: the first one's carries the text of all of them (one string a
    file, rendered in one go), the others' an empty string a file. Written otherwise (some of them only, or others
    between them), the outputs would be wrong: :func:`prepare` each then."""
    if not results:
        return
    formats = tuple(formats)
    one_pass = _ONE_PASS.issuperset(formats)
    csv, jsonl = "csv" in formats, "jsonl" in formats
    parts: dict[str, list[list[str]]] = {f: [[] for _ in WRITERS[f].file_names] for f in formats}
    csv_parts, jsonl_parts = parts.get("csv"), parts.get("jsonl")
    written = {f: ("",) * len(WRITERS[f].file_names) for f in formats}  # one object: pickled once for the batch
    for result in results:
        one = one_row(result, csv, jsonl) if one_pass and len(result.sentences) == 1 else None
        if one is not None:  # most of them: a table's rows
            summary, fps, csv_text, jsonl_text = one
            if csv:
                csv_parts[0].append(csv_text[0])
                csv_parts[1].append(csv_text[1])
            if jsonl:
                jsonl_parts[0].append(jsonl_text[0])
                jsonl_parts[1].append(jsonl_text[1])
            result.prepared = Prepared(None, summary, fps, written)
            continue
        rows = doc_rows(result)
        for f in formats:
            for part, text in zip(parts[f], WRITERS[f].render(rows), strict=True):
                part.append(text)
        result.prepared = Prepared(_groups(result, rows), rows.summary, rows.fingerprints, written)
    first = results[0].prepared
    results[0].prepared = first._replace(rendered={f: tuple("".join(p) for p in parts[f]) for f in formats})


def _groups(result: DocumentResult, rows) -> list | None:
    """The groups to send (None: one result, grouped again for less than its pickle costs, rows.prepared_rows)."""
    return None if len(result.sentences) == 1 else rows.groups


def open_writers(
    out_dir: Path | str,
    formats: str | Iterable[str] = DEFAULT_FORMATS,
    *,
    rule_docs: RuleDocs | None = None,
    report_top_n: int = 200,
    gate: Gate | None = None,
) -> RunWriter:
    """Create ``out_dir`` if needed and open a temporary file per output; use the result as a context manager."""
    out = Path(out_dir)
    names = parse_formats(formats)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "output path exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(out), f"cannot create output folder ({exc.strerror})") from exc
    recover(out)  # a run killed while renaming: finish it first (its temporary files are the new set)
    remove_stale_temps(out)
    writers: list[FormatWriter] = []
    try:
        for name in names:
            cls = WRITERS[name]
            if cls is HtmlReportWriter:
                writers.append(cls(out, top_n=report_top_n))
            elif cls in (JunitWriter, SarifWriter):
                writers.append(cls(out, gate=gate))
            else:
                writers.append(cls(out))
    except LinkRefused:
        for w in writers:
            w.abort()
        raise  # a link where the run writes a folder: an environment error naming it (exit 4)
    except OSError as exc:
        for w in writers:
            w.abort()
        raise InputError(str(out), f"cannot write output files ({exc.strerror})") from exc
    return RunWriter(out, writers, rule_docs)
