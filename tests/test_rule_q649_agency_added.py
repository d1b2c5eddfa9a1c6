"""Q649 agency-added on bitext tables of real-MT shape (issue 25): a Chinese source that names no agency, or
another one, an English translation naming Xinhua or a wire service. Through the real reader and pipeline (no
engine); the sentences are our own, the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q649_agency_added import added_agencies


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, ["Q649"], **langs))


def test_q649_flags_an_agency_the_source_does_not_name(tmp_path):
    flags = _flags(tmp_path, [
        ("中新网北京2月11日电 近日发布的报告显示，留学生规模同比增长。",
         "BEIJING, Feb. 11 (Xinhua) -- A recently released report shows that the number of students grew."),
        ("中新网2月11日电 深圳市工业和信息化局近日印发行动计划。",
         "China News Service, February 11 /PRNewswire-USNewswire/ -- The Shenzhen bureau issued an action plan."),
        ("据路透社报道，谷歌发布了宣传短片。", "As reported by Bloomberg, Google released a promotional video."),
        ("新华社北京2月10日电 会议在北京闭幕。", "BEIJING, Feb. 10 (Xinhua) -- The meeting closed in Beijing."),
        ("中新网北京2月11日电 近日发布的报告显示，留学生规模同比增长。",
         "BEIJING, Feb. 11 (China News Service) -- A recently released report shows that the number grew."),
        ("据路透社报道，谷歌发布了宣传短片。", "According to Reuters, Google released a promotional video."),
        ("据Reuters报道，谷歌发布了短片。", "Reuters reports that Google released a video."),
        ("会议在新华路举行。", "The meeting was held on Xinhua Road."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "BEIJING, Feb. 11 (Xinhua) -- A recently released report shows that the number of students grew.": [
            ("Q649", "Xinhua")],
        "China News Service, February 11 /PRNewswire-USNewswire/ -- The Shenzhen bureau issued an action plan.": [
            ("Q649", "PRNewswire")],
        "As reported by Bloomberg, Google released a promotional video.": [("Q649", "Bloomberg")],
        "BEIJING, Feb. 10 (Xinhua) -- The meeting closed in Beijing.": [],
        "BEIJING, Feb. 11 (China News Service) -- A recently released report shows that the number grew.": [],
        "According to Reuters, Google released a promotional video.": [],
        "Reuters reports that Google released a video.": [],
        "The meeting was held on Xinhua Road.": [],
    }


def test_q649_reads_only_chinese_sources_into_english(tmp_path):
    flags = _flags(tmp_path, [("Die Sitzung wurde in Peking beendet.", "BEIJING (Xinhua) -- The meeting closed.")],
                   source_lang="de", target_lang="en")
    assert flags == {"BEIJING (Xinhua) -- The meeting closed.": []}


def test_added_agencies_leaves_out_ambiguous_short_forms():
    text = "The AP exam and the CNS and CNA figures rose, AFP said."
    assert [(text[a:b], agency) for a, b, agency in added_agencies("考试成绩上升了。", text)] == [("AFP", "AFP")]
    assert added_agencies("甲胎蛋白（AFP）水平上升了。", "Alpha-fetoprotein (AFP) levels rose.") == []
    assert [agency for _, _, agency in added_agencies("会议闭幕。", "(AP) -- Kyodo and Yonhap said.")] == [
        "Associated Press", "Kyodo", "Yonhap"]
