"""Per-language detection quality on the benchmark articles in benchmarks/articles/.

    python benchmarks/multilingual_quality.py            # prints a markdown table

Each ``<lang>.txt`` holds a short news article written for this project, with artefacts labelled in
place as ``{{CODE|text}}``. The labels are removed, the text is run through the real segmenter,
detector and surface rules (S, F, L), and two figures are reported per language:

- recall: labelled artefacts that a flag of the labelled rule overlaps;
- clean flag rate: sentences that overlap no label but get any surface flag.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_cmp.lang.detect import detect, with_languages  # noqa: E402
from translate_cmp.records import Document  # noqa: E402
from translate_cmp.rules import ALL_RULES  # noqa: E402
from translate_cmp.rules.flag import flag_document  # noqa: E402
from translate_cmp.segment import segment  # noqa: E402

ARTICLES = ROOT / "benchmarks" / "articles"
_LABEL = re.compile(r"\{\{([A-Z]\d{3})\|(.*?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Label:
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class LangResult:
    lang: str
    detected: str
    labels: int
    found: int
    clean: int
    clean_flagged: int
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


def parse(marked: str) -> tuple[str, list[Label]]:
    """The article without its labels, and the labels' spans in that text."""
    out, labels, pos = [], [], 0
    for m in _LABEL.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(m.group(2))
        labels.append(Label(m.group(1), start, start + len(m.group(2))))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), labels


def evaluate(lang: str, marked: str) -> LangResult:
    text, labels = parse(marked)
    document = Document(lang, f"{lang}.txt", text)
    found_doc = detect(text)
    sentences = with_languages(segment(document, lang), found_doc)
    rules = [r for r in ALL_RULES if r.family in "SFL"]
    per_sentence = flag_document(document, lang, sentences, rules)
    flags = [f for fs in per_sentence for f in fs]
    found, missed = 0, []
    for label in labels:
        if any(f.code == label.code and f.start < label.end and label.start < f.end for f in flags):
            found += 1
        else:
            missed.append(f"{label.code} {text[label.start : label.end]!r}")
    clean = clean_flagged = 0
    alarms = []
    for sentence, fs in zip(sentences, per_sentence, strict=True):
        if any(lb.start < sentence.end and sentence.start < lb.end for lb in labels):
            continue
        clean += 1
        if fs:
            clean_flagged += 1
            alarms.append(f"{fs[0].code} {sentence.text[:60]!r}")
    return LangResult(lang, found_doc.lang, len(labels), found, clean, clean_flagged, tuple(missed), tuple(alarms))


def _merged(parts: list[LangResult]) -> LangResult:
    first = parts[0]
    return LangResult(
        first.lang, "/".join(sorted({p.detected for p in parts})), sum(p.labels for p in parts),
        sum(p.found for p in parts), sum(p.clean for p in parts), sum(p.clean_flagged for p in parts),
        tuple(m for p in parts for m in p.missed), tuple(a for p in parts for a in p.false_alarms),
    )


def main() -> int:
    by_lang: dict[str, list[LangResult]] = {}
    for path in sorted(ARTICLES.glob("*.txt")):  # "<lang>.txt", "<lang>_<topic>.txt"
        lang = path.stem.split("_")[0]
        by_lang.setdefault(lang, []).append(evaluate(lang, path.read_text(encoding="utf-8")))
    results = [_merged(parts) for _, parts in sorted(by_lang.items())]
    print("| language | detected | labelled artefacts | recall | clean sentences | clean flagged |")
    print("|---|---|---|---|---|---|")
    for r in results:
        recall = f"{r.recall:.2f}" if r.recall is not None else "-"
        flagged = f"{r.clean_flagged} ({r.clean_rate:.0%})"
        print(f"| {r.lang} | {r.detected} | {r.labels} | {recall} | {r.clean} | {flagged} |")
    for r in results:
        for item in r.missed:
            print(f"missed [{r.lang}] {item}", file=sys.stderr)
        for item in r.false_alarms:
            print(f"false alarm [{r.lang}] {item}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
