"""Errors that end a run with a clear one-line message and a distinct exit code.

Exit codes: 0 done; 1 findings at or above ``--fail-on``; 2 usage or input error (with ``--strict``: any
bad file, before work starts; without it: no file at all could be read); 3 done, with input errors (each
bad file was reported and skipped, every other file processed; wins over 1); 4 environment error (disk
full, permissions, a folder where a file should be, out of memory); 5-8 a Ray cluster could not be used
(``--executor ray``, see :class:`ClusterError`); 9-10 an object store holding the inputs could not be used
(``s3://``, ``gs://``..., see :class:`StoreError`); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INPUT_ERRORS = 3
EXIT_ENVIRONMENT = 4
EXIT_CLUSTER_UNREACHABLE = 5  # no cluster at the address (stopped, wrong address), or no answer within --ray-timeout
EXIT_CLUSTER_AUTH = 6  # the cluster refused this driver's Ray authentication token
EXIT_CLUSTER_CLIENT = 7  # a ray:// address without Ray Client installed (ray[client])
EXIT_CLUSTER_NODE = 8  # a node cannot run the work: another translate-cmp, models, rules or libraries
EXIT_STORE_UNREACHABLE = 9  # an input URI's store: no connection, or no answer within the store timeout
EXIT_STORE_ACCESS = 10  # an input URI's store refused this process: missing or wrong credentials, no permission
EXIT_INTERRUPTED = 130


def show_path(path: object) -> str:
    """A path for a one-line message: newlines and other control characters escaped."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class InputError(Exception):
    """Bad input or usage: the CLI prints ``str(self)`` as one line and exits 2.

    The message should name the file and the problem, e.g. ``seeds/x.txt: not UTF-8 or UTF-16``.
    """

    exit_code = EXIT_INPUT

    def __init__(self, where: str, problem: str):
        self.where = show_path(where)
        self.problem = show_path(problem)  # one line, and printable: a quoted input may hold anything
        super().__init__(f"{self.where}: {self.problem}")


class InputsFailed(InputError):
    """Every input file was bad; each was already reported on its own line, so the CLI adds none."""

    reported = True

    def __init__(self, count: int):
        super().__init__("PATH", f"no input could be read ({count} bad files)")


def describe_environment_error(exc: BaseException) -> tuple[str, int]:
    """One line and exit code for an unexpected OSError, MemoryError or KeyboardInterrupt."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT_INTERRUPTED
    if isinstance(exc, MemoryError):
        return "out of memory", EXIT_ENVIRONMENT
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "translate-cmp"
        problem = exc.strerror or type(exc).__name__
        if exc.filename2 is not None:
            problem = f"{problem} (-> {show_path(exc.filename2)})"
        return f"{show_path(where)}: {problem}", EXIT_ENVIRONMENT
    return f"{type(exc).__name__}: {exc}", EXIT_ENVIRONMENT


class ClusterError(Exception):
    """A Ray cluster that cannot be used: the CLI prints ``str(self)`` as one line and exits ``exit_code`` (5-8)."""

    def __init__(self, message: str, exit_code: int):
        self.exit_code = exit_code
        super().__init__(show_path(message))


class StoreError(ClusterError):
    """The object store behind an input URI cannot be used (unreachable, or access refused): one line, exit 9-10.

    A :class:`ClusterError` for the CLI's sake (the same one-line treatment); a missing bucket or path is an
    :class:`InputError` (exit 2), as a missing local path is."""
