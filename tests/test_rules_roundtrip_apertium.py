"""R4xx rules on real Apertium output: pinned round trips (no engine needed), the hand-labelled sample's
figures, and the live engine (skipped outside CI when apertium is absent; fails in CI)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from translate_cmp.lang import analyser
from translate_cmp.pipeline import run_documents
from translate_cmp.records import Document, RoundTrip, Sentence
from translate_cmp.rules import get_rule, select_rules
from translate_cmp.rules.base import DocStats, RuleContext
from translate_cmp.rules.roundtrip.name_survival import (
    acronym_kept,
    conventional_capitals,
    name_runs,
    words_in_capitals,
)
from translate_cmp.rules.roundtrip.R403_name_changed import names
from translate_cmp.score.metrics import SentenceScorer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import roundtrip_quality  # noqa: E402

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
    reason="apertium binary not installed (scripts/install-engines)",
)

# Real Apertium round trips, pinned from benchmarks/roundtrip_sample.tsv: (pivot, pivot text, back text).
GENEVA = "Health ministers from 27 countries met in Geneva on Tuesday to agree on a joint plan for buying vaccines."
GENEVA_TRIPS = (
    ("es", "Ministros de salud de 27 países cumplieron en Geneva encima martes para acordar en un plan de junta "
           "para comprar vacunas.",
     "Ministers of health of 27 countries fulfilled in Geneva on Tuesday to agree in a plan of joint to buy vaccines."),
    ("ca", "Ministres de salut des de 27 països van conèixer en Ginebra en dimarts per acordar en un pla de junta per "
           "comprar vacunes.",
     "Ministers of health since 27 countries met at Geneva at Tuesday to agree at a plan of joint to buy vaccines."),
    ("gl", "Ministros de saúde desde 27 países coñeceron en Xenebra en martes para estar de acordo nun plan conxunto "
           "para vacinas compradoras.",
     "Ministers of health from 27 countries knew in Gin in Tuesday to agree in a joint plan for buyer vaccines."),
)
LIGA = "Long-range strikes are of particular importance for the Defense Forces, military analyst Ivan Sichen tells " \
       "LIGA.net."
LIGA_GL = ("gl", "Moito tempo-folgas de gama son de importancia particular para as Forzas de Defensa, analista militar "
                 "Ivan Sichen di LIGA.Neto.",
           "Long-strikes of range are of particular importance stop the Strengths of Defence, military analyst Ivan "
           "Sichen says LEAGUE.Net.")
UK = "The Bank of England kept its main interest rate at 5.25% on Thursday, as inflation in the UK fell for the " \
     "third month in a row."
UK_ES = ("es", "El Banco de Inglaterra mantuvo su tasa de interés principal en 5.25% el jueves, como la inflación en "
               "el Reino Unido cayó para el tercer mes en una fila.",
         "The Bank of England maintained his tax of main interest in 5.25% the Thursday, like the inflation in the "
         "United Kingdom fell for the third month in a row.")
RUTTE = "Dutch Prime Minister Mark Rutte denied that the issue had been discussed."


def context(text: str, trips, stats: DocStats | None = None, lang: str = "en") -> RuleContext:
    stats = stats or DocStats()
    rts = [RoundTrip(p, pivot, back) for p, pivot, back in trips]
    scores = SentenceScorer().score(rts[0].back_text, text)
    return RuleContext(Document("d", "d.txt", text), lang, [Sentence("d", 0, 0, len(text), text)], 0, rts[0],
                       scores, stats, tuple(rts[1:]))


def hits(code: str, ctx: RuleContext) -> list[str]:
    return [ctx.text[h.start:h.end] for h in get_rule(code).check(ctx)]


# ---------------------------------------------------------------- pinned Apertium output


def test_a_name_lost_through_one_pivot_only_is_that_pivots_accident():
    assert hits("R403", context(GENEVA, GENEVA_TRIPS[2:])) == ["Geneva"]  # gl alone: "Geneva" -> "Gin"
    assert hits("R403", context(GENEVA, GENEVA_TRIPS)) == []  # es and ca keep it
    assert hits("R403", context(GENEVA, [GENEVA_TRIPS[2], ("ca", "", "Ministers met at Gin.")])) == ["Geneva"]


def test_a_name_the_pivot_carried_survived_the_forward_leg():
    assert hits("R403", context(LIGA, [LIGA_GL])) == []  # LIGA in the pivot, LEAGUE back
    assert hits("R403", context(LIGA, [(LIGA_GL[0], "", LIGA_GL[2])])) == ["LIGA"]
    # a pivot that is the original unchanged is no translation, and no evidence
    assert hits("R403", context("Talks in Moscow resumed.", [("de", "Talks in Moscow resumed.",
                                                                "Talks in Paris resumed.")])) == ["Moscow"]


def needs_analysers(*codes: str):
    return pytest.mark.skipif(
        not all(analyser.available(c) for c in codes) and not os.environ.get("TRANSLATE_CMP_CI"),
        reason="Apertium analysers not installed (scripts/install-engines)")


@needs_analysers("nl", "fr", "it", "en")
def test_words_in_capitals_are_the_analysers_common_words_not_names_or_acronyms():
    assert words_in_capitals(["COMMANDO", "NAAM", "LIGA", "NATO"], "nl") == {"COMMANDO", "NAAM"}
    assert words_in_capitals(["CIBLE", "ÉTAT", "OTAN", "Paris"], "fr") == {"CIBLE", "ÉTAT"}
    # "nato" is an Italian participle, NATO an acronym as written
    assert words_in_capitals(["NOTE", "NATO", "ISO"], "it") == {"NOTE"}
    assert words_in_capitals(["FILE", "LIGA", "TV", "UNIX", "UK"], "en") == {"FILE"}
    assert words_in_capitals(["COMMANDO"], "de") == frozenset()  # no analyser named: nothing skipped


@needs_analysers("nl", "fr", "en")
def test_a_placeholder_in_capitals_the_engine_translates_is_no_lost_name():
    # real Apertium round trips (nl via af, fr via ca) of a manual page's placeholders
    nl = ("af", "Gevaar BEVEL uit met 'n andere prioriteit.", "Gevaren BEVEL uit met een andere prioriteit.")
    assert hits("R403", context("Voer COMMANDO uit met een andere prioriteit.", [nl], lang="nl")) == []
    fr = ("ca", "Copiar la FONT cap al BLANC.", "Copier la FONT vers le BLANC.")
    assert hits("R403", context("Copier la SOURCE vers la CIBLE.", [fr], lang="fr")) == []
    # a name in capitals that the analyser does not know stays a name (LIGA.net above), so does an acronym
    assert hits("R403", context(LIGA, [(LIGA_GL[0], "", LIGA_GL[2])])) == ["LIGA"]
    lost = ("es", "", "The summit of the ORGANISATION closed on Friday.")
    assert hits("R403", context("The NATO summit closed on Friday.", [lost])) == ["NATO"]


def test_a_word_after_a_list_items_marker_is_capitalised_by_position():
    assert names("(4) Время, проведённое в ожидании.") == []
    assert names("(iii) Ranges X-Y comprise all characters.") == []
    assert names("Notes:\n  2) Vai via") == []
    assert [w for _, _, w in names("see f(2) Apple and (a) Paris")] == ["Apple", "Paris"]


def test_acronyms_expanded_by_the_engine_are_kept():
    assert hits("R403", context(UK, [UK_ES])) == []
    assert acronym_kept("US", ["The", "decision", "of", "USA"])
    assert acronym_kept("UK", ["in", "the", "United", "Kingdom"])
    assert not acronym_kept("UK", ["in", "the", "United", "States"])
    assert not acronym_kept("Fed", ["Federal"])


def test_a_name_with_one_surviving_part_survived():
    ca = ("ca", "Marca de Primer ministre holandès Rutte va negar que l'assumpte havia estat parlat.",
          "Marca of Dutch Prime minister Rutte denied that the affair had been talked.")
    assert hits("R403", context(RUTTE, [ca])) == []
    text = "Doctors Without Borders warned that prices have risen."
    runs = name_runs(text, [(0, 7, "Doctors"), (16, 23, "Borders")], skipped={8})
    assert runs == [[(0, 7, "Doctors"), (16, 23, "Borders")]]  # one name across a capitalised function word
    back = "The doctors Without Brinks warned that prices have ascended."
    assert hits("R403", context(text, [("es", "", back)])) == []
    # two names joined by a lower-case "and" are two names
    assert hits("R403", context("Talks between Moscow and Kyiv resumed.",
                                [("es", "", "Talks between Paris and Kyiv resumed.")])) == ["Moscow"]


def test_closed_class_and_calendar_capitals_are_not_names():
    text = "The prices rose in the year to March, Between Moscow and Kyiv."
    assert [w for *_, w in names(text)] == ["March", "Between", "Moscow", "Kyiv"]
    back = "The prices ascended in the year to Course, between Moscow and Kyiv."
    assert hits("R403", context(text, [("es", "", back)])) == []


def test_common_words_capitalised_in_a_byline_are_not_names():
    # a real Apertium round trip es -> en -> es of a Spanish byline (benchmarks/roundtrip_sample.tsv)
    byline = [("en", "By Editorial", "Por Editorial")]
    assert hits("R403", context("Por Redacción", byline, lang="es")) == []
    assert "Redacción" in conventional_capitals("Por Redacción", "es")
    # a rare word in a byline is still a name, and a common word in a full sentence still counts
    assert hits("R403", context("Por Zubiría", [("en", "By Ruiz", "Por Ruiz")], lang="es")) == ["Zubiría"]
    assert conventional_capitals("El informe de la Redacción llegó el martes.", "es") == frozenset()


def test_divergence_skips_capitals_and_short_lines():
    stats = DocStats(median_chrf=71.0, mad_chrf=8.0)
    assert hits("R401", context("WHY IT MATTERS", [("es", "POR QUÉ IMPORTA", "Why it IMPORTS")], stats)) == []
    assert hits("R401", context("By admin", [("ca", "Per admin", "For admin")], stats)) == []
    # a real Apertium round trip of a fragment of a split sentence, far from its document (seed 004)
    fragment = "Get what they need to protect themselves.”"
    trip = ("es", "Coger qué se necesitan proteger.”", "Take what need protect.”")
    assert hits("R401", context(fragment, [trip], DocStats(median_chrf=72.0, mad_chrf=8.0))) == [fragment[:-2]]


# ---------------------------------------------------------------- the hand-labelled sample


@pytest.mark.slow
def test_every_round_trip_rule_flags_at_most_3_percent_of_clean_sentences():
    rows = roundtrip_quality.load()
    sentences = {(r.doc_id, r.sent_id): r for r in rows}
    assert sum(r.label == "clean" for r in sentences.values()) >= 200
    garbled = [r for r in sentences.values() if r.label == "garbled"]
    assert len(garbled) >= 25 and all(r.reason for r in garbled)
    cells = roundtrip_quality.table(rows, roundtrip_quality.flags_by_mode(rows))
    for code, per_mode in cells.items():
        if code == "any":
            continue
        for mode in ("es", "ca", "gl", "all"):
            assert per_mode[mode].clean_rate <= roundtrip_quality.TARGET_CLEAN_RATE, (code, mode)
        assert per_mode["en"].clean_rate <= roundtrip_quality.TARGET_CLEAN_RATE, code
    # the calibration keeps what R403 found on garbled sentences (ca 4 of 27, Spanish via en 1 of 6)
    assert cells["R403"]["ca"].garbled_flagged >= 4 and cells["R403"]["en"].garbled_flagged >= 1


# ---------------------------------------------------------------- the live engine


@pytest.mark.slow
@needs_apertium
def test_live_apertium_round_trips_raise_no_name_flag_on_a_clean_article():
    from translate_cmp.engines.apertium import ApertiumEngine

    path = ROOT / "benchmarks" / "roundtrip_articles" / "en_health.txt"
    doc = Document("h", str(path), path.read_text(encoding="utf-8"))
    (result,) = run_documents([doc], ApertiumEngine(), select_rules(["R4"]), ("es", "ca", "gl"), strict=True,
                              surprisal=False)
    assert {s.round_trip.pivot_lang for s in result.sentences} == {"es", "ca", "gl"}
    assert all(s.round_trip.back_text for s in result.sentences)
    flagged = {s.sentence.sent_id for s in result.sentences if s.flags}
    assert len(flagged) <= 1, [f.message for s in result.sentences for f in s.flags]
    assert not [f for s in result.sentences for f in s.flags if f.code == "R403"]


@needs_apertium
def test_live_apertium_translates_names_as_words_and_the_rule_tolerates_it():
    from translate_cmp.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    pivot = engine.translate([RUTTE], "en", "ca")[0].text
    back = engine.translate([pivot], "ca", "en")[0].text
    assert "Mark" not in back  # Apertium ca turns the name into a word ("Marca")
    assert hits("R403", context(RUTTE, [("ca", pivot, back)])) == []


# Django's Spanish catalogue (Debian python3-django 3.2), msgstr of "“%(value)s” value must be either True or
# False.", round-tripped by Apertium via en (pinned): the engine's own synonyms, not a defect of the text.
DJANGO_ES = "“%(value)s”: el valor debe ser Verdadero o Falso."
DJANGO_ES_TRIP = ("en", "“%(value)s”: The value has to be True or Dud.",
                  "“%(value)s”: El valor tiene que ser Cierto o Inutilidad.")


def _flags_of(text: str, trip, rule_based: bool, codes: str = "R403") -> list:
    from translate_cmp.rules.flag import flag_document

    doc = Document("d", "d.txt", text)
    sentence = Sentence("d", 0, 0, len(text), text)
    rt = RoundTrip(*trip, rule_based=rule_based)
    return flag_document(doc, "es", [sentence], select_rules(codes.split(",")), round_trips=[rt])[0]


def test_names_a_rule_based_engine_translates_as_synonyms_are_info_on_their_own():
    apertium = _flags_of(DJANGO_ES, DJANGO_ES_TRIP, rule_based=True)
    model = _flags_of(DJANGO_ES, DJANGO_ES_TRIP, rule_based=False)
    assert [f.code for f in apertium] == [f.code for f in model] == ["R403", "R403"]
    assert {str(f.severity) for f in model} == {"warning"}  # a model engine's loss stays evidence
    assert {str(f.severity) for f in apertium} == {"info"}
    assert all("rule-based engine" in f.message for f in apertium)


def test_a_text_rule_on_the_same_words_keeps_an_engine_choice_a_warning():
    text = "“%(value)s”: el valor debe ser VerdaderoO o Falso."  # S101 on the glued name
    trip = ("en", "“%(value)s”: The value has to be TrueO or Dud.",
            "“%(value)s”: El valor tiene que ser CiertoO o Inutilidad.")
    flags = _flags_of(text, trip, rule_based=True, codes="R403,S101")
    by_code = {(f.code, text[f.start:f.end]): str(f.severity) for f in flags}
    assert by_code[("S101", "VerdaderoO")] == "warning"
    assert by_code[("R403", "VerdaderoO")] == "warning"  # corroborated by S101
    assert by_code[("R403", "Falso")] == "info"


@needs_apertium
def test_live_apertium_round_trips_are_marked_rule_based():
    from translate_cmp.engines.apertium import ApertiumEngine
    from translate_cmp.engines.round_trip import round_trip

    (rt,) = round_trip(ApertiumEngine(), [DJANGO_ES], "es", "en", surprisal=False)
    assert rt.rule_based and rt.back_text
