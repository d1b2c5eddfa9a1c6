"""The bounded state behind report.html: worst-N heap, histograms, per-rule counts.

Memory does not grow with the number of documents: the heap holds at most ``top_n`` sentences
(texts clipped to ``MAX_TEXT`` characters), the document table at most ``top_docs`` rows, and the
counters one entry per rule code or histogram bin.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field

from translate_cmp.writers.rows import DocRows, SentenceGroup

MAX_TEXT = 1500  # characters of a sentence (or its translations) kept for the report
MAX_DIFF = 3000


@dataclass(frozen=True)
class FlagView:
    code: str
    severity: str
    start: int  # relative to the (clipped) sentence text
    end: int
    message: str
    doc_start: int = 0  # document offsets, as in flags.jsonl
    doc_end: int = 0


@dataclass(frozen=True)
class PivotView:
    pivot_lang: str
    pivot_text: str
    back_text: str
    diff: str
    chrf: float | None
    bleu: float | None
    ter: float | None
    aligned: tuple[int, ...] = ()  # compare mode: the translation's sentence ids


@dataclass(frozen=True)
class ReportItem:
    doc_id: str
    path: str
    sent_id: int
    start: int
    end: int
    lang: str
    text: str
    clipped: bool
    risk: float
    flags: tuple[FlagView, ...]
    pivots: tuple[PivotView, ...]


@dataclass
class Histogram:
    """Counts in ``len(bins)`` equal bins over ``[lo, hi]``; the top edge falls in the last bin."""

    lo: float
    hi: float
    bins: list[int] = field(default_factory=lambda: [0] * 10)

    def add(self, value: float | None) -> None:
        if value is None or math.isnan(value):
            return
        n = len(self.bins)
        i = int((value - self.lo) / (self.hi - self.lo) * n)
        self.bins[min(max(i, 0), n - 1)] += 1

    @property
    def total(self) -> int:
        return sum(self.bins)


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[:limit]


def report_item(doc: DocRows, group: SentenceGroup) -> ReportItem:
    s = group.first.sentence
    text = _clip(s.text)
    flags = tuple(
        FlagView(
            code=f.code,
            severity=str(f.severity),
            start=min(max(f.start - s.start, 0), len(text)),
            end=min(max(f.end - s.start, 0), len(text)),
            message=f.message,
            doc_start=f.start,
            doc_end=f.end,
        )
        for f in group.flags
    )
    pivots = tuple(
        PivotView(
            pivot_lang=r.round_trip.pivot_lang,
            pivot_text=_clip(r.round_trip.pivot_text),
            back_text=_clip(r.round_trip.back_text),
            diff=_clip(r.diff, MAX_DIFF),
            chrf=r.scores.chrf if r.scores else None,
            bleu=r.scores.bleu if r.scores else None,
            ter=r.scores.ter if r.scores else None,
            aligned=tuple(getattr(r.round_trip, "aligned", ()) or ()),
        )
        for r in group.results
        if r.round_trip is not None
    )
    return ReportItem(
        doc_id=s.doc_id,
        path=doc.result.document.path,
        sent_id=s.sent_id,
        start=s.start,
        end=s.end,
        lang=s.lang or doc.result.lang,
        text=text,
        clipped=len(text) < len(s.text),
        risk=group.risk,
        flags=flags,
        pivots=pivots,
    )


class ReportState:
    """Everything report.html shows, accumulated document by document in bounded memory."""

    def __init__(self, top_n: int = 200, top_docs: int = 50):
        self.top_n = top_n
        self.top_docs = top_docs
        self.documents = 0
        self.sentences = 0
        self.flagged = 0
        self.scored_rows = 0
        self.flags_by_code: Counter[str] = Counter()
        self.sentences_by_code: Counter[str] = Counter()
        self.severity_of: dict[str, str] = {}
        self.flags_by_severity: Counter[str] = Counter()
        self.chrf = Histogram(0.0, 100.0)
        self.risk = Histogram(0.0, 1.0)
        self.pivots: dict[str, None] = {}
        self._added = 0  # entries made for a heap so far: the tie-breaker's sequence
        # min-heaps; the tie-breaker -seq keeps the earlier sentence when risks are equal
        self._worst: list[tuple[float, int, ReportItem]] = []
        self._docs: list[tuple[tuple, int, dict]] = []

    def add(self, doc: DocRows) -> None:
        self.documents += 1
        worst, docs = self._worst, self._docs
        for group in doc.groups:
            flags = group.flags
            results = group.results
            risk = results[0].risk if len(results) == 1 else group.risk
            self.sentences += 1
            self.risk.add(risk)
            if flags:
                self.flagged += 1
                for flag in flags:
                    severity = str(flag.severity)
                    self.flags_by_code[flag.code] += 1
                    self.flags_by_severity[severity] += 1
                    self.severity_of.setdefault(flag.code, severity)
                for code in dict.fromkeys(f.code for f in flags):
                    self.sentences_by_code[code] += 1
            for r in results:
                if r.round_trip is not None:
                    self.pivots.setdefault(r.round_trip.pivot_lang)
                if r.scores is not None:
                    self.scored_rows += 1
                    self.chrf.add(r.scores.chrf)
            if flags or risk > 0:
                key = (bool(flags), risk)  # any flagged sentence (info too) above unflagged ones
                if len(worst) < self.top_n or not key <= worst[0][0]:  # _push's test first: most end here
                    self._push(worst, self.top_n, key, report_item, doc, group)
        s = doc.summary
        key = (s["max_risk"] or 0.0, s["n_error"], s["n_flags"])
        if len(docs) < self.top_docs or not key <= docs[0][0]:
            self._push(docs, self.top_docs, key, dict, s)

    def _push(self, heap: list, limit: int, key, make, *args) -> None:
        """Keep ``make(*args)`` under ``key`` if it is among the ``limit`` greatest (made only then)."""
        if len(heap) >= limit and key <= heap[0][0]:
            return  # an earlier entry wins a tie (its -seq is greater): most documents and sentences end here
        self._added += 1
        seq = -self._added
        if len(heap) < limit:
            heapq.heappush(heap, (key, seq, make(*args)))
        elif (key, seq) > heap[0][:2]:
            heapq.heapreplace(heap, (key, seq, make(*args)))

    def merge(self, other: ReportState) -> None:
        """Add what ``other`` holds, as if its documents were added here one by one after every one so far: a pool
        worker's batch (translate_cmp.writers.batch), its state made with the same limits. Its heaps hold every
        entry of its documents that can be among this state's greatest (the rest lose to their own neighbours)."""
        self.documents += other.documents
        self.sentences += other.sentences
        self.flagged += other.flagged
        self.scored_rows += other.scored_rows
        self.flags_by_code.update(other.flags_by_code)  # keys in the order first met, as add would have them
        self.sentences_by_code.update(other.sentences_by_code)
        self.flags_by_severity.update(other.flags_by_severity)
        for code, severity in other.severity_of.items():
            self.severity_of.setdefault(code, severity)
        for mine, theirs in ((self.chrf, other.chrf), (self.risk, other.risk)):
            mine.bins = [a + b for a, b in zip(mine.bins, theirs.bins, strict=True)]
        for pivot in other.pivots:
            self.pivots.setdefault(pivot)
        for heap, limit, entries in ((self._worst, self.top_n, other._worst), (self._docs, self.top_docs, other._docs)):
            for key, _, item in sorted(entries, key=lambda t: t[1], reverse=True):  # in the order they were added
                self._push(heap, limit, key, _same, item)

    def worst(self) -> list[ReportItem]:
        """The kept sentences: flagged first, then highest risk (document order among equal risks)."""
        return [item for _, _, item in sorted(self._worst, key=lambda t: (t[0], t[1]), reverse=True)]

    def top_documents(self) -> list[dict]:
        return [doc for _, _, doc in sorted(self._docs, key=lambda t: (t[0], t[1]), reverse=True)]


def _same(item):
    return item
