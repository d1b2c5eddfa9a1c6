"""Q638 unit-not-converted on bitext tables of real-MT shape (issue 25): '200 feet' translated '200 Meter'. Through the
real reader and pipeline (no engine); the sentences are our own, the evidence (German TED talks) is in
docs/rules/measurements.md."""

from __future__ import annotations

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q638_unit_not_converted import unconverted_units


def test_q638_flags_the_imperial_number_with_a_metric_unit(tmp_path):
    rows = [
        ("The icebergs around me were almost 200 feet out of the water.",
         "Die Eisberge um mich herum waren fast 200 Meter aus dem Wasser."),
        ("It's about 120 feet above the water, or 40 meters.", "Es ist etwa 120 Meter über dem Wasser, oder 40 Meter."),
        ("It's about 120 feet above the water, or 40 meters.", "Es ist etwa 120 Fuß über dem Wasser, oder 40 Meter."),
        ("The icebergs were almost 200 feet high.", "Die Eisberge waren fast 60 Meter hoch."),  # converted
        ("That's about a 15-foot boat.", "Das ist ungefähr ein 15-Fuß-Boot."),  # the unit kept
    ]
    flags = flagged_spans(bitext_results(tmp_path, rows, ["Q638"], source_lang="en", target_lang="de"))
    assert flags == {rows[0][1]: [("Q638", "200 Meter")], rows[1][1]: [("Q638", "120 Meter")],
                     **{t: [] for _, t in rows[2:]}}


def test_unconverted_units_reads_groups_decimals_and_other_languages():
    assert unconverted_units("a 1,200-foot tower", "ein 1.200 m hoher Turm") == [(4, 11, "1,200")]
    assert unconverted_units("a 1,200-foot tower", "ein 1200-Meter-Turm") == [(4, 14, "1,200")]
    assert unconverted_units("It ran 2.5 miles.", "Il a couru 2,5 kilomètres.") == [(11, 25, "2.5")]
    assert unconverted_units("5 miles, or 5 km", "5 Meilen, also 5 km") == []  # the source's own conversion
    assert unconverted_units("200 feet", "200 mal") == []  # not a unit
