"""Flatten one DocumentResult into the rows every writer shares (pure functions, no I/O).

Several pivots: the pipeline hands one :class:`SentenceResult` per (sentence, pivot), consecutive and
primary pivot first, all sharing the same ``Sentence`` (and, normally, the same flag list). The writers
then write **one ``sentences.csv`` row per (sentence, pivot)** -- ``(doc_id, sent_id, pivot_lang)`` is
the row key -- while sentence counts, ``flags.jsonl`` and the report count each sentence once (flags
are de-duplicated per sentence). With one pivot, or engine ``none``, that is one row per sentence.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from translate_cmp.records import DocumentResult, Flag, SentenceResult, Severity, Unit
from translate_cmp.writers.fingerprint import fingerprints

SENTENCE_COLUMNS: tuple[str, ...] = (
    "doc_id", "sent_id", "start", "end", "lang", "text", "pivot_lang", "pivot_text", "back_text",
    "chrf", "bleu", "ter", "diff", "flags", "risk", "unknown", "unit_state",
)  # fmt: skip
SENTENCE_OPTIONAL_COLUMNS = frozenset({"unknown", "unit_state"})  # added later: runs written before it still read back
_SENTENCE_VALUES = operator.attrgetter(*SENTENCE_COLUMNS)  # one C call per row, in column order
SENTENCE_INT_COLUMNS = frozenset({"sent_id", "start", "end"})
SENTENCE_FLOAT_COLUMNS = frozenset({"chrf", "bleu", "ter", "risk"})

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "path", "lang", "lang_prob", "n_sentences", "n_flagged", "mean_chrf", "max_risk",
    "n_error", "n_warning", "n_info", "n_flags", "mean_bleu", "mean_ter", "pivots", "encoding", "error",
)  # fmt: skip
DOCUMENT_INT_COLUMNS = frozenset({"n_sentences", "n_flagged", "n_error", "n_warning", "n_info", "n_flags"})
DOCUMENT_FLOAT_COLUMNS = frozenset({"lang_prob", "mean_chrf", "max_risk", "mean_bleu", "mean_ter"})

FLAG_FIELDS: tuple[str, ...] = ("doc_id", "sent_id", "code", "severity", "start", "end", "message", "fingerprint")

SCORE_DECIMALS = 4


def _num(value: float | None) -> float | None:
    """Round for output; ``None`` and NaN become ``None`` (an empty cell)."""
    if value is None or math.isnan(value):
        return None
    return round(float(value), SCORE_DECIMALS)


@dataclass(frozen=True)
class SentenceRow:
    """One ``sentences.csv`` row; ``None`` is an empty cell."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    lang: str
    text: str
    pivot_lang: str
    pivot_text: str
    back_text: str
    chrf: float | None
    bleu: float | None
    ter: float | None
    diff: str
    flags: str
    risk: float
    unknown: str = ""  # words of the sentence the engine did not know (Apertium), ";"-separated, in order
    unit_state: str = ""  # localisation units only (unit_state()); "" for articles

    def values(self) -> tuple:
        return _SENTENCE_VALUES(self)


@dataclass
class SentenceGroup:
    """Every row of one sentence (one per pivot) and its de-duplicated flags."""

    results: list[SentenceResult]
    flags: list[Flag]

    @property
    def first(self) -> SentenceResult:
        return self.results[0]

    @property
    def risk(self) -> float:
        results = self.results
        return results[0].risk if len(results) == 1 else max(r.risk for r in results)


@dataclass
class DocRows:
    """Everything the writers need from one document, computed once."""

    result: DocumentResult
    # one tuple of values a sentences.csv row, in SENTENCE_COLUMNS order (sentence_values; no SentenceRow objects);
    # empty when a pool worker rendered the formats that read them (``rendered``, Prepared)
    rows: list[tuple]
    groups: list[SentenceGroup]
    summary: dict = field(default_factory=dict)  # one documents.csv row, keyed by DOCUMENT_COLUMNS
    fingerprints: list[str] = field(default_factory=list)  # one per flag, in ``flags`` order
    # format -> its files' text for this document (FormatWriter.render), made ahead by a pool worker
    rendered: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def flags(self) -> Iterator[Flag]:
        for group in self.groups:
            yield from group.flags

    def findings(self) -> Iterator[tuple[Flag, str, SentenceGroup]]:
        """Every flag with its fingerprint (:mod:`translate_cmp.writers.fingerprint`) and its sentence, in order."""
        fps = iter(self.fingerprints or flag_fingerprints(self.groups))
        for group in self.groups:
            for flag in group.flags:
                yield flag, next(fps), group


def flag_codes(flags: list[Flag]) -> str:
    """The ``flags`` cell: codes that fired, ``;``-separated, each once, in order of first appearance."""
    return ";".join(dict.fromkeys(f.code for f in flags))


def unit_state(unit: Unit | None) -> str:
    """The ``unit_state`` cell: ``fuzzy`` (PO fuzzy flag; XLIFF needs-review-*/initial, see the readers),
    ``template`` (a POT msgid), ``translated`` (any other checked unit), ``""`` for a document that is no unit."""
    if unit is None:
        return ""
    if unit.fmt == "pot":
        return "template"
    return "fuzzy" if unit.fuzzy else "translated"


def sentence_values(result: SentenceResult, doc_lang: str, state: str = "", risk: float | None = None) -> tuple:
    """One ``sentences.csv`` row's values in :data:`SENTENCE_COLUMNS` order (``SentenceRow.values()``), made
    without the row object: what the writers render. ``risk``: the ``risk`` cell when the caller has it."""
    s = result.sentence
    rt = result.round_trip
    sc = result.scores
    if risk is None:
        risk = _num(result.risk) or 0.0
    flags = flag_codes(result.flags) if result.flags else ""
    if rt is None:
        if sc is None:
            return (s.doc_id, s.sent_id, s.start, s.end, s.lang or doc_lang, s.text, "", "", "", None, None, None,
                    "", flags, risk, "", state)
        return (s.doc_id, s.sent_id, s.start, s.end, s.lang or doc_lang, s.text, "", "", "", _num(sc.chrf),
                _num(sc.bleu), _num(sc.ter), "", flags, risk, "", state)
    return (s.doc_id, s.sent_id, s.start, s.end, s.lang or doc_lang, s.text, rt.pivot_lang, rt.pivot_text,
            rt.back_text, _num(sc.chrf) if sc else None, _num(sc.bleu) if sc else None,
            _num(sc.ter) if sc else None, result.diff, flags, risk, ";".join(rt.unknown), state)


def sentence_row(result: SentenceResult, doc_lang: str, state: str = "") -> SentenceRow:
    return SentenceRow(*sentence_values(result, doc_lang, state))


def group_sentences(results: list[SentenceResult]) -> list[SentenceGroup]:
    """Group the (sentence, pivot) results of a document by sentence, in sentence order."""
    if len(results) == 1:  # a table row's one sentence and pivot: nothing to sort or merge
        return [SentenceGroup([results[0]], list(dict.fromkeys(results[0].flags)))]
    by_id: dict[int, SentenceGroup] = {}
    seen: dict[int, set[Flag]] = {}
    for r in sorted(results, key=lambda r: r.sentence.sent_id):  # stable: pivot order kept
        group = by_id.get(r.sentence.sent_id)
        if group is None:
            group = by_id[r.sentence.sent_id] = SentenceGroup([], [])
            seen[r.sentence.sent_id] = set()
        group.results.append(r)
        known = seen[r.sentence.sent_id]
        for flag in r.flags:
            if flag not in known:  # a set: one over-long sentence can carry thousands of flags
                known.add(flag)
                group.flags.append(flag)
    return list(by_id.values())


def _mean(values: list[float]) -> float | None:
    return _num(sum(values) / len(values)) if values else None


def document_summary(result: DocumentResult, groups: list[SentenceGroup]) -> dict:
    """One ``documents.csv`` row. Means run over every scored (sentence, pivot) row."""
    scored = [r.scores for g in groups for r in g.results if r.scores is not None]
    flagged = [g.flags for g in groups if g.flags]
    return _summary(result, len(groups), [f for flags in flagged for f in flags], scored,
                    _num(max((g.risk for g in groups), default=0.0)), ";".join(
                        dict.fromkeys(r.round_trip.pivot_lang for g in groups for r in g.results if r.round_trip)),
                    len(flagged))


def _summary(result: DocumentResult, n_sentences: int, flags: list[Flag], scored: list, max_risk: float | None,
             pivots: str, n_flagged: int | None = None) -> dict:
    """The ``documents.csv`` row of :func:`document_summary` from its counts: ``flags`` those of its sentences (each
    counted by severity), ``max_risk`` rounded (:func:`_num`), ``n_flagged`` 1 if any flag when not given."""
    document = result.document
    if flags:
        severities = Counter([f.severity for f in flags])
        n_error, n_warning, n_info = (severities.get(Severity.ERROR, 0), severities.get(Severity.WARNING, 0),
                                      severities.get(Severity.INFO, 0))
    else:
        n_error = n_warning = n_info = 0
    return {
        "doc_id": document.doc_id,
        "path": document.path,
        "lang": result.lang,
        "lang_prob": _num(result.lang_prob),
        "n_sentences": n_sentences,
        "n_flagged": (1 if flags else 0) if n_flagged is None else n_flagged,
        "mean_chrf": _mean([s.chrf for s in scored if not math.isnan(s.chrf)]) if scored else None,
        "max_risk": max_risk,
        "n_error": n_error,
        "n_warning": n_warning,
        "n_info": n_info,
        "n_flags": len(flags),
        "mean_bleu": _mean([s.bleu for s in scored if not math.isnan(s.bleu)]) if scored else None,
        "mean_ter": _mean([s.ter for s in scored if not math.isnan(s.ter)]) if scored else None,
        "pivots": pivots,
        "encoding": document.encoding,
        "error": "",
    }


def error_summary(doc_id: str, path: str, problem: str) -> dict:
    """The ``documents.csv`` row of a file that could not be read: counts 0, scores empty, ``error`` set."""
    row: dict = dict.fromkeys(DOCUMENT_COLUMNS, "")
    row.update(dict.fromkeys(DOCUMENT_FLOAT_COLUMNS))
    row.update(dict.fromkeys(DOCUMENT_INT_COLUMNS, 0))
    row.update(doc_id=doc_id, path=path, error=problem)
    return row


def flag_record(flag: Flag, fingerprint: str | None = None) -> dict:
    """One ``flags.jsonl`` object (``fingerprint`` left out when not given)."""
    record = {
        "doc_id": flag.doc_id,
        "sent_id": flag.sent_id,
        "code": flag.code,
        "severity": str(flag.severity),
        "start": flag.start,
        "end": flag.end,
        "message": flag.message,
    }
    if fingerprint is not None:
        record["fingerprint"] = fingerprint
    return record


def flag_fingerprints(groups: list[SentenceGroup]) -> list[str]:
    """One fingerprint per flag of the groups, in order (:mod:`translate_cmp.writers.fingerprint`)."""
    if not any(g.flags for g in groups):  # most sentences: nothing to key
        return []
    return fingerprints((f.code, f.doc_id, g.first.sentence.text) for g in groups for f in g.flags)


FLAGS_CELL = SENTENCE_COLUMNS.index("flags")  # a row's ``flags`` cell, in its values


class Prepared(NamedTuple):
    """A :class:`DocRows` less its result and its rows, made in a pool worker and sent back on the result
    (``DocumentResult.prepared``): the main process then neither builds the rows nor renders the formats
    whose text came with it. The rows stay behind (only the formats that render ahead read them). A tuple,
    not an object with a ``__dict__``: one of them a row crosses the process boundary, cheaply unpickled.

    ``groups`` is None for a document of one (sentence, pivot) result: :func:`group_sentences` makes them again
    for less than it costs to send them. ``rendered`` may hold the text of several documents written one after
    the other (a worker's batch, :func:`translate_cmp.writers.prepare_batch`): the first of them carries it all,
    the others :data:`BATCHED` (nothing more to write)."""

    groups: list[SentenceGroup] | None
    summary: dict
    fingerprints: list[str]
    rendered: dict[str, tuple[str, ...]]


def prepared_rows(result: DocumentResult, rendered: frozenset[str]) -> DocRows:
    """The document's rows: those a worker prepared (``result.prepared``) when it rendered each format of
    ``rendered`` (the formats that read the rows, which it leaves behind), else :func:`doc_rows`."""
    p = result.prepared
    if p is None or not p.rendered.keys() >= rendered:
        return doc_rows(result)
    groups = p.groups
    if groups is None:
        groups = group_sentences(result.sentences)
    return DocRows(result, [], groups, p.summary, p.fingerprints, p.rendered)


def doc_rows(result: DocumentResult) -> DocRows:
    """Rows, sentence groups and the summary of one document."""
    if len(result.sentences) == 1:
        return _one_row(result, result.sentences[0])
    return _rows(result)


def _rows(result: DocumentResult) -> DocRows:
    """:func:`doc_rows` of any document (the general path)."""
    groups = group_sentences(result.sentences)
    state = unit_state(result.document.unit)
    lang = result.lang
    rows = [sentence_values(r, lang, state) for g in groups for r in g.results]
    return DocRows(result=result, rows=rows, groups=groups, summary=document_summary(result, groups),
                   fingerprints=flag_fingerprints(groups))


def _one_row(result: DocumentResult, r: SentenceResult) -> DocRows:
    """:func:`doc_rows` of a document of one (sentence, pivot) result (a table's row), without the loops: one group,
    the risk rounded once for its row and the summary (tests/test_writers.py compares it with the general path)."""
    flags = list(dict.fromkeys(r.flags)) if r.flags else []
    risk = _num(r.risk)
    document = result.document
    rt = r.round_trip
    summary = _summary(result, 1, flags, [r.scores] if r.scores is not None else [], risk,
                       rt.pivot_lang if rt else "")
    values = sentence_values(r, result.lang, unit_state(document.unit) if document.unit is not None else "",
                             risk or 0.0)
    fps = fingerprints([(f.code, f.doc_id, r.sentence.text) for f in flags]) if flags else []
    return DocRows(result, [values], [SentenceGroup([r], flags)], summary, fps)
