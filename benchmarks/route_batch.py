"""One `translate-cmp run` over articles in ten languages: is every language but German round-tripped? (issue 21)

    python benchmarks/route_batch.py [--sentences 60] [--keep DIR]

Builds articles from real text read now (benchmarks/route_text.py: Debian's manual pages in en es fr it pt ru
nl de; Debian's gettext catalogues in ca and gl), one article per page or catalogue, until each language has at
least ``--sentences`` sentences; runs ``translate-cmp run`` on the folder once (engine auto, a fresh cache) and
reads its outputs back. Prints per language (the language the text is written in, from the file name): the
documents, the sentences, the languages the run detected, the share round-tripped and the route run.json
names; then the run's route lines. Goal: every language but German at least 99%; German in one line with the
reason. Exit 1 when the goal is missed. Needs the pairs of scripts/install-engines.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from route_text import ROOT, paragraphs  # noqa: E402

from translate_cmp.records import Document  # noqa: E402
from translate_cmp.segment import segment  # noqa: E402

LANGS = ("en", "es", "fr", "it", "pt", "ca", "gl", "ru", "nl", "de")
UNSERVED = {"de"}  # no Apertium pair in Debian
GOAL = 0.99
PARAGRAPHS_PER_ARTICLE = 12

csv.field_size_limit(1 << 30)


def build_articles(folder: Path, lang: str, want: int) -> int:
    """Articles of ``lang`` under ``folder`` holding at least ``want`` sentences; returns the sentence count."""
    by_origin: dict[str, list[str]] = defaultdict(list)
    for origin, para in paragraphs(lang):
        by_origin[origin].append(para)
    origins = sorted(by_origin)
    step = max(1, len(origins) // 40)  # spread over the sources
    count, n = 0, 0
    for origin in origins[::step] + origins:
        if count >= want:
            break
        paras = by_origin.pop(origin, None)
        if not paras:
            continue
        text = "\n\n".join(paras[:PARAGRAPHS_PER_ARTICLE]) + "\n"
        (folder / f"{lang}_{n:03d}.txt").write_text(text, encoding="utf-8")
        count += len(segment(Document(origin, origin, text), lang))
        n += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=60, help="at least this many sentences per language")
    parser.add_argument("--keep", type=Path, help="build the articles and outputs here instead of a temp folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="route-batch-"))
    articles = work / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        build_articles(articles, lang, args.sentences)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = work / "out"
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(articles), "--out", str(out),
                           "--cache-dir", str(work / "cache")], capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        return 2
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    detected: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lang = row["doc_id"].split("_")[0]
            detected[lang][row["lang"]] += 1
            docs[lang].add(row["doc_id"])
    sentences: dict[str, dict] = defaultdict(dict)
    with open(out / "sentences.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["doc_id"], row["sent_id"])
            lang = row["doc_id"].split("_")[0]
            sentences[lang][key] = sentences[lang].get(key, False) or bool(row["back_text"].strip())
    print(f"`translate-cmp run` over {sum(len(d) for d in docs.values())} articles: engine {manifest['engine']}, "
          f"{manifest['timings'].get('total', 0):.0f} s\n")
    print("| language | articles | sentences | detected as | round-tripped | route (run.json) |")
    print("|---|---:|---:|---|---:|---|")
    missed = []
    routes = manifest.get("routes", {})
    for lang in LANGS:
        done = sentences[lang]
        share = sum(done.values()) / len(done) if done else 0.0
        langs = ", ".join(f"{k} {v}" for k, v in detected[lang].most_common())
        via = "; ".join(f"{code}: {r['engine'] or 'none'} {','.join(r['pivots']) or '-'}"
                        for code, r in routes.items() if code in detected[lang])
        print(f"| {lang} | {len(docs[lang])} | {len(done)} | {langs} | {share:.1%} | {via} |")
        if lang not in UNSERVED and share < GOAL:
            missed.append(lang)
    print("\nThe run's route lines:\n")
    lines = [line for line in proc.stderr.splitlines() if "route" in line or "no round trip" in line]
    for line in lines:
        print(f"    {line}")
    german = [line for line in lines if "for de " in line]
    ok = not missed and len(german) == 1
    verdict = "met" if ok else f"MISSED: {', '.join(missed) or '-'}; German lines: {len(german)}"
    print(f"\nGoal: every language but German >= {GOAL:.0%} round-tripped, German in one line: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
