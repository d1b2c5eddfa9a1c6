"""translate-cmp: find machine-translation artefacts in articles, offline.

``translate_cmp.check(...)`` is the public Python API (:mod:`translate_cmp.api`).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "check"]


def check(*args: Any, **kwargs: Any) -> Any:
    """Findings of texts or files as a pandas DataFrame (or records): see :func:`translate_cmp.api.check`."""
    from translate_cmp.api import check as _check  # imported on use: the CLI need not load the pipeline

    return _check(*args, **kwargs)
