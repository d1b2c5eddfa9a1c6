"""S117 numbers-side-by-side: a whole number and a decimal with only a space between them, where the comma marks
decimals ('42 4,75 мин': the '±' of '42±4.75 min' lost), on the real segmenter's output."""

from __future__ import annotations

from helpers_rules import flagged

from translate_cmp.rules import get_rule


def test_it_serves_the_languages_that_mark_decimals_with_a_comma():
    assert get_rule("S117").languages == {"de", "fr", "it", "pt", "nl", "ru"}
    assert not get_rule("S117").serves("en") and not get_rule("S117").serves("es")


def test_a_lost_plus_minus_leaves_two_numbers_side_by_side():
    text = ("Среднее время составило 51 минуту, при шунтировании - 42 4,75 мин, при аневризмоэктомии "
            "с протезированием - 83 5,00 мин.")
    assert flagged(text, "S117", "ru") == ["42 4,75", "83 5,00"]
    assert flagged("Die Dauer betrug 42 4,75 Minuten.", "S117", "de") == ["42 4,75"]
    assert flagged("Le volume était de 1 250 4,5 ml.", "S117", "fr") == ["1 250 4,5"]  # a grouped number first


def test_a_number_grouped_in_threes_or_a_sign_between_is_one_value():
    for text in ("Объём составил 1 250,5 мл, доза 42 475,5 ЕД, время 42 ± 4,75 мин.",
                 "Время составило 42±4,75 мин, разброс 2–3,5 раза, площадь 3 × 2,5 м.",
                 "Кровопотеря составила 280 209 мл и 438 322 мл.",  # thousands: no sign of a lost one
                 "В 2019 1,5 млн пациентов.",  # a year is no group of one to three digits
                 "Индекс 1,5 2,5 и 3,5 баллов."):  # decimals listed: the first is no whole number
        assert flagged(text, "S117", "ru") == [], text


def test_a_version_after_a_name_is_not_a_measurement():
    assert flagged("Ältere Versionen wie XFree86 3,1 kannten keine Farben.", "S117", "de") == []


def test_english_is_not_read():
    assert flagged("The mean time was 42 4.75 min, or 42 4,75 min.", "S117", "en") == []
