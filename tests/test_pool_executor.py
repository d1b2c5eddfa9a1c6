"""--jobs: the per-document work on several processes writes what one process writes, byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from translate_cmp.errors import InputError
from translate_cmp.run.job import JobConfig, run_job

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl")


@pytest.fixture
def multilingual(tmp_path: Path) -> Path:
    """The seeds and the benchmark's articles in eleven languages: 22 documents."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))]:
        shutil.copy(path, folder / f"{path.parent.name}_{path.name}")
    return folder


def _run(inputs: Path, out: Path, jobs: int, **config) -> dict:
    run_job(JobConfig(paths=(str(inputs),), out_dir=out, formats=("csv", "jsonl"), jobs=jobs, **config),
            notify=lambda msg: None)
    return json.loads((out / "run.json").read_text())


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_two_processes_write_what_one_writes(multilingual: Path, tmp_path: Path):
    # chunks of 5: four go to the workers, the last (2 documents) is computed in this process
    one = _run(multilingual, tmp_path / "one", 1, engine="none", cache=False, chunk_docs=5)
    two = _run(multilingual, tmp_path / "two", 2, engine="none", cache=False, chunk_docs=5)
    _same_outputs(tmp_path / "one", tmp_path / "two")
    assert one["counts"] == two["counts"] and one["counts"]["documents"] == 22
    assert one["rules_not_run"] == two["rules_not_run"] and one["untranslated"] == two["untranslated"]
    assert two["counts"]["flagged"] > 0
    assert (one["processes"], two["processes"]) == (1, 2)


def test_warmed_up_before_the_fork_writes_what_one_writes(multilingual: Path, tmp_path: Path, monkeypatch):
    # this process detects, segments, scores and flags a few documents before forking (what the rules load on
    # first use, loaded once for every worker), then drops wordfreq's frequency lists: the same bytes
    import wordfreq

    from translate_cmp.run.executors import pool

    monkeypatch.setattr(pool, "WARM_UP_FROM", 4)
    warmed: list[int] = []
    warm_up = pool._warm_up
    monkeypatch.setattr(pool, "_warm_up", lambda docs, *rest: warmed.append(len(docs)) or warm_up(docs, *rest))
    one = _run(multilingual, tmp_path / "one", 1, engine="none", cache=False, chunk_docs=8)
    two = _run(multilingual, tmp_path / "two", 2, engine="none", cache=False, chunk_docs=8)
    _same_outputs(tmp_path / "one", tmp_path / "two")
    assert one["counts"] == two["counts"] and two["processes"] == 2
    assert warmed and warmed[0] >= 4  # the first chunk handed to the workers
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0  # dropped in this process after the fork


def test_two_processes_reuse_the_memo(multilingual: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    cold = _run(multilingual, tmp_path / "cold", 2, engine="none", cache_dir=str(cache), chunk_docs=8)
    again = _run(multilingual, tmp_path / "again", 2, engine="none", cache_dir=str(cache), chunk_docs=8)
    _same_outputs(tmp_path / "cold", tmp_path / "again")
    assert cold["cache"]["documents_reused"] == 0
    assert again["cache"]["documents_reused"] == 22


@pytest.mark.slow
def test_memo_results_between_the_workers_ones(multilingual: Path, tmp_path: Path):
    # half of the documents in the memo: each chunk mixes reused results with the workers', whose text then comes
    # back a document at a time (a batch's text in one piece would land in the wrong place)
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in sorted(multilingual.iterdir())[1::2]:
        path.rename(aside / path.name)
    cache = tmp_path / "cache"
    _run(multilingual, tmp_path / "half", 2, engine="none", cache_dir=str(cache), chunk_docs=8)
    for path in aside.iterdir():
        path.rename(multilingual / path.name)
    mixed = _run(multilingual, tmp_path / "mixed", 2, engine="none", cache_dir=str(cache), chunk_docs=8)
    _run(multilingual, tmp_path / "one", 1, engine="none", cache=False, chunk_docs=8)
    _same_outputs(tmp_path / "one", tmp_path / "mixed")
    assert mixed["cache"]["documents_reused"] == 11


def test_a_batch_of_text_in_one_piece(multilingual: Path, tmp_path: Path):
    # prepare_batch: the first result carries the batch's text, one string a file; written in order, the same bytes
    from dataclasses import replace

    from translate_cmp.pipeline import analyse_many, finish
    from translate_cmp.readers import read_documents
    from translate_cmp.rules import select_rules
    from translate_cmp.score.metrics import SentenceScorer
    from translate_cmp.writers import open_writers, prepare_batch

    rules, scorer = select_rules(), SentenceScorer()
    results = [finish(a, {}, scorer, rules) for a in analyse_many(list(read_documents([multilingual])))]
    prepare_batch(results, ("csv", "jsonl"))
    head, rest = results[0].prepared.rendered, [r.prepared.rendered for r in results[1:]]
    assert all(text == {"csv": ("", ""), "jsonl": ("", "")} for text in rest)
    assert head["csv"][1].count("\r\n") == len(results)  # every document's documents.csv row
    for name, items in (("batch", results), ("here", [replace(r, prepared=None) for r in results])):
        with open_writers(tmp_path / name, ("csv", "jsonl", "html")) as writers:
            for r in items:
                writers.write(r)
            writers.close({})
    _same_outputs(tmp_path / "batch", tmp_path / "here")


def test_translated_documents_round_trip_through_this_process(argos_packages_dir, seed_documents, tmp_path: Path):
    """Real argos copy models: workers analyse, this process translates, workers score and flag."""
    folder = tmp_path / "en"
    folder.mkdir()
    for i in range(2):  # ten English documents, two chunks of five
        for doc in seed_documents:
            shutil.copy(doc.path, folder / f"{i}_{Path(doc.path).name}")
    one = _run(folder, tmp_path / "one", 1, engine="argos", pivots=("de",), cache=False, chunk_docs=5)
    two = _run(folder, tmp_path / "two", 2, engine="argos", pivots=("de",), cache=False, chunk_docs=5)
    _same_outputs(tmp_path / "one", tmp_path / "two")
    assert two["counts"]["translated"] == two["counts"]["sentences"] > 0
    assert one["counts"] == two["counts"] and two["processes"] == 2


def test_a_missing_model_is_still_fatal_with_workers(argos_packages_dir, multilingual: Path, tmp_path: Path):
    """--engine argos is strict: a Spanish article with no es->de model stops the run, as in one process."""
    with pytest.raises(InputError, match="no installed model"):
        _run(multilingual, tmp_path / "out", 2, engine="argos", pivots=("de",), cache=False, chunk_docs=6)
    assert not (tmp_path / "out" / "sentences.csv").exists()


def test_workers_render_the_text_the_writers_would(multilingual: Path, tmp_path: Path):
    # the workers send each result back with its csv and jsonl text made (DocumentResult.prepared); written
    # as it came, it is byte for byte what the writers render themselves from the bare result
    from dataclasses import replace

    from translate_cmp.engines import create_engine
    from translate_cmp.pipeline import RunStats
    from translate_cmp.readers import read_documents
    from translate_cmp.rules import select_rules
    from translate_cmp.run.executors import Work, WorkSpec
    from translate_cmp.run.executors.pool import run_pool
    from translate_cmp.score.metrics import SentenceScorer
    from translate_cmp.writers import open_writers

    work = Work(create_engine("none"), select_rules(), WorkSpec(engine="none", use_cache=False, chunk_docs=8),
                SentenceScorer(), RunStats(), render=("csv", "jsonl"))
    results = list(run_pool(read_documents([multilingual]), work, jobs=2))
    assert len(results) == 22 and all(r.prepared is not None for r in results)  # chunks of 8, 8 and 6: all in workers
    assert set(results[0].prepared.rendered) == {"csv", "jsonl"}
    for name, items in (("ahead", results), ("here", [replace(r, prepared=None) for r in results])):
        with open_writers(tmp_path / name, ("csv", "jsonl", "html")) as writers:
            for r in items:
                writers.write(r)
            writers.close({})
    _same_outputs(tmp_path / "ahead", tmp_path / "here")
    assert (tmp_path / "ahead" / "flags.jsonl").stat().st_size > 0
    # prepared for csv alone (its rows left behind): the jsonl writer makes its own rows, the same bytes again
    from translate_cmp.writers import prepare

    with open_writers(tmp_path / "csv-only", ("csv", "jsonl")) as writers:
        for r in results:
            writers.write(replace(r, prepared=prepare(r, ("csv",))))
        writers.close({})
    _same_outputs(tmp_path / "csv-only", tmp_path / "here")


def test_a_folded_batch_writes_what_its_results_write(multilingual: Path, tmp_path: Path):
    # a worker's finished batch comes back folded (writers/batch.py): its text, counts, the report's state over it
    # with the run's limits, its findings; merged batch by batch, the same report state and files as each result
    from translate_cmp.pipeline import analyse_many, finish
    from translate_cmp.readers import read_documents
    from translate_cmp.rules import select_rules
    from translate_cmp.score.metrics import SentenceScorer
    from translate_cmp.writers import open_writers
    from translate_cmp.writers.batch import fold

    rules, scorer = select_rules(), SentenceScorer()

    def results():
        return [finish(a, {}, scorer, rules) for a in analyse_many(list(read_documents([multilingual])))]

    # limits far below the sentences flagged: the batches' kept entries compete in the run's heaps, ties included
    with open_writers(tmp_path / "each", ("csv", "jsonl", "html"), report_top_n=7) as each:
        for r in results():
            each.write(r)
        one = each.writers[-1].state
        with open_writers(tmp_path / "folded", ("csv", "jsonl", "html"), report_top_n=7) as folded:
            spec = folded.batch_spec
            assert spec == type(spec)(("csv", "jsonl"), (7, 50))
            items = results()
            findings = []
            for part in (items[:5], items[5:6], items[6:15], items[15:]):
                batch = fold(part, spec)
                folded.write_batch(batch)
                findings += batch.findings
            merged = folded.writers[-1].state
            assert len(one.worst()) == 7 and one.flagged > 7
            assert merged.worst() == one.worst() and merged.top_documents() == one.top_documents()
            assert (merged.chrf.bins, merged.risk.bins, list(merged.flags_by_code.items()), merged.severity_of,
                    merged.pivots, merged.sentences, merged.flagged) == (
                one.chrf.bins, one.risk.bins, list(one.flags_by_code.items()), one.severity_of, one.pivots,
                one.sentences, one.flagged)
            assert folded.counts == each.counts and len(findings) == each.counts.flags > 0
            folded.close({})
        each.close({})
    _same_outputs(tmp_path / "each", tmp_path / "folded")
    other = open_writers(tmp_path / "junit", ("csv", "junit"))
    assert other.batch_spec is None  # a writer that takes results one by one: no batch is folded for it
    other.abort()


def test_folded_batches_write_and_count_what_one_process_does(multilingual: Path, tmp_path: Path):
    # default formats (the report too), no memo: the workers' batches come back folded; the same files, report and
    # progress (every document and (sentence, pivot) row) as one process
    seen = {}
    for jobs in (1, 2):
        got = [0, 0]

        def progress(documents: int, sentences: int, got=got) -> None:
            got[0] += documents
            got[1] += sentences

        run_job(JobConfig(paths=(str(multilingual),), out_dir=tmp_path / str(jobs), jobs=jobs, engine="none",
                          cache=False, chunk_docs=8), progress=progress, notify=lambda msg: None)
        seen[jobs] = got
    counts = json.loads((tmp_path / "2" / "run.json").read_text())["counts"]
    assert seen[1] == seen[2] == [22, counts["rows"]]
    _same_outputs(tmp_path / "1", tmp_path / "2")

    def report(folder: str) -> list[str]:  # less the lines of its date and run details (timings, paths)
        lines = (tmp_path / folder / "report.html").read_text(encoding="utf-8").splitlines()
        return [line for line in lines if 'class="muted sub"' not in line and 'aria-label="run details"' not in line]

    assert report("1") == report("2")


def test_run_stats_merged_part_by_part_equal_stats_added_result_by_result(multilingual: Path):
    # a folded batch carries its RunStats; merged in the main process they must count what adding each result would
    from translate_cmp.pipeline import RunStats, analyse_many, finish
    from translate_cmp.readers import read_documents
    from translate_cmp.rules import select_rules
    from translate_cmp.score.metrics import SentenceScorer

    rules, scorer = select_rules(), SentenceScorer()
    results = [finish(a, {}, scorer, rules) for a in analyse_many(list(read_documents([multilingual])))]
    each, merged = RunStats(), RunStats()
    for r in results:
        each.add(r)
    for part in (results[:3], results[3:4], results[4:]):
        stats = RunStats()
        for r in part:
            stats.add(r)
        merged.merge(stats)
    assert each.flagged > 0 and each.max_severity is not None
    assert merged == each
