"""The settings the Q6xx unit checks (and C506) read: one frozen :class:`QaOptions` for the run.

How a rule reads them: ``from translate_cmp.rules.qa.options import current`` then ``current().accelerators``.
Nothing configured, ``current()`` is ``QaOptions()``: the defaults below. Whoever loads the project's
configuration (``[tool.translate-cmp]`` in pyproject.toml or translate-cmp.toml) builds a ``QaOptions`` and
calls :func:`configure` once before the run; :func:`using` does the same for a block (tests, benchmarks).
The setting is a module global, so the pool executor's forked workers inherit it; an executor that starts
fresh interpreters (Ray) must call :func:`configure` in each worker with the same object.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from translate_cmp.l10n.placeholders import STYLES


@dataclass(frozen=True)
class QaOptions:
    """What the project says about its strings.

    ``accelerators``: the characters that mark a keyboard accelerator ("&File", "_File", "~File"); empty turns
    Q603 off. ``variables``: the placeholder styles of translate_cmp/l10n/placeholders.py that C506 and the
    Q6xx checks compare (default: every style). ``long_ratio`` / ``short_ratio``: Q618/Q619's bounds on the
    target's length over the source's, after the language's usual ratio.
    """

    accelerators: tuple[str, ...] = ("&", "_", "~")
    variables: tuple[str, ...] = STYLES
    long_ratio: float = 3.0
    short_ratio: float = 0.25

    def __post_init__(self) -> None:
        unknown = set(self.variables) - set(STYLES)
        if unknown:
            raise ValueError(f"unknown variable style(s) {', '.join(sorted(unknown))} (known: {', '.join(STYLES)})")
        bad = [a for a in self.accelerators if len(a) != 1 or a.isalnum() or a.isspace()]
        if bad:
            raise ValueError(f"an accelerator marker is one punctuation character, not {bad[0]!r}")


_ACTIVE = QaOptions()


def current() -> QaOptions:
    """The options of this run: what :func:`configure` set, else the defaults."""
    return _ACTIVE


def configure(options: QaOptions | None) -> None:
    """Set the run's options (``None``: back to the defaults)."""
    global _ACTIVE
    _ACTIVE = options or QaOptions()


@contextmanager
def using(options: QaOptions) -> Iterator[QaOptions]:
    """``options`` for the block, the previous ones restored after."""
    before = current()
    configure(options)
    try:
        yield options
    finally:
        configure(before)
