"""Bilingual mode: the DP aligner and the C5xx rules through the real compare path."""

import json

import pytest
from click.testing import CliRunner

from translate_cmp.align import align
from translate_cmp.cli.app import cli
from translate_cmp.compare import compare_documents
from translate_cmp.engines.none import NoneEngine
from translate_cmp.records import Document
from translate_cmp.rules import select_rules

SOURCE = (
    "The minister resigned on Monday after weeks of pressure. Prices rose by 3 percent in May, the statistics "
    "office said. Talks between the unions and the government will resume next week.\n"
    "The opposition welcomed the decision."
)
TRANSLATION = (
    "The minister resigned on Monday after weeks of pressure. Talks between the unions and the government will "
    "resume next week. Click here to subscribe to our daily newsletter today.\n"
    "The opposition welcomed the decision."
)


def _flags(source: str, translation: str) -> dict[int, set[str]]:
    result = compare_documents(Document("s", "s", source), Document("t", "t", translation), NoneEngine(),
                               select_rules(["C"]))
    return {r.sentence.sent_id: {f.code for f in r.flags} for r in result.sentences}


def test_aligner_by_length_pairs_one_to_one_and_finds_merges():
    assert [b.kind for b in align([20, 30, 40, 10], [21, 29, 38, 12])] == ["1:1"] * 4
    assert [b.kind for b in align([20, 30, 40, 10], [21, 70, 12])] == ["1:1", "2:1", "1:1"]


def test_aligner_with_similarity_leaves_the_omitted_sentence_unpaired():
    pairs = {(0, 0), (1, 1), (3, 2)}

    def sim(i, j):
        return 1.0 if len(i) == len(j) == 1 and (i[0], j[0]) in pairs else 0.1

    beads = align([20, 30, 40, 10], [21, 30, 12], sim)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]


def test_omission_and_addition_are_flagged_and_clean_pairs_are_not():
    flags = _flags(SOURCE, TRANSLATION)
    assert flags[1] == {"C501"}  # "Prices rose ..." is missing
    assert "C502" in flags[2]  # the newsletter line was added after "Talks ..."
    assert flags[0] == set() and flags[3] == set()


def test_identical_translation_gives_no_flag():
    assert all(not codes for codes in _flags(SOURCE, SOURCE).values())


def test_compare_cli_writes_the_output_contract_and_gates(tmp_path):
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "tgt.txt").write_text(TRANSLATION, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["compare", str(tmp_path / "src.txt"), str(tmp_path / "tgt.txt"), "--out", str(out),
                                   "--fail-on", "error"])
    assert res.exit_code == 1, res.output
    codes = {json.loads(line)["code"] for line in (out / "flags.jsonl").read_text().splitlines()}
    assert {"C501", "C502"} <= codes
    assert json.loads((out / "run.json").read_text())["mode"] == "compare"


def test_compare_cli_missing_translation_is_exit_2(tmp_path):
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(tmp_path / "src.txt"), str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert "nope.txt: no such file or directory" in res.output


def _bilingual_rules():
    return [r for r in select_rules(["C"])]


@pytest.mark.parametrize("rule", _bilingual_rules(), ids=lambda r: r.code)
def test_each_comparison_rule_fires_on_its_examples_and_not_on_counter_examples(rule):
    for ex in rule.examples:
        fired = {c for codes in _flags_with(ex.text, ex.translation, [rule]).values() for c in codes}
        assert rule.code in fired, ex
    for ex in rule.counter_examples:
        fired = {c for codes in _flags_with(ex.text, ex.translation, [rule]).values() for c in codes}
        assert rule.code not in fired, ex


def _flags_with(source: str, translation: str, rules) -> dict[int, set[str]]:
    result = compare_documents(Document("s", "s", source), Document("t", "t", translation), NoneEngine(), rules)
    return {r.sentence.sent_id: {f.code for f in r.flags} for r in result.sentences}
