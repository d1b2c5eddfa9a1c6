"""Build benchmarks/roundtrip_sample.tsv: real Apertium round trips of labelled sentences.

    python benchmarks/roundtrip_sample.py          # rewrites benchmarks/roundtrip_sample.tsv

Sources, segmented by the real pipeline and round-tripped through the installed Apertium modes:

- seeds/*.txt (English) via es, ca and gl. Labels by hand, below: a sentence is ``garbled`` when its
  own text is damaged (glued words, moved capitals, fragments of a split sentence, page debris),
  else ``clean`` (headings, captions and bylines that read correctly are clean);
- benchmarks/roundtrip_articles/en_*.txt (English, written for this project, all clean) via es, ca, gl,
  and es_*.txt (Spanish, likewise) via en;
- benchmarks/articles/es.txt and es_names.txt (Spanish) via en: a sentence is garbled when it
  overlaps a ``{{CODE|text}}`` label of the article, except boilerplate that reads correctly (F205).

One row per sentence and pivot. benchmarks/roundtrip_quality.py reads the file (no engine needed).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_cmp.engines.apertium import ApertiumEngine  # noqa: E402
from translate_cmp.pipeline import run_documents  # noqa: E402
from translate_cmp.records import Document  # noqa: E402

OUT = ROOT / "benchmarks" / "roundtrip_sample.tsv"
COLUMNS = ("doc_id", "sent_id", "lang", "pivot", "text", "pivot_text", "back_text", "label", "reason")
EN_PIVOTS = ("es", "ca", "gl")
BOILERPLATE = "F205"  # "Leer más", "Por Redacción": well-formed text, clean like the seeds' "Read more"
_LABEL = re.compile(r"\{\{([A-Z]\d{3})\|(.*?)\}\}", re.DOTALL)

# Seed sentences whose own text is damaged, read one by one: (doc prefix, sent_id) -> reason.
SEED_GARBLED: dict[tuple[str, int], str] = {
    ("001", 0): "title duplicated and glued (troopsMacron)",
    ("001", 28): "page debris (cf-sjw/tjc/... *** Translated by ***)",
    ("002", 10): "wrong pronoun: He for It (the missile)",
    ("002", 16): "glued words (regionconquered), lower-case kyiv, broken grammar (to repelling)",
    ("002", 19): "closing quote glued to the next sentence (conflict“Words)",
    ("004", 0): "page furniture debris (date ... image Source, getty)",
    ("004", 2): "a lone full stop",
    ("004", 4): "words out of order, moved capital (Between)",
    ("004", 5): "moved capital (Inevitability), quote glued (it”said)",
    ("004", 8): "fragment of a split sentence (Should be used.”)",
    ("004", 10): "glued words (alliesEspecially)",
    ("004", 15): "moved capitals (About, But), quote glued (out“The)",
    ("004", 17): "stray He, glued words (ScholzSaid)",
    ("004", 18): "stray He, glued words (SunakFor)",
    ("004", 22): "caption debris (image Source, getty images caption,)",
    ("004", 23): "quote glued (Biden“has)",
    ("004", 24): "fragment of a split sentence (Get what they need ...”)",
    ("004", 25): "lower-case start, glued words (MeloniDeclared)",
    ("004", 26): "broken word order, moved capital (He too NATO ... Denied)",
    ("004", 28): "lower-case name fragment (jens stoltenberg,)",
    ("004", 30): "sentence cut and glued (fear of Has not happened.)",
    ("004", 31): "fragment of a split sentence (Conflict.)",
    ("004", 33): "caption debris (image Source, getty images caption,)",
    ("004", 34): "misspelt name, moved capitals (Ulrisk Speck Maintain ... Which)",
    ("004", 36): "moved capital (uses A strategy)",
    ("004", 38): "moved capital, missing words (“red lines” The underlying)",
    ("004", 41): "fragment of a split sentence (Is.”)",
}


def unlabel(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The article without its ``{{CODE|text}}`` labels, and (start, end, 'CODE text') per label."""
    out, labels, pos = [], [], 0
    for m in _LABEL.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(p) for p in out)
        out.append(m.group(2))
        labels.append((start, start + len(m.group(2)), f"{m.group(1)} {m.group(2)!r}"))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), labels


def sources() -> tuple[list[Document], dict[str, list[tuple[int, int, str]]], dict[str, tuple[str, ...]]]:
    """Documents, their labelled spans (marked articles), and their pivots."""
    docs, spans, pivots = [], {}, {}
    own = ROOT / "benchmarks" / "roundtrip_articles"
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted(own.glob("en_*.txt")) + sorted(own.glob("es_*.txt")):
        docs.append(Document(path.stem, str(path), path.read_text(encoding="utf-8")))
        pivots[path.stem] = ("en",) if path.stem.startswith("es_") else EN_PIVOTS
    for name in ("es", "es_names"):
        path = ROOT / "benchmarks" / "articles" / f"{name}.txt"
        text, labels = unlabel(path.read_text(encoding="utf-8"))
        docs.append(Document(f"articles_{name}", str(path), text))
        spans[f"articles_{name}"] = labels
        pivots[f"articles_{name}"] = ("en",)
    return docs, spans, pivots


def label(doc_id: str, sent_id: int, start: int, end: int, spans: dict) -> tuple[str, str]:
    if doc_id in spans:
        hits = [why for s, e, why in spans[doc_id] if s < end and start < e]
        if hits and all(why.startswith(BOILERPLATE) for why in hits):
            return "clean", "boilerplate that reads correctly (" + "; ".join(hits) + ")"
        return ("garbled", "labelled " + "; ".join(hits)) if hits else ("clean", "")
    reason = SEED_GARBLED.get((doc_id[:3], sent_id)) if (ROOT / "seeds" / f"{doc_id}.txt").exists() else None
    return ("garbled", reason) if reason else ("clean", "")


def build() -> list[dict[str, str]]:
    engine = ApertiumEngine()
    docs, spans, pivots = sources()
    rows = []
    for doc in docs:
        (result,) = run_documents([doc], engine, [], EN_PIVOTS, strict=True, surprisal=False)
        for s in result.sentences:
            rt, sent = s.round_trip, s.sentence
            lab, why = label(doc.doc_id, sent.sent_id, sent.start, sent.end, spans)
            rows.append({"doc_id": doc.doc_id, "sent_id": str(sent.sent_id), "lang": result.lang,
                         "pivot": rt.pivot_lang, "text": sent.text, "pivot_text": rt.pivot_text,
                         "back_text": rt.back_text, "label": lab, "reason": why})
        assert {r["pivot"] for r in rows if r["doc_id"] == doc.doc_id} == set(pivots[doc.doc_id]), doc.doc_id
    return rows


def main() -> int:
    rows = build()
    tmp = OUT.with_suffix(".tsv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: " ".join(v.split()) for k, v in row.items()})
    tmp.replace(OUT)
    sentences = {(r["doc_id"], r["sent_id"]): r["label"] for r in rows}
    print(f"{len(rows)} rows, {len(sentences)} sentences ({sum(v == 'garbled' for v in sentences.values())} "
          f"garbled) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
