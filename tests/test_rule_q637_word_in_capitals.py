"""Q637 word-in-capitals on bitext tables of real-MT shape (issue 25): the pronoun 'It' copied into a German
translation as the acronym 'IT'. Through the real reader and pipeline (no engine); the sentences are our own, the
evidence (German TED talks) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q637_word_in_capitals import capitalised_function_words


def _flags(tmp_path: Path, rows: list[tuple[str, str]], **langs: str) -> dict[str, list]:
    return flagged_spans(bitext_results(tmp_path, rows, ["Q637"], **langs))


def test_q637_flags_a_function_word_written_in_capitals(tmp_path):
    rows = [
        ("It's actually not massive enough.", "IT ist eigentlich nicht massiv genug."),
        ("It is not a death when they melt.", "IT ist kein Tod, wenn sie schmelzen."),
        ("It's actually not massive enough.", "Es ist eigentlich nicht massiv genug."),
        ("Ask the IT department; it will help.", "Fragen Sie die IT-Abteilung, sie hilft."),  # the source's acronym
        ("Ask IT; it will help.", "Fragen Sie die IT, sie hilft."),  # the source writes it in capitals too
        ("Covid-19 cases rose sharply.", "Die COVID-19-Fälle stiegen stark."),  # not a function word
        ("It is all in the manual.", "ES IST ALLES IM HANDBUCH."),  # a translation in capitals
    ]
    flags = _flags(tmp_path, rows, source_lang="en", target_lang="de")
    assert flags == {rows[0][1]: [("Q637", "IT")], rows[1][1]: [("Q637", "IT")], **{t: [] for _, t in rows[2:]}}


def test_capitalised_function_words_reads_the_sources_forms():
    assert capitalised_function_words("Tell us more.", "Sagen Sie US mehr.", "en") == [(10, 12, "US")]
    assert capitalised_function_words("The US and us.", "Die US und wir.", "en") == []
    assert capitalised_function_words("It works.", "IT funktioniert.", "xx") == []  # no stop-word list
