"""Scale: many short documents and one huge one, time and peak memory (issue 24).

    python benchmarks/scale.py                          # 1,000,000 rows and the 150 MiB line
    python benchmarks/scale.py --rows 20000 --big-mib 0 # 20,000 rows only (a minute)
    python benchmarks/scale.py --rows 20000 --base /tmp/base   # the same inputs through another checkout too

Inputs (written once under --work, default /tmp/translate-cmp-scale, and reused):

- ``rows-N-words.csv``: a table of N one-sentence rows (``id,text``). The sentences are the project's own
  article sentences (seeds/, benchmarks/roundtrip_articles/, benchmarks/articles/ with their labels
  removed: English, Spanish, German, French, Italian, Dutch, Portuguese, Russian, Arabic, Chinese,
  Japanese), taken in a shuffled order; every copy after the first is varied by a word: " (word)"
  before the closing punctuation, the word the k-th of a fixed list of frequent words of the sentence's own
  language (wordfreq's list past its 100 most frequent, letters only; the language is the detector's answer
  for the sentence; two words where a list runs out; a sentence found twice taken once), so that **every row
  is distinct in its letters**, and no per-text memo, nor one per n-gram sequence (langdetect reads digits and
  punctuation as spaces), can make a run look faster than it is.
- ``rows-N-digits.csv`` (``--table digits``; formerly ``rows-N.csv``, the same bytes): the table of every figure up
  to docs/benchmarks.md's fourth pass, each copy varied by a number only (" (k)", as benchmarks/speed.py
  varies). Its rows are distinct as strings (but for one sentence found twice in the articles), yet copies of
  one sentence share langdetect's n-gram sequence (422 sequences in 20,000 rows), which
  translate_cmp/lang/langdetect_fast.py detects once: kept to compare with earlier figures.
- ``line-M.txt``: one line of M MiB: the same sentences (varied by a number) joined by spaces, no newline.

Each input goes through ``python -m translate_cmp run INPUT --engine none --no-cache`` (default formats:
csv, jsonl, html) in a child process with ``PYTHONPATH`` set to the checkout measured. Printed per run:
wall seconds, rows per second, CPU seconds (user + system of the run and its workers, ``os.wait4``: what a
loaded machine inflates least) and peak memory: the largest single process's RSS high-water mark
(``os.wait4``) and the peak of the summed RSS of the process tree (the run and its worker
processes), sampled every 0.2 s. With ``--base``, every input runs through both checkouts one after the
other and a ratio is printed (on a shared machine only the ratios are comparable), and the two runs' data
outputs (documents.csv, sentences.csv, flags.jsonl, sentences.jsonl) are compared byte for byte.

Goals (issue 24): 1,000,000 rows under 100 s on 2 cores (10,000 rows/s), memory flat in the rows; the
150 MiB line under 2 GB. A text file over 48 MiB (one document) is refused in one line with exit 2
(translate_cmp/readers/decode.py, MAX_DOCUMENT_BYTES): the benchmark says so and counts it as met.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "benchmarks" / "roundtrip_articles", ROOT / "benchmarks" / "articles"]
_LABEL = re.compile(r"\{\{[A-Z]\d{3}\|(.*?)\}\}", re.S)  # benchmarks/articles: {{CODE|text}} -> text
_END = re.compile(r"([.!?…。]+[\"”»’)]*)\s*$")


def sentences() -> list[str]:
    """The project's article sentences, one line each, in a fixed shuffled order."""
    sys.path.insert(0, str(ROOT))
    from translate_cmp.segment import split_spans

    out: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = _LABEL.sub(r"\1", path.read_text(encoding="utf-8"))
            for start, end, _ in split_spans(text):
                s = " ".join(text[start:end].split())
                if len(s) >= 20 and any(ch.isalpha() for ch in s):
                    out.append(s)
    random.Random(24).shuffle(out)
    return out


TABLES = ("words", "digits")
SKIP_COMMON = 100  # the most frequent words (mostly grammar words) are not used as the varying word
LIST_WORDS = 6000  # how far down wordfreq's list the words come from


def vary(sentence: str, k: int, token: str | None = None) -> str:
    """Copy ``k`` of a sentence: " (token)" before its closing punctuation, ``token`` by default the number k
    (copy 0 as it is)."""
    if k == 0:
        return sentence
    token = str(k) if token is None else token
    m = _END.search(sentence)
    return f"{sentence[:m.start()]} ({token}){m.group(1)}" if m else f"{sentence} ({token})"


@cache
def language_words(lang: str) -> tuple[str, ...]:
    """Frequent words of ``lang`` in a fixed order (wordfreq's ranking): letters only, past the
    ``SKIP_COMMON`` most frequent; at least 2 characters in Chinese and Japanese, 3 elsewhere; each
    different from the words before it as langdetect reads letters (``NGram.normalize`` maps many
    ideographs to one), so that copies of a sentence never share langdetect's n-gram sequence."""
    from langdetect.utils.ngram import NGram
    from wordfreq import top_n_list

    shortest = 2 if lang in ("zh", "ja") else 3
    seen: set[str] = set()
    out = []
    for w in top_n_list(lang, LIST_WORDS)[SKIP_COMMON:]:
        read = "".join(NGram.normalize(ch) for ch in w)
        if w.isalpha() and len(w) >= shortest and read not in seen:
            seen.add(read)
            out.append(w)
    return tuple(out)


def word_token(words: Sequence[str], k: int) -> str:
    """The ``k``-th varying token (k >= 1): one word, then two where the list runs out."""
    i = k - 1
    return words[i] if i < len(words) else f"{words[i % len(words)]} {words[i // len(words) - 1]}"


_WORDS_OF = {"af": "nl"}  # langdetect says Afrikaans for 3 of the Dutch sentences; wordfreq has no Afrikaans


def sentence_words(pool: list[str]) -> list[tuple[str, ...]]:
    """Per sentence, the word list of its language (the detector's answer; English where wordfreq has none)."""
    sys.path.insert(0, str(ROOT))
    from wordfreq import available_languages

    from translate_cmp.lang.detect import detect

    have = set(available_languages()) | set(_WORDS_OF)
    out = []
    for s in pool:
        lang = detect(s, galician=False).lang
        out.append(language_words(_WORDS_OF.get(lang, lang) if lang in have else "en"))
    return out


def table_rows(n: int, table: str = "words") -> list[str]:
    """The texts of the first ``n`` rows of a table (``words``: varied by a word; ``digits``: by a number)."""
    pool = sentences()
    if table == "words":  # a sentence found twice in the articles is taken once: every row distinct
        pool = list(dict.fromkeys(pool))
    words = sentence_words(pool) if table == "words" else None
    rows = []
    for i in range(n):
        j, k = i % len(pool), i // len(pool)
        rows.append(vary(pool[j], k, word_token(words[j], k) if words and k else None))
    return rows


def rows_path(work: Path, n: int, table: str = "words") -> Path:
    return work / (f"rows-{n}-words.csv" if table == "words" else f"rows-{n}-digits.csv")


def write_rows(path: Path, n: int, table: str = "words") -> Path:
    if path.exists():
        return path
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "text"])
        for i, text in enumerate(table_rows(n, table)):
            out.writerow([i + 1, text])
    tmp.replace(path)
    return path


def write_line(path: Path, mib: int) -> Path:
    if path.exists():
        return path
    pool = sentences()
    target = mib * 1024 * 1024
    tmp = path.with_suffix(".part")
    size, i = 0, 0
    with tmp.open("w", encoding="utf-8") as f:
        while size < target:
            piece = vary(pool[i % len(pool)], i // len(pool)) + " "
            f.write(piece)
            size += len(piece.encode("utf-8"))
            i += 1
    tmp.replace(path)
    return path


@dataclass
class Measured:
    wall_s: float
    max_process_mb: float  # the largest single process's RSS high-water mark
    tree_mb: float  # peak of the summed RSS of the run and its workers (sampled)
    cpu_s: float  # user + system CPU seconds of the run and the workers it waited for (os.wait4): less load-bound
    rc: int
    tail: str


def _tree_rss_kb(pid: int) -> int:
    """Summed RSS of ``pid`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/status", encoding="utf-8") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


def measure(code: Path, inp: Path, out: Path, extra: list[str]) -> Measured:
    """``translate-cmp run`` of checkout ``code`` on ``inp`` in a fresh child: wall time and peak memory."""
    import threading

    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "translate_cmp", "run", str(inp), "--engine", "none", "--no-cache",
           "--out", str(out), *extra]
    peak = [0]
    done = threading.Event()
    with tempfile.TemporaryFile("w+") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=code, stdout=log, stderr=subprocess.STDOUT, text=True)

        def sample() -> None:
            while not done.wait(0.2):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # ru_maxrss: the largest of the run and its waited-for workers
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        tail = log.read()[-400:].strip()
    return Measured(wall, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss) / 1024,
                    usage.ru_utime + usage.ru_stime, proc.returncode, tail)


def report(name: str, units: int, unit: str, runs: dict[str, Measured]) -> None:
    for label, m in runs.items():
        rate = f"{units / m.wall_s:,.0f} {unit}/s" if units else f"{m.wall_s:.1f} s"
        cpu = f"  CPU {m.cpu_s:7.1f} s" + (f" ({1e6 * m.cpu_s / units:,.0f} us/row)" if units else "")
        print(f"{name:>16} {label:>5}: {m.wall_s:8.1f} s  {rate:>16}{cpu}  peak process {m.max_process_mb:7.0f} MB"
              f"  peak tree {m.tree_mb:7.0f} MB  exit {m.rc}")
        if m.rc and "limit for one document" not in m.tail:
            print("    " + m.tail.replace("\n", "\n    "))
    if len(runs) == 2:
        base, this = runs["base"], runs["this"]
        print(f"{name:>16} ratio: base/this time {base.wall_s / this.wall_s:.2f}x, "
              f"CPU {base.cpu_s / max(this.cpu_s, 1e-9):.2f}x, "
              f"memory (tree) {this.tree_mb / max(base.tree_mb, 1):.2f} of base")


COMPARED = ("documents.csv", "sentences.csv", "flags.jsonl", "sentences.jsonl")  # run.json, the HTML: times, paths


def same_outputs(name: str, work: Path) -> bool:
    """With --base: are the two runs' data outputs byte for byte the same? Printed either way."""
    this, base = work / "out-this", work / "out-base"
    differ = [f for f in COMPARED if (this / f).exists() != (base / f).exists()
              or (this / f).exists() and not filecmp.cmp(this / f, base / f, shallow=False)]
    said = f"DIFFER: {', '.join(differ)}" if differ else f"identical ({', '.join(COMPARED)})"
    print(f"{name:>16} outputs: {said}")
    return not differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000_000], help="row counts (0: none)")
    parser.add_argument("--big-mib", type=int, default=150, help="size of the one-line file (0: none)")
    parser.add_argument("--base", type=Path, help="another checkout (e.g. `git worktree add /tmp/base main`)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "translate-cmp-scale")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs of the runs (0: the default)")
    parser.add_argument("--table", choices=TABLES, default="words",
                        help="copies of a sentence differ by a word (default) or by a number only (earlier figures)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    checkouts = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    extra = ["--jobs", str(args.jobs)] if args.jobs else []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"translate-cmp run --engine none --no-cache; table: {args.table}; {cores} cores; "
          f"load {os.getloadavg()[0]:.1f}")
    ok = True
    for n in [n for n in args.rows if n > 0]:
        inp = write_rows(rows_path(args.work, n, args.table), n, args.table)
        runs = {label: measure(code, inp, args.work / f"out-{label}", extra)
                for label, code in reversed(list(checkouts.items()))}
        report(f"{n:,} rows", n, "rows", runs)
        ok &= runs["this"].rc == 0 and (len(runs) == 1 or same_outputs(f"{n:,} rows", args.work))
    if args.big_mib > 0:
        inp = write_line(args.work / f"line-{args.big_mib}.txt", args.big_mib)
        runs = {label: measure(code, inp, args.work / f"out-{label}", extra)
                for label, code in reversed(list(checkouts.items()))}
        report(f"{args.big_mib} MiB line", 0, "", runs)
        refused = runs["this"].rc == 2 and "limit for one document" in runs["this"].tail
        if refused:  # over MAX_DOCUMENT_BYTES (translate_cmp/readers/decode.py): one line, exit 2, as meant
            print(f"{'':>16} refused as meant: {runs['this'].tail.splitlines()[-1]}")
        ok &= runs["this"].rc == 0 or refused
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
