"""Synthetic corruption per language: recall of the expected rule on known artefacts, flags on clean text.

    python benchmarks/multilingual_corrupt.py [--seed 13] [--limit N]    # prints markdown tables

Base sentences: the clean sentences (overlapping no label) of benchmarks/articles/<lang>*.txt for es,
de, fr, pt, it, nl, ru, as the real segmenter splits them. Each base sentence becomes a small document
with its neighbours from the same paragraph as context (running text, as in the article); every kind
of benchmarks/corrupt_i18n.py is injected into the middle sentence, one kind per copy. Each document
runs through the real detector, segmenter and surface rules (S, F, L) with the product's defaults.

- recall: copies where a flag of the expected rule overlaps the injected span;
- clean flagged: untouched base documents with any surface flag on the middle sentence.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corrupt_i18n import ENGLISH_SENTENCES, KINDS, LANGS, corruptions  # noqa: E402
from multilingual_quality import ARTICLES, parse  # noqa: E402

from translate_cmp.lang.detect import detect, with_languages  # noqa: E402
from translate_cmp.records import Document, Flag  # noqa: E402
from translate_cmp.rules import ALL_RULES  # noqa: E402
from translate_cmp.rules.flag import flag_document  # noqa: E402
from translate_cmp.segment import segment  # noqa: E402

SEED = 13
TARGET_RECALL = 0.90

EXPECTED: dict[str, tuple[str, ...]] = {
    "joined-words": ("S101",),
    "moved-capital": ("S104",),
    "lowercase-start": ("S105",),
    "one-word-fragment": ("F201",),
    "doubled-punctuation": ("S106",),
    "caption-credit": ("F204", "F205"),
    "doubled-word": ("S109",),
    "foreign-sentence": ("L301", "L303"),
}

_RULES = [r for r in ALL_RULES if r.family in "SFL"]


@dataclass(frozen=True)
class Base:
    """A clean sentence and its neighbours in the same paragraph ('' where there is none)."""

    text: str
    prev: str
    next: str


@dataclass(frozen=True)
class KindResult:
    kind: str
    n: int
    hit: int
    misses: tuple[str, ...]


@dataclass(frozen=True)
class LangReport:
    lang: str
    kinds: tuple[KindResult, ...]
    clean: int
    clean_flagged: int
    alarms: tuple[str, ...]

    @property
    def n(self) -> int:
        return sum(k.n for k in self.kinds)

    @property
    def recall(self) -> float:
        return sum(k.hit for k in self.kinds) / self.n if self.n else float("nan")

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


def base_sentences(lang: str) -> list[Base]:
    """Clean sentences of the language's articles, with their same-paragraph neighbours."""
    out = []
    for path in sorted(ARTICLES.glob(f"{lang}*.txt")):
        if path.stem.split("_")[0] != lang:
            continue
        text, labels = parse(path.read_text(encoding="utf-8"))
        sentences = segment(Document(lang, path.name, text), lang)
        clean = [not any(lb.start < s.end and s.start < lb.end for lb in labels) for s in sentences]
        for i, s in enumerate(sentences):
            if clean[i] and len(s.text.split()) >= 2:
                near = [sentences[j].text if 0 <= j < len(sentences) and clean[j]
                        and sentences[j].para_id == s.para_id else "" for j in (i - 1, i + 1)]
                out.append(Base(s.text, near[0], near[1]))
    return out


def _document(base: Base, middle: str) -> tuple[str, int]:
    head = base.prev + " " if base.prev else ""
    joint = "\n" if "\n" in middle else " "  # a line of its own (a caption) ends its line
    return head + middle + (joint + base.next if base.next else ""), len(head)


def _flags(lang: str, doc_id: str, text: str) -> list[Flag]:
    document = Document(doc_id, f"{doc_id}.txt", text)
    found = detect(text)
    sentences = with_languages(segment(document, found.lang), found)
    return [f for fs in flag_document(document, found.lang, sentences, _RULES) for f in fs]


def _overlapping(flags: list[Flag], start: int, end: int) -> list[Flag]:
    return [f for f in flags if f.start < end and start < f.end or (f.start == f.end and start <= f.start <= end)]


def foreign_pool(lang: str, limit: int | None = None) -> list[str]:
    """Untranslated leftovers for a ``lang`` document: clean sentences of the other languages, and English."""
    pool = list(ENGLISH_SENTENCES)
    for other in LANGS:
        if other != lang:
            pool += [b.text for b in base_sentences(other)[:limit] if len(b.text.split()) >= 8]
    return pool


def evaluate(lang: str, seed: int = SEED, limit: int | None = None) -> LangReport:
    bases = base_sentences(lang)[:limit]
    clean_flagged, alarms = 0, []
    for i, base in enumerate(bases):
        text, offset = _document(base, base.text)
        hits = _overlapping(_flags(lang, f"{lang}-base-{i}", text), offset, offset + len(base.text))
        if hits:
            clean_flagged += 1
            alarms.append(f"{hits[0].code} {base.text[:70]!r}")
    tallies: dict[str, list] = {kind: [0, 0, []] for kind in KINDS}
    pool = foreign_pool(lang, limit)
    for i, c in corruptions([b.text for b in bases], lang, seed=seed, foreign_pool=pool):
        text, offset = _document(bases[i], c.text)
        hits = _overlapping(_flags(lang, f"{lang}-{c.kind}-{i}", text), offset + c.start, offset + c.end)
        tally = tallies[c.kind]
        tally[0] += 1
        if any(f.code in EXPECTED[c.kind] for f in hits):
            tally[1] += 1
        else:
            got = ",".join(sorted({f.code for f in hits})) or "nothing"
            tally[2].append(f"{c.text[c.start:c.end][:50]!r} in {c.text[:80]!r} (got {got})")
    kinds = tuple(KindResult(k, n, hit, tuple(m)) for k, (n, hit, m) in tallies.items())
    return LangReport(lang, kinds, len(bases), clean_flagged, tuple(alarms))


def _cell(k: KindResult) -> str:
    return f"{k.hit / k.n:.2f} ({k.n})" if k.n else "-"


def table(reports: list[LangReport]) -> str:
    head = ["language", *KINDS, "all kinds", "clean flagged"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in reports:
        cells = [_cell(k) for k in r.kinds]
        lines.append(f"| {r.lang} | " + " | ".join(cells)
                     + f" | {r.recall:.2f} ({r.n}) | {r.clean_flagged}/{r.clean} ({r.clean_rate:.0%}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED, help=f"corruption seed (default {SEED})")
    parser.add_argument("--limit", type=int, help="only the first N clean sentences per language (a quick check)")
    parser.add_argument("--lang", action="append", choices=LANGS, help="only these languages (repeatable)")
    args = parser.parse_args(argv)
    reports = [evaluate(lang, args.seed, args.limit) for lang in (args.lang or LANGS)]
    print(f"Synthetic corruption, seed {args.seed}: recall of the expected rule (copies)\n")
    print(table(reports))
    for r in reports:
        for k in r.kinds:
            for miss in k.misses:
                print(f"missed [{r.lang}] {k.kind}: {miss}", file=sys.stderr)
        for alarm in r.alarms:
            print(f"false alarm [{r.lang}] {alarm}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
