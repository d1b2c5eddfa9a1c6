"""Fit the measured numbers of translate_cmp/score/risk.py on the MQM dev sets, and cross-validate them (issue 25).

    python benchmarks/fit_risk.py                          # fit and cross-validate (one translate-cmp run, ~4 min)
    python benchmarks/fit_risk.py --outputs DIR            # reuse a run over real_text.py's input (its out-now)
    python benchmarks/fit_risk.py --write                  # also rewrite translate_cmp/score/risk_fit.py

Rows: every MQM dev row of benchmarks/real_text.py (German news and TED, Russian, Spanish and French biomedical,
zh->en news; read from ``../shared``, never copied), each one document of one ``translate-cmp run --engine none``
(real_text.py's own machinery and input). Two things are measured:

- per rule, over all rows: its flags, the flags that touch a rater's error span on rows with an error, and the
  touches expected of the same flags placed at random in their rows (risk.py weighs a rule by the excess);
- the text prior's word-equivalents (a punctuation mark, a name, an acronym, each against a word): the grid
  below, scored by the mean over sets of the AUROC of the prior alone (rows with a Major error against clean
  rows), the first best in grid order (smaller weights first) kept.

Then risk as risk.py computes it (per sentence, noisy OR per row) against length in words, per set, with 95%
bootstrap intervals: fitted on all sets (in-sample), fitted on all sets but one and tested on that one (both the
units and the rule counts), and fitted on one group of languages and tested on the other (de + en / ru es fr).
Also the zh-en pairwise accuracy within items, and two candidates that were tried and left out (digits, and words
wordfreq does not know), each added to the fitted units with its best in-sample weight.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import real_text as rt  # noqa: E402
from real_text_data import MQM_SETS, Row, read_mqm  # noqa: E402
from real_text_metrics import auroc, bootstrap_aurocs, chance_touch, pairwise_accuracy, touches_any  # noqa: E402

from translate_cmp.records import Flag, Severity  # noqa: E402
from translate_cmp.score.risk import PRIOR_PER_UNIT, TextCounts, flag_evidence, text_counts  # noqa: E402

GRID = {"mark": (0, 1, 2, 4, 8), "name": (0, 2, 4, 8, 16), "acronym": (0, 4, 8, 16, 32)}
GROUPS = {"de + en": ("de-wmt23-news", "de-ted", "en-wmt23-zhen"), "ru es fr": ("ru-bio", "es-bio", "fr-bio")}
FIT_FILE = ROOT / "translate_cmp" / "score" / "risk_fit.py"
Rules = Mapping[str, tuple[int, int, float]]


@dataclass
class FitRow:
    """One MQM row as the fit sees it: its sentences' counts and flags, its label."""

    set_name: str
    positive: bool  # a Major error (not a clean row)
    negative: bool  # a clean row
    length: int  # words, as real_text.py counts them
    item: str
    mqm: float
    sentences: list[tuple[TextCounts, list[Flag]]]
    extra: dict[str, int]  # candidate counts that were tried and left out
    rule_counts: dict[str, tuple[int, int, float]]  # this row's share of the rule table


_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+")


def candidates(text: str, lang: str) -> dict[str, int]:
    from translate_cmp.lang.wordlists import zipf

    words = _WORD.findall(text)
    return {"digits": sum(1 for w in words if _DIGITS.search(w)),
            "unknown": sum(1 for w in words if w[:1].islower() and zipf(w, lang) == 0)}


def fit_rows(rows: list[Row], out: rt.Outputs) -> list[FitRow]:
    res = []
    for row in rows:
        flags = out.flags.get(row.row_id, [])
        by_sentence: dict[int, list[Flag]] = defaultdict(list)
        for f in flags:
            by_sentence[int(f["sent_id"])].append(
                Flag(row.row_id, int(f["sent_id"]), f["code"], Severity.parse(f["severity"]), f["start"], f["end"], ""))
        sentences, extra = [], {"digits": 0, "unknown": 0}
        for s in out.sentences.get(row.row_id, []):
            text = row.text[int(s["start"]):int(s["end"])]
            sentences.append((text_counts(text, s["lang"]), by_sentence.get(int(s["sent_id"]), [])))
            for k, v in candidates(text, s["lang"]).items():
                extra[k] += v
        counts: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
        spans = [(a, b) for a, b, _, _ in row.spans]
        for f in flags:
            c = counts[f["code"]]
            c[0] += 1
            if row.label != "clean":
                c[1] += touches_any(f["start"], f["end"], spans)
                c[2] += chance_touch(len(row.text), f["end"] - f["start"], spans)
        res.append(FitRow(row.set_name, row.major and row.label != "clean", row.label == "clean",
                          rt.words(row.text, row.lang), row.item, row.mqm, sentences, extra,
                          {k: (int(v[0]), int(v[1]), v[2]) for k, v in counts.items()}))
    return res


def rule_table(rows: Sequence[FitRow]) -> dict[str, tuple[int, int, float]]:
    total: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for row in rows:
        for code, (n, hits, chance) in row.rule_counts.items():
            t = total[code]
            t[0] += n
            t[1] += hits
            t[2] += chance
    return {code: (int(t[0]), int(t[1]), round(t[2], 1)) for code, t in sorted(total.items())}


def prior_units(row: FitRow, units: Mapping[str, float], extra: Mapping[str, float] | None = None) -> float:
    value = sum(c.weighted(units) for c, _ in row.sentences)
    return value + sum(w * row.extra[k] for k, w in (extra or {}).items())


def row_risk(row: FitRow, units: Mapping[str, float], rules: Rules, extra: Mapping[str, float] | None = None) -> float:
    """The row's risk as risk.py computes it: per sentence, then a noisy OR (the prior's units simply add)."""
    keep = math.exp(-PRIOR_PER_UNIT * prior_units(row, units, extra))
    for _, flags in row.sentences:
        keep *= 1.0 - flag_evidence(flags, rules)
    return 1.0 - keep


def set_auroc(rows: Sequence[FitRow], score: Callable[[FitRow], float]) -> float:
    return auroc([score(r) for r in rows if r.positive], [score(r) for r in rows if r.negative])


def prior_score(units: Mapping[str, float], extra: Mapping[str, float] | None = None) -> Callable[[FitRow], float]:
    return lambda row: prior_units(row, units, extra)


def risk_score(units: Mapping[str, float], rules: Rules, extra: Mapping[str, float] | None = None
               ) -> Callable[[FitRow], float]:
    return lambda row: row_risk(row, units, rules, extra)


def mean_auroc(by_set: Mapping[str, Sequence[FitRow]], score: Callable[[FitRow], float]) -> float:
    return sum(set_auroc(rows, score) for rows in by_set.values()) / len(by_set)


def fit_units(by_set: Mapping[str, Sequence[FitRow]]) -> dict[str, float]:
    """The grid point with the best mean AUROC of the prior alone over the sets (first best in grid order)."""
    best, best_value = None, -1.0
    for values in itertools.product(*GRID.values()):
        units = {"word": 1.0, **{k: float(v) for k, v in zip(GRID, values)}}
        value = mean_auroc(by_set, prior_score(units))
        if value > best_value + 1e-9:
            best, best_value = units, value
    assert best is not None
    return best


def fit(by_set: Mapping[str, Sequence[FitRow]]) -> tuple[dict[str, float], dict[str, tuple[int, int, float]]]:
    """Units and rule counts measured on these sets."""
    return fit_units(by_set), rule_table([r for rows in by_set.values() for r in rows])


def versus_length(rows: Sequence[FitRow], score: Callable[[FitRow], float], rounds: int) -> str:
    pos = [r for r in rows if r.positive]
    neg = [r for r in rows if r.negative]
    a_risk = auroc([score(r) for r in pos], [score(r) for r in neg])
    a_len = auroc([r.length for r in pos], [r.length for r in neg])
    _, _, diff = bootstrap_aurocs([[score(r) for r in pos], [r.length for r in pos]],
                                  [[score(r) for r in neg], [r.length for r in neg]], rounds)
    return f"{a_risk:.3f} | {a_len:.3f} | {a_risk - a_len:+.3f} [{diff[0]:+.3f}, {diff[1]:+.3f}]"


def pairwise(rows: Sequence[FitRow], score: Callable[[FitRow], float]) -> float:
    items: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        items[r.item].append((score(r), r.mqm))
    return pairwise_accuracy(list(items.values()))[0]


def fmt_units(units: Mapping[str, float]) -> str:
    return ", ".join(f"{k} {v:g}" for k, v in units.items())


def splits(by_set: Mapping[str, Sequence[FitRow]]) -> list[tuple[str, list[str]]]:
    """Cross-validation: (what it was fitted on, the sets it is tested on): each set held out, then each group of
    languages held out."""
    res = [("the other five sets", [name]) for name in by_set]
    for members in GROUPS.values():
        train = [k for k in by_set if k not in members]
        res.append((" + ".join(train) + " (other languages)", [m for m in members if m in by_set]))
    return res


def report(by_set: dict[str, list[FitRow]], rounds: int) -> tuple[list[str], dict[str, float], dict]:
    from translate_cmp.score.risk import rule_weight

    units, rules = fit(by_set)
    severities: dict[str, Counter] = defaultdict(Counter)
    for rows in by_set.values():
        for row in rows:
            for _, flags in row.sentences:
                for f in flags:
                    severities[f.code][f.severity] += 1
    lines = [f"Fitted units (all sets): {fmt_units(units)}; per unit {PRIOR_PER_UNIT}.", ""]
    lines += ["| rule | flags | touching a rater's span | by chance | severity | weight |", "|---|---|---|---|---|---|"]
    for code, (n, hits, chance) in rules.items():
        severity = severities[code].most_common(1)[0][0]
        weight = rule_weight(code, severity, rules)
        lines.append(f"| {code} | {n} | {hits} | {chance:.1f} | {severity} | {weight:.3f} |")
    lines += ["", "| set | fitted on | risk AUROC | length AUROC | risk - length [95%] | units |",
              "|---|---|---|---|---|---|"]
    for name, rows in by_set.items():
        lines.append(f"| {name} | all six sets (in-sample) | {versus_length(rows, risk_score(units, rules), rounds)} | "
                     f"{fmt_units(units)} |")
    for label, tested in splits(by_set):
        u, t = fit({k: v for k, v in by_set.items() if k not in tested})
        for name in tested:
            lines.append(f"| {name} | {label} | {versus_length(by_set[name], risk_score(u, t), rounds)} | "
                         f"{fmt_units(u)} |")
    lines.append("")
    zh = by_set.get("en-wmt23-zhen")
    if zh:
        lines += [f"zh-en pairwise accuracy within items: risk {pairwise(zh, risk_score(units, rules)):.3f}, "
                  f"prior alone {pairwise(zh, prior_score(units)):.3f}, "
                  f"length {pairwise(zh, lambda r: r.length):.3f}.", ""]
    lines += ["Tried and left out (added to the fitted units with the best in-sample weight; AUROC per set, "
              "in-sample, then with the units and rule counts of the other five sets):", ""]
    for key in ("digits", "unknown"):
        weight = max((1.0, 2.0, 4.0, 8.0, 16.0), key=lambda w, k=key: mean_auroc(by_set, prior_score(units, {k: w})))
        extra = {key: weight}
        inside = [set_auroc(rows, risk_score(units, rules, extra)) for rows in by_set.values()]
        held = []
        for name, rows in by_set.items():
            u, t = fit({k: v for k, v in by_set.items() if k != name})
            held.append(set_auroc(rows, risk_score(u, t, extra)))
        lines.append(f"- {key} ({weight:g} each): " + ", ".join(
            f"{n} {a:.3f} / {b:.3f}" for n, a, b in zip(by_set, inside, held)))
    return lines, units, rules


def write_fit(units: Mapping[str, float], rules: Rules, command: str) -> None:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    body = [
        '"""Measured numbers of translate_cmp/score/risk.py: written by ``' + command + '``; do not edit.',
        "",
        f"Fitted {date.today().isoformat()} at commit {commit or '?'} on the MQM dev sets (benchmarks/fit_risk.py,",
        "docs/rules/measurements.md, issue 25). Rerun it when rules change: a rule's weight is its measured excess",
        'over chance."""',
        "",
        "# word-equivalents of the text prior (a word is 1)",
        "UNITS = {" + ", ".join(f'"{k}": {float(v)!r}' for k, v in units.items()) + "}",
        "# code: (flags, flags touching a rater's error span, touches expected of the same flags placed at random)",
        "RULES: dict[str, tuple[int, int, float]] = {",
        *[f'    "{code}": ({n}, {hits}, {chance!r}),' for code, (n, hits, chance) in rules.items()],
        "}",
        "",
    ]
    tmp = FIT_FILE.with_suffix(".tmp")
    tmp.write_text("\n".join(body), encoding="utf-8")
    tmp.replace(FIT_FILE)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    ap.add_argument("--outputs", type=Path, help="a translate-cmp run over real_text.py's input, one row a document")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "translate-cmp-fit-risk")
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--write", action="store_true", help="rewrite translate_cmp/score/risk_fit.py")
    ap.add_argument("--markdown", type=Path, help="also write the tables to this file")
    args = ap.parse_args(argv)
    shared = args.shared or rt.default_shared()
    rows = {spec.name: read_mqm(shared, spec) for spec in MQM_SETS if (shared / spec.path).exists()}
    if not rows:
        print(f"fit_risk: no MQM set under {shared}", file=sys.stderr)
        return 2
    every = [r for rs in rows.values() for r in rs]
    docs, place = rt.build_documents(every, False)
    if args.outputs:
        out = rt.read_outputs(args.outputs, docs)
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        inp = rt.write_input(docs, args.work)
        out = rt.run_contender(ROOT, inp, args.work / "out", docs, cached=False)
    out = rt.project(out, every, place)
    by_set = {name: fit_rows(rs, out) for name, rs in rows.items()}
    lines, units, rules = report(by_set, args.bootstrap)
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.write:
        write_fit(units, rules, "python benchmarks/fit_risk.py --write")
        print(f"wrote {FIT_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
