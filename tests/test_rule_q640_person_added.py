"""Q640 person-added on bitext tables of real-MT shape (issue 25): a Chinese source with no first (second)
person, an English translation that says 'we' or 'I' ('you'). Through the real reader and pipeline (no engine);
the sentences are our own, the evidence (WMT23 zh-en news) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.pronouns import pronoun_spans
from translate_cmp.rules.qa.Q640_person_added import added_persons


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, ["Q640"], **langs))


def test_q640_flags_a_speaker_the_chinese_source_does_not_have(tmp_path):
    flags = _flags(tmp_path, [
        ("要加快推进改革。", "We must speed up the reform. It is our task."),  # subjectless: 'we' made up, twice
        ("我们要加快推进改革。", "We must speed up the reform."),  # 我们: the source's own 'we'
        ("要加快推进改革。", "The reform must be sped up."),
        ("第一次世界大战后美国经济增长。", "After World War I the US economy grew."),  # a Roman numeral, an acronym
        ("总是遗忘密码？", "Do you always forget your password?"),  # 'you' made up; 'your' not read
        ("你总是遗忘密码？", "Do you always forget the password?"),  # 你: the source's own 'you'
        ("定期更新手机。", "Update your phone regularly."),  # an instruction needs 'your'
    ], source_lang="zh", target_lang="en")
    assert flags == {
        "We must speed up the reform. It is our task.": [("Q640", "We"), ("Q640", "our")],
        "We must speed up the reform.": [],
        "The reform must be sped up.": [],
        "After World War I the US economy grew.": [],
        "Do you always forget your password?": [("Q640", "you")],
        "Do you always forget the password?": [],
        "Update your phone regularly.": [],
    }


def test_q640_reads_only_chinese_sources(tmp_path):
    # an English source into German: the rule does not run (measured on Chinese into English only)
    flags = _flags(tmp_path, [("Speed up the reform.", "Wir müssen die Reform beschleunigen.")],
                   source_lang="en", target_lang="de")
    assert flags == {"Wir müssen die Reform beschleunigen.": []}
    assert added_persons("Speed up the reform.", "We must speed it up.", "en", "de") == []


def test_pronoun_spans_reads_words_and_characters():
    text = "Then I said we, in the US, after World War I and the Phase I trial, and our team"
    assert [w for _, _, w in pronoun_spans(text, frozenset({"i", "we", "us", "our"}), "en")] == ["I", "we", "our"]
    # Chinese: 我 inside 我们 and 我国 counts, inside 自我 ("the self") it does not
    assert [w for _, _, w in pronoun_spans("自我提升", frozenset({"我"}), "zh")] == []
    assert [w for _, _, w in pronoun_spans("我国和我们", frozenset({"我"}), "zh")] == ["我", "我"]
