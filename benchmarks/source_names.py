"""Names of an English source that the translation leaves out, on the MQM dev sets (issue 25): a question, no rule.

    python benchmarks/source_names.py --shared ../shared
    python benchmarks/source_names.py --shared ../shared --flags /tmp/w/out-cc83eb613e51-bitext-*/   # beside a run

For each row of the English-source MQM sets (de news and TED, ru/es/fr biomedical; read from ``--shared``, never
copied): the source's names (a capitalised word of four letters or more after a word in lower case, a comma or a
semicolon, so not a sentence's first word nor a title's Capitalised Words; no acronym; less frequent in English than
``--zipf`` by wordfreq; not a demonym's ending: -ian -ean -ese -ish -ic -an -i) and whether the target has a trace
of each. A trace: a target word that starts with the name's first four letters (accents, ß and Cyrillic folded to
plain Latin letters: "Трампа" reads "trampa"), or whose consonant skeleton starts as the name's does (first letter
kept, vowels and h dropped, c/k/q, z/s, j/i, w/v merged, doubled letters once: "Zylonen" for "Cylons", "МакГилла"
for "McGill", "Лихтенштейн" for "Liechtenstein"), or, where the name is a headword of FreeDict's English-German
dictionary, a German gloss ("Sambia" for "Zambia"); into another language such a name is an English word, which is
translated, and is never counted. ``--plain``: the first test alone.

Printed per set and zipf threshold: rows with a name, rows with a Major error / clean rows with a name left out,
and, with ``--flags`` (the bitext output folders of ``benchmarks/real_text.py --with-source``: ``*/flags.jsonl``),
how many of those rows no flag touches yet; then the Major rows where a rater's Major span holds a rendering of a
source name (a word like it: difflib ratio 0.6), to see where the raters' marks sit; ``--show`` lists the rows.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_text_data import MQM_SETS, Row, read_mqm  # noqa: E402

from translate_cmp.lang.bilingual import Lexicon, lexicon  # noqa: E402
from translate_cmp.lang.wordlists import zipf  # noqa: E402

_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"), strict=True))
_NAME = re.compile(r"(?:(?<![\w'’-])[a-z]+|[,;]) ([A-Z][a-z]+(?:[A-Z][a-z]*)*)(?![\w'’-])")
_DEMONYM = ("ian", "ean", "ese", "ish", "ic", "an", "i")
_SKELETON = (("ce", "se"), ("ci", "si"), ("cy", "sy"), ("ph", "f"), ("c", "k"), ("q", "k"), ("z", "s"), ("x", "ks"),
             ("j", "i"), ("w", "v"), ("h", ""))
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower()).replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def skeleton(word: str) -> str:
    word = fold(word)
    for old, new in _SKELETON:
        word = word.replace(old, new)
    word = word[:1] + re.sub("[aeiouy]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word)


def names(source: str, max_zipf: float) -> list[str]:
    found = (m.group(1) for m in _NAME.finditer(source))
    return list(dict.fromkeys(w for w in found if len(w) >= 4 and zipf(w.lower(), "en") < max_zipf
                              and not w.lower().endswith(_DEMONYM)))


def traced(name: str, target: str, lang: str, lex: Lexicon | None, plain: bool) -> bool:
    words = _WORD.findall(target)
    folded = {fold(w) for w in words}
    if any(w.startswith(fold(name)[:4]) for w in folded):
        return True
    if plain:
        return False
    if any(skeleton(w).startswith(skeleton(name)[:3]) for w in words):
        return True
    glosses = lex.glosses(name.lower()) if lex is not None else None
    if not glosses:
        return False
    if lang != "de":
        return True
    return any(any(w.startswith(fold(g)[:4]) for w in folded) for gloss in glosses for g in _WORD.findall(gloss)
               if len(g) >= 4)


def flagged_rows(folders: list[Path]) -> set[str]:
    """Row ids (the file's ``id``) some flag of a real_text bitext run touches."""
    rows = set()
    for folder in folders:
        for path in folder.glob("*/flags.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                rows.add(json.loads(line)["doc_id"].split(":", 2)[2])
    return rows


def span_on_name(row: Row, found: list[str]) -> bool:
    for start, end, _category, severity in row.spans:
        if severity == "Minor":
            continue
        for word in _WORD.findall(row.text[start:end]):
            if any(difflib.SequenceMatcher(None, fold(n), fold(word)).ratio() >= 0.6 for n in found):
                return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--zipf", default="3.0,3.5,4.0", help="English frequency thresholds, comma-separated")
    parser.add_argument("--flags", type=Path, nargs="*", default=[])
    parser.add_argument("--plain", action="store_true", help="a trace is the name's first four letters only")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    lex = lexicon("en", "de")
    flagged = flagged_rows(args.flags)
    for spec in MQM_SETS:
        if spec.lang == "en":
            continue
        rows = read_mqm(args.shared, spec)
        for max_zipf in (float(z) for z in args.zipf.split(",")):
            count: Counter = Counter()
            shown = []
            for row in rows:
                kind = "major" if row.major else "clean" if row.label == "clean" else "minor"
                found = names(row.source, max_zipf)
                count[kind] += 1
                if not found:
                    continue
                count[f"{kind} with a name"] += 1
                if kind == "major" and span_on_name(row, found):
                    count["major, span on a name"] += 1
                missing = [n for n in found if not traced(n, row.text, spec.lang, lex, args.plain)]
                if missing:
                    count[f"{kind} left out"] += 1
                    new = row.origin not in flagged
                    count[f"{kind} left out, no flag yet"] += new if args.flags else 0
                    shown.append(f"    {kind} {'new' if new else 'flagged'} {missing} {row.origin}")
            print(f"{spec.name} zipf<{max_zipf}: rows with a name Major {count['major with a name']}/{count['major']}, "
                  f"clean {count['clean with a name']}/{count['clean']}; a name left out: Major "
                  f"{count['major left out']}, clean {count['clean left out']}, Minor only {count['minor left out']}"
                  + (f"; of them no flag yet: Major {count['major left out, no flag yet']}, clean "
                     f"{count['clean left out, no flag yet']}" if args.flags else "")
                  + f"; Major rows with a Major span on a name {count['major, span on a name']}")
            if args.show:
                print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
