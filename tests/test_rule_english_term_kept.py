"""L307 english-term-kept: an English medical term or acronym that Spanish writes its own way, kept in a Spanish
sentence, on the real segmenter's output; a gloss beside the Spanish form, English text and code are left alone."""

from __future__ import annotations

import pytest
from helpers_rules import flagged

from translate_cmp.lang.profile import language
from translate_cmp.rules import get_rule


def test_it_serves_the_languages_whose_record_lists_english_terms():
    rule = get_rule("L307")
    assert "es" in rule.languages and language("es").extra["english_terms"]["ADL"] == ("AVD", "ABVD")
    assert not rule.serves("en") and not rule.serves("de")


@pytest.mark.parametrize(("text", "expected"), [
    ("La odds ratio diagnóstica (DOR) fue de 14,12 (IC del 95 %: 11,17 a 17,84).", ["odds ratio"]),
    ("Edad inferior a 60 años (odds ratio (OR) 1,34; p = 0,002).", ["odds ratio"]),
    ("La edad se asoció con limitaciones funcionales en la ADL.", ["ADL"]),
    ("Ser hombre tenía una asociación con las limitaciones de las IADLs.", ["IADLs"]),  # an English plural
    ("Según la WHO, el HIV afecta a 38 millones de personas.", ["WHO", "HIV"]),
    ("Los Hazard Ratios fueron similares en ambos grupos.", ["Hazard Ratios"]),
    # the Spanish name written out does not gloss an English acronym: Spanish writes "(OMS)" after it
    ("La Organización Mundial de la Salud (WHO) recomienda una tasa del 10 al 15 %.", ["WHO"]),
])
def test_an_english_term_spanish_writes_its_own_way_is_flagged(text, expected):
    assert flagged(text, "L307", "es") == expected


@pytest.mark.parametrize("text", [
    "La razón de posibilidades diagnóstica (OR) fue de 14,12.",
    "Edad inferior a 60 años (razón de posibilidades (odds ratio, OR) 1,34).",  # a gloss beside the Spanish term
    "Se midieron las actividades de la vida diaria (ADL, por sus siglas en inglés).",  # said to be English
    "Según la OMS y la ONU, el VIH-1 y el HIV-2 se detectan en el 2 % de los casos.",  # a virus's name: "HIV-2"
    "Las AVD (ADL) y el IMC se midieron al inicio.",  # the Spanish acronym beside it
    "Consulte http://who.int/hiv o el archivo WHO.txt para más información.",  # an address and a file name
    "LA ORGANIZACIÓN RECOMIENDA QUE LAS WHO GUIDELINES SE APLIQUEN EN TODOS LOS PAÍSES.",  # a notice in capitals
    "El paciente who se negó a participar",  # lower case: an English word, not the acronym
])
def test_glosses_names_code_and_capitals_are_left_alone(text):
    assert flagged(text, "L307", "es") == []


def test_english_is_not_read():
    assert flagged("The odds ratio was 14.12 according to the WHO and the ADL scale.", "L307", "en") == []
