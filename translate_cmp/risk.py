"""A review-priority score in [0, 1] per sentence, from its flags and its round-trip chrF.

Each flag contributes a weight by severity (info 0.15, warning 0.4, error 0.7); flags combine like
independent pieces of evidence: ``1 - prod(1 - w)``. A round trip adds evidence in proportion to
how far its chrF is below 100. Adding a flag, or raising a flag's severity, never lowers risk.
"""

from __future__ import annotations

from collections.abc import Iterable

from translate_cmp.records import Flag, Scores, Severity

SEVERITY_WEIGHT = {Severity.INFO: 0.15, Severity.WARNING: 0.4, Severity.ERROR: 0.7}
CHRF_WEIGHT = 0.5


def risk(flags: Iterable[Flag], scores: Scores | None = None) -> float:
    keep = 1.0
    for flag in flags:
        keep *= 1.0 - SEVERITY_WEIGHT[flag.severity]
    if scores is not None:
        keep *= 1.0 - CHRF_WEIGHT * max(0.0, min(1.0, (100.0 - scores.chrf) / 100.0))
    return round(1.0 - keep, 4)
