"""One batch run: wire the pipeline to its inputs, engine, rules and writers; build run.json."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from translate_cmp.engines import auto_engine, create_engine
from translate_cmp.engines.argos_quality import DEFAULT_QUALITY, engine_options
from translate_cmp.engines.base import Engine
from translate_cmp.engines.cache import CachingEngine, with_cache
from translate_cmp.engines.routes import plan_entries
from translate_cmp.engines.side_by_side import expand_pivots, split_tag
from translate_cmp.errors import InputError, InputsFailed
from translate_cmp.pipeline import CHUNK_CHARS_PER_DOC, CHUNK_DOCS, RunStats
from translate_cmp.readers import (
    FileError,
    ReadOptions,
    check_paths,
    link_notice,
    output_notice,
    read_documents,
    skipped_links,
    skipped_outputs,
)
from translate_cmp.readers.uri import is_uri, local_paths
from translate_cmp.records import Severity
from translate_cmp.rules import select_rules
from translate_cmp.rules.coverage import rules_not_run
from translate_cmp.rules.roundtrip.R407_improbable_tokens import SURPRISAL_RULE
from translate_cmp.rules.settings import RuleSettings, configure, memo_keys
from translate_cmp.run.executors import Inputs, Work, WorkSpec, execute
from translate_cmp.run.executors.ray_connect import RayOptions
from translate_cmp.run.memo import (
    RunMemo,
    RunRecord,
    folder_key,
    publish_record,
    read_outputs,
    run_key,
    split_folder,
)
from translate_cmp.run.route_report import route_lines, route_summary
from translate_cmp.run.signature import RunSignature
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.writers import open_writers
from translate_cmp.writers.batch import Batch
from translate_cmp.writers.gate import Gate, GateTally, load_baseline

NOT_RUN_LISTED = 10_000  # run.json's rules_not_run names this many documents; a count stands for the others


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
    chunk_docs: int | None = None  # None: 64, short documents gathered further (pipeline.document_chunks)
    engine_options: dict = field(default_factory=dict)  # overrides what ``quality`` picks
    quality: str = DEFAULT_QUALITY  # fast | balanced | best: beam size, quantisation (engines.argos_quality)
    executor: str = "local"  # local | ray (translate_cmp.run.executors)
    cache: bool = True  # the on-disk translation cache (translate_cmp.engines.cache)
    cache_dir: str | None = None  # None: $XDG_CACHE_HOME/translate-cmp or ~/.cache/translate-cmp
    surprisal: bool = False  # the forced-decoding pass behind R407 (--surprisal; needs R407 selected too)
    strict_inputs: bool = False  # --strict: any bad input file is fatal before work starts (else skipped, exit 3)
    baseline: str | None = None  # accepted findings (translate_cmp.writers.gate): reported, not counted for fail_on
    jobs: int = 0  # local executor: worker processes for the per-document work (0: one per usable core, 1: none)
    ray_address: str | None = None  # --executor ray: the cluster to join (None: a new local instance)
    ray_timeout: float = 30.0  # --executor ray: seconds for the cluster to answer
    # project configuration (translate_cmp/config.py): the glossary file (Q65x), per-file ignores (glob, codes)
    # relative to ``config_root``
    glossary: str | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    config_root: str = ""
    consistency_scope: str = "project"  # Q670/Q671 compare units across the project, or within each file
    accelerators: tuple[str, ...] = ()  # accelerator markers ("&", "_"): consistency ignores them (and the Q6xx checks)
    variables: tuple[str, ...] = ()  # placeholder styles the project uses: for the Q6xx checks (QaOptions)


def base_manifest(engine: Engine, rule_docs: dict, scorer: SentenceScorer, stats: RunStats, started: float) -> dict:
    """What every run.json holds besides what the writer adds (versions, files): engine, models, rules,
    signatures, timings, counts."""
    inner = getattr(engine, "inner", engine)  # under the translation cache
    return {
        **RunSignature.of(engine, rule_docs, ()).manifest(),
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
    config = replace(config, paths=local_paths(config.paths))  # a file:// URI is its path: the same input
    check_paths(config.paths, config.read.follow_links, (config.out_dir,))  # fail before loading anything
    for link in skipped_links(config.paths, config.read.follow_links):
        notify(link_notice(link))
    for folder in skipped_outputs(config.paths, config.read.follow_links, (config.out_dir,)):
        notify(output_notice(folder))
    if config.strict_inputs:
        # every file read once: the first bad one is fatal
        for _ in read_documents(config.paths, config.read, exclude=(config.out_dir,)):
            pass
    accepted = load_baseline(config.baseline) if config.baseline else frozenset()
    tally = GateTally(Gate(config.fail_on, accepted, config.baseline))
    _check_usage(config)  # every usage error before any engine is probed (the engine line comes after them)
    settings = rule_settings(config, select_rules(config.select, config.ignore))
    rules = configure(select_rules(config.select, config.ignore), settings)
    options = {**engine_options(config.quality), **config.engine_options}
    if config.engine == "auto":
        engine, why = auto_engine(**options)
        notify(f"translate-cmp: {why}")
    else:
        engine = create_engine(config.engine, **options)
    engine = with_cache(engine, config.cache_dir, config.cache, notify)
    spec = WorkSpec(
        engine=engine.name, engine_options=options, use_cache=config.cache, cache_dir=config.cache_dir,
        select=config.select, ignore=config.ignore,
        pivots=expand_pivots(config.engine, config.pivots or ("es",)) if "," in config.engine
        else plan_entries(engine, config.pivots),
        strict=config.engine == "argos",
        chunk_docs=config.chunk_docs or CHUNK_DOCS, jobs=config.jobs, settings=settings,
        chunk_chars=None if config.chunk_docs else CHUNK_DOCS * CHUNK_CHARS_PER_DOC,
        surprisal=config.surprisal and any(r.code == SURPRISAL_RULE for r in rules),
    )
    memo: RunMemo | None = None
    key = None
    if isinstance(engine, CachingEngine):  # --no-cache (or no usable cache): no run memo either
        key = run_key(config, engine, memo_keys(rules), spec.pivots)
        memo = RunMemo(engine.cache.path.parent, notify) if key else None
        if memo is not None and key is not None:
            for k in (key, folder_key(key, config.out_dir)):
                if (record := memo.load(k)) is not None and (reused := _stats_of(record)) is not None:
                    return _replay(record, reused, config, engine, started, notify)
    notices: list[str] = []  # replayed by a re-run that reuses this run's outputs

    def note(msg: str) -> None:
        notices.append(msg)
        notify(msg)

    stats = RunStats()
    scorer = SentenceScorer()
    rule_docs = {r.code: r.summary for r in rules}
    not_run: dict[str, dict] = {}  # per document: the selected rules that do not serve its language
    not_run_more = 0  # documents past the first NOT_RUN_LISTED that would have been listed
    not_run_for = lru_cache(maxsize=256)(lambda lang, source: rules_not_run(rules, lang, source))

    def skip(error: FileError) -> None:
        stats.input_errors.append(error)
        note(f"translate-cmp: error: {error.line}")

    def check_rules(doc_id: str, lang: str, source: str) -> None:
        """Note the selected rules that do not serve a document's language (its unit's ``source`` language:
        a rule may need that pair's lexicon)."""
        nonlocal not_run_more
        if missing := not_run_for(lang, source):
            if len(not_run) < NOT_RUN_LISTED:
                not_run[doc_id] = {"lang": lang, "rules": missing}
            else:  # a table of a million rows: the first documents stand for the rest, memory stays flat
                not_run_more += 1

    with open_writers(config.out_dir, config.formats, gate=tally.gate) as writers:
        work = Work(engine, rules, spec, scorer, stats, on_chunk=progress,
                    inputs=Inputs(tuple(config.paths), config.read, skip),
                    ray=RayOptions(config.ray_address, config.ray_timeout), render=writers.ahead,
                    fold=writers.batch_spec)
        docs_once: dict | None = rule_docs  # the writers keep them: given with the first document, not every one
        for result in execute(config.executor, read_documents(config.paths, config.read, on_error=skip,
                                                                  exclude=(config.out_dir,)), work):
            if isinstance(result, Batch):  # a pool worker's documents, folded for the writers there
                writers.write_batch(result, docs_once)
                docs_once = None
                tally.add(result.findings)
                for doc_id, lang, source in result.documents:
                    check_rules(doc_id, lang, source)
                continue
            rows = writers.write(result, docs_once)
            docs_once = None
            if rows.fingerprints:  # one per finding: a document without any has nothing to count
                tally.add((flag, fp) for flag, fp, _ in rows.findings())
            unit = result.document.unit
            check_rules(result.document.doc_id, result.lang, unit.source_lang if unit is not None else "")
        if stats.input_errors and not stats.documents:
            raise InputsFailed(len(stats.input_errors))  # nothing to publish; the old outputs stay
        for error in stats.input_errors:  # after every good document, in the order they were met
            writers.write_error(error.doc_id, error.path, error.problem)
        for src, pivot in sorted(stats.untranslated_pairs) if engine.directions() else ():
            if tag := split_tag(pivot)[1]:  # a further engine of --engine argos,apertium
                note(f"translate-cmp: no {tag} mode for {src}->{split_tag(pivot)[0]}->{src}; those documents "
                       f"have no {pivot} rows")
        routes = route_summary(engine, stats, spec.pivots, hints=config.engine != "none")
        for line in route_lines(routes):
            note(line)
        manifest = {
            **base_manifest(engine, rule_docs, scorer, stats, started),
            "settings": settings_manifest(config),
            "rules_not_run": not_run,
            **({"rules_not_run_unlisted": not_run_more} if not_run_more else {}),
            "gate": tally.to_json(),
            "untranslated": [f"{s}->{p}" for s, p in sorted(stats.untranslated_pairs)],
            "routes": routes,
            "input_errors": [asdict(e) for e in stats.input_errors],
            "cache": {"path": str(engine.cache.path), "documents_reused": stats.cache["documents_reused"],
                      "hits": stats.cache["hits"], "misses": stats.cache["misses"], "run_reused": False}
            if isinstance(engine, CachingEngine) else None,
            "cluster": work.cluster,  # --executor ray: the nodes and the documents each processed
        }
        full = writers.close(manifest)
        for error in writers.late_errors:  # already in run.json's input_errors: counted for the exit code
            stats.input_errors.append(error)
            note(f"translate-cmp: error: {error.line}")
    if config.baseline:  # what --fail-on sees: the worst finding the baseline does not accept
        stats.max_severity = tally.max_new_severity
    stats.gate_failures = tally.failing
    if memo is not None and key is not None:
        _remember(memo, key, config, full, stats, notices)
    return stats


def rule_settings(config: JobConfig, rules) -> RuleSettings:
    """What the configured rules read: the glossary (loaded here: a bad file is an input error before any work)
    and, when a consistency rule is selected, the project pass over every unit (translate_cmp/rules/consistency)."""
    from translate_cmp.rules.consistency.project import project_findings
    from translate_cmp.rules.terminology.glossary import load_glossary

    glossary = load_glossary(config.glossary) if config.glossary else None
    project = project_findings(config.paths, config.read, rules, config.consistency_scope, "".join(config.accelerators))
    return RuleSettings(glossary=glossary, project=project, per_file_ignores=config.per_file_ignores,
                        root=config.config_root, qa=qa_options(config))


def qa_options(config: JobConfig):
    """The Q6xx checks' options from the project configuration (None: nothing configured, the defaults)."""
    from translate_cmp.rules.qa.options import QaOptions

    if not config.accelerators and not config.variables:
        return None
    defaults = QaOptions()
    try:
        return QaOptions(accelerators=config.accelerators or defaults.accelerators,
                         variables=config.variables or defaults.variables)
    except ValueError as err:
        raise InputError(config.config_root or "configuration", str(err)) from None


def _check_usage(config: JobConfig) -> None:
    """The checks the writers would make only after the engine was chosen: --format names, --out a folder."""
    from translate_cmp.writers import parse_formats
    from translate_cmp.writers.annotated import ANNOTATED_WRITERS

    formats = parse_formats(config.formats)
    copies = [f for f in formats if f in {w.format for w in ANNOTATED_WRITERS}]
    if copies and (uri := next((p for p in config.paths if is_uri(p)), None)):
        raise InputError(f"--format {copies[0]}", f"annotated copies are made of local files only, not of {uri}")
    if config.out_dir.exists() and not config.out_dir.is_dir():
        raise InputError(str(config.out_dir), "output path exists and is not a folder")


def settings_manifest(config: JobConfig) -> dict:
    """run.json's ``settings``: the job's configuration as given."""
    return {
        **{k: v for k, v in asdict(config).items() if k not in ("read", "engine_options", "out_dir", "paths")},
        "paths": list(config.paths), "out_dir": str(config.out_dir), "chunk_docs": config.chunk_docs or CHUNK_DOCS,
        "fail_on": str(config.fail_on) if config.fail_on else None,
        "read": asdict(config.read),
    }


def _remember(memo: RunMemo, key: str, config: JobConfig, manifest: dict, stats: RunStats,
              notices: list[str]) -> None:
    """Store this run's outputs for a re-run, unless they cannot be read back intact."""
    files = read_outputs(config.out_dir, manifest)
    if files is None:
        return
    parts = split_folder(files, config.out_dir)
    if parts is None:  # the outputs name their folder: served again into that same folder only
        key, parts = folder_key(key, config.out_dir), (files, {})
    memo.store(key, RunRecord(files=parts[0], split=parts[1], manifest=manifest, notices=notices, stats={
        "documents": stats.documents, "sentences": stats.sentences, "flagged": stats.flagged,
        "translated": stats.translated, "flag_counts": dict(stats.flag_counts),
        "max_severity": str(stats.max_severity) if stats.max_severity is not None else None,
        "gate_failures": dict(stats.gate_failures),
        "untranslated_pairs": sorted(stats.untranslated_pairs),
        "input_errors": [asdict(e) for e in stats.input_errors],
    }))


def _stats_of(record: RunRecord) -> RunStats | None:
    """The stored run's RunStats (what the CLI's summary line and exit code read); None if malformed."""
    s = record.stats
    try:
        stats = RunStats(
            documents=s["documents"], sentences=s["sentences"], flagged=s["flagged"], translated=s["translated"],
            flag_counts=Counter(s["flag_counts"]),
            max_severity=Severity.parse(s["max_severity"]) if s["max_severity"] else None,
            gate_failures=Counter(s.get("gate_failures", {})),
            untranslated_pairs={tuple(p) for p in s["untranslated_pairs"]},
            input_errors=[FileError(**e) for e in s["input_errors"]],
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    stats.cache["documents_reused"] = stats.documents
    return stats


def _replay(record: RunRecord, stats: RunStats, config: JobConfig, engine: CachingEngine, started: float,
            notify) -> RunStats:
    """A re-run served whole from the run memo: the same stderr lines, files, exit-code inputs; fresh run.json
    timings, written_at and settings, and ``cache.run_reused: true``."""
    from datetime import datetime, timezone

    from translate_cmp.writers.manifest import _jsonable

    for line in record.notices:
        notify(line)
    manifest = dict(record.manifest)
    manifest.pop("digests", None)
    manifest["settings"] = _jsonable(settings_manifest(config))
    manifest["cache"] = {"path": str(engine.cache.path), "documents_reused": stats.documents, "hits": 0,
                         "misses": 0, "run_reused": True}
    manifest["written_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    manifest["timings"] = {"total": round(time.time() - started, 3)}
    if manifest.get("cluster"):
        manifest["cluster"] = None  # no node processed anything this time
    publish_record(record, config.out_dir, manifest)
    return stats
