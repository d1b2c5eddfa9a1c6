"""What changed between two runs: sentences, flags, risk and chrF, for review and CI gates.

A run is an output folder with ``sentences.csv`` (or ``sentences.jsonl``) and, optionally,
``flags.jsonl``. Sentences are compared per document (``doc_id``):

* **Matching.** Offsets shift when text changes, so sentences are matched on their text: within a
  document, :class:`difflib.SequenceMatcher` aligns the old and new sentence texts in order. Equal
  texts are *matched* (a repeated sentence matches its counterpart in the same position, not any
  copy). Where both sides have unmatched sentences between the same matched neighbours, they are
  paired in order as *edited* (the text changed); what is left is *added* or *removed*. A document
  present in one run only contributes all its sentences as added or removed.
* **Flags** are matched by fingerprint (:mod:`translate_cmp.writers.fingerprint`) when both runs' ``flags.jsonl``
  carry one: a finding is *raised* when its fingerprint is new and *resolved* when it is gone, so a
  finding on an unchanged sentence never moves whatever else was edited, and a finding on an edited
  sentence counts as resolved and raised (its text is part of its key, as in a baseline). Runs
  written before fingerprints fall back to counting per sentence and code: from ``flags.jsonl`` when
  both runs have it (a code can fire twice in one sentence), else from the ``flags`` column of
  sentences.csv (once per code). For a matched or edited pair, ``raised = max(0, new - old)`` and
  ``resolved = max(0, old - new)`` per code; every flag of an added sentence is raised and every
  flag of a removed one resolved.
* **Risk** per sentence is the highest over its pivot rows; deltas are new minus old over matched
  and edited pairs. **chrF** per document is the mean over its scored rows in each run.

Several pivots: rows are grouped back into sentences by ``(doc_id, sent_id)``; chrF means run over
all pivot rows, as in documents.csv.

Both runs are loaded into memory (sentences.csv through pandas): this is a review tool for runs a
reviewer can read, not a streaming stage.
"""

from __future__ import annotations

import difflib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from translate_cmp.errors import InputError
from translate_cmp.writers.csv_out import read_sentences_csv
from translate_cmp.writers.output_set import read_set
from translate_cmp.writers.rows import SENTENCE_COLUMNS


@dataclass
class SentenceView:
    """One sentence of a run (its pivot rows folded together)."""

    doc_id: str
    sent_id: int
    text: str
    risk: float
    chrf: float | None
    flags: Counter = field(default_factory=Counter)  # code -> count
    messages: dict[str, str] = field(default_factory=dict)  # code -> first message
    fingerprints: dict[str, tuple[str, str]] = field(default_factory=dict)  # fingerprint -> (code, message)


@dataclass
class Run:
    path: Path
    docs: dict[str, list[SentenceView]]  # doc_id -> sentences in order
    has_flags_jsonl: bool
    chrf_by_doc: dict[str, float]  # mean chrF over each document's scored rows
    has_fingerprints: bool = False  # every flags.jsonl object carries a fingerprint

    def mean_chrf(self, doc_id: str) -> float | None:
        return self.chrf_by_doc.get(doc_id)


@dataclass(frozen=True)
class FlagChange:
    doc_id: str
    sent_id: int  # in the run where the flag is (new run for raised, old run for resolved)
    code: str
    count: int
    text: str
    message: str


@dataclass(frozen=True)
class RiskChange:
    doc_id: str
    old_sent_id: int
    new_sent_id: int
    old_risk: float
    new_risk: float
    text: str

    @property
    def delta(self) -> float:
        return self.new_risk - self.old_risk


@dataclass(frozen=True)
class DocChange:
    doc_id: str
    status: str  # "both", "added", "removed"
    old_mean_chrf: float | None
    new_mean_chrf: float | None
    old_flags: int
    new_flags: int

    @property
    def chrf_delta(self) -> float | None:
        if self.old_mean_chrf is None or self.new_mean_chrf is None:
            return None
        return self.new_mean_chrf - self.old_mean_chrf


@dataclass
class RunDiff:
    old: Path
    new: Path
    flag_source: str  # "flags.jsonl" or "sentences.csv flags column"
    # matched (same text), changed (matched, but flags, risk or chrF differ), edited, added, removed
    sentences: Counter = field(default_factory=Counter)
    flags_by_code: dict[str, dict[str, int]] = field(default_factory=dict)  # code -> old/new/raised/resolved
    raised: list[FlagChange] = field(default_factory=list)
    resolved: list[FlagChange] = field(default_factory=list)
    risk_changes: list[RiskChange] = field(default_factory=list)
    documents: list[DocChange] = field(default_factory=list)

    @property
    def n_raised(self) -> int:
        return sum(c.count for c in self.raised)

    @property
    def n_resolved(self) -> int:
        return sum(c.count for c in self.resolved)

    @property
    def exit_code(self) -> int:
        """1 when the new run raised any flag the old run did not have, else 0."""
        return 1 if self.raised else 0

    def to_json(self, limit: int | None = None) -> dict:
        """Everything as plain data; ``limit`` bounds the risk lists (flag lists are always complete)."""
        ups = sorted((c for c in self.risk_changes if c.delta > 0), key=lambda c: -c.delta)
        downs = sorted((c for c in self.risk_changes if c.delta < 0), key=lambda c: c.delta)
        deltas = [c.delta for c in self.risk_changes]
        return {
            "old": str(self.old),
            "new": str(self.new),
            "flag_source": self.flag_source,
            "exit_code": self.exit_code,
            "sentences": {k: self.sentences[k] for k in ("matched", "changed", "edited", "added", "removed")},
            "flags": {
                "raised": self.n_raised,
                "resolved": self.n_resolved,
                "by_code": self.flags_by_code,
                "raised_list": [asdict(c) for c in self.raised],
                "resolved_list": [asdict(c) for c in self.resolved],
            },
            "risk": {
                "pairs": len(deltas),
                "increased": len(ups),
                "decreased": len(downs),
                "mean_delta": _round(sum(deltas) / len(deltas)) if deltas else None,
                "top_increases": [_risk_json(c) for c in ups[:limit]],
                "top_decreases": [_risk_json(c) for c in downs[:limit]],
            },
            "documents": [
                {**asdict(d), "chrf_delta": _round(d.chrf_delta) if d.chrf_delta is not None else None}
                for d in self.documents
            ],
        }


def _round(x: float) -> float:
    return round(x, 4)


def _risk_json(c: RiskChange) -> dict:
    return {**asdict(c), "delta": _round(c.delta)}


# ---------------------------------------------------------------- loading


def _read_sentences(folder: Path) -> pd.DataFrame:
    csv_path = folder / "sentences.csv"
    if csv_path.is_file():
        return read_sentences_csv(csv_path)
    jsonl_path = folder / "sentences.jsonl"
    if jsonl_path.is_file():
        rows = list(_jsonl(jsonl_path))
        frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
        frame["flags"] = frame["flags"].map(lambda v: ";".join(v) if isinstance(v, list) else (v or ""))
        return frame
    raise InputError(str(csv_path), "no such file (not a translate-cmp output folder?)")


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}", f"not JSON ({exc.msg})") from exc


def _float(value: object) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def load_run(folder: Path | str, *, use_flags_jsonl: bool = True) -> Run:
    """Read one output folder (sentences.csv or sentences.jsonl, and flags.jsonl when asked and present).

    Read as one set (:func:`translate_cmp.writers.output_set.read_set`): a run killed while publishing is
    completed first, and files that do not match ``run.json``'s digests are refused."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "no such output folder")
    return read_set(folder, lambda: _load_run(folder, use_flags_jsonl))


def _load_run(folder: Path, use_flags_jsonl: bool) -> Run:
    frame = _read_sentences(folder)
    flags_path = folder / "flags.jsonl"
    has_jsonl = flags_path.is_file()

    docs: dict[str, list[SentenceView]] = {}
    index: dict[tuple[str, int], SentenceView] = {}
    chrf_sum: dict[str, list[float]] = defaultdict(list)
    for row in frame.itertuples(index=False):
        doc_id, sent_id = str(row.doc_id), int(row.sent_id)
        chrf = _float(row.chrf)
        if chrf is not None:
            chrf_sum[doc_id].append(chrf)
        view = index.get((doc_id, sent_id))
        risk = _float(row.risk) or 0.0
        if view is None:
            view = SentenceView(doc_id, sent_id, str(row.text), risk, chrf)
            index[(doc_id, sent_id)] = view
            docs.setdefault(doc_id, []).append(view)
            if not (use_flags_jsonl and has_jsonl):
                for code in filter(None, str(row.flags).split(";")):
                    view.flags[code] = 1
        else:  # another pivot row of the same sentence
            view.risk = max(view.risk, risk)
            if not (use_flags_jsonl and has_jsonl):
                for code in filter(None, str(row.flags).split(";")):
                    view.flags[code] = 1
    all_fingerprinted = use_flags_jsonl and has_jsonl
    if use_flags_jsonl and has_jsonl:
        for obj in _jsonl(flags_path):
            view = index.get((str(obj.get("doc_id")), int(obj.get("sent_id", -1))))
            if view is None:
                continue  # a flag on a sentence the CSV does not have: nothing to pair it with
            code = str(obj.get("code", ""))
            view.flags[code] += 1
            view.messages.setdefault(code, str(obj.get("message", "")))
            if obj.get("fingerprint"):
                view.fingerprints[str(obj["fingerprint"])] = (code, str(obj.get("message", "")))
            else:
                all_fingerprinted = False
    for sentences in docs.values():
        sentences.sort(key=lambda v: v.sent_id)
    return Run(folder, docs, has_jsonl, {d: sum(v) / len(v) for d, v in chrf_sum.items()}, all_fingerprinted)


# ---------------------------------------------------------------- comparing


Pair = tuple[str, "SentenceView | None", "SentenceView | None"]


def _pairs(old: list[SentenceView], new: list[SentenceView]) -> Iterator[Pair]:
    """(kind, old, new) with kind matched / edited / added / removed, in document order."""
    matcher = difflib.SequenceMatcher(a=[s.text for s in old], b=[s.text for s in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                yield "matched", a, b
            continue
        olds, news = old[i1:i2], new[j1:j2]
        paired = min(len(olds), len(news))
        for a, b in zip(olds[:paired], news[:paired], strict=True):
            yield "edited", a, b
        for a in olds[paired:]:
            yield "removed", a, None
        for b in news[paired:]:
            yield "added", None, b


def _msg(view: SentenceView, code: str) -> str:
    return view.messages.get(code, "")


def _by_fingerprint(doc_id: str, old: list[SentenceView], new: list[SentenceView]) -> tuple[list, list]:
    """(raised, resolved) of one document: findings whose fingerprint is only in the new / old run."""
    old_fps = {fp for v in old for fp in v.fingerprints}
    new_fps = {fp for v in new for fp in v.fingerprints}
    raised = [FlagChange(doc_id, v.sent_id, code, 1, v.text, msg)
              for v in new for fp, (code, msg) in v.fingerprints.items() if fp not in old_fps]
    resolved = [FlagChange(doc_id, v.sent_id, code, 1, v.text, msg)
                for v in old for fp, (code, msg) in v.fingerprints.items() if fp not in new_fps]  # fmt: skip
    return raised, resolved


def diff_runs(old_dir: Path | str, new_dir: Path | str) -> RunDiff:
    """Compare two output folders (see the module doc for the rules)."""
    old_dir, new_dir = Path(old_dir), Path(new_dir)
    probe_old, probe_new = (old_dir / "flags.jsonl").is_file(), (new_dir / "flags.jsonl").is_file()
    use_jsonl = probe_old and probe_new
    old = load_run(old_dir, use_flags_jsonl=use_jsonl)
    new = load_run(new_dir, use_flags_jsonl=use_jsonl)
    by_fp = use_jsonl and old.has_fingerprints and new.has_fingerprints
    source = "flags.jsonl fingerprints" if by_fp else ("flags.jsonl" if use_jsonl else "sentences.csv flags column")
    result = RunDiff(old_dir, new_dir, source)
    by_code: dict[str, Counter] = defaultdict(Counter)

    def tally(view: SentenceView, side: str) -> None:
        for code, n in view.flags.items():
            by_code[code][side] += n

    for doc_id in list(dict.fromkeys([*old.docs, *new.docs])):
        old_s, new_s = old.docs.get(doc_id, []), new.docs.get(doc_id, [])
        for view in old_s:
            tally(view, "old")
        for view in new_s:
            tally(view, "new")
        if by_fp:
            raised, resolved = _by_fingerprint(doc_id, old_s, new_s)
            result.raised.extend(raised)
            result.resolved.extend(resolved)
        for kind, a, b in _pairs(old_s, new_s):
            result.sentences[kind] += 1
            if by_fp:
                if a is not None and b is not None:
                    if kind == "matched" and (a.flags != b.flags or abs(a.risk - b.risk) > 1e-9 or a.chrf != b.chrf):
                        result.sentences["changed"] += 1
                    result.risk_changes.append(RiskChange(doc_id, a.sent_id, b.sent_id, a.risk, b.risk, b.text))
            elif a is not None and b is not None:
                for code in sorted(set(a.flags) | set(b.flags)):
                    up, down = b.flags[code] - a.flags[code], a.flags[code] - b.flags[code]
                    if up > 0:
                        result.raised.append(FlagChange(doc_id, b.sent_id, code, up, b.text, _msg(b, code)))
                    if down > 0:
                        result.resolved.append(FlagChange(doc_id, a.sent_id, code, down, a.text, _msg(a, code)))
                if kind == "matched" and (a.flags != b.flags or abs(a.risk - b.risk) > 1e-9 or a.chrf != b.chrf):
                    result.sentences["changed"] += 1
                result.risk_changes.append(RiskChange(doc_id, a.sent_id, b.sent_id, a.risk, b.risk, b.text))
            elif b is not None:
                result.raised.extend(
                    FlagChange(doc_id, b.sent_id, c, n, b.text, _msg(b, c)) for c, n in sorted(b.flags.items())
                )
            elif a is not None:
                result.resolved.extend(
                    FlagChange(doc_id, a.sent_id, c, n, a.text, _msg(a, c)) for c, n in sorted(a.flags.items())
                )
        status = "both" if old_s and new_s else ("removed" if old_s else "added")
        result.documents.append(
            DocChange(
                doc_id,
                status,
                _round(old.mean_chrf(doc_id)) if old.mean_chrf(doc_id) is not None else None,
                _round(new.mean_chrf(doc_id)) if new.mean_chrf(doc_id) is not None else None,
                sum(sum(v.flags.values()) for v in old_s),
                sum(sum(v.flags.values()) for v in new_s),
            )
        )
    for change in result.raised:
        by_code[change.code]["raised"] += change.count
    for change in result.resolved:
        by_code[change.code]["resolved"] += change.count
    result.flags_by_code = {
        code: {k: counts[k] for k in ("old", "new", "raised", "resolved")} for code, counts in sorted(by_code.items())
    }
    return result
