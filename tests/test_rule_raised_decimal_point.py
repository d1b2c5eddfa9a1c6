"""S118 raised-decimal-point: a decimal written with a middle dot ('0·28', '1 · 34': British journal style) in a
language that marks decimals otherwise, on the real segmenter's output."""

from __future__ import annotations

from helpers_rules import flagged

from translate_cmp.rules import get_rule


def test_it_serves_latin_and_cyrillic_languages_but_english():
    rule = get_rule("S118")
    assert {"es", "fr", "de", "it", "pt", "nl", "ru", "ca"} <= rule.languages
    assert not rule.serves("en") and not rule.serves("zh") and not rule.serves("ja")


def test_a_decimal_with_a_middle_dot_is_flagged():
    text = "El riesgo de conversión fue menor con la cirugía robótica (OR 0·28; IC del 95 %: 0·15 a 0·52)."
    assert flagged(text, "S118", "es") == ["0·28", "0·15", "0·52"]
    # spaced, as some engines write it
    assert flagged("La edad fue el factor más fuerte (OR 1 · 34; p = 0 · 002).", "S118", "es") == ["1 · 34", "0 · 002"]
    assert flagged("La durée médiane était de 13·4 jours dans le groupe.", "S118", "fr") == ["13·4"]


def test_the_language_own_decimals_a_product_a_list_and_catalan_letters_are_left_alone():
    for text in ("El riesgo fue menor con la cirugía (OR 0,28; IC del 95 %: 0,15 a 0,52).",
                 "Se cultivaron 3·10⁵ células por pocillo y 2·10^3 en el control.",  # the dot multiplies
                 "Las páginas de la lista: 1 · 2 · 3 · siguiente.",  # a list, not a decimal
                 "En el año 2019 · 5 min de lectura."):  # a year is no whole part of one to three digits
        assert flagged(text, "S118", "es") == [], text
    assert flagged("La col·lecció del museu té 12 peces.", "S118", "ca") == []


def test_english_is_not_read():
    assert flagged("The odds ratio was 0·28 (95 per cent c.i. 0·15 to 0·52).", "S118", "en") == []
