"""Sentence language: which strategy is right on short segments, and how fast, on labelled sentences.

    python benchmarks/sentence_lang.py [--markdown FILE]

Sentences: every sentence of the benchmark articles (benchmarks/articles: es de fr pt it nl ru zh ja
ar, clean and name-dense texts) and of the seed articles (en). The true language of a sentence is
its file's, except inside an ``L301`` label, where it is English (the untranslated leftover).

Strategies, each given the sentence (and, where it says so, its document's langdetect verdict):

- langdetect: langdetect on the sentence alone (translate_cmp.lang.detect.detect, seeded);
- lingua low accuracy: lingua-language-detector, all languages, low-accuracy mode;
- lingua: the same in its default (high-accuracy) mode;
- pipeline: what translate-cmp does (translate_cmp.lang.detect.sentence_language): a sentence under 6
  words or 30 letters of prose takes the document's language, one plainly in the document's
  language (several of its grammar words, densely) too, and the rest go to langdetect.

Accuracy is given per length (words of prose) and overall, with the time per sentence (models
loaded beforehand; best of 2 passes).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BUCKETS = ((1, 2, "1-2 words"), (3, 5, "3-5 words"), (6, 10_000, "6+ words"))


def labelled_sentences() -> list[tuple[str, str, str]]:
    """(sentence, true language, document text) of every sentence."""
    from multilingual_quality import parse

    from translate_cmp.lang.detect import detect
    from translate_cmp.records import Document
    from translate_cmp.segment import segment

    out = []
    files = [(p, p.stem.split("_")[0]) for p in sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
             if p.stem.split("_")[0] != "README"]
    files += [(p, "en") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path, lang in files:
        text, labels = parse(path.read_text(encoding="utf-8"))
        english = [(lab.start, lab.end) for lab in labels if lab.code == "L301"]
        for s in segment(Document(path.stem, str(path), text), detect(text).lang):
            truth = "en" if any(a < s.end and s.start < b for a, b in english) else lang
            out.append((s.text, truth, text))
    return out


def _lingua(low: bool) -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def find(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else "und"

    return find


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)

    from translate_cmp.lang.detect import detect, sentence_language
    from translate_cmp.lang.second_opinion import plain_words

    data = labelled_sentences()
    docs = {doc: detect(doc) for _, _, doc in data}
    strategies: dict[str, Callable[[str, str], str]] = {
        "langdetect": lambda s, d: detect(s).lang,
        "lingua, low accuracy": (lambda f: lambda s, d: f(s))(_lingua(True)),
        "lingua": (lambda f: lambda s, d: f(s))(_lingua(False)),
        "pipeline (length-aware, stop words, langdetect)": lambda s, d: sentence_language(s, docs[d])[0].lang,
    }
    for find in strategies.values():  # load models, fill caches
        find(data[0][0], data[0][2])

    def bucket(text: str) -> str:
        n = len(plain_words(text))
        return next((name for lo, hi, name in BUCKETS if lo <= n <= hi), "0 words")

    names = ["0 words"] + [b[2] for b in BUCKETS]
    sizes = {name: sum(1 for s, _, _ in data if bucket(s) == name) for name in names}
    lines = [
        f"{len(data)} sentences (" + ", ".join(f"{sizes[n]} of {n}" for n in names) + ").",
        "",
        "| strategy | " + " | ".join(names) + " | all | ms per sentence |",
        "|---" * (len(names) + 3) + "|",
    ]
    for label, find in strategies.items():
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            verdicts = [find(s, d) for s, _, d in data]
            best = min(best, time.perf_counter() - start)
        right = {n: 0 for n in names}
        for (s, truth, _), got in zip(data, verdicts):
            right[bucket(s)] += got == truth or {got, truth} == {"zh", "zt"}
        cells = [f"{right[n] / sizes[n]:.2f}" if sizes[n] else "-" for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {sum(right.values()) / len(data):.3f} | "
                     f"{1000 * best / len(data):.2f} |")
    ist = {label: find("Ist.", "") if "pipeline" not in label else "-" for label, find in strategies.items()}
    lines += ["", "'Ist.' alone: " + ", ".join(f"{k} {v}" for k, v in ist.items() if v != "-") +
              "; in a German document the pipeline says de."]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
