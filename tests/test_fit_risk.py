"""benchmarks/fit_risk.py: the model it fits is the one translate_cmp runs, its counts and its grid search."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from fit_risk import FitRow, fit_rows, fit_units, row_risk, rule_table  # noqa: E402
from real_text import Outputs  # noqa: E402
from real_text_data import Row  # noqa: E402

from translate_cmp.records import Flag, Severity  # noqa: E402
from translate_cmp.score.risk import document_risk, risk, text_counts  # noqa: E402
from translate_cmp.score.risk_fit import RULES, UNITS  # noqa: E402

TEXT = "The EU met Olaf Scholz in Berlin. Then the minister , said nothing."


def outputs(row_id: str, lang: str) -> Outputs:
    """What a run writes for TEXT: two sentences, a stray-punctuation flag on the second."""
    out = Outputs()
    cut = TEXT.index("Then")
    out.sentences[row_id] = [{"sent_id": "0", "start": "0", "end": str(cut - 1), "lang": lang},
                             {"sent_id": "1", "start": str(cut), "end": str(len(TEXT)), "lang": lang}]
    comma = TEXT.index(" ,")
    out.flags[row_id] = [{"sent_id": 1, "code": "S106", "severity": "warning", "start": comma, "end": comma + 2}]
    return out


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_fitted_row_risk_is_the_noisy_or_of_what_the_pipeline_computes(lang):
    row = Row("set", "set:1", lang, TEXT, "error", True, ((TEXT.index(" ,"), TEXT.index(" ,") + 2, "Punct", "Major"),))
    fitted = fit_rows([row], outputs(row.row_id, lang))[0]
    cut = TEXT.index("Then")
    comma = TEXT.index(" ,")
    flag = Flag(row.row_id, 1, "S106", Severity.WARNING, comma, comma + 2, "")
    product = document_risk([risk([], None, TEXT[:cut - 1], lang), risk([flag], None, TEXT[cut:], lang)])
    assert row_risk(fitted, UNITS, RULES) == pytest.approx(product, abs=2e-4)
    assert fitted.positive and not fitted.negative
    # the flag touches the rater's span; by chance a 2-character flag touches it at 3 of len - 1 places
    n, hits, chance = fitted.rule_counts["S106"]
    assert (n, hits) == (1, 1) and chance == pytest.approx(3 / (len(TEXT) - 1))


def test_rule_table_adds_each_rules_counts_over_rows():
    def row(counts):
        return FitRow("s", False, True, 3, "i", 0.0, [], {"digits": 0, "unknown": 0}, counts)

    table = rule_table([row({"S104": (2, 1, 0.25)}), row({"S104": (3, 0, 0.5), "S105": (1, 1, 0.1)}), row({})])
    assert table == {"S104": (5, 1, 0.8), "S105": (1, 1, 0.1)}


def test_the_grid_search_weighs_what_separates_and_leaves_out_what_does_not():
    def row(positive: bool, text: str) -> FitRow:
        return FitRow("s", positive, not positive, len(text.split()), "i", 0.0, [(text_counts(text, "en"), [])],
                      {"digits": 0, "unknown": 0}, {})

    # same length; the rows with a Major error hold more punctuation, names and acronyms are spread evenly
    pos = [row(True, "the cat, the dog; the bird: all Anna and NATO"), row(True, "one two, three four; five six Bob")]
    neg = [row(False, "the cat the dog the bird all of Anna and NATO"), row(False, "one two three four five six Bob")]
    units = fit_units({"s": pos + neg})
    assert units["mark"] > 0 and units["name"] == 0 and units["acronym"] == 0
