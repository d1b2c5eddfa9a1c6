"""Round-trip rules (R4xx) on real Apertium output: clean-sentence flag rate and recall, per rule and pivot.

    python benchmarks/roundtrip_quality.py              # markdown table on stdout
    python benchmarks/roundtrip_quality.py --alarms     # also every flag on a clean sentence

Reads benchmarks/roundtrip_sample.tsv (hand-labelled sentences with their pinned Apertium round
trips; rebuild it with benchmarks/roundtrip_sample.py), so no engine is needed. Every document is
flagged by the real flag stage (translate_cmp.rules.flag.flag_document, the product's rules and
thresholds) once per pivot on its own (``es``, ``ca``, ``gl``: the first pivot's round trip is the
only one), and once as ``--pivot es,ca,gl`` runs it (``all``: es first, ca and gl as further pivots).

- clean flag rate: clean sentences the rule flags / clean sentences;
- recall: garbled sentences the rule flags / garbled sentences.

Goal (issue 8): every R rule flags at most 3% of clean sentences.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_cmp.records import Document, Flag, RoundTrip, Sentence  # noqa: E402
from translate_cmp.rules import select_rules  # noqa: E402
from translate_cmp.rules.flag import flag_document  # noqa: E402
from translate_cmp.score.metrics import SentenceScorer  # noqa: E402

SAMPLE = ROOT / "benchmarks" / "roundtrip_sample.tsv"
TARGET_CLEAN_RATE = 0.03
ALL = "all"


@dataclass(frozen=True)
class Row:
    doc_id: str
    sent_id: int
    lang: str
    pivot: str
    text: str
    pivot_text: str
    back_text: str
    label: str
    reason: str


def load(path: Path = SAMPLE) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as f:
        return [Row(r["doc_id"], int(r["sent_id"]), r["lang"], r["pivot"], r["text"], r["pivot_text"],
                    r["back_text"], r["label"], r["reason"]) for r in csv.DictReader(f, delimiter="\t")]


def _document(doc_id: str, texts: list[str]) -> tuple[Document, list[Sentence]]:
    sentences, pos = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(doc_id, i, pos, pos + len(text), text))
        pos += len(text) + 1
    return Document(doc_id, f"{doc_id}.txt", "\n".join(texts)), sentences


def flags_by_mode(rows: list[Row]) -> dict[str, dict[tuple[str, int], list[Flag]]]:
    """mode (a pivot, or 'all') -> (doc_id, sent_id) -> the R4xx flags on the sentence."""
    rules = select_rules(["R4"])
    scorer = SentenceScorer()
    docs: dict[str, dict[int, dict[str, Row]]] = defaultdict(lambda: defaultdict(dict))
    for r in rows:
        docs[r.doc_id][r.sent_id][r.pivot] = r
    out: dict[str, dict[tuple[str, int], list[Flag]]] = defaultdict(dict)
    for doc_id, by_sent in docs.items():
        ids = sorted(by_sent)
        first = by_sent[ids[0]]
        pivots = list(first)  # sample order: es, ca, gl
        lang = next(iter(first.values())).lang
        document, sentences = _document(doc_id, [next(iter(by_sent[i].values())).text for i in ids])
        modes = {p: [p] for p in pivots} | ({ALL: pivots} if len(pivots) > 1 else {})
        for mode, order in modes.items():
            trips = [[RoundTrip(p, by_sent[i][p].pivot_text, by_sent[i][p].back_text) for p in order] for i in ids]
            scores = [scorer.score(t[0].back_text, s.text) for t, s in zip(trips, sentences, strict=True)]
            flags = flag_document(document, lang, sentences, rules, round_trips=[t[0] for t in trips],
                                  scores=scores, extra_round_trips=[t[1:] for t in trips])
            for i, fs in zip(ids, flags, strict=True):
                out[mode][(doc_id, i)] = fs
    return out


@dataclass(frozen=True)
class Cell:
    clean_flagged: int
    clean: int
    garbled_flagged: int
    garbled: int

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0

    @property
    def recall(self) -> float:
        return self.garbled_flagged / self.garbled if self.garbled else 0.0


def table(rows: list[Row], flags: dict[str, dict[tuple[str, int], list[Flag]]]) -> dict[str, dict[str, Cell]]:
    """rule code (and 'any') -> mode -> Cell."""
    labels = {(r.doc_id, r.sent_id): r.label for r in rows}
    codes = [r.code for r in select_rules(["R4"])] + ["any"]
    out: dict[str, dict[str, Cell]] = {c: {} for c in codes}
    for mode, per_sentence in flags.items():
        for code in codes:
            counts = {"clean": [0, 0], "garbled": [0, 0]}
            for key, fired in per_sentence.items():
                hit = bool(fired) if code == "any" else any(f.code == code for f in fired)
                counts[labels[key]][0] += hit
                counts[labels[key]][1] += 1
            out[code][mode] = Cell(*counts["clean"], *counts["garbled"])
    return out


def markdown(cells: dict[str, dict[str, Cell]]) -> str:
    modes = sorted({m for per in cells.values() for m in per}, key=lambda m: (m == ALL, m))
    head = "| rule | " + " | ".join(f"{m} clean flagged | {m} recall" for m in modes) + " |"
    lines = [head, "|" + "---|" * (1 + 2 * len(modes))]
    for code, per in cells.items():
        parts = []
        for m in modes:
            c = per[m]
            parts += [f"{c.clean_flagged}/{c.clean} ({100 * c.clean_rate:.1f}%)",
                      f"{c.garbled_flagged}/{c.garbled} ({100 * c.recall:.0f}%)"]
        lines.append(f"| {code} | " + " | ".join(parts) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--alarms", action="store_true", help="print every flag on a clean sentence")
    args = parser.parse_args(argv)
    rows = load(args.sample)
    flags = flags_by_mode(rows)
    cells = table(rows, flags)
    sentences = {(r.doc_id, r.sent_id): r for r in rows}
    n_clean = sum(r.label == "clean" for r in sentences.values())
    print(f"{len(sentences)} sentences ({n_clean} clean, {len(sentences) - n_clean} garbled), {len(rows)} round "
          f"trips through Apertium; modes: each pivot alone, and all = es first with ca, gl as further pivots\n")
    print(markdown(cells))
    worst = max(c.clean_rate for code, per in cells.items() if code != "any" for c in per.values())
    print(f"\nhighest clean flag rate of one rule: {100 * worst:.1f}% (goal at most {100 * TARGET_CLEAN_RATE:.0f}%)")
    if args.alarms:
        for mode, per_sentence in flags.items():
            for key, fired in sorted(per_sentence.items()):
                if sentences[key].label == "clean":
                    for f in fired:
                        print(f"{mode}\t{f.code}\t{key[0][:12]}:{key[1]}\t{f.message[:200]}")
    return 0 if worst <= TARGET_CLEAN_RATE else 1


if __name__ == "__main__":
    sys.exit(main())
