"""Bilingual alignment of ``compare`` on real Apertium translations, perturbed with known gold links.

    python benchmarks/compare_alignment.py --build   # (re)writes benchmarks/compare_set/ with Apertium
    python benchmarks/compare_alignment.py           # strict link precision, recall and F1 per article

Set: every seed article and the clean English articles of benchmarks/roundtrip_articles/, each
translated into Spanish with Apertium sentence by sentence (one translated sentence per line), then
perturbed on the Spanish side in a seeded way: one sentence deleted, two adjacent ones merged into
one (joined with "; "), one split in two at a comma, and one foreign sentence (from another
article's translation) inserted. benchmarks/compare_set/ holds en/NAME.txt, es/NAME.txt and
gold/NAME.json; the gold links pair source sentence indices (the pipeline's segmentation of the
source) with line indices of the Spanish file.

Scoring runs the real compare path (translate_cmp.compare.align_documents: segment both, Apertium
back-translation es -> en, the monotone aligner). Predicted target sentences are mapped to the
Spanish lines they lie in. Strict: a link counts only when its source and target sets are both
exactly a gold link's; links with an empty side (deletions, insertions) are not counted, as in
Vecalign's strict figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_cmp.compare import align_documents  # noqa: E402
from translate_cmp.pipeline import analyse  # noqa: E402
from translate_cmp.records import Document  # noqa: E402
from translate_cmp.score.metrics import SentenceScorer  # noqa: E402

SET = ROOT / "benchmarks" / "compare_set"
SEED = 8
TARGET_F1 = 0.95
Link = tuple[tuple[int, ...], tuple[int, ...]]


def sources() -> list[Path]:
    own = ROOT / "benchmarks" / "roundtrip_articles"
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted(own.glob("en_*.txt"))


def _split_at_comma(text: str) -> tuple[str, str] | None:
    commas = [i for i, c in enumerate(text) if c == "," and 15 < i < len(text) - 15]
    if not commas:
        return None
    cut = min(commas, key=lambda i: abs(i - len(text) / 2))
    left, right = text[:cut].rstrip(), text[cut + 1:].strip()
    return left + ".", right[:1].upper() + right[1:]


def perturb(lines: list[str], foreign: str, rng: random.Random) -> tuple[list[str], list[Link]]:
    """Delete one line, merge two, split one, insert ``foreign``; the result and its gold links."""
    units: list[tuple[tuple[int, ...], str]] = [((i,), t) for i, t in enumerate(lines)]
    # delete
    k = rng.randrange(1, len(units) - 1)
    del units[k]
    # merge two adjacent
    k = rng.choice([i for i in range(len(units) - 1) if units[i][1].rstrip().endswith(".")])  # "A; b", never 'A.”; b'
    (a, ta), (b, tb) = units[k], units[k + 1]
    units[k:k + 2] = [(a + b, ta.rstrip().rstrip(".") + "; " + tb)]
    # split one with a comma (never the merged one)
    splittable = [i for i, (src, t) in enumerate(units) if len(src) == 1 and _split_at_comma(t)]
    out: list[tuple[tuple[int, ...], str]] = []
    split_at = rng.choice(splittable) if splittable else -1
    for i, (src, t) in enumerate(units):
        if i == split_at:
            left, right = _split_at_comma(t)
            out += [(src, left), ((), right)]  # () continues the previous source sentence
        else:
            out.append((src, t))
    # insert a foreign sentence
    k = rng.choice([i for i in range(1, len(out)) if out[i][0] != ()])  # never between the halves of a split
    out.insert(k, (("foreign",), foreign))  # type: ignore[arg-type]
    texts = [t for _, t in out]
    gold: list[Link] = []
    for j, (src, _) in enumerate(out):
        if src == ("foreign",):
            continue
        if src == ():
            prev_src, prev_tgt = gold[-1]
            gold[-1] = (prev_src, (*prev_tgt, j))
        else:
            gold.append((tuple(src), (j,)))
    return texts, gold


def build(seed: int = SEED) -> None:
    from translate_cmp.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    rng = random.Random(seed)
    translated: dict[str, list[str]] = {}
    for path in sources():
        doc = Document(path.stem, str(path), path.read_text(encoding="utf-8"))
        sentences = [" ".join(s.text.split()) for s in analyse(doc).sentences]
        translated[path.stem] = [t.text for t in engine.translate(sentences, "en", "es")]
    for folder in ("en", "es", "gold"):
        (SET / folder).mkdir(parents=True, exist_ok=True)
    names = sorted(translated)
    for n, name in enumerate(names):
        other = translated[names[(n + 1) % len(names)]]
        foreign = max(other, key=len)
        texts, gold = perturb(translated[name], foreign, rng)
        src = next(p for p in sources() if p.stem == name)
        (SET / "en" / f"{name}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        (SET / "es" / f"{name}.txt").write_text("\n".join(texts) + "\n", encoding="utf-8")
        (SET / "gold" / f"{name}.json").write_text(json.dumps([[list(a), list(b)] for a, b in gold]) + "\n",
                                                   encoding="utf-8")
    print(f"{len(names)} article pairs -> {SET.relative_to(ROOT)}")


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def predicted_links(name: str, engine, scorer: SentenceScorer) -> list[Link]:
    src_text = (SET / "en" / f"{name}.txt").read_text(encoding="utf-8")
    tgt_text = (SET / "es" / f"{name}.txt").read_text(encoding="utf-8")
    aligned = align_documents(Document(name, name, src_text), Document(name + ".es", name, tgt_text), engine, scorer)
    lines = [line_of(tgt_text, s.start) for s in aligned.target.sentences]
    links = []
    for bead in aligned.beads:
        if bead.src and bead.tgt:
            links.append((tuple(bead.src), tuple(sorted({lines[j] for j in bead.tgt}))))
    return links


def evaluate(engine) -> list[tuple[str, int, int, int]]:
    """(article, gold links, predicted links, correct) per article."""
    scorer = SentenceScorer()
    out = []
    for path in sorted((SET / "gold").glob("*.json")):
        gold = {(tuple(a), tuple(b)) for a, b in json.loads(path.read_text(encoding="utf-8")) if a and b}
        predicted = predicted_links(path.stem, engine, scorer)
        out.append((path.stem, len(gold), len(predicted), len(gold & set(predicted))))
    return out


def prf(gold: int, predicted: int, correct: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="rebuild benchmarks/compare_set/ with Apertium first")
    parser.add_argument("--seed", type=int, default=SEED, help=f"perturbation seed for --build (default {SEED})")
    args = parser.parse_args(argv)
    if args.build:
        build(args.seed)
    from translate_cmp.engines.apertium import ApertiumEngine

    rows = evaluate(ApertiumEngine())
    print("| article | gold links | predicted | correct | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, g, p, c in rows:
        pr, rc, f1 = prf(g, p, c)
        print(f"| {name} | {g} | {p} | {c} | {pr:.3f} | {rc:.3f} | {f1:.3f} |")
    g, p, c = (sum(r[i] for r in rows) for i in (1, 2, 3))
    pr, rc, f1 = prf(g, p, c)
    print(f"| all | {g} | {p} | {c} | {pr:.3f} | {rc:.3f} | **{f1:.3f}** |")
    print(f"\nstrict link F1 {f1:.3f} (goal at least {TARGET_F1})")
    return 0 if f1 >= TARGET_F1 else 1


if __name__ == "__main__":
    sys.exit(main())
