"""Q644 sentence-not-translated on bitext tables of real-MT shape (issue 25): an English source sentence none of
whose words the German translation has, read with FreeDict's English-German dictionary (Debian's
dict-freedict-eng-deu: without it these tests skip, saying why, never in CI, which installs it). Through the real
reader and pipeline (no engine); the sentences are our own, the evidence (WMT23 news) is in
docs/rules/measurements.md."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_rules import bitext_results, flagged_messages

from translate_cmp.engines.none import NoneEngine
from translate_cmp.lang.bilingual import lexicon
from translate_cmp.pipeline import run_documents
from translate_cmp.readers import read_documents
from translate_cmp.readers.base import ReadOptions
from translate_cmp.rules import select_rules
from translate_cmp.rules.qa.Q644_sentence_not_translated import untranslated_sentence


@pytest.fixture(autouse=True)
def _needs_the_dictionary():
    if lexicon("en", "de") is None and not os.environ.get("TRANSLATE_CMP_CI"):
        reason = "FreeDict English-German is not installed (Debian: dict-freedict-eng-deu)"
        print(f"skipping: {reason}")
        pytest.skip(reason)


def _flags(tmp_path: Path, rows: list[tuple[str, str]], name: str = "mt.jsonl", **langs: str) -> dict[str, list]:
    """{target: [(code, message), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_messages(bitext_results(tmp_path, rows, ["Q644"], name=name, **langs))


SOURCE = ("The bears hibernate for six months. During that time they do not eat and live off their stored body "
          "fat, which keeps their hearts beating slowly.")


def test_q644_flags_a_sentence_left_out(tmp_path):
    left_out = "Die Bären halten sechs Monate Winterschlaf."
    whole = ("Die Bären halten sechs Monate Winterschlaf. In dieser Zeit fressen sie nicht und leben von ihrem "
             "gespeicherten Körperfett, das ihre Herzen langsam schlagen lässt.")
    flags = _flags(tmp_path, [(SOURCE, left_out), (SOURCE, whole)], source_lang="en", target_lang="de")
    assert flags[whole] == []
    assert flags[left_out] == [
        ("Q644", "the source's sentence 'During that time they do not eat and live off their stored…' is not in "
                 "the translation (1 of its 8 words found)")]  # "keeps": "halten"


def test_q644_reads_inflected_forms_and_compounds():
    # "mortality" in "Kindersterblichkeit", "vaccinations" as "Impfungen", "rates" as "Raten"
    assert untranslated_sentence("Child mortality fell where vaccination rates rose.",
                                 "Die Kindersterblichkeit sank dort, wo die Impfraten stiegen.", "en", "de") is None
    assert untranslated_sentence("Child mortality fell where vaccination rates rose.",
                                 "Das Wetter war am Wochenende schön.", "en", "de") == (
        "Child mortality fell where vaccination rates rose.")


def test_q644_leaves_short_sentences_names_and_frequent_words_alone():
    # three content words only ("bears", "hibernate", "months"): too few to judge
    assert untranslated_sentence("The bears hibernate for months.", "Das ist alles.", "en", "de") is None
    # names, acronyms and English's most frequent words ("like", "time", "people") are not looked up
    assert untranslated_sentence("People like Angela Merkel and the NATO have time.", "Das ist alles.",
                                 "en", "de") is None


def test_q644_reads_german_bitext_tables_only(tmp_path):
    # another target language: no lexicon for the pair; a PO catalogue: not a prose table
    assert untranslated_sentence(SOURCE, "Les ours hibernent six mois.", "en", "fr") is None
    french = _flags(tmp_path, [(SOURCE, "Les ours hibernent six mois.")], name="fr.jsonl",
                    source_lang="en", target_lang="fr")
    assert french == {"Les ours hibernent six mois.": []}
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\nLanguage: de\\n"\n\n'
                  f'msgid "{SOURCE}"\nmsgstr "Die Bären halten sechs Monate Winterschlaf."\n', encoding="utf-8")
    results = list(run_documents(read_documents([po], ReadOptions()), NoneEngine(), select_rules(["Q644"]),
                                 surprisal=False))
    assert len(results) == 1 and results[0].document.unit.fmt == "po"
    assert [f for r in results for s in r.sentences for f in s.flags] == []
