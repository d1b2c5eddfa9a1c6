"""Q648 dateline-word-for-word on bitext tables of real-MT shape (issue 25): a Chinese source that opens with a
news dateline formula (综合N日电, 新华社北京2月10日电), an English translation rendering it word by word. Through the
real reader and pipeline (no engine); the sentences are our own, the evidence (WMT23 zh-en news) is in
docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q648_dateline_word_for_word import formula_words


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, ["Q648"], **langs))


def test_q648_flags_a_dateline_rendered_word_by_word(tmp_path):
    flags = _flags(tmp_path, [
        ("（综合11日电）新加坡旅游局近日公布了新的数字。",
         "(Comprehensive 11th) The Singapore Tourism Board recently published new figures."),
        ("（综合12日电）朝鲜举行了阅兵式。", "(Composite 12) North Korea held a military parade."),
        ("综合韩国媒体报道，金正恩出席了晚宴。", "Comprehensive South Korean media reports, Kim Jong-un attended."),
        ("新华社北京2月10日电会议在北京闭幕。", "Xinhua Beijing February 10th telegram: the meeting closed."),
        ("新华社北京2月11日电题：现代化是一个系统工程", "Xinhua, Beijing, February 11th, electric title: "
         "modernization is a systematic project"),
        ("（综合11日电）新加坡旅游局近日公布了新的数字。",
         "(Compiled from reports, Feb. 11) The Singapore Tourism Board recently published new figures."),
        ("新华社北京2月10日电会议在北京闭幕。", "BEIJING, Feb. 10 (Xinhua) -- The meeting closed."),
        ("第十六届中日节能环保综合论坛在北京举办。", "The 16th China-Japan Comprehensive Forum was held in Beijing."),
        ("新华社北京2月10日电国家电力公司宣布涨价。", "BEIJING, Feb. 10 -- The State Electric Power Company raised "
         "prices."),  # 电力 in the source: 'Electric' is its own
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "(Comprehensive 11th) The Singapore Tourism Board recently published new figures.": [
            ("Q648", "Comprehensive")],
        "(Composite 12) North Korea held a military parade.": [("Q648", "Composite")],
        "Comprehensive South Korean media reports, Kim Jong-un attended.": [("Q648", "Comprehensive")],
        "Xinhua Beijing February 10th telegram: the meeting closed.": [("Q648", "telegram")],
        "Xinhua, Beijing, February 11th, electric title: modernization is a systematic project": [
            ("Q648", "electric")],
        "(Compiled from reports, Feb. 11) The Singapore Tourism Board recently published new figures.": [],
        "BEIJING, Feb. 10 (Xinhua) -- The meeting closed.": [],
        "The 16th China-Japan Comprehensive Forum was held in Beijing.": [],
        "BEIJING, Feb. 10 -- The State Electric Power Company raised prices.": [],
    }


def test_q648_reads_only_chinese_sources_into_english(tmp_path):
    flags = _flags(tmp_path, [("Beijing, 10 February: electric cars sell.", "Peking, 10. Februar: electric cars.")],
                   source_lang="en", target_lang="de")
    assert flags == {"Peking, 10. Februar: electric cars.": []}


def test_formula_words_reads_only_the_dateline_place():
    text = "(Comprehensive 11th) The plan is a comprehensive one."
    assert [text[a:b] for a, b, _ in formula_words("（综合11日电）这个计划很全面。", text)] == ["Comprehensive"]
    late = "The Singapore Tourism Board recently said that the plan, all told, is comprehensive."
    assert formula_words("（综合11日电）新加坡旅游局近日说计划很全面。", late) == []  # past the dateline's place
    assert formula_words("这个计划很全面。", text) == []  # no formula in the source
