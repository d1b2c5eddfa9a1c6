"""Q647 site-name-as-network on bitext tables of real-MT shape (issue 25): a Chinese source naming a news site that
ends in 网, an English translation writing it '... Network'. Through the real reader and pipeline (no engine); the
sentences are our own, the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q647_site_name_as_network import networks, site_names


def _flags(tmp_path: Path, rows: list[tuple[str, str]], suffix: str = ".jsonl", **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, ["Q647"], name=f"mt{suffix}", **langs))


def test_q647_flags_a_news_site_written_as_a_network(tmp_path):
    flags = _flags(tmp_path, [
        ("健身行业应摆脱信任危机-中新网", "The fitness industry must escape a crisis of trust - China News Network"),
        ("健身行业应摆脱信任危机-中新网", "The fitness industry must escape a crisis of trust - Chinanews.com"),
        ("经济观察网记者陈姗报道。", "Chen Shan, reporter of Economic Observer Net, reports."),
        ("国家电网提高了电价。", "The State Grid Network raised prices."),  # 电网: a power grid is a network
        ("中国互联网发展迅速。", "The China Internet Network grew fast."),  # 互联网: the Internet
        ("中国移动网络覆盖全国。", "The China Mobile Network covers the country."),  # 网络 is 'network'
        ("网友纷纷转发。", "Users of the Network shared it."),  # 网友: netizens, no site named
        ("中新网报道，他们建立了销售网。", "China News Service reports that they built a sales network."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "The fitness industry must escape a crisis of trust - China News Network": [("Q647", "Network")],
        "The fitness industry must escape a crisis of trust - Chinanews.com": [],
        "Chen Shan, reporter of Economic Observer Net, reports.": [("Q647", "Net")],
        "The State Grid Network raised prices.": [],
        "The China Internet Network grew fast.": [],
        "The China Mobile Network covers the country.": [],
        "Users of the Network shared it.": [],
        "China News Service reports that they built a sales network.": [],  # lower case: no name
    }


def test_q647_reads_only_chinese_sources_into_english(tmp_path):
    flags = _flags(tmp_path, [("Read the Economic Observer Network.", "Lesen Sie das Economic Observer Network.")],
                   source_lang="en", target_lang="de")
    assert flags == {"Lesen Sie das Economic Observer Network.": []}


def test_site_names_and_networks():
    assert site_names("2月10日，中国理财网发布首批名单") == ["中国理财网"]
    assert site_names("中新网互联网版") == ["中新网"]  # the Internet beside it is not a site
    assert site_names("网友说，国家电网和以太网") == []
    text = "On February 10, China Wealth Management Network released the list"
    assert [text[a:b] for a, b in networks("2月10日，中国理财网发布首批名单", text)] == ["Network"]
    assert networks("2月10日，中国发布首批名单", text) == []  # no site in the source
