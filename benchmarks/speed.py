"""Speed: translate-cmp end to end against what a user would otherwise run, in one command.

    python benchmarks/speed.py                    # full run (~5-10 minutes on 2 cores)
    python benchmarks/speed.py --quick            # smaller model and input, a smoke test (~1 minute)

What it builds (in --work, default a temporary folder):

- a copy model pair en->es and es->en (translate_cmp.testing.copymodel): a real argos package
  whose CTranslate2 Transformer has the size of a real one (6+6 layers, d_model 512, 8 heads,
  ffn 2048, vocabulary 8000, stored int8 like argos's models) but whose hand-set weights copy
  the input, so every round trip is exact and checkable while every step costs what a real
  model's costs;
- the input: the seed articles repeated until there are at least 600 sentences, every copy after
  the first varied deterministically (a number token " (k)" inserted at the end of each sentence,
  before its closing punctuation) so that **every sentence is distinct**: neither the
  pipeline's de-duplication of identical texts within a call nor the cache can make the
  comparison look better than it is. The benchmark counts and prints the distinct sentences.

What it measures, each in a fresh process (wall clock, process start, imports and model loading
included unless said otherwise):

(a) the naive script: argostranslate ``translate()`` per article, both legs, at argos's defaults
    (beam 4, its own threads and 32-token batches). Offline, argos's default sentence splitters
    (MiniSBD, stanza, spaCy's downloaded model) all try to download and fail; the offline way is
    ``ARGOS_CHUNK_TYPE=SPACY`` with a spaCy pipeline inside each package (``spacy.blank(lang)``
    saved as the package's ``spacy/`` folder; argos adds spaCy's rule-based sentencizer). It is
    slow, so it runs on the first articles only (--naive-sentences) and is compared as
    sentences per second, its translation loop alone (imports and package set-up not counted:
    in its favour);
(b) bare CTranslate2: SentencePiece + ``Translator.translate_batch`` over all the distinct
    sentences, both legs, with the same decoding settings and threads as translate-cmp's engine;
    and the same plus the one extra CTranslate2 pass translate-cmp makes with ``--surprisal``
    (``score_batch``: forced decoding of each original given its pivot, for rule R407), so the
    table separates the cost of that feature from the pipeline's own overhead;
(c) translate-cmp, the CLI as a subprocess at its default settings, cold (empty cache), then again
    on unchanged input (warm cache): the whole re-run, process start included; and cold with
    ``--surprisal``, against (b)'s bare run with the same extra pass;
(d) peak memory (the RSS high-water mark of the child, from ``os.wait4``) of cold runs on the
    input and on ten times the input.

Targets (issue "Fast at any size"): (c) cold >= 5x the naive loop and within 1.15x of bare
CTranslate2; re-run >= 10x faster than cold; peak memory at 10x input within 1.2x of 1x.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
MODEL_SIZES = {
    "full": {"layers": 6, "d_model": 512, "heads": 8, "ffn": 2048, "vocab_size": 8000},
    "quick": {"layers": 2, "d_model": 256, "heads": 4, "ffn": 512, "vocab_size": 2000},
}
_TRAILER = re.compile(r"[.!?…:;]*[\"”’»)\]]*$")


# ---------------------------------------------------------------- input


def vary(text: str, copy: int) -> str:
    """Copy ``copy`` of ``text`` with every sentence distinct from every other sentence of every copy.

    Copy k > 0 puts " (k)" at the end of each sentence, before its closing punctuation (before a
    sentence of punctuation only); a sentence repeated within the text also gets its repeat number,
    " (k-j)", copy 0 included.
    """
    from translate_cmp.segment import split_spans

    out, last, seen = [], 0, {}
    for start, end, _ in split_spans(text):
        sentence = text[start:end]
        repeat = seen.get(sentence, 0)
        seen[sentence] = repeat + 1
        if copy == 0 and repeat == 0:
            continue
        token = f"({copy}-{repeat})" if repeat else f"({copy})"
        cut = start + _TRAILER.search(sentence).start()
        if cut == start:  # punctuation only: the token goes first
            out += [text[last:start], f"{token} "]
            last = start
        else:
            out += [text[last:cut], f" {token}"]
            last = cut
    out.append(text[last:])
    return "".join(out)


def write_corpus(folder: Path, copies: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    paths = []
    for k in range(copies):
        for seed in seeds:
            path = folder / f"c{k:03d}_{seed.name}"
            path.write_text(vary(seed.read_text(encoding="utf-8"), k), encoding="utf-8")
            paths.append(path)
    return paths


def sentences_of(paths: list[Path]) -> list[str]:
    """The sentences translate-cmp translates (its own segmenter), in order."""
    from translate_cmp.lang.detect import detect
    from translate_cmp.records import Document
    from translate_cmp.segment import segment

    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        out += [s.text for s in segment(Document(p.stem, str(p), text), detect(text).lang)]
    return out


def copies_for(min_sentences: int) -> int:
    per_copy = len(sentences_of(sorted(SEEDS.glob("*.txt"))))
    return -(-min_sentences // per_copy)


# ---------------------------------------------------------------- models


def build_models(work: Path, size: dict, corpus: list[Path]) -> Path:
    """Train SentencePiece on the input and build both copy packages; returns the folder of .argosmodel files."""
    from translate_cmp.testing.copymodel import build_copy_package, train_sentencepiece

    folder = work / "models"
    stamp = folder / "size.json"
    if stamp.exists() and json.loads(stamp.read_text()) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    spm = train_sentencepiece([p.read_text(encoding="utf-8") for p in corpus], folder / "spm",
                              vocab_size=size["vocab_size"])
    for src, tgt in (("en", "es"), ("es", "en")):
        build_copy_package(folder / f"{src}_{tgt}.argosmodel", src, tgt, spm, layers=size["layers"],
                           d_model=size["d_model"], heads=size["heads"], ffn=size["ffn"],
                           vocab_size=size["vocab_size"], quantization="int8")
    stamp.write_text(json.dumps(size))
    return folder


def argos_env(work: Path, packages: Path) -> dict[str, str]:
    """An environment whose argostranslate sees only ``packages`` and writes only under ``work``."""
    env = dict(os.environ)
    env.update({
        "ARGOS_PACKAGES_DIR": str(packages),
        "XDG_DATA_HOME": str(work / "xdg" / "data"),
        "XDG_CONFIG_HOME": str(work / "xdg" / "config"),
        "XDG_CACHE_HOME": str(work / "xdg" / "cache"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    })
    env.pop("CI", None)
    return env


INSTALL = """
import sys, argostranslate.package as P
for f in sys.argv[1:]:
    P.install_from_path(f)
"""

SPACY_SBD = """
import argostranslate.package as P, spacy
for pkg in P.get_installed_packages():
    spacy.blank(pkg.from_code).to_disk(pkg.package_path / "spacy")
"""


def install(work: Path, models: Path, name: str, env_extra: dict | None = None, spacy_sbd: bool = False) -> dict:
    packages = work / name
    env = argos_env(work, packages) | (env_extra or {})
    if not packages.exists():
        subprocess.run([sys.executable, "-c", INSTALL, *map(str, sorted(models.glob("*.argosmodel")))],
                       env=env, check=True, capture_output=True)
        if spacy_sbd:
            subprocess.run([sys.executable, "-c", SPACY_SBD], env=env, check=True, capture_output=True)
    return env


# ---------------------------------------------------------------- measuring


@dataclass
class Measured:
    wall_s: float
    peak_rss_mb: float
    stdout: str
    cpu_s: float = 0.0  # user + system time of the child (all its threads): steadier than wall on a shared machine


def measure(cmd: list[str], env: dict, ok_codes: tuple[int, ...] = (0,), cwd: Path | None = None) -> Measured:
    """Run ``cmd`` (in ``cwd``); wall time, CPU time and the child's own RSS high-water mark (os.wait4)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, text=True, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return Measured(wall, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime)


NAIVE = """
import json, sys, time
paths = sys.argv[1:]
import argostranslate.translate as T
texts = [open(p, encoding="utf-8").read() for p in paths]
t0 = time.perf_counter()
for text in texts:
    pivot = T.translate(text, "en", "es")
    back = T.translate(pivot, "es", "en")
print(json.dumps({"loop_s": time.perf_counter() - t0}))
"""

# The same CTranslate2 work as translate-cmp's argos engine (translate_cmp/engines/argos.py): one
# translate_batch per leg over every sentence (replacing unknown tokens only for the sentences that have
# an unknown piece or an unknown output), token batches split across the translators, the same beam,
# compute type, threads and length bound; nothing else (no segmenting, scoring, files).
# With "score": also the forced-decoding pass translate-cmp runs for token surprisal (rule R407):
# score_batch of each original given its pivot under the backward model.
BARE = """
import json, math, sys, time
t0 = time.perf_counter()
import ctranslate2, sentencepiece
s = json.loads(sys.argv[1])
sentences = json.loads(open(sys.argv[2], encoding="utf-8").read())
legs = json.loads(sys.argv[3])  # [[model_dir, spm_path], [model_dir, spm_path]]
texts = list(sentences)
pivots = None
for model_dir, spm_path in legs:
    sp = sentencepiece.SentencePieceProcessor(model_file=spm_path)
    tr = ctranslate2.Translator(model_dir, device="cpu", compute_type=s["compute_type"],
                                inter_threads=s["inter_threads"], intra_threads=s["intra_threads"])
    tokens = sp.encode(texts, out_type=str)
    total = sum(len(t) + 1 for t in tokens)
    options = dict(
        beam_size=s["beam_size"], batch_type="tokens",
        max_batch_size=max(1, min(s["max_batch_tokens"], math.ceil(total / s["inter_threads"]))),
        max_decoding_length=min(math.ceil(s["max_length_ratio"] * max(map(len, tokens))) + s["max_length_extra"],
                                s["max_length_cap"]),
        return_scores=True, return_end_token=True)
    out = [None] * len(tokens)
    plain = [i for i, t in enumerate(tokens) if sp.unk_id() not in sp.piece_to_id(t)]
    for i, r in zip(plain, tr.translate_batch([tokens[i] for i in plain], replace_unknowns=False, **options)
                    if plain else []):
        out[i] = r if "<unk>" not in r.hypotheses[0] else None
    redo = [i for i, r in enumerate(out) if r is None]
    for i, r in zip(redo, tr.translate_batch([tokens[i] for i in redo], replace_unknowns=True, **options)
                    if redo else []):
        out[i] = r
    texts = [sp.decode([p for p in r.hypotheses[0] if p != "</s>"]) for r in out]
    pivots = texts if pivots is None else pivots
if sys.argv[4:] == ["score"]:  # tr and sp are the backward leg's
    sources = sp.encode(pivots, out_type=str)
    total = sum(len(t) + 1 for t in sources)
    tr.score_batch(sources, sp.encode(sentences, out_type=str), batch_type="tokens",
                   max_batch_size=max(1, min(s["max_batch_tokens"], math.ceil(total / s["inter_threads"]))))
print(json.dumps({"wall_s": time.perf_counter() - t0, "exact": sum(a == b for a, b in zip(texts, sentences))}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path, help="keep models and outputs here (default: a temporary folder)")
    ap.add_argument("--quick", action="store_true", help="a small model and input: a smoke test, not the figures")
    ap.add_argument("--min-sentences", type=int, default=600)
    ap.add_argument("--naive-sentences", type=int, default=40, help="sentences the naive loop translates")
    ap.add_argument("--quality", default="balanced")
    ap.add_argument("--scale", type=int, default=10, help="the larger input for peak memory, in copies of the input")
    ap.add_argument("--repeat", type=int, default=2, help="cold and bare runs, interleaved; the fastest counts")
    args = ap.parse_args(argv)
    if args.quick:
        args.min_sentences, args.naive_sentences, args.scale, args.repeat = min(args.min_sentences, 200), 20, 3, 1
    size = MODEL_SIZES["quick" if args.quick else "full"]
    work = args.work or Path(tempfile.mkdtemp(prefix="translate-cmp-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731

    copies = copies_for(args.min_sentences)
    corpus = write_corpus(work / "input", copies)
    write_corpus(work / f"input_x{args.scale}", copies * args.scale)
    sentences = sentences_of(corpus)
    distinct = len(set(sentences))
    log(f"input: {len(corpus)} articles ({copies} copies of {len(corpus) // copies} seeds), "
        f"{len(sentences)} sentences, {distinct} distinct")

    log("building the copy models ...")
    t = time.perf_counter()
    models = build_models(work, size, corpus)
    log(f"  {time.perf_counter() - t:.0f} s")
    env = install(work, models, "packages")

    # settings translate-cmp's engine uses; bare CTranslate2 gets exactly these
    from translate_cmp.engines.argos_quality import engine_options
    probe = subprocess.run(
        [sys.executable, "-c", "import json; from translate_cmp.engines.argos import ArgosEngine; "
         f"e = ArgosEngine(**{engine_options(args.quality)!r}); print(json.dumps(e.settings() | "
         "dict(inter_threads=e.inter_threads, intra_threads=e.intra_threads, max_batch_tokens=e.max_batch_tokens)))"],
        env=env, check=True, capture_output=True, text=True)
    settings = json.loads(probe.stdout)
    log(f"engine settings: {settings}")

    # (c) translate-cmp cold, then warm
    def cli(inp: str, out: str, cache: str, *extra: str) -> list[str]:
        return [sys.executable, "-m", "translate_cmp", "run", str(work / inp), "--out", str(work / out),
                "--engine", "argos", "--quality", args.quality, "--cache-dir", str(work / cache), *extra]

    (work / "sentences.json").write_text(json.dumps(sentences), encoding="utf-8")
    legs = [[str(p / "model"), str(p / "sentencepiece.model")] for p in _package_dirs(work / "packages")]
    bare_settings = {k: settings[k] for k in ("compute_type", "beam_size", "inter_threads", "intra_threads",
                                              "max_batch_tokens", "max_length_ratio", "max_length_extra",
                                              "max_length_cap")}
    bare_cmd = [sys.executable, "-c", BARE, json.dumps(bare_settings), str(work / "sentences.json"), json.dumps(legs)]

    # (b) bare CTranslate2 and (c) translate-cmp cold, interleaved --repeat times (the fastest of each counts:
    # the least disturbed by anything else running on the machine)
    colds, bares, scored, colds_s = [], [], [], []
    for i in range(args.repeat):
        log(f"bare CTranslate2 ({i + 1}/{args.repeat}) ...")
        bares.append(measure(bare_cmd, env))
        scored.append(measure([*bare_cmd, "score"], env))
        log(f"translate-cmp cold ({i + 1}/{args.repeat}) ...")
        shutil.rmtree(work / f"cache{i}", ignore_errors=True)
        colds.append(measure(cli("input", f"out_cold{i}", f"cache{i}"), env, ok_codes=(0, 1)))
        shutil.rmtree(work / f"cache_s{i}", ignore_errors=True)
        colds_s.append(measure(cli("input", f"out_cold_s{i}", f"cache_s{i}", "--surprisal"), env, ok_codes=(0, 1)))
    best = min(range(args.repeat), key=lambda i: colds[i].wall_s)
    cold, bare, bare_scored = colds[best], min(bares, key=lambda m: m.wall_s), min(scored, key=lambda m: m.wall_s)
    cold_s = min(colds_s, key=lambda m: m.wall_s)
    bare_out = json.loads(bare.stdout)
    run_json = json.loads((work / f"out_cold{best}" / "run.json").read_text())
    exact = _exact_round_trips(work / f"out_cold{best}" / "sentences.csv")

    # (c) the re-run on unchanged input
    log("translate-cmp warm (unchanged input) ...")
    warm = measure(cli("input", "out_warm", f"cache{best}"), env, ok_codes=(0, 1))
    same = ((work / f"out_cold{best}" / "sentences.csv").read_bytes()
            == (work / "out_warm" / "sentences.csv").read_bytes())

    # (d) memory at 10x
    log(f"translate-cmp cold on {args.scale}x the input ...")
    shutil.rmtree(work / "cache_big", ignore_errors=True)
    big_run = measure(cli(f"input_x{args.scale}", "out_big", "cache_big"), env, ok_codes=(0, 1))

    # (a) naive argos loop on the first articles
    naive_env = install(work, models, "packages_naive", {"ARGOS_CHUNK_TYPE": "SPACY"}, spacy_sbd=True)
    naive_env["ARGOS_CHUNK_TYPE"] = "SPACY"
    subset, n = [], 0
    for p in corpus:
        subset.append(p)
        n += len(sentences_of([p]))
        if n >= args.naive_sentences:
            break
    log(f"naive argos loop on {len(subset)} articles ({n} sentences) ...")
    naive = measure([sys.executable, "-c", NAIVE, *map(str, subset)], naive_env)
    naive_loop = json.loads(naive.stdout.strip().splitlines()[-1])["loop_s"]

    # the table
    total = len(sentences)
    rows = [
        ("naive argos translate() per article, both legs (loop only)", f"{n} sentences", naive_loop, n / naive_loop),
        ("bare CTranslate2 translate_batch, both legs (process)", f"{total}", bare.wall_s, total / bare.wall_s),
        ("  + the score_batch pass of translate-cmp --surprisal", f"{total}", bare_scored.wall_s,
         total / bare_scored.wall_s),
        ("translate-cmp run, cold cache (process)", f"{total}", cold.wall_s, total / cold.wall_s),
        ("translate-cmp run --surprisal, cold cache (process)", f"{total}", cold_s.wall_s, total / cold_s.wall_s),
        ("translate-cmp run, re-run on unchanged input (process)", f"{total}", warm.wall_s, total / warm.wall_s),
    ]
    print()
    print(f"model: copy model {size}, int8; quality={args.quality}; engine settings {settings}")
    verdict = "all distinct: no dedupe or cache advantage" if distinct == total else "NOT all distinct"
    print(f"input: {len(corpus)} articles, {total} sentences, {distinct} distinct ({verdict})")
    print(f"cores: {os.cpu_count()}; round trips exact: {exact}/{total}; bare CT2 exact: {bare_out['exact']}/{total}")
    print()
    print(f"| {'what':<58} | {'sentences':>12} | {'seconds':>8} | {'sentences/s':>11} |")
    print(f"|{'-' * 60}|{'-' * 14}|{'-' * 10}|{'-' * 13}|")
    for what, count, secs, rate in rows:
        print(f"| {what:<58} | {count:>12} | {secs:>8.2f} | {rate:>11.1f} |")
    print()
    print(f"all cold runs (s): {[round(m.wall_s, 2) for m in colds]}; all bare runs (s): "
          f"{[round(m.wall_s, 2) for m in bares]}; bare + score pass (s): {[round(m.wall_s, 2) for m in scored]}; "
          f"cold --surprisal (s): {[round(m.wall_s, 2) for m in colds_s]}")
    print(f"peak RSS (MB): bare CTranslate2 {bare.peak_rss_mb:.0f}, translate-cmp 1x {cold.peak_rss_mb:.0f}, "
          f"{args.scale}x {big_run.peak_rss_mb:.0f} ({len(sentences) * args.scale} sentences), "
          f"re-run {warm.peak_rss_mb:.0f}")
    print(f"translate-cmp cold run.json timings: {run_json.get('timings')}")
    print(f"translate-cmp cold cache: {run_json.get('cache')}")
    speedup_naive = (total / cold.wall_s) / (n / naive_loop)
    vs_bare = cold.wall_s / bare.wall_s
    vs_scored = cold_s.wall_s / bare_scored.wall_s
    rerun = cold.wall_s / warm.wall_s
    mem = big_run.peak_rss_mb / cold.peak_rss_mb
    checks = [
        ("cold vs naive argos loop (sentences/s ratio) >= 5x", speedup_naive, speedup_naive >= 5),
        ("cold time / bare CTranslate2 time <= 1.15", vs_bare, vs_bare <= 1.15),
        ("cold --surprisal time / bare CTranslate2 with the same score pass <= 1.15", vs_scored, vs_scored <= 1.15),
        (f"cold time / re-run time >= 10x (outputs identical: {same})", rerun, rerun >= 10 and same),
        (f"peak RSS {args.scale}x / 1x <= 1.2 ({big_run.peak_rss_mb:.0f} MB / {cold.peak_rss_mb:.0f} MB)", mem,
         mem <= 1.2),
    ]
    print()
    for what, value, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {what}: {value:.2f}")
    print(f"\nwork folder: {work}")
    return 0


def _exact_round_trips(sentences_csv: Path) -> int:
    import csv

    with open(sentences_csv, encoding="utf-8", newline="") as f:
        return sum(row["back_text"] == row["text"] for row in csv.DictReader(f))


def _package_dirs(packages: Path) -> list[Path]:
    by_name = {json.loads((p / "metadata.json").read_text())["from_code"]: p for p in packages.iterdir()
               if (p / "metadata.json").exists()}
    return [by_name["en"], by_name["es"]]


if __name__ == "__main__":
    sys.exit(main())
