"""Per-language synthetic corruption (benchmarks/corrupt_i18n.py) and its benchmark, on the real rules."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from helpers_rules import flagged, skip_without_language_data

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from corrupt_i18n import KINDS, LANGS, corrupt, corruptions  # noqa: E402
from multilingual_corrupt import base_sentences, evaluate  # noqa: E402

SENTENCES = {
    "es": "El presidente Pedro Sánchez dijo que las ayudas llegarán antes del verano, según el Gobierno.",
    "de": "Die Ministerin Nancy Faeser erklärte am Montag, dass die Reform nach der Wahl kommt.",
    "fr": "Les écologistes ont dénoncé un choix coûteux ; ils promettent de saisir le Conseil constitutionnel.",
}


def test_every_kind_injects_one_artefact_at_its_span():
    for lang, text in SENTENCES.items():
        for kind in KINDS:
            c = corrupt(text, lang, kind, random.Random(3))
            assert c is not None and c.kind == kind and c.text != text, (lang, kind)
            assert 0 <= c.start < c.end <= len(c.text)
    c = corrupt(SENTENCES["es"], "es", "joined-words", random.Random(3))
    assert c.text[c.start:c.end] == "SánchezDijo"  # a name and the verb after it
    c = corrupt(SENTENCES["de"], "de", "moved-capital", random.Random(3))
    word = c.text[c.start:c.end]
    assert word in {"Am", "Dass", "Die", "Nach", "Der"} and SENTENCES["de"][c.start:c.end] == word.lower()
    c = corrupt(SENTENCES["de"], "de", "lowercase-start", random.Random(3))
    assert c.text.startswith("die Ministerin")
    c = corrupt(SENTENCES["es"], "es", "one-word-fragment", random.Random(3))
    fragment = c.text[c.start:c.end]
    assert c.text.endswith(" " + fragment) and fragment.count(" ") == 0 and fragment[0].isupper()


def test_french_typography_is_never_injected_as_an_error():
    text = SENTENCES["fr"]
    for seed in range(40):
        c = corrupt(text, "fr", "doubled-punctuation", random.Random(seed))
        assert c.text[c.start:c.end].strip() not in {";", ""}  # the space before ';' is French, not an artefact


def test_corruptions_are_seeded():
    texts = list(SENTENCES.values())
    assert list(corruptions(texts, "es", seed=5)) == list(corruptions(texts, "es", seed=5))
    assert list(corruptions(texts, "es", seed=5)) != list(corruptions(texts, "es", seed=6))


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("es", "¿¿Llegarán las ayudas a tiempo? Nadie lo sabe.", "¿¿"),
    ("es", "¡¡Nadie lo garantiza! Los técnicos dudan.", "¡¡"),
])
def test_doubled_spanish_opening_marks(lang, text, span):
    assert span in flagged(text, "S106", lang)
    assert not flagged("¿Llegarán las ayudas a tiempo? ¡Nadie lo garantiza!", "S106", lang)


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "Lee también: Las claves del nuevo plan del Gobierno"),
    ("pt", "Leia também: O que muda com o novo plano"),
    ("ru", "Читайте также: Что изменится с нового года"),
    ("es", "Suscríbete a nuestro boletín"),
    ("fr", "Abonnez-vous à notre newsletter"),
    ("nl", "Schrijf je in voor onze nieuwsbrief"),
    ("de", "Von unserer Redaktion"),
    ("nl", "Door onze redactie"),
])
def test_link_call_and_desk_lines(lang, line):
    text = f"El texto sigue.\n{line}\nOtra frase." if lang == "es" else f"{line}"
    assert line in flagged(text, "F205", lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Lee también: el informe dice que la sequía seguirá durante todo el verano en el sur del país."),
    ("es", "Los lectores pueden suscribirse a la revista. Suscríbete a nuestro boletín, dijo el director."),
    ("de", "Von unserer Redaktion wurde der Bericht am Montag geprüft und veröffentlicht."),
])
def test_prose_is_not_furniture(lang, text):
    assert not flagged(text, "F205", lang)


@pytest.mark.slow
def test_benchmark_finds_every_language_and_meets_its_floors():
    """A small slice (6 sentences a language): clean text unflagged, and the kinds the rules serve fully."""
    for lang in LANGS:
        assert len(base_sentences(lang)) >= 10, lang
        report = evaluate(lang, seed=13, limit=6)
        assert report.clean_rate <= 0.02, (lang, report.alarms)
        by_kind = {k.kind: k for k in report.kinds}
        for kind in ("caption-credit", "doubled-punctuation"):
            k = by_kind[kind]
            assert k.n >= 4 and k.hit / k.n >= 0.90, (lang, kind, k.misses)
        assert report.recall >= 0.70, (lang, report.recall)


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("es", "el Gobierno aprobó el martes un nuevo paquete de ayudas.", "el"),
    ("fr", "le gouvernement a présenté mercredi un projet de loi.", "le"),
    ("it", "la Juventus ha battuto il Milan a San Siro.", "la"),
])
def test_lowercase_article_start_outside_english(lang, text, span):
    assert span in flagged(text, "S105", lang)  # an article is no name particle in its own language


def test_name_particles_still_start_english_sentences():
    assert not flagged("de Gaulle and von der Leyen were named in the report.", "S105", "en")


@pytest.mark.parametrize(("text", "span"), [
    ("Die Bundesregierung hat ein neues Gesetz Zur Cybersicherheit beschlossen.", "Zur"),
    ("Bundeskanzler Olaf Scholz reiste am Montag Nach Paris.", "Nach"),
])
def test_german_preposition_capitalised_before_a_noun(text, span):
    skip_without_language_data()
    assert span in flagged(text, "S104", "de")


def test_german_articles_and_particles_before_names_are_not_flagged():
    text = "Das berichtete am Montag Der Spiegel. Ursula von der Leyen traf Die Linke und Von Der Leyen lachte."
    assert not flagged(text, "S104", "de")
