"""Errors that end a run with a clear one-line message and a distinct exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class InputError(Exception):
    """Bad input or usage: the CLI prints ``str(self)`` as one line and exits 2.

    The message should name the file and the problem, e.g. ``seeds/x.txt: not UTF-8 or UTF-16``.
    """

    exit_code = EXIT_INPUT

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")
