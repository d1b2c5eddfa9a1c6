"""A real two-node Ray cluster on this machine (``ray start --head`` and ``ray start --address``, one CPU each,
ports and temp dirs of their own): both nodes process documents, the outputs are byte-identical to the local
run, a worker killed mid-task is survived, and each way of failing to use a cluster is one line and its own
exit code, within ``--ray-timeout``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from translate_cmp.errors import (
    EXIT_CLUSTER_AUTH,
    EXIT_CLUSTER_CLIENT,
    EXIT_CLUSTER_NODE,
    EXIT_CLUSTER_UNREACHABLE,
    EXIT_INPUT_ERRORS,
)
from translate_cmp.testing.ray_cluster import LocalCluster

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = ("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl", "errors.csv")

pytestmark = pytest.mark.slow


def _ray_or_skip():
    # ray is in the dev extras: in CI (TRANSLATE_CMP_CI=1) a missing ray fails these tests instead of skipping them
    return importlib.import_module("ray") if os.environ.get("TRANSLATE_CMP_CI") else pytest.importorskip("ray")


@pytest.fixture(scope="module")
def cluster(argos_packages_dir):
    _ray_or_skip()
    started = LocalCluster(cpus_per_node=1, nodes=2, extra_env={"PYTHONPATH": str(REPO)}).start()
    try:
        yield started
    finally:
        started.stop()
    assert not started.pids(), "the cluster's processes outlived its teardown"


@pytest.fixture(scope="module")
def batch(tmp_path_factory, seed_documents) -> Path:
    """40 articles in files, two files giving the same id (a.txt, a.md) and a file that is not UTF-8."""
    folder = tmp_path_factory.mktemp("batch")
    for i in range(8):
        for doc in seed_documents:
            shutil.copy(doc.path, folder / f"{i}_{Path(doc.path).name}")
    (folder / "same.txt").write_text("The same id. It is kept twice.\n", encoding="utf-8")
    (folder / "same.md").write_text("The same id, from another file.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x80\x81\x82\x83\xfe\xff")
    return folder


def _run(batch: Path, out: Path, *extra: str, env: dict | None = None, timeout: float = 600):
    env = {**(env or os.environ), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "translate_cmp", "run", str(batch), "--engine", "none", "--no-cache", "--out", str(out),
         "--chunk-docs", "2", *extra],
        env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def local_run(batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    done = _run(batch, out, "--jobs", "1")
    assert done.returncode == EXIT_INPUT_ERRORS, done.stderr  # the broken file: reported, skipped
    return out


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        if (a / name).exists() or (b / name).exists():
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_both_nodes_process_documents_and_a_killed_worker_is_survived(cluster, batch, local_run, tmp_path):
    killed: list[int] = []
    stop = threading.Event()

    def kill_one_worker():  # a worker running a task (titled ray::run_unit), killed once
        while not stop.is_set() and not killed:
            for pid in cluster.workers("ray::run_unit"):
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    continue
                killed.append(pid)
                break
            time.sleep(0.01)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    try:
        done = _run(batch, tmp_path / "ray", "--executor", "ray", "--ray-address", cluster.address, env=cluster.env)
    finally:
        stop.set()
        killer.join()
    assert done.returncode == EXIT_INPUT_ERRORS, done.stderr
    assert killed, "no worker was seen running a task"
    _same_outputs(local_run, tmp_path / "ray")
    record = json.loads((tmp_path / "ray" / "run.json").read_text())["cluster"]
    nodes = {n["node_id"]: n["documents"] for n in record["nodes"]}
    assert len(nodes) == 2 and all(n > 0 for n in nodes.values()), record
    assert sum(nodes.values()) == 42 == json.loads((tmp_path / "ray" / "run.json").read_text())["counts"]["documents"]
    assert record["task_cpus"] == 1 and record["address"] == cluster.address


def test_no_address_starts_its_own_instance_and_never_joins_the_running_cluster(cluster, batch, local_run, tmp_path):
    env = {k: v for k, v in cluster.env.items() if k != "RAY_ADDRESS"}
    done = _run(batch, tmp_path / "own", "--executor", "ray", env=env)
    assert done.returncode == EXIT_INPUT_ERRORS, done.stderr
    _same_outputs(local_run, tmp_path / "own")
    record = json.loads((tmp_path / "own" / "run.json").read_text())["cluster"]
    assert record["address"] == "local" and len(record["nodes"]) == 1


def test_a_wrong_token_is_one_line_and_exit_6(cluster, batch, tmp_path):
    env = {**cluster.env, "RAY_AUTH_TOKEN": "0" * 32}
    done = _run(batch, tmp_path / "x", "--executor", "ray", "--ray-address", cluster.address, "--ray-timeout", "20",
                env=env, timeout=120)
    assert done.returncode == EXIT_CLUSTER_AUTH, done.stderr
    assert done.stderr.strip().count("\n") == 0 and "authentication token" in done.stderr, done.stderr


def test_a_node_with_other_models_is_refused_in_one_line(cluster, batch, tmp_path, copy_package_files):
    """The nodes have en-de and de-en; a driver with one more model (or any other set) is refused: exit 8."""
    from translate_cmp.testing import install_package

    other = tmp_path / "packages"
    other.mkdir()
    install_package(copy_package_files["en-de"], other)
    env = {**cluster.env, "ARGOS_PACKAGES_DIR": str(other)}
    done = subprocess.run(
        [sys.executable, "-m", "translate_cmp", "run", str(batch / "0_000_ab5a881cae983bb2.txt"), "--engine", "argos",
         "--pivot", "de", "--no-cache", "--out", str(tmp_path / "x"), "--executor", "ray", "--ray-address",
         cluster.address],
        env={**env, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=600)
    assert done.returncode == EXIT_CLUSTER_NODE, done.stderr
    assert "models" in done.stderr and "de->en" in done.stderr and done.stderr.strip().count("\n") == 0, done.stderr


def test_a_stopped_cluster_is_one_line_and_exit_5(batch, tmp_path):
    _ray_or_skip()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    done = _run(batch, tmp_path / "x", "--executor", "ray", "--ray-address", f"127.0.0.1:{port}", timeout=120)
    assert done.returncode == EXIT_CLUSTER_UNREACHABLE, done.stderr
    assert "nothing listens" in done.stderr and done.stderr.strip().count("\n") == 0, done.stderr


def test_a_cluster_that_does_not_answer_gives_up_after_the_timeout(batch, tmp_path):
    """A port that accepts connections and never answers (a hung head): exit 5 after --ray-timeout, not a hang."""
    _ray_or_skip()
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        done = _run(batch, tmp_path / "x", "--executor", "ray", "--ray-address", f"127.0.0.1:{port}",
                    "--ray-timeout", "3", timeout=120)
    assert done.returncode == EXIT_CLUSTER_UNREACHABLE, done.stderr
    assert "within 3 s" in done.stderr and done.stderr.strip().count("\n") == 0, done.stderr


@pytest.mark.skipif(importlib.util.find_spec("grpc") is not None, reason="Ray Client is installed here")
def test_ray_client_address_without_the_client_extra_is_one_line_and_exit_7(batch, tmp_path):
    _ray_or_skip()
    done = _run(batch, tmp_path / "x", "--executor", "ray", "--ray-address", "ray://127.0.0.1:10001", timeout=120)
    assert done.returncode == EXIT_CLUSTER_CLIENT, done.stderr
    assert "ray[client]" in done.stderr and done.stderr.strip().count("\n") == 0, done.stderr
