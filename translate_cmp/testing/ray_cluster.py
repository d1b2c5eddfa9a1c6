"""A real Ray cluster of several nodes on one machine, for tests and benchmarks: ``ray start --head`` and
``ray start --address`` with ports and a temp dir of their own, token authentication on.

Teardown kills only this cluster's processes (those whose command line names its temp dir, and their
children: workers and agents), never ``ray stop``, which stops every Ray process of the user on the
machine, other runs' clusters included; then the temp dir is removed.
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

RAY = [sys.executable, "-m", "ray.scripts.scripts"]
OBJECT_STORE_BYTES = 80 * 1024 * 1024  # Ray's least is 75 MiB
PORTS_PER_NODE = 8  # node manager, object manager, agent grpc, agent http, runtime env agent, metrics, GCS, dashboard
WORKER_PORTS = 60


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("", port))
        except OSError:
            return False
    return True


def _port_block(size: int) -> int:
    """The first of ``size`` consecutive ports free now (random start, so parallel sessions rarely meet)."""
    for _ in range(200):
        base = random.randrange(20000, 60000 - size)
        if all(_free(p) for p in range(base, base + size)):
            return base
    raise RuntimeError("no free block of ports")


@dataclass
class Node:
    temp_dir: Path
    ports: int  # the first of its block


@dataclass
class LocalCluster:
    """Start with :meth:`start`; ``address`` is the head's GCS; ``env`` what a driver needs to join."""

    cpus_per_node: int = 1
    nodes: int = 2
    extra_env: dict = field(default_factory=dict)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tcray", dir="/tmp")))  # short: sockets
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    address: str = ""
    started: list[Node] = field(default_factory=list)

    @property
    def env(self) -> dict:
        return {**os.environ, **self.extra_env, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": self.token,
                "RAY_USAGE_STATS_ENABLED": "0"}

    def _start_node(self, head: bool) -> None:
        block = _port_block(PORTS_PER_NODE + WORKER_PORTS)
        node = Node(self.root / f"n{len(self.started)}", block)
        self.started.append(node)
        p = iter(range(block, block + PORTS_PER_NODE))
        args = [
            "start", "--disable-usage-stats", f"--num-cpus={self.cpus_per_node}",
            f"--object-store-memory={OBJECT_STORE_BYTES}", f"--temp-dir={node.temp_dir}",
            f"--node-manager-port={next(p)}", f"--object-manager-port={next(p)}",
            f"--dashboard-agent-grpc-port={next(p)}", f"--dashboard-agent-listen-port={next(p)}",
            f"--runtime-env-agent-port={next(p)}", f"--metrics-export-port={next(p)}",
            f"--min-worker-port={block + PORTS_PER_NODE}",
            f"--max-worker-port={block + PORTS_PER_NODE + WORKER_PORTS - 1}",
        ]
        gcs, dashboard = next(p), next(p)
        if head:
            self.address = f"127.0.0.1:{gcs}"
            args += ["--head", f"--port={gcs}", "--include-dashboard=false", f"--dashboard-port={dashboard}",
                     "--node-ip-address=127.0.0.1"]
        else:
            args += [f"--address={self.address}", "--node-ip-address=127.0.0.1"]
        done = subprocess.run([*RAY, *args], env=self.env, capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise RuntimeError(f"ray start failed ({done.returncode}): {done.stderr[-2000:]}")

    def start(self) -> LocalCluster:
        try:
            self._start_node(head=True)
            for _ in range(self.nodes - 1):
                self._start_node(head=False)
            self.wait_for_nodes()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_for_nodes(self, timeout: float = 60) -> None:
        script = (f"import ray; ray.init(address={self.address!r}, log_to_driver=False); "
                  "print(sum(1 for n in ray.nodes() if n['Alive']))")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = subprocess.run([sys.executable, "-c", script], env=self.env, capture_output=True, text=True,
                                 timeout=timeout)
            if out.stdout.strip().isdigit() and int(out.stdout.strip()) >= self.nodes:
                return
            time.sleep(1)
        raise RuntimeError(f"{self.nodes} nodes did not join {self.address}")

    def pids(self) -> set[int]:
        """This cluster's processes: those naming its temp dir, and all their descendants."""
        marker = str(self.root).encode()
        parents: dict[int, int] = {}
        roots: set[int] = set()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            if marker in cmdline:
                roots.add(int(entry))
        found = set(roots)
        grew = True
        while grew:
            more = {pid for pid, ppid in parents.items() if ppid in found and pid not in found}
            found |= more
            grew = bool(more)
        found.discard(os.getpid())
        return found

    def workers(self, title: str) -> list[int]:
        """This cluster's processes whose title (a task's ``ray::NAME``) starts with ``title``."""
        out = []
        for pid in self.pids():
            try:
                if Path(f"/proc/{pid}/cmdline").read_bytes().startswith(title.encode()):
                    out.append(pid)
            except OSError:
                continue
        return out

    def stop(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            pids = self.pids()
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + 5
            while pids and time.monotonic() < deadline:
                pids = {p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)}
                time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
