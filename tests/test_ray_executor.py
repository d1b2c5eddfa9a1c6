"""The Ray executor: tasks sized by the work, nodes that differ refused, and the local executor's outputs byte for
byte on a local Ray instance (tests/test_ray_cluster.py runs a real two-node cluster)."""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

from translate_cmp.errors import InputError
from translate_cmp.run.executors.ray_exec import TaskPlan, describe_mismatch, plan_tasks
from translate_cmp.run.job import JobConfig, run_job


@pytest.mark.parametrize(
    ("engine", "nodes", "plan"),
    [
        ("none", [1, 1], TaskPlan(cpus=1, threads=1, in_flight=4)),  # two one-CPU nodes: both work
        ("none", [2], TaskPlan(cpus=1, threads=1, in_flight=4)),  # no CPU held back
        ("apertium", [16, 16], TaskPlan(cpus=1, threads=1, in_flight=64)),
        ("argos", [16], TaskPlan(cpus=2, threads=2, in_flight=16)),  # the engine's two threads
        ("argos", [1, 1], TaskPlan(cpus=1, threads=1, in_flight=4)),  # never more than a node has
        ("argos", [3, 2], TaskPlan(cpus=2, threads=2, in_flight=4)),
    ],
)
def test_tasks_are_sized_by_the_engine_and_use_every_cpu(engine, nodes, plan):
    assert plan_tasks(engine, nodes) == plan


@pytest.fixture(scope="module")
def ray_instance(argos_packages_dir):
    """A local Ray instance with two CPUs, started after the packages are installed (workers inherit the env)."""
    # ray is in the dev extras: in CI (TRANSLATE_CMP_CI=1) a missing ray fails these tests instead of skipping them
    ray = importlib.import_module("ray") if os.environ.get("TRANSLATE_CMP_CI") else pytest.importorskip("ray")
    ray.init(address="local", num_cpus=2, object_store_memory=100 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture
def articles(tmp_path: Path, seed_documents) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for doc in seed_documents:
        shutil.copy(doc.path, folder)
    return folder


@pytest.mark.slow
def test_ray_outputs_equal_local_outputs(ray_instance, articles: Path, tmp_path: Path):
    def run(executor: str):
        config = JobConfig(paths=(str(articles),), out_dir=tmp_path / executor, engine="argos", pivots=("de",),
                           chunk_docs=2, cache=False, executor=executor, formats=("csv", "jsonl"))
        return run_job(config, notify=lambda msg: None)

    local, distributed = run("local"), run("ray")
    for name in ("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert (distributed.documents, distributed.sentences, distributed.translated, distributed.flagged) == (
        local.documents, local.sentences, local.translated, local.flagged)
    assert distributed.translated == distributed.sentences > 100
    assert distributed.flag_counts == local.flag_counts


@pytest.mark.slow
def test_ray_raises_the_local_input_error(ray_instance, articles: Path, tmp_path: Path):
    # a pivot fixed for English ("en=fr"; a plain --pivot fr is a preference other routes may replace)
    config = JobConfig(paths=(str(articles),), out_dir=tmp_path / "out", engine="argos", pivots=("en=fr",),
                       cache=False, executor="ray", formats=("csv",))
    with pytest.raises(InputError, match="en->fr"):
        run_job(config, notify=lambda msg: None)


def test_a_node_that_differs_is_described_in_one_line():
    driver = {"translate-cmp": "1.0", "code": "a" * 64, "models": {"en->de": "m1", "de->en": "m2"}, "rules": ["S101"]}
    assert describe_mismatch(dict(driver), driver) is None
    node = {**driver, "models": {"en->de": "m1"}}
    assert describe_mismatch(node, driver) == "models: de->en missing (driver: m2)"
    node = {**driver, "translate-cmp": "0.9", "code": "b" * 64}
    assert describe_mismatch(node, driver) == "translate-cmp 0.9 code bbbbbbbbbbbb (driver: 1.0 code aaaaaaaaaaaa)"


@pytest.mark.slow
@pytest.mark.parametrize("streaming", [True, False])
def test_a_file_a_worker_does_not_see_as_the_driver_does_is_read_by_the_driver(ray_instance, articles: Path,
                                                                                 streaming: bool):
    """A node that sees another size under the driver's path (no shared file system): the driver reads the file
    and sends its documents; the results are the local ones, through streaming tasks and through the plain tasks
    Ray Client (``ray://``) needs."""
    from translate_cmp.pipeline import RunStats
    from translate_cmp.readers import ReadOptions, read_file
    from translate_cmp.run.executors import Inputs, Work, WorkSpec
    from translate_cmp.run.executors.memo import compute
    from translate_cmp.run.executors.ray_exec import FileRef, _Driver, node_fingerprint
    from translate_cmp.score.metrics import SentenceScorer

    spec = WorkSpec(engine="none", use_cache=False)
    engine, rules = spec.build_engine(), spec.build_rules()
    path = sorted(articles.glob("*.txt"))[0]
    st = path.stat()
    seen_elsewhere = FileRef(str(path), path.stem, st.st_size + 1, st.st_mtime_ns)
    work = Work(engine, rules, spec, SentenceScorer(), RunStats(), inputs=Inputs((str(articles),), ReadOptions()))
    driver = _Driver(ray_instance, work, plan_tasks("none", [2]),
                     node_fingerprint(engine, [r.code for r in rules], spec.pivots), streaming=streaming)
    results = list(driver.take(driver.submit(files=[seen_elsewhere], options=ReadOptions())))
    local = compute(list(read_file(path, path.stem, ReadOptions())),
                    Work(engine, rules, spec, SentenceScorer(), RunStats()))
    assert results == local and len(results) == 1
    assert sum(driver.nodes.values()) == 1 and work.stats.documents == 1
