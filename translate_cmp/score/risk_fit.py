"""Measured numbers of translate_cmp/score/risk.py: written by ``python benchmarks/fit_risk.py --write``; do not edit.

Fitted 2026-12-08 at commit a0c4fa3 on the MQM dev sets (benchmarks/fit_risk.py,
docs/rules/measurements.md, issue 25). Rerun it when rules change: a rule's weight is its measured excess
over chance."""

# word-equivalents of the text prior (a word is 1)
UNITS = {"word": 1.0, "mark": 8.0, "name": 8.0, "acronym": 16.0}
# code: (flags, flags touching a rater's error span, touches expected of the same flags placed at random)
RULES: dict[str, tuple[int, int, float]] = {
    "F201": (2, 2, 0.7),
    "L302": (1, 1, 0.4),
    "L306": (301, 190, 88.0),
    "L307": (16, 15, 4.6),
    "S101": (2, 2, 0.4),
    "S102": (2, 2, 0.9),
    "S104": (23, 8, 7.7),
    "S105": (30, 20, 9.1),
    "S106": (18, 16, 5.0),
    "S107": (8, 8, 2.1),
    "S108": (13, 4, 1.6),
    "S109": (1, 1, 0.3),
    "S110": (177, 165, 113.2),
    "S111": (104, 93, 41.4),
    "S112": (11, 11, 8.5),
    "S113": (157, 49, 27.3),
    "S114": (1, 1, 0.8),
    "S116": (9, 0, 1.7),
    "S117": (4, 4, 0.8),
    "S118": (80, 21, 18.7),
}
