"""Q610 and Q611 on bitext tables of real-MT shape (issue 25): the start and end marks Chinese news and its English
translation write differently without a slip. Through the real reader and pipeline (no engine). The sentences are
our own; the evidence (WMT23 zh-en news, clean rows) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results


def _flags(tmp_path: Path, rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    """{target: [code, ...]} for a bitext JSON Lines table of Chinese (source, English target) rows."""
    return {r.document.text: [f.code for s in r.sentences for f in s.flags]
            for r in bitext_results(tmp_path, rows, ["Q610", "Q611"], source_lang="zh", target_lang="en")}


def test_q610_reads_a_chinese_bullet_written_without_a_blank(tmp_path):
    assert _flags(tmp_path, [
        ("-中新网", "- China News Service"),
        ("-中新网", "-Chinanews.com"),
        ("-中新网", "China News Service"),  # the bullet is lost
        ("中新网", "- Chinanews.com"),  # a bullet is added
    ]) == {
        "- China News Service": [],
        "-Chinanews.com": [],
        "China News Service": ["Q610"],
        "- Chinanews.com": ["Q610"],
    }


def test_q611_reads_a_quotation_s_own_mark_and_a_colon_that_announces_the_next_sentence(tmp_path):
    flags = _flags(tmp_path, [
        ("还出现有一个声音高喊“伊斯兰共和国去死”。", 'There was also a cry, "Death to the Islamic Republic!"'),
        ("最后，我们设定了两个大的战略方向。", "Finally, we set two major strategic directions:"),
        ("他问这是谁的。", "He asked whose it was?"),  # a question where the source states: still a slip
        ("他说“走”。", "He said: go!"),  # '!' not inside a quotation
    ])
    assert flags == {
        'There was also a cry, "Death to the Islamic Republic!"': [],
        "Finally, we set two major strategic directions:": [],
        "He asked whose it was?": ["Q611"],
        "He said: go!": ["Q611"],
    }
