"""One batch run: wire the pipeline to its inputs, engine, rules and writers; build run.json."""

from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translate_cmp.cache import CachingEngine, with_cache
from translate_cmp.engines import auto_engine, create_engine
from translate_cmp.engines.base import Engine
from translate_cmp.engines.none import NoneEngine
from translate_cmp.engines.side_by_side import expand_pivots, split_tag
from translate_cmp.errors import InputsFailed
from translate_cmp.executors import WorkSpec, execute
from translate_cmp.gate import Gate, GateTally, load_baseline
from translate_cmp.pipeline import INSTALL_HINT, RunStats
from translate_cmp.quality import DEFAULT_QUALITY, engine_options
from translate_cmp.readers import FileError, ReadOptions, check_paths, read_documents
from translate_cmp.records import Severity
from translate_cmp.rules import select_rules
from translate_cmp.rules.coverage import rules_not_run
from translate_cmp.rules.roundtrip import SURPRISAL_RULE
from translate_cmp.score import SentenceScorer
from translate_cmp.writers import open_writers


@dataclass(frozen=True)
class JobConfig:
    paths: tuple[str, ...]
    out_dir: Path = Path("outputs")
    engine: str = "auto"
    pivots: tuple[str, ...] = ("es",)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    formats: tuple[str, ...] = ("csv", "jsonl", "html")
    read: ReadOptions = field(default_factory=ReadOptions)
    chunk_docs: int = 64
    engine_options: dict = field(default_factory=dict)  # overrides what ``quality`` picks
    quality: str = DEFAULT_QUALITY  # fast | balanced | best: beam size and quantisation (translate_cmp.quality)
    executor: str = "local"  # local | ray (translate_cmp.executors)
    cache: bool = True  # the on-disk translation cache (translate_cmp.cache)
    cache_dir: str | None = None  # None: $XDG_CACHE_HOME/translate-cmp or ~/.cache/translate-cmp
    surprisal: bool = False  # the forced-decoding pass behind R407 (--surprisal; needs R407 selected too)
    strict_inputs: bool = False  # --strict: any bad input file is fatal before work starts (else skipped, exit 3)
    baseline: str | None = None  # accepted findings (translate_cmp.gate): reported, not counted for fail_on
    jobs: int = 0  # local executor: worker processes for the per-document work (0: one per usable core, 1: none)


def base_manifest(engine: Engine, rule_docs: dict, scorer: SentenceScorer, stats: RunStats, started: float) -> dict:
    """What every run.json holds besides what the writer adds (versions, files): engine, models, rules,
    signatures, timings, counts."""
    inner = getattr(engine, "inner", engine)  # under the translation cache
    return {
        "engine": engine.name,
        "engine_settings": engine.settings(),
        "models": {f"{s}->{t}": engine.model_id(s, t) for s, t in sorted(engine.directions())},
        "model_loads": {f"{s}->{t}": n for (s, t), n in sorted(getattr(inner, "load_counts", {}).items())},
        "rules": sorted(rule_docs),
        "signatures": scorer.signatures() if stats.translated else {},
        "timings": {k: round(v, 3) for k, v in stats.timings.items()} | {"total": round(time.time() - started, 3)},
        "processes": stats.processes,  # stage timings are seconds of work summed over them
        "counts": {
            "documents": stats.documents, "sentences": stats.sentences, "translated": stats.translated,
            "flagged": stats.flagged, "flags": dict(sorted(stats.flag_counts.items())),
        },
    }


def run_job(config: JobConfig, progress=None, notify=lambda msg: print(msg, file=sys.stderr)) -> RunStats:
    """Run the pipeline over ``config.paths`` and write every output file atomically."""
    started = time.time()
    check_paths(config.paths)  # fail before loading anything
    if config.strict_inputs:
        for _ in read_documents(config.paths, config.read):  # every file read once: the first bad one is fatal
            pass
    accepted = load_baseline(config.baseline) if config.baseline else frozenset()
    tally = GateTally(Gate(config.fail_on, accepted, config.baseline))
    rules = select_rules(config.select, config.ignore)
    options = {**engine_options(config.quality), **config.engine_options}
    if config.engine == "auto":
        engine, why = auto_engine(pivot=(config.pivots or ["es"])[0], **options)
        notify(f"translate-cmp: {why}")
        if isinstance(engine, NoneEngine):
            notify("translate-cmp: argos models install with: " + INSTALL_HINT.format(src="en", tgt="es"))
    else:
        engine = create_engine(config.engine, **options)
    engine = with_cache(engine, config.cache_dir, config.cache, notify)
    spec = WorkSpec(
        engine=engine.name, engine_options=options, use_cache=config.cache, cache_dir=config.cache_dir,
        select=config.select, ignore=config.ignore, pivots=expand_pivots(config.engine, config.pivots),
        strict=config.engine == "argos",
        chunk_docs=config.chunk_docs, jobs=config.jobs,
        surprisal=config.surprisal and any(r.code == SURPRISAL_RULE for r in rules),
    )
    stats = RunStats()
    scorer = SentenceScorer()
    rule_docs = {r.code: r.summary for r in rules}
    not_run: dict[str, dict] = {}  # per document: the selected rules that do not serve its language

    def skip(error: FileError) -> None:
        stats.input_errors.append(error)
        notify(f"translate-cmp: error: {error.line}")

    with open_writers(config.out_dir, config.formats, gate=tally.gate) as writers:
        for result in execute(
            config.executor, read_documents(config.paths, config.read, on_error=skip), engine, rules, spec,
            scorer=scorer, stats=stats, on_chunk=progress,
        ):
            rows = writers.write(result, rule_docs)
            tally.add((flag, fp) for flag, fp, _ in rows.findings())
            if missing := rules_not_run(rules, result.lang):
                not_run[result.document.doc_id] = {"lang": result.lang, "rules": missing}
        if stats.input_errors and not stats.documents:
            raise InputsFailed(len(stats.input_errors))  # nothing to publish; the old outputs stay
        for error in stats.input_errors:  # after every good document, in the order they were met
            writers.write_error(error.doc_id, error.path, error.problem)
        for src, pivot in sorted(stats.untranslated_pairs) if engine.directions() else ():
            if tag := split_tag(pivot)[1]:  # a further engine of --engine argos,apertium
                notify(f"translate-cmp: no {tag} mode for {src}->{split_tag(pivot)[0]}->{src}; those documents "
                       f"have no {pivot} rows")
                continue
            notify(f"translate-cmp: no argos models for {src}->{pivot}->{src}; those documents got surface rules only. "
                   "Install: " + INSTALL_HINT.format(src=src, tgt=pivot))
        manifest = {
            **base_manifest(engine, rule_docs, scorer, stats, started),
            "settings": {
                **{k: v for k, v in asdict(config).items() if k not in ("read", "engine_options", "out_dir", "paths")},
                "paths": list(config.paths), "out_dir": str(config.out_dir),
                "fail_on": str(config.fail_on) if config.fail_on else None,
                "read": asdict(config.read),
            },
            "rules_not_run": not_run,
            "gate": tally.to_json(),
            "untranslated": [f"{s}->{p}" for s, p in sorted(stats.untranslated_pairs)],
            "input_errors": [asdict(e) for e in stats.input_errors],
            "cache": {"path": str(engine.cache.path), "documents_reused": stats.cache["documents_reused"],
                      "hits": stats.cache["hits"], "misses": stats.cache["misses"]}
            if isinstance(engine, CachingEngine) else None,
        }
        writers.close(manifest)
    if config.baseline:  # what --fail-on sees: the worst finding the baseline does not accept
        stats.max_severity = tally.max_new_severity
    return stats
