"""Sentence language is length-aware, and a surface-only re-run reuses whole document results."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.lang.detect import detect, sentence_language, with_languages
from translate_cmp.records import Document
from translate_cmp.segment import segment

GERMAN = (
    "Die Bundesregierung hat am Montag neue Regeln für den Bahnverkehr beschlossen. Ist.\n"
    "Der Verkehrsminister sagte, die Preise würden im kommenden Jahr nicht steigen.\n"
)
SPANISH = (
    "El Gobierno aprobó el lunes un nuevo plan para la vivienda en las grandes ciudades.\n"
    "La ministra explicó que las ayudas llegarán a las familias antes del verano y que no habrá recortes.\n"
    "Los alcaldes de Madrid y Barcelona pidieron más dinero para los barrios con los alquileres más altos.\n"
    "The government said that the plan would be presented to the parliament next week.\n"
    "Fue.\n"
)


def _languages(text: str, lang: str) -> tuple[list[tuple[str, str]], Counter]:
    doc = Document("d", "d.txt", text)
    found = detect(text)
    assert found.lang == lang
    counts: Counter = Counter()
    sentences = with_languages(segment(doc, found.lang), found, counts)
    return [(s.text, s.lang) for s in sentences], counts


def test_one_word_sentence_takes_the_document_language():
    assert detect("Ist.").lang != "de"  # what a detector says on its own: a guess
    langs, counts = _languages(GERMAN, "de")
    assert ("Ist.", "de") in langs
    assert counts["short"] == 1
    assert all(lang == "de" for _, lang in langs)


def test_long_foreign_sentence_is_still_detected():
    langs, counts = _languages(SPANISH, "es")
    assert dict(langs)["The government said that the plan would be presented to the parliament next week."] == "en"
    assert dict(langs)["Fue."] == "es"
    assert counts["detected"] >= 1


def test_without_a_document_every_sentence_is_detected():
    found, how = sentence_language("Die Regierung hat am Montag beschlossen, die Steuern nicht zu erhöhen.", None)
    assert (found.lang, how) == ("de", "detected")


def test_surface_only_rerun_reuses_every_document(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "es.txt").write_text(SPANISH, encoding="utf-8")
    common = [str(folder), "--engine", "none", "--format", "csv,jsonl", "--cache-dir", str(tmp_path / "cache")]
    runner = CliRunner()
    for out in ("a", "b"):
        result = runner.invoke(cli, ["run", *common, "--out", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
    first = json.loads((tmp_path / "a" / "run.json").read_text())
    second = json.loads((tmp_path / "b" / "run.json").read_text())
    assert first["cache"]["documents_reused"] == 0
    assert second["cache"]["documents_reused"] == 2
    assert "detect_segment" not in second["timings"]  # nothing was detected, segmented or flagged again
    for name in ("sentences.csv", "flags.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert json.loads((tmp_path / "a" / "flags.jsonl").read_text().splitlines()[0])["code"]


def test_plain_words_is_remembered_but_each_caller_gets_its_own_list():
    from translate_cmp.lang.second_opinion import plain_words

    text = "Der Kanzler sagte am Montag in Berlin, 3 Punkte seien offen: www.example.de."
    first = plain_words(text)
    assert first == ["Der", "Kanzler", "sagte", "am", "Montag", "in", "Berlin", "Punkte", "seien", "offen"]
    first.append("mutated")
    assert plain_words(text) == first[:-1]
