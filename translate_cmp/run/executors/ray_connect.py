"""Connecting the driver to Ray: a new local instance, or a running cluster only when asked.

``--ray-address`` (or ``RAY_ADDRESS``, Ray's own variable) names the cluster to join: ``host:port``
of its head, ``auto`` for the cluster ``ray start`` started on this machine, or ``ray://host:10001``
through Ray Client. Without it a new local instance is started and stopped with the run; a cluster
running on this machine is never joined silently (``ray.init()`` alone would join it).

Before ``ray.init`` the address is checked within ``--ray-timeout`` seconds, so that each way a
cluster can fail to be usable is one line with its cause and exit code (:mod:`translate_cmp.errors`):
nothing listening or no answer (5), the cluster's token authentication refusing this driver (6),
``ray://`` without Ray Client installed (7). Ray's own connection attempts wait 20-60 s and end in a
bare ``ConnectionError``; a stopped cluster's address made ``ray.init`` wait for minutes.

A joined cluster gets this driver's translate_cmp package through the job's runtime environment
(``py_modules``), so every node runs the driver's code; the libraries and models must be installed on
every node, which the workers check (:mod:`translate_cmp.run.executors.ray_exec`).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from translate_cmp.errors import (
    EXIT_CLUSTER_AUTH,
    EXIT_CLUSTER_CLIENT,
    EXIT_CLUSTER_UNREACHABLE,
    ClusterError,
)

LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024  # a local instance's object store: results pass through, briefly
CLIENT_HINT = "pip install 'translate-cmp[ray]' (it includes ray[client]) or 'ray[client]'"


@dataclass(frozen=True)
class RayOptions:
    """Where the Ray executor runs: ``address`` None starts a new local instance."""

    address: str | None = None
    timeout: float = 30.0  # seconds for the cluster to answer (each check, and ray.init)


@dataclass(frozen=True)
class Connection:
    """What :func:`connect` did: whether it started Ray (then the run stops it), and the address joined."""

    started: bool
    address: str  # "local" for a new local instance


@contextlib.contextmanager
def _quiet_stderr():
    """Ray's C++ client logs every retry on stderr (file descriptor 2): hidden while it is probed.

    When the probe gives up while Ray's thread still retries, descriptor 2 stays on the sink and Python's
    ``sys.stderr`` moves to the real stderr, so the one line that follows is all the user sees."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    sink = tempfile.TemporaryFile()  # noqa: SIM115 (kept open while a hung probe may still write)
    os.dup2(sink.fileno(), 2)
    try:
        yield
    except _GaveUp:
        sys.stderr.flush()
        sys.stderr = open(saved, "w", encoding=sys.stderr.encoding, errors="backslashreplace")  # noqa: SIM115
        raise
    except BaseException:
        os.dup2(saved, 2)
        os.close(saved)
        raise
    os.dup2(saved, 2)
    os.close(saved)
    sink.close()


class _GaveUp(ClusterError):
    """No answer within the timeout (exit 5), while Ray's own thread may still be trying."""


def _within(seconds: float, what: str, address: str, call, limit: float | None = None):
    """``call()`` in a thread, given ``seconds`` (what is left of ``limit``, --ray-timeout): its result, its
    exception, or exit 5 when it takes longer."""
    box: dict = {}

    def target():
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name=f"ray-{what}", daemon=True)
    thread.start()
    thread.join(max(0.1, seconds))
    if thread.is_alive():
        raise _GaveUp(f"--ray-address {address}: no answer from the Ray cluster within {limit or seconds:g} s "
                      f"({what}); is it running? (--ray-timeout sets the wait)", EXIT_CLUSTER_UNREACHABLE)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _split(address: str) -> tuple[str, int]:
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit():
        raise ClusterError(f"--ray-address {address}: not host:port, auto or ray://host:port", EXIT_CLUSTER_UNREACHABLE)
    return host.strip("[]") or "127.0.0.1", int(port)


def check_reachable(address: str, timeout: float, given: str | None = None) -> None:
    """A TCP connection to ``host:port`` within ``timeout``: else one line saying why (exit 5)."""
    given = given or address
    host, port = _split(address)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return
    except socket.gaierror as exc:
        why = f"cannot resolve {host} ({exc.strerror})"
    except ConnectionRefusedError:
        why = f"nothing listens on {host}:{port} (the cluster is stopped, or this is not its head's port)"
    except TimeoutError:
        why = f"no answer from {host}:{port} within {timeout:g} s (--ray-timeout)"
    except OSError as exc:
        why = f"{host}:{port}: {exc.strerror or type(exc).__name__}"
    raise ClusterError(f"--ray-address {given}: {why}", EXIT_CLUSTER_UNREACHABLE)


def _auth_line(given: str) -> str:
    mode = os.environ.get("RAY_AUTH_MODE", "")
    fix = ("set RAY_AUTH_MODE=token and give the cluster's token (RAY_AUTH_TOKEN, RAY_AUTH_TOKEN_PATH or "
           "~/.ray/auth_token; `ray get-auth-token` on the head prints it)")
    if mode != "token":
        return (f"--ray-address {given}: the cluster uses Ray token authentication and this driver has "
                f"RAY_AUTH_MODE={mode or 'unset'}: {fix}")
    return f"--ray-address {given}: the cluster refused this driver's Ray authentication token: {fix}"


def check_gcs(address: str, timeout: float, given: str | None = None, limit: float | None = None) -> None:
    """Ask the cluster's GCS for a key within ``timeout``: refused token -> exit 6, no answer -> exit 5."""
    import ray.exceptions
    from ray._raylet import GcsClient

    given = given or address

    def ask():
        GcsClient(address=address).internal_kv_get(b"translate-cmp", None, timeout=timeout)

    try:
        with _quiet_stderr():
            _within(timeout, "its GCS", given, ask, limit)
    except ray.exceptions.AuthenticationError:
        raise ClusterError(_auth_line(given), EXIT_CLUSTER_AUTH) from None
    except ClusterError:
        raise
    except Exception as exc:  # RpcError and the like: the port answers, but not as a Ray head
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ClusterError(f"--ray-address {given}: not a usable Ray cluster: {line}",
                           EXIT_CLUSTER_UNREACHABLE) from None


def resolve(address: str) -> str:
    """``auto`` -> the host:port of the cluster started on this machine (exit 5 when there is none)."""
    if address != "auto":
        return address
    from ray._private.services import canonicalize_bootstrap_address

    try:
        found = canonicalize_bootstrap_address("auto")
    except (ConnectionError, ValueError) as exc:
        raise ClusterError(f"--ray-address auto: no Ray cluster started on this machine ({exc}); start one with "
                           "`ray start --head`", EXIT_CLUSTER_UNREACHABLE) from None
    if not found:
        raise ClusterError("--ray-address auto: no Ray cluster started on this machine", EXIT_CLUSTER_UNREACHABLE)
    return found


def package_runtime_env() -> dict:
    """The job's runtime environment: this driver's translate_cmp package, shipped to every worker."""
    import translate_cmp

    return {"py_modules": [str(Path(translate_cmp.__file__).parent)], "excludes": ["__pycache__", "*.pyc"]}


def connect(options: RayOptions) -> Connection:
    """Start a local instance, or join the cluster at ``options.address`` after checking it (see the module)."""
    import ray

    if ray.is_initialized():  # the calling program connected already (ray.init(...) before run_job)
        return Connection(started=False, address="existing")
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    given = options.address
    if not given or given == "local":
        try:
            ray.init(address="local", object_store_memory=LOCAL_OBJECT_STORE_BYTES, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ClusterError(f"--executor ray: a local Ray instance did not start: {exc}",
                               EXIT_CLUSTER_UNREACHABLE) from None
        return Connection(started=True, address="local")
    deadline = time.monotonic() + options.timeout
    if given.startswith("ray://"):
        if importlib.util.find_spec("grpc") is None:
            raise ClusterError(f"--ray-address {given}: a ray:// address needs Ray Client, which is not installed: "
                               f"{CLIENT_HINT}", EXIT_CLUSTER_CLIENT)
        check_reachable(given[len("ray://"):].split("/", 1)[0], options.timeout, given)
    else:
        address = resolve(given)
        check_reachable(address, options.timeout, given)
        check_gcs(address, max(1.0, deadline - time.monotonic()), given, options.timeout)
        given_or_resolved = address
    target = given if given.startswith("ray://") else given_or_resolved

    def init():
        ray.init(address=target, runtime_env=package_runtime_env(), **quiet)

    try:
        with _quiet_stderr():
            _within(max(1.0, deadline - time.monotonic()), "ray.init", given, init, options.timeout)
    except ClusterError:
        raise
    except (ConnectionError, RuntimeError, ValueError) as exc:
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ClusterError(f"--ray-address {given}: {line}", EXIT_CLUSTER_UNREACHABLE) from None
    return Connection(started=False, address=given)
