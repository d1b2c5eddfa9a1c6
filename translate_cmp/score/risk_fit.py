"""Measured numbers of translate_cmp/score/risk.py: written by ``python benchmarks/fit_risk.py --write``; do not edit.

Fitted 2026-12-07 at commit 20d3cd0 on the MQM dev sets (benchmarks/fit_risk.py,
docs/rules/measurements.md, issue 25). Rerun it when rules change: a rule's weight is its measured excess
over chance."""

# word-equivalents of the text prior (a word is 1)
UNITS = {"word": 1.0, "mark": 8.0, "name": 8.0, "acronym": 16.0}
# code: (flags, flags touching a rater's error span, touches expected of the same flags placed at random)
RULES: dict[str, tuple[int, int, float]] = {
    "F201": (2, 2, 0.7),
    "F204": (8, 0, 0.5),
    "L302": (1, 1, 0.4),
    "S101": (2, 2, 0.4),
    "S102": (2, 2, 0.9),
    "S104": (280, 38, 44.0),
    "S105": (32, 20, 9.3),
    "S106": (28, 19, 5.9),
    "S107": (8, 8, 2.1),
    "S108": (74, 16, 11.0),
    "S109": (2, 2, 0.5),
}
