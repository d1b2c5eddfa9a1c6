"""Surface rules on real text nobody here wrote (issue 25): this checkout beside a base commit, one table per set.

    python benchmarks/real_text.py                      # every set, beside 0bc4741 (~3 minutes cold, 2 cores)
    python benchmarks/real_text.py --limit 100          # a quick look: 100 rows per set
    python benchmarks/real_text.py --sets de-ted,man-de --examples /tmp/fa.md
    python benchmarks/real_text.py --with-source --sets de,es,fr,ru,en-wmt23-zhen   # each row beside its source
    python benchmarks/real_text.py --engine apertium --sets es,fr   # with the round trip (R4xx rules, chrF, unknown)
    python benchmarks/real_text.py --engine apertium --pivot es=en --sets es   # another route than the default
    benchmarks/fetch_clean_text.sh                      # once: the clean human text (manual pages, catalogues)

Sets. Real MT with professional MQM annotations, read from ``../shared`` (``--shared``), never copied:
German WMT23 news and TED talks, Russian, Spanish and French biomedical abstracts (the dev halves in
``benchmarks/mqm-dev``), and zh->en WMT23 news (``benchmarks/mqm-wmt23-zhen/mqm_en_bench.tsv``). Clean human
text per language (en de es fr it pt nl ru ja) from the folder ``benchmarks/fetch_clean_text.sh`` fills
(``--clean-text``): prose paragraphs of Debian's translated manual pages (``man-<lang>``) and prose messages of
Django's and Sphinx's catalogues (``po-<lang>``). See benchmarks/real_text_data.py for how rows are read.

How it runs. Every row is one document of one JSON Lines file (``{"id", "text"}``; the text is the MT output,
or the paragraph; JSON Lines, not the TSV itself, because the table reader would take a target that starts
with ``"`` as a quoted field), all sets in one file, and the file goes through ``python -m translate_cmp run FILE
--id-column id --engine none --no-cache --format csv,jsonl`` (``--engine apertium``: the round trip too, for both
contenders, each engine's outputs kept apart in the work folder) in a subprocess whose PYTHONPATH is the code
root: this checkout, and the ``--base`` commit unpacked with ``git archive`` (its outputs are kept in the work
folder, keyed by commit and input, and reused). The language is not given: article mode has no option for it
(``--target-lang`` exists only for bitext tables, and turns on the localisation-unit policies), so each row's
language is detected as a user's would be; rows read as another language than the file's are counted.
With ``--group``, a document is instead one system's translation of a whole talk, article or abstract (its
rows in segment order, as paragraphs), or one manual page: the language is then detected on the whole
document, and rules that look across sentences (a register used throughout, a name written the same way)
see them; flags and sentences are mapped back to rows by offset.
With ``--with-source``, the MQM rows are instead units of bitext tables (``{"id", "source", "text"}``, one JSON Lines
file per set and system, one run per source language: ``--source-column source --target-column text --source-lang
en|zh``), so the source-vs-target rules (Q6xx) run beside the surface rules, as for a user checking one system's
output against its sources; Q670/Q671 are left out (they would compare the systems' translations of the same source
with each other); Q672 runs, as it compares the units of one file (one system's) only. The clean human text stays as
it is. Not combined with ``--group``.
Flags and sentences carry offsets into the document, so into the row's text: no mapping is needed (the
harness checks that every sentence's text is ``text[start:end]`` and says so when one is not).

What is measured, per set and contender:
- clean rows flagged: rows no rater marked (``label == clean``; on zh-en: at most 1 of 3 raters) with a flag;
- flags AUROC: rows with a Major error (any rater) against clean rows, scored by their number of flags (ties
  count half; a score of flags alone, 0.50 is chance); beside it the same with the highest severity as score;
- risk and length AUROC, same rows: the row's risk (the noisy OR of its sentences' ``risk``, as
  translate_cmp.score.risk.document_risk combines them) and its length in words, each with a bootstrap 95% interval
  (1,000 stratified resamples of rows), and the interval of risk minus length on the same resamples;
- span precision: on error rows, flags whose ``[start, end)`` touches a rater's error span (shares a character;
  an empty span, a rater's omission point, touches a flag that contains it) over all flags; "chance" is what
  the same flags would score placed at random in their rows;
- per rule: clean rows it flags, and its flags on error rows with how many touch a span;
- zh-en: pairwise accuracy within items (the systems' translations of one source segment, pairs with
  different MQM scores): risk, length, flag count, and a random score (mean of 20 draws);
- clean human text: sentences flagged (each contender's own segmentation) and paragraphs flagged, per language
  and per rule.
- with an engine (``--engine apertium``), the round trip's own signals per MQM set, outside the rules (this
  checkout): AUROC of 100 - the row's lowest sentence chrF (back-translation against the row) beside length, with
  bootstrap intervals, and of the number of words the engine did not know (``unknown``); how many of those words
  touch a rater's span on error rows, against chance.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_text_data import CLEAN_LANGS, MQM_SETS, Row, read_clean, read_mqm  # noqa: E402
from real_text_metrics import (  # noqa: E402
    auroc,
    bootstrap_aurocs,
    chance_touch,
    noisy_or,
    pairwise_accuracy,
    touches_any,
)

BASE = "0bc4741"  # main before issue 25's work


def default_shared() -> Path:
    """``../shared`` beside the repository; from a linked worktree, beside the main checkout."""
    here = ROOT.parent / "shared"
    if here.exists():
        return here
    common = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                            capture_output=True, text=True).stdout.strip()
    beside_main = Path(common).parent.parent / "shared" if common else here
    return beside_main if beside_main.exists() else here


DEFAULT_CLEAN = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "translate-cmp-bench" / "clean-text"
DEFAULT_WORK = Path(tempfile.gettempdir()) / "translate-cmp-real-text"
SEVERITY = {"info": 1, "warning": 2, "error": 3}
MAJOR = frozenset({"Major", "Critical"})  # the biomedical sets also mark Critical; their any_major counts it
csv.field_size_limit(1 << 30)


# ---------------------------------------------------------------- running translate-cmp


@dataclass
class Outputs:
    """What one run wrote, by row id."""

    flags: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    sentences: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    lang: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    offset_mismatches: int = 0


def unpack(commit: str, work: Path) -> Path:
    """The ``translate_cmp`` package at ``commit`` under ``work/code-<sha>`` (unpacked once)."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{commit}^{{commit}}"], check=True,
                         capture_output=True, text=True).stdout.strip()
    folder = work / f"code-{sha[:12]}"
    if not (folder / "translate_cmp" / "__init__.py").exists():
        blob = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "translate_cmp"], check=True,
                              capture_output=True).stdout
        tmp = Path(tempfile.mkdtemp(dir=work))
        with tarfile.open(fileobj=BytesIO(blob)) as tar:
            tar.extractall(tmp, filter="data")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
    return folder


@dataclass(frozen=True)
class Placement:
    """Where a row's text sits in the documents sent to translate-cmp."""

    doc_id: str
    offset: int


GROUP_SEPARATOR = "\n\n"  # rows of one document are paragraphs of it


def build_documents(rows: list[Row], grouped: bool) -> tuple[dict[str, str], dict[str, Placement]]:
    """The documents to run (id -> text) and each row's place in them: one document per row, or (``grouped``)
    one per group (a system's translation of one talk or article, one manual page), its rows in order, as
    paragraphs separated by a blank line."""
    if not grouped:
        return {r.row_id: r.text for r in rows if r.text}, {r.row_id: Placement(r.row_id, 0) for r in rows}
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((row.set_name, row.group or row.row_id), []).append(row)
    docs: dict[str, str] = {}
    place: dict[str, Placement] = {}
    for (set_name, group), members in groups.items():
        doc_id = f"{set_name}:{group}"
        parts, offset = [], 0
        for row in sorted(members, key=lambda r: r.order):
            place[row.row_id] = Placement(doc_id, offset)
            if row.text:
                parts.append(row.text)
                offset += len(row.text) + len(GROUP_SEPARATOR)
        docs[doc_id] = GROUP_SEPARATOR.join(parts)
    return docs, place


def project(out: Outputs, rows: list[Row], place: dict[str, Placement]) -> Outputs:
    """Per-row outputs from per-document outputs: the flags and sentences that start inside the row's text,
    with offsets into the row; the row's language is its document's."""
    res = Outputs(seconds=out.seconds, offset_mismatches=out.offset_mismatches)
    for row in rows:
        p = place[row.row_id]
        lo, hi = p.offset, p.offset + len(row.text)
        if not row.text:
            continue
        res.lang[row.row_id] = out.lang.get(p.doc_id, "")
        for f in out.flags.get(p.doc_id, []):
            if lo <= f["start"] <= hi:
                res.flags[row.row_id].append({**f, "start": f["start"] - lo, "end": min(f["end"], hi) - lo})
        for sent in out.sentences.get(p.doc_id, []):
            if lo <= int(sent["start"]) < max(hi, lo + 1):
                res.sentences[row.row_id].append(
                    {**sent, "start": int(sent["start"]) - lo, "end": min(int(sent["end"]), hi) - lo})
    return res


def write_input(docs: dict[str, str], work: Path) -> Path:
    """The documents as one JSON Lines file named by its digest (written once)."""
    lines = "".join(json.dumps({"id": d, "text": t}, ensure_ascii=False) + "\n" for d, t in docs.items() if t)
    digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16]
    path = work / f"input-{digest}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(lines, encoding="utf-8")
        tmp.replace(path)
    return path


def write_bitext(rows: list[Row], work: Path) -> Path:
    """``--with-source``: the MQM rows as bitext tables (``{"id", "source", "text"}``), one JSON Lines file per set
    and system, as a user checking one system's output against its sources would submit them (the file's language
    is detected once over its targets; rules that compare units of one file, Q670 and Q671, see one system's
    translations). The folder is named by the digest of its files (written once)."""
    files: dict[str, list[str]] = {}
    for row in rows:
        system = re.sub(r"[^A-Za-z0-9_.-]+", "_", row.system or "system")
        name = f"{SOURCE_LANG.get(row.set_name, 'en')}/{row.set_name}--{system}.jsonl"
        files.setdefault(name, []).append(
            json.dumps({"id": row.row_id, "source": row.source, "text": row.text}, ensure_ascii=False) + "\n")
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + "".join(files[name]).encode("utf-8"))
    folder = work / f"bitext-{digest.hexdigest()[:16]}"
    if not folder.is_dir():
        tmp = Path(tempfile.mkdtemp(dir=work))
        for name, lines in files.items():
            (tmp / name).parent.mkdir(exist_ok=True)
            (tmp / name).write_text("".join(lines), encoding="utf-8")
        tmp.rename(folder)
    return folder


SOURCE_LANG = {"en-wmt23-zhen": "zh"}  # the MQM sets' source language where it is not English
# Q670/Q671 (consistency across a project's units) are left out: one run holds every system's translation of the
# same sources, which the rules would compare with each other as if one translator had written them all.
BITEXT_OPTIONS = ("--source-column", "source", "--target-column", "text", "--ignore", "Q670,Q671")


def run_cli(code_root: Path, inp: Path, out: Path, jobs: int | None = None, engine: str = "none",
            pivot: str = "") -> float:
    """``translate-cmp run`` as the CLI would run it, on the code under ``code_root``, with ``--engine engine``; its
    wall-clock seconds. ``inp`` is a JSON Lines file of documents, or a folder of bitext tables
    (:func:`write_bitext`)."""
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    extra = ["--jobs", str(jobs)] if jobs is not None else []
    extra += ["--pivot", pivot] if pivot else []
    inputs = sorted(str(p) for p in inp.glob("*.jsonl")) if inp.is_dir() else [str(inp)]
    if inp.is_dir():  # bitext tables of one source language, the folder's name
        extra += (*BITEXT_OPTIONS, "--source-lang", inp.name)
    done = subprocess.run(
        [sys.executable, "-m", "translate_cmp", "run", *inputs, "--id-column", "id", "--engine", engine,
         "--no-cache", "--format", "csv,jsonl", "--out", str(out), *extra],
        env=env, cwd=str(out.parent), capture_output=True, text=True)
    if done.returncode not in (0, 1):
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-5:])
        raise SystemExit(f"real_text: translate-cmp run ({code_root}) exited {done.returncode}:\n{tail}")
    return time.perf_counter() - start


def _doc_id(doc_id: str, bitext: bool) -> str:
    """The row id of an output's document: a bitext unit's document id is ``<file>:<unit id>``."""
    return doc_id.partition(":")[2] if bitext else doc_id


def read_outputs(out: Path, texts: dict[str, str], bitext: bool = False) -> Outputs:
    res = Outputs()
    for line in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            flag = json.loads(line)
            flag["doc_id"] = _doc_id(flag["doc_id"], bitext)
            res.flags[flag["doc_id"]].append(flag)
    with (out / "sentences.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            rec["doc_id"] = _doc_id(rec["doc_id"], bitext)
            res.sentences[rec["doc_id"]].append(rec)
            text = texts.get(rec["doc_id"], "")
            expected, written = text[int(rec["start"]):int(rec["end"])], rec["text"]
            if written != expected and not (written[:1] == "'" and written[1:] == expected):  # "'-": CSV quoting
                res.offset_mismatches += 1
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            res.lang[_doc_id(rec["doc_id"], bitext)] = rec["lang"]
    return res


def run_contender(code_root: Path, inp: Path, out: Path, texts: dict[str, str], cached: bool,
                  jobs: int | None = None, engine: str = "none", pivot: str = "") -> Outputs:
    """Run (or, for a fixed commit, reuse the stored run of) one contender on the input."""
    if inp.is_dir() and not any(inp.glob("*.jsonl")):  # bitext tables: one run per source language (a subfolder
        # each), merged
        res = Outputs()
        for sub in sorted(p for p in inp.iterdir() if p.is_dir()):
            part = run_contender(code_root, sub, out / sub.name, texts, cached, jobs, engine, pivot)
            for name in ("flags", "sentences", "lang"):
                getattr(res, name).update(getattr(part, name))
            res.seconds += part.seconds
            res.offset_mismatches += part.offset_mismatches
        return res
    marker = out / ".complete"
    seconds = None
    if not (cached and marker.exists()):
        out.parent.mkdir(parents=True, exist_ok=True)
        seconds = run_cli(code_root, inp, out, jobs, engine, pivot)
        marker.write_text(f"{seconds:.1f}\n")
    res = read_outputs(out, texts, bitext=inp.is_dir())
    res.seconds = seconds if seconds is not None else float(marker.read_text().strip() or 0)
    return res


# ---------------------------------------------------------------- metrics per set


def words(text: str, lang: str) -> int:
    return len(text) if lang in ("ja", "zh") else len(text.split())


def row_risk(sentences: list[dict]) -> float | None:
    values = [s.get("risk") for s in sentences]
    if any(v in (None, "") for v in values):
        return None
    return noisy_or(float(v) for v in values)


@dataclass
class SetResult:
    rows: int = 0
    clean: int = 0
    major: int = 0
    errors: int = 0
    clean_flagged: int = 0
    clean_sentences: int = 0
    clean_sentences_flagged: int = 0
    clean_sentences_slips: int = 0  # flagged sentences whose every flag was judged a real slip of the translator
    clean_sentences_judged: int = 0  # flagged sentences whose every flag was judged (slip or false alarm)
    other_lang: Counter = field(default_factory=Counter)  # rows detected as another language
    flags_auroc: float = float("nan")
    severity_auroc: float = float("nan")
    risk_auroc: float = float("nan")
    length_auroc: float = float("nan")
    risk_ci: tuple[float, float] = (float("nan"), float("nan"))
    length_ci: tuple[float, float] = (float("nan"), float("nan"))
    diff_ci: tuple[float, float] = (float("nan"), float("nan"))
    span_flags: int = 0
    span_hits: int = 0
    span_chance: float = float("nan")
    rule_clean_rows: Counter = field(default_factory=Counter)
    rule_clean_sentences: Counter = field(default_factory=Counter)
    rule_error_flags: Counter = field(default_factory=Counter)
    rule_error_hits: Counter = field(default_factory=Counter)
    pairwise: dict[str, tuple[float, int, float]] = field(default_factory=dict)


def judge_key(row: Row, flag: dict) -> tuple[str, str, str, str]:
    """How a flag on clean text is looked up in the judged file: set, origin (page and paragraph), code, flagged."""
    return row.set_name, row.origin, flag["code"], " ".join(row.text[flag["start"]:flag["end"]].split())


def read_judged(path: Path) -> dict[tuple[str, str, str, str], str]:
    """``benchmarks/clean_text_judged.tsv``: the verdict on each judged flag, ``slip`` (a real error of the human
    translator: the flag is right) or ``false`` (a false alarm)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        return {(r["set"], r["origin"], r["code"], r["flagged"]): r["verdict"] for r in rows}


def measure(rows: list[Row], out: Outputs, rounds: int,
            judged: dict[tuple[str, str, str, str], str] | None = None) -> SetResult:
    res = SetResult(rows=len(rows))
    pos: list[tuple[float, float, float, float]] = []  # (flags, severity, risk, length) per row
    neg: list[tuple[float, float, float, float]] = []
    chances: list[float] = []
    risk_known = True
    for row in rows:
        flags = out.flags.get(row.row_id, [])
        sentences = out.sentences.get(row.row_id, [])
        detected = out.lang.get(row.row_id, "")
        if detected and detected != row.lang:
            res.other_lang[detected] += 1
        risk = row_risk(sentences)
        risk_known = risk_known and risk is not None
        score = (len(flags), max((SEVERITY.get(f["severity"], 0) for f in flags), default=0), risk or 0.0,
                 words(row.text, row.lang))
        if row.label == "clean":
            res.clean += 1
            res.clean_flagged += bool(flags)
            res.clean_sentences += len(sentences)
            res.clean_sentences_flagged += len({f["sent_id"] for f in flags})
            verdicts: dict[object, set[str]] = defaultdict(set)
            for f in flags:
                verdicts[f["sent_id"]].add((judged or {}).get(judge_key(row, f), ""))
            res.clean_sentences_slips += sum(v == {"slip"} for v in verdicts.values())
            res.clean_sentences_judged += sum("" not in v for v in verdicts.values())
            for code in {f["code"] for f in flags}:
                res.rule_clean_rows[code] += 1
            for code, _ in {(f["code"], f["sent_id"]) for f in flags}:
                res.rule_clean_sentences[code] += 1
            neg.append(score)
        else:
            res.errors += 1
            spans = [(a, b) for a, b, _, _ in row.spans]
            for f in flags:
                hit = touches_any(f["start"], f["end"], spans)
                res.span_flags += 1
                res.span_hits += hit
                res.rule_error_flags[f["code"]] += 1
                res.rule_error_hits[f["code"]] += hit
                chances.append(chance_touch(len(row.text), f["end"] - f["start"], spans))
            if row.major:
                res.major += 1
                pos.append(score)
    if chances:
        res.span_chance = sum(chances) / len(chances)
    if pos and neg:
        col = list(zip(*pos)), list(zip(*neg))
        res.flags_auroc = auroc(col[0][0], col[1][0])
        res.severity_auroc = auroc(col[0][1], col[1][1])
        res.length_auroc = auroc(col[0][3], col[1][3])
        if risk_known:
            res.risk_auroc = auroc(col[0][2], col[1][2])
            res.risk_ci, res.length_ci, res.diff_ci = bootstrap_aurocs(
                [col[0][2], col[0][3]], [col[1][2], col[1][3]], rounds)
        else:
            res.length_ci = bootstrap_aurocs([col[0][3]], [col[1][3]], rounds)[0]
    if any(r.item for r in rows) and rows[0].set_name.endswith("zhen"):
        res.pairwise = pairwise(rows, out)
    return res


def pairwise(rows: list[Row], out: Outputs) -> dict[str, tuple[float, int, float]]:
    """Pairwise accuracy within items (rows translating the same source), several scores."""
    items: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        items[row.item].append(row)
    scores = {
        "risk": lambda r: row_risk(out.sentences.get(r.row_id, [])) or 0.0,
        "length (words)": lambda r: words(r.text, r.lang),
        "flags (count)": lambda r: len(out.flags.get(r.row_id, [])),
    }
    res = {name: pairwise_accuracy([[(fn(r), r.mqm) for r in group] for group in items.values()])
           for name, fn in scores.items()}
    draws = []
    for seed in range(20):
        rng = random.Random(seed)
        draws.append(pairwise_accuracy([[(rng.random(), r.mqm) for r in group] for group in items.values()]))
    res["random (mean of 20)"] = (sum(d[0] for d in draws) / len(draws), draws[0][1], 0.0)
    return res


# ---------------------------------------------------------------- tables


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.1f}% ({k}/{n})" if n else "-"


def num(x: float) -> str:
    return "-" if x != x else f"{x:.3f}"


def ci(x: float, interval: tuple[float, float]) -> str:
    if x != x:
        return "-"
    lo, hi = interval
    return f"{x:.3f} [{lo:.3f}, {hi:.3f}]" if lo == lo else f"{x:.3f}"


def table(header: list[str], body: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cells) + " |" for cells in body]
    return out + [""]


def side(results: dict[str, SetResult], fn) -> list[str]:
    return [fn(r) for r in results.values()]


def mqm_tables(title: str, rows: list[Row], results: dict[str, SetResult]) -> list[str]:
    """One set: the metrics beside each other per contender, then per rule, then the raters' Major categories."""
    first = next(iter(results.values()))
    lines = [f"### {title}", "",
             f"{first.rows} rows: {first.clean} clean, {first.errors} with errors, {first.major} of them with a "
             f"Major error.", ""]
    names = list(results)
    body = [
        ["clean rows flagged", *side(results, lambda r: pct(r.clean_flagged, r.clean))],
        ["flags AUROC, Major vs clean (number of flags)", *side(results, lambda r: num(r.flags_auroc))],
        ["flags AUROC (highest severity)", *side(results, lambda r: num(r.severity_auroc))],
        ["risk AUROC [95%]", *side(results, lambda r: ci(r.risk_auroc, r.risk_ci))],
        ["length AUROC [95%]", *side(results, lambda r: ci(r.length_auroc, r.length_ci))],
        ["risk - length [95%]", *side(results, lambda r: ci(r.risk_auroc - r.length_auroc, r.diff_ci))],
        ["span precision (error rows)", *side(results, lambda r: pct(r.span_hits, r.span_flags))],
        ["... same flags placed at random", *side(results, lambda r: "-" if r.span_chance != r.span_chance
                                                  else f"{100 * r.span_chance:.1f}%")],
        ["rows read as another language", *side(results, lambda r: _langs(r.other_lang))],
    ]
    for key in first.pairwise:
        body.append([f"pairwise accuracy within items: {key}", *side(results, lambda r, k=key: _pairs(r.pairwise[k]))])
    lines += table(["", *names], body)
    codes = sorted({c for r in results.values() for c in (*r.rule_clean_rows, *r.rule_error_flags)})
    if codes:
        rule_body = []
        for code in codes:
            rule_body.append([code,
                              *side(results, lambda r, c=code: str(r.rule_clean_rows[c])),
                              *side(results, lambda r, c=code: f"{r.rule_error_hits[c]}/{r.rule_error_flags[c]}")])
        lines += table(["rule", *[f"clean rows flagged: {n}" for n in names],
                        *[f"error rows: flags touching a span / flags: {n}" for n in names]], rule_body)
    cats: Counter = Counter()
    cat_rows: Counter = Counter()
    for row in rows:
        if not row.major or row.label == "clean":
            continue  # zh-en: a clean row may hold one rater's Major mark
        found = {c for _, _, c, sev in row.spans if sev in MAJOR}
        cats.update(c for _, _, c, sev in row.spans if sev in MAJOR)
        cat_rows.update(found)
    if cats:
        lines += ["Raters' Major (and Critical) marks on the translation, rows with a Major error, by category:", ""]
        lines += table(["category", "marks", "rows"],
                       [[c, str(n), str(cat_rows[c])] for c, n in cats.most_common(12)])
    return lines


def _pairs(value: tuple[float, int, float]) -> str:
    acc, n, tied = value
    if not n:
        return "- (no pairs)"
    return f"{acc:.3f} ({n} pairs" + (f", {100 * tied:.0f}% tied)" if tied else ")")


def _langs(counter: Counter) -> str:
    total = sum(counter.values())
    if not total:
        return "0"
    return f"{total} (" + ", ".join(f"{k} {v}" for k, v in counter.most_common(4)) + ")"


def clean_tables(by_set: dict[str, dict[str, SetResult]]) -> list[str]:
    """Clean human text: one summary row per set, then sentences flagged per rule and language."""
    if not by_set:
        return []
    names = list(next(iter(by_set.values())))
    lines = ["### Clean human text", ""]
    body = []
    for set_name, results in by_set.items():
        first = next(iter(results.values()))
        body.append([set_name, str(first.rows),
                     *side(results, lambda r: pct(r.clean_sentences_flagged, r.clean_sentences)),
                     *side(results, lambda r: pct(r.clean_sentences_flagged - r.clean_sentences_slips,
                                                  r.clean_sentences)
                           + f" ({r.clean_sentences_flagged - r.clean_sentences_judged} unjudged)"),
                     *side(results, lambda r: pct(r.clean_flagged, r.clean)),
                     *side(results, lambda r: _langs(r.other_lang))])
    lines += table(["set", "paragraphs", *[f"sentences flagged: {n}" for n in names],
                    *[f"less real slips (judged): {n}" for n in names],
                    *[f"paragraphs flagged: {n}" for n in names], *[f"read as another language: {n}" for n in names]],
                   body)
    codes = sorted({c for results in by_set.values() for r in results.values() for c in r.rule_clean_sentences})
    if codes:
        lines += ["Sentences flagged per rule (" + " / ".join(names) + "):", ""]
        rule_body = [[code, *[" / ".join(str(r.rule_clean_sentences[code]) for r in results.values())
                              for results in by_set.values()]] for code in codes]
        lines += table(["rule", *by_set], rule_body)
    return lines


def unknown_spans(text: str, sentences: list[dict]) -> list[tuple[int, int]]:
    """Where the engine's unknown words (the ``unknown`` column, ``;``-separated, in order) sit in the row's text:
    each found as a whole word from where the previous one ended, inside its sentence."""
    found = []
    for sent in sentences:
        start, end = int(sent["start"]), int(sent["end"])
        cursor = start
        for word in filter(None, (sent.get("unknown") or "").split(";")):
            m = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)").search(text, cursor, end)
            if m:
                found.append((m.start(), m.end()))
                cursor = m.end()
    return found


@dataclass
class RoundTripResult:
    """The round trip's own signals on one set, outside the rules (``--engine`` other than none)."""

    rows: int = 0
    tripped: int = 0  # rows whose every sentence came back with a chrF
    chrf_auroc: float = float("nan")  # 100 - the row's lowest sentence chrF, Major vs clean
    mean_chrf_auroc: float = float("nan")  # 100 - the row's mean sentence chrF, weighted by characters
    length_auroc: float = float("nan")  # length in words, the same rows
    chrf_ci: tuple[float, float] = (float("nan"), float("nan"))
    length_ci: tuple[float, float] = (float("nan"), float("nan"))
    diff_ci: tuple[float, float] = (float("nan"), float("nan"))
    unknown_auroc: float = float("nan")  # number of unknown words
    major_unknown: tuple[int, int] = (0, 0)  # Major rows with an unknown word / Major rows
    clean_unknown: tuple[int, int] = (0, 0)
    unknown_words: int = 0  # unknown words on error rows
    unknown_hits: int = 0  # ... touching a rater's span
    unknown_chance: float = float("nan")


def measure_round_trip(rows: list[Row], out: Outputs, rounds: int) -> RoundTripResult:
    res = RoundTripResult(rows=len(rows))
    pos: list[tuple[float, float, float, float]] = []  # (100 - lowest chrF, 100 - mean chrF, length, unknown)
    neg: list[tuple[float, float, float, float]] = []
    chances: list[float] = []
    major_unk = clean_unk = 0
    for row in rows:
        sentences = out.sentences.get(row.row_id, [])
        if not sentences or any(s.get("chrf") in (None, "") for s in sentences):
            continue
        res.tripped += 1
        chrfs = [(float(s["chrf"]), max(1, int(s["end"]) - int(s["start"]))) for s in sentences]
        unknown = unknown_spans(row.text, sentences)
        score = (100 - min(c for c, _ in chrfs), 100 - sum(c * n for c, n in chrfs) / sum(n for _, n in chrfs),
                 words(row.text, row.lang), len(unknown))
        if row.label == "clean":
            neg.append(score)
            clean_unk += bool(unknown)
            continue
        spans = [(a, b) for a, b, _, _ in row.spans]
        for a, b in unknown:
            res.unknown_words += 1
            res.unknown_hits += touches_any(a, b, spans)
            chances.append(chance_touch(len(row.text), b - a, spans))
        if row.major:
            pos.append(score)
            major_unk += bool(unknown)
    res.major_unknown, res.clean_unknown = (major_unk, len(pos)), (clean_unk, len(neg))
    if chances:
        res.unknown_chance = sum(chances) / len(chances)
    if pos and neg:
        p, n = list(zip(*pos)), list(zip(*neg))
        res.chrf_auroc, res.mean_chrf_auroc = auroc(p[0], n[0]), auroc(p[1], n[1])
        res.length_auroc, res.unknown_auroc = auroc(p[2], n[2]), auroc(p[3], n[3])
        res.chrf_ci, res.length_ci, res.diff_ci = bootstrap_aurocs([p[0], p[2]], [n[0], n[2]], rounds)
    return res


def round_trip_table(by_set: dict[str, RoundTripResult]) -> list[str]:
    """The round trip's signals outside the rules, one row per MQM set (this checkout)."""
    lines = ["### The round trip's signals outside the rules (this checkout)", "",
             "Rows whose every sentence came back; Major rows against clean rows. chrF: the back-translation's "
             "sentence chrF against the row (a row's lowest, and its mean weighted by characters); unknown: the "
             "words Apertium's analyser did not know (sentences.csv's `unknown`), located in the row.", ""]
    body = []
    for name, r in by_set.items():
        body.append([name, f"{r.tripped}/{r.rows}", ci(r.chrf_auroc, r.chrf_ci), num(r.mean_chrf_auroc),
                     ci(r.length_auroc, r.length_ci), ci(r.chrf_auroc - r.length_auroc, r.diff_ci),
                     num(r.unknown_auroc), pct(*r.major_unknown), pct(*r.clean_unknown),
                     pct(r.unknown_hits, r.unknown_words),
                     "-" if r.unknown_chance != r.unknown_chance else f"{100 * r.unknown_chance:.1f}%"])
    lines += table(["set", "rows round-tripped", "AUROC 100 - lowest chrF [95%]", "AUROC 100 - mean chrF",
                    "length AUROC [95%]", "chrF - length [95%]", "AUROC unknown words", "Major rows with an unknown",
                    "clean rows with an unknown", "unknown words in a rater's span (error rows)",
                    "... placed at random"], body)
    return lines


def summary_table(by_set: dict[str, dict[str, SetResult]]) -> list[str]:
    names = list(next(iter(by_set.values())))
    lines = ["### Summary (" + " → ".join(names) + ")", ""]
    body = []
    for set_name, results in by_set.items():
        body.append([set_name,
                     " → ".join(pct(r.clean_flagged, r.clean).split(" ")[0] for r in results.values()),
                     " → ".join(num(r.flags_auroc) for r in results.values()),
                     " → ".join(num(r.risk_auroc) for r in results.values()),
                     num(next(iter(results.values())).length_auroc),
                     " → ".join(pct(r.span_hits, r.span_flags).split(" ")[0] for r in results.values())])
    lines += table(["set", "clean rows flagged", "flags AUROC", "risk AUROC", "length AUROC", "span precision"],
                   body)
    return lines


def examples(rows: list[Row], out: Outputs, per_rule: int, seed: int = 25) -> list[str]:
    """Flags on clean rows, up to ``per_rule`` per rule (a seeded sample), with the flagged span in context."""
    by_code: dict[str, list[tuple[Row, dict]]] = defaultdict(list)
    for row in rows:
        if row.label != "clean":
            continue
        for f in out.flags.get(row.row_id, []):
            by_code[f["code"]].append((row, f))
    lines = []
    for code in sorted(by_code):
        found = by_code[code]
        picked = random.Random(seed).sample(found, min(per_rule, len(found)))
        lines += [f"#### {rows[0].set_name} {code}: {len(found)} flags on clean rows", ""]
        for row, f in picked:
            s, e = f["start"], f["end"]
            left, mid, right = row.text[max(0, s - 60):s], row.text[s:e], row.text[e:e + 60]
            lines.append(f"- `{row.origin}`: …{left}⟦{mid}⟧{right}… — {f['message']}")
        lines.append("")
    return lines


def dump_clean_flags(path: Path, clean: dict[str, list[Row]], out: Outputs,
                     judged: dict[tuple[str, str, str, str], str]) -> None:
    """Every flag on the clean human text, one per line, with its verdict where judged, to judge the rest."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("set\torigin\tcode\tflagged\tverdict\tnote\tcontext\n")
        for rows in clean.values():
            for row in rows:
                for f in out.flags.get(row.row_id, []):
                    key = judge_key(row, f)
                    s, e = f["start"], f["end"]
                    context = (row.text[max(0, s - 80):s] + "⟦" + row.text[s:e] + "⟧" + row.text[e:e + 80])
                    cells = [*key, judged.get(key, ""), f["message"], context]
                    fh.write("\t".join(" ".join(c.split()) for c in cells) + "\n")


# ---------------------------------------------------------------- main


def load_rows(args) -> tuple[dict[str, list[Row]], dict[str, str], dict[str, list[Row]]]:
    """MQM sets and clean-text sets, each filtered by ``--sets``; titles of the MQM sets."""
    wanted = set(args.sets.split(",")) if args.sets else None
    mqm: dict[str, list[Row]] = {}
    titles: dict[str, str] = {}
    for spec in MQM_SETS:
        if wanted and spec.name not in wanted and spec.lang not in wanted:
            continue
        if not (args.shared / spec.path).exists():
            print(f"real_text: {args.shared / spec.path} not found; {spec.name} left out", file=sys.stderr)
            continue
        mqm[spec.name] = read_mqm(args.shared, spec, args.limit)
        titles[spec.name] = spec.title
    clean: dict[str, list[Row]] = {}
    if args.clean_text.exists():
        for lang in CLEAN_LANGS:
            for name, rows in read_clean(args.clean_text, lang, args.limit or args.clean_rows).items():
                if not wanted or name in wanted or lang in wanted:
                    clean[name] = rows
    elif not args.sets:
        print(f"real_text: no clean text in {args.clean_text} (run benchmarks/fetch_clean_text.sh)", file=sys.stderr)
    return mqm, titles, clean


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    ap.add_argument("--clean-text", type=Path, default=DEFAULT_CLEAN,
                    help="the folder benchmarks/fetch_clean_text.sh filled")
    ap.add_argument("--base", default=BASE, help="the commit to compare against; 'none' for this checkout only")
    ap.add_argument("--sets", help="comma-separated set names or languages (de-ted, man-de, de, ...)")
    ap.add_argument("--group", action="store_true",
                    help="one document per system and source document (a talk, an article, an abstract) or per "
                         "manual page, its rows as paragraphs, instead of one per row")
    ap.add_argument("--with-source", action="store_true",
                    help="read the MQM rows as bitext tables, each translation beside its source (one file per set "
                         "and system; --source-column), so that rules comparing the two run; the clean human text "
                         "stays as it is")
    ap.add_argument("--engine", default="none",
                    help="translate-cmp run's --engine for both contenders (default none: surface rules only; "
                         "apertium: each sentence's round trip, so the R4xx rules and the round-trip signals)")
    ap.add_argument("--pivot", default="",
                    help="with an engine, translate-cmp run's --pivot (es=en: Spanish through English instead of the "
                         "route's default)")
    ap.add_argument("--limit", type=int, help="at most this many rows per set, evenly spread (a quick run)")
    ap.add_argument("--clean-rows", type=int, default=1000, help="at most this many rows per clean-text set")
    ap.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for the AUROC intervals")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (inputs, base code and outputs)")
    ap.add_argument("-j", "--jobs", type=int, help="passed to translate-cmp run (default: its own, one per core)")
    ap.add_argument("--markdown", type=Path, help="also write the tables to this file")
    ap.add_argument("--examples", type=Path, help="write flags on clean rows, with context, to this file")
    ap.add_argument("--examples-per-rule", type=int, default=8)
    ap.add_argument("--judged", type=Path, default=ROOT / "benchmarks" / "clean_text_judged.tsv",
                    help="verdicts on flags in the clean human text: a real slip of the translator or a false alarm")
    ap.add_argument("--dump-clean-flags", type=Path,
                    help="write every flag on the clean human text (this checkout) as a TSV to judge, with context")
    args = ap.parse_args(argv)
    args.shared = args.shared or default_shared()

    mqm, titles, clean = load_rows(args)
    all_sets = {**mqm, **clean}
    if not all_sets:
        print("real_text: no set to measure (is --shared right?)", file=sys.stderr)
        return 2
    if args.with_source and args.group:
        print("real_text: --with-source reads one unit per row; it cannot be combined with --group", file=sys.stderr)
        return 2
    rows = [r for rs in all_sets.values() for r in rs]
    paired = [r for r in rows if args.with_source and r.source]
    article = [r for r in rows if not (args.with_source and r.source)]
    docs, place = build_documents(article, args.group)
    args.work.mkdir(parents=True, exist_ok=True)
    inputs = [inp for inp in (write_input(docs, args.work) if docs else None,
                              write_bitext(paired, args.work) if paired else None) if inp is not None]
    texts = {**docs, **{r.row_id: r.text for r in paired}}
    place.update({r.row_id: Placement(r.row_id, 0) for r in paired})
    contenders: dict[str, Outputs] = {}
    runs = ([(f"base {args.base}", unpack(args.base, args.work), True)] if args.base != "none" else []) \
        + [("this checkout", ROOT, False)]
    for name, code, cached in runs:
        merged = Outputs()
        for inp in inputs:
            key = inp.stem[6:] if inp.is_file() else \
                f"{inp.name}-{hashlib.sha256(' '.join(BITEXT_OPTIONS).encode()).hexdigest()[:6]}"
            now = "out-now" if inp.is_file() else "out-now-bitext"
            tail = "" if args.engine == "none" else f"-{args.engine}"  # each engine's (and pivot's) outputs apart
            tail += f"-{re.sub(r'[^A-Za-z0-9_]+', '_', args.pivot)}" if args.pivot and args.engine != "none" else ""
            out = args.work / (f"out-{code.name[5:]}-{key}{tail}" if cached else now + tail)
            part = run_contender(code, inp, out, texts, cached=cached, jobs=args.jobs, engine=args.engine,
                                 pivot=args.pivot if args.engine != "none" else "")
            for attr in ("flags", "sentences", "lang"):
                getattr(merged, attr).update(getattr(part, attr))
            merged.seconds += part.seconds
            merged.offset_mismatches += part.offset_mismatches
        contenders[name] = project(merged, rows, place)

    how = (f"{len(docs)} documents: each system's translation of a document, each page or catalogue, its rows as "
           "paragraphs (--group)" if args.group else "one document per row")
    if paired:
        how += "; MQM rows as bitext units beside their sources (--with-source)"
    what = "surface rules" if args.engine == "none" else "rules and round trip"
    engine = args.engine + (f" --pivot {args.pivot}" if args.pivot and args.engine != "none" else "")
    lines = [f"## Real text, {what} (`--engine {engine}`): {len(rows)} rows in {len(all_sets)} sets, {how}", ""]
    lines += [", ".join(f"{name}: {o.seconds:.0f} s" for name, o in contenders.items())
              + (" (`translate-cmp run` on the clean text, then on the bitext tables of each source language; "
                 if paired else " (one `translate-cmp run` each, all sets in one input; ")
              + "a stored base run counts its first time)", ""]
    for name, o in contenders.items():
        if o.offset_mismatches:
            lines += [f"**{name}: {o.offset_mismatches} sentences whose text is not the row's text at their "
                      "offsets: span figures are off for them.**", ""]
    judged = read_judged(args.judged)
    results = {s: {n: measure(rs, o, args.bootstrap, judged) for n, o in contenders.items()}
               for s, rs in all_sets.items()}
    lines += summary_table(results)
    for set_name in mqm:
        lines += mqm_tables(f"{titles[set_name]} ({set_name})", mqm[set_name], results[set_name])
    lines += clean_tables({s: results[s] for s in clean})
    if args.engine != "none" and mqm:
        lines += round_trip_table({s: measure_round_trip(mqm[s], contenders["this checkout"], args.bootstrap)
                                   for s in mqm})
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.examples:
        now = contenders["this checkout"]
        ex = [f"# False alarms on clean rows (this checkout, up to {args.examples_per_rule} per rule and set)", ""]
        for rs in all_sets.values():
            ex += examples(rs, now, args.examples_per_rule)
        args.examples.write_text("\n".join(ex) + "\n", encoding="utf-8")
    if args.dump_clean_flags:
        dump_clean_flags(args.dump_clean_flags, clean, contenders["this checkout"], judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
