"""The Ray executor gives the local executor's outputs, byte for byte, on a local Ray instance."""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

from translate_cmp.errors import InputError
from translate_cmp.run.executors.ray_exec import PoolPlan, plan_pool
from translate_cmp.run.job import JobConfig, run_job


@pytest.mark.parametrize(
    ("cpus", "plan"),
    [
        (1, PoolPlan(actors=1, cpus_per_actor=0.5, threads=1)),
        (2, PoolPlan(actors=1, cpus_per_actor=1, threads=2)),
        (4, PoolPlan(actors=3, cpus_per_actor=1, threads=1)),
        (16, PoolPlan(actors=7, cpus_per_actor=2, threads=2)),
    ],
)
def test_pool_leaves_a_cpu_for_the_other_tasks(cpus, plan):
    assert plan_pool(cpus) == plan
    assert plan.actors * plan.cpus_per_actor < cpus


@pytest.fixture(scope="module")
def ray_instance(argos_packages_dir):
    """A local Ray instance with two CPUs, started after the packages are installed (workers inherit the env)."""
    # ray is in the dev extras: in CI (TRANSLATE_CMP_CI=1) a missing ray fails these tests instead of skipping them
    ray = importlib.import_module("ray") if os.environ.get("TRANSLATE_CMP_CI") else pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
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
    config = JobConfig(paths=(str(articles),), out_dir=tmp_path / "out", engine="argos", pivots=("fr",),
                       cache=False, executor="ray", formats=("csv",))
    with pytest.raises(InputError, match="en->fr"):
        run_job(config, notify=lambda msg: None)
