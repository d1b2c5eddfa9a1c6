"""Span precision per rater: do a rule's flags miss the raters' spans because the rule is wrong, or because some
raters do not mark what it finds? (issue 25, German TED)

    python benchmarks/real_text.py --sets de-ted,de-wmt23-news --work /tmp/rt   # first: the flags of this checkout
    python benchmarks/rater_span_precision.py --work /tmp/rt --sets de-ted,de-wmt23-news [--with-source]
    python benchmarks/real_text.py --sets de-ted --group --work /tmp/rtg    # whole talks as documents
    python benchmarks/rater_span_precision.py --work /tmp/rtg --sets de-ted --group

Reads the flags real_text.py wrote for this checkout (``WORK/out-now/flags.jsonl``; with ``--with-source``
``WORK/out-now-bitext/*/flags.jsonl``; ``--out`` names another output folder there, the base commit's) and the
MQM files in ``../shared`` (``--shared``), whose error spans name the rater who marked them. The MQM dev sets
have one rater per row (German TED) or three (German news); on an error row each flag counts once for each rater
who marked anything in that row, as touching that rater's spans or not (touching as in real_text.py: a shared
character, or an omission point inside the flag). Clean rows name no rater and are left out. Prints, per set and
rule, flags touching / flags for each rater, and per rater the error rows it marked and how many of them carry a
punctuation mark of any severity. With ``--group`` the flags are those of whole talks and articles
(real_text.py's ``--group``), mapped back to their rows by offset as real_text.py maps them. Last, per rule, the
clean rows it flags where another system's row of the same segment (the same source sentence) has the flagged
words on a rater's span (any severity): there the clean row is a rater's choice, not the rule's false alarm.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_text import build_documents  # noqa: E402
from real_text_data import MQM_SETS, read_mqm  # noqa: E402
from real_text_metrics import touches_any  # noqa: E402


def flag_files(work: Path, out: str, with_source: bool) -> list[Path]:
    if with_source:
        return sorted((work / out).glob("*/flags.jsonl"))
    return [work / out / "flags.jsonl"]


def row_id(doc_id: str, with_source: bool) -> str:
    """``<set>:<id in the file>``: a bitext unit's document id is ``<file>:<set>:<id>``."""
    return doc_id.partition(":")[2] if with_source else doc_id


def block_raters(records: list[dict]) -> dict[str, str]:
    """The rater of each clean row of a one-rater set, where the error rows around it in the same system's document
    were marked by one rater (raters rate a system's document in blocks of segments: on German TED, an error row
    whose neighbours share a rater has that rater 749 times in 750)."""
    marked: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for rec in records:
        spans = json.loads(rec["error_spans"] or "[]")
        if spans and len(spans[0]) > 4 and rec.get("n_raters") == "1" and rec["seg_id"].isdigit():
            marked[(rec["system"], rec["doc"])][int(rec["seg_id"])] = str(spans[0][4])
    out = {}
    for rec in records:
        if rec["label"] != "clean" or not rec["seg_id"].isdigit():
            continue
        segs, here = marked.get((rec["system"], rec["doc"]), {}), int(rec["seg_id"])
        before = [segs[k] for k in sorted(segs) if k < here][-1:]
        after = [segs[k] for k in sorted(segs) if k > here][:1]
        if before and before == after:
            out[rec["id"]] = before[0]
    return out


def grouped_flags(flags: dict[str, list[dict]], rows: list) -> dict[str, list[dict]]:
    """Per-row flags (``<set>:<id>``) from the flags of whole documents, as real_text.py --group projects them."""
    _, place = build_documents(rows, grouped=True)
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        at = place[row.row_id]
        lo, hi = at.offset, at.offset + len(row.text)
        for flag in flags.get(at.doc_id, []) if row.text else ():
            if lo <= flag["start"] <= hi:
                out[row.row_id].append({**flag, "start": flag["start"] - lo, "end": min(flag["end"], hi) - lo})
    return out


def marked_elsewhere(records: list[dict], flags: dict[str, list[dict]], name: str) -> dict[str, list[int]]:
    """Per rule: [clean rows it flags where another system's row of the same segment has the flagged words on a
    rater's span, clean rows it flags]."""
    segment: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rec in records:
        segment[(rec["doc"], rec["seg_id"])].append(rec)
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rec in records:
        mine = flags.get(f"{name}:{rec['id']}", [])
        if rec["label"] != "clean" or not mine:
            continue
        others = [o for o in segment[(rec["doc"], rec["seg_id"])] if o["system"] != rec["system"]]
        for code in sorted({f["code"] for f in mine}):
            words = {rec["target"][f["start"]:f["end"]] for f in mine if f["code"] == code} - {""}
            out[code][0] += any(marked_at(other, word) for other in others for word in words)
            out[code][1] += 1
    return dict(out)


def marked_at(rec: dict, word: str) -> bool:
    """Whether ``word`` occurs in the row's translation on one of its raters' spans."""
    spans = [(int(s[0]), int(s[1])) for s in json.loads(rec["error_spans"] or "[]")]
    at = rec["target"].find(word)
    while at >= 0 and spans:
        if touches_any(at, at + len(word), spans):
            return True
        at = rec["target"].find(word, at + 1)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="real_text.py's --work folder")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", default="de-ted,de-wmt23-news")
    parser.add_argument("--with-source", action="store_true")
    parser.add_argument("--group", action="store_true", help="the flags are of whole talks and articles "
                        "(real_text.py --group): map them back to rows")
    parser.add_argument("--out", help="the output folder in --work to read (default: out-now, or out-now-bitext with "
                        "--with-source; the base commit's are out-<commit>-<input>)")
    args = parser.parse_args(argv)
    out = args.out or ("out-now-bitext" if args.with_source else "out-now")
    files = flag_files(args.work, out, args.with_source)
    missing = [str(f) for f in files if not f.is_file()] or ([] if files else [str(args.work / out)])
    if missing:
        print(f"rater_span_precision: no flags at {missing[0]}: run benchmarks/real_text.py --work {args.work} first",
              file=sys.stderr)
        return 2
    flags: dict[str, list[dict]] = defaultdict(list)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            flag = json.loads(line)
            flags[row_id(flag["doc_id"], args.with_source)].append(flag)
    for name in args.sets.split(","):
        spec = next((s for s in MQM_SETS if s.name == name), None)
        if spec is None:
            print(f"rater_span_precision: unknown set {name!r}", file=sys.stderr)
            return 2
        if args.group:
            flags.update(grouped_flags(flags, read_mqm(args.shared, spec)))
        with (args.shared / spec.path).open(encoding="utf-8", newline="") as fh:
            records = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        rated, punct, clean = Counter(), Counter(), Counter()
        blocks = block_raters(records)
        for rec in records:
            for code in {f["code"] for f in flags.get(f"{name}:{rec['id']}", [])} if rec["id"] in blocks else ():
                clean[(code, blocks[rec["id"]])] += 1
            spans = json.loads(rec["error_spans"] or "[]")
            raters = sorted({str(s[4]) for s in spans if len(s) > 4})
            for rater in raters:
                rated[rater] += 1
                punct[rater] += any(s[4] == rater and "Punctuation" in s[2] for s in spans)
            for flag in flags.get(f"{name}:{rec['id']}", []):
                for rater in raters:
                    mine = [(int(s[0]), int(s[1])) for s in spans if s[4] == rater]
                    cell = cells[(flag["code"], rater)]
                    cell[0] += touches_any(flag["start"], flag["end"], mine)
                    cell[1] += 1
        raters = sorted(rated, key=lambda r: (len(r), r))
        print(f"\n### {spec.title} ({name}){' beside the sources' if args.with_source else ''}\n")
        print("| rule | " + " | ".join(raters) + " |")
        print("|---|" + "---|" * len(raters))
        for code in sorted({c for c, _ in cells}):
            row = [f"{cells[(code, r)][0]}/{cells[(code, r)][1]}" if (code, r) in cells else "-" for r in raters]
            print(f"| {code} | " + " | ".join(row) + " |")
        if blocks:
            print("\nClean rows flagged, by the rater of their block (clean rows whose rater is known: "
                  f"{len(blocks)} of {sum(rec['label'] == 'clean' for rec in records)}):\n")
            print("| rule | " + " | ".join(raters) + " |")
            print("|---|" + "---|" * len(raters))
            for code in sorted({c for c, _ in clean}):
                print(f"| {code} | " + " | ".join(str(clean[(code, r)]) for r in raters) + " |")
            print("| clean rows (known rater) | " + " | ".join(str(sum(v == r for v in blocks.values()))
                                                           for r in raters) + " |")
        print("| error rows marked (with a punctuation mark) | "
              + " | ".join(f"{rated[r]} ({punct[r]})" for r in raters) + " |")
        elsewhere = marked_elsewhere(records, flags, name)
        if elsewhere:
            print("\nClean rows flagged, and those whose flagged words a rater marked in another system's row of the "
                  "same segment:\n")
            print("| rule | clean rows flagged | the same words marked in another system's row |")
            print("|---|---|---|")
            for code in sorted(elsewhere):
                print(f"| {code} | {elsewhere[code][1]} | {elsewhere[code][0]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
