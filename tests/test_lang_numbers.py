"""The one number reader (translate_cmp/lang/numbers.py): which digits each reading takes as a number, and the
values a number may stand for in some locale."""

from __future__ import annotations

from translate_cmp.lang.numbers import PARTS, RUNS, cjk_numbers, english_words, numbers, values, written_out


def _read(text: str, reading: str = "alone") -> list[str]:
    return [text[s:e] for s, e, _ in numbers(text, reading)]


def test_values_in_any_locale():
    assert values("7,000") == {7000.0, 7.0} and values("7.000") == {7000.0, 7.0}
    assert values("7 000") == values("7'000") == values("7\u202f000") == {7000.0}
    assert values("3,5") == values("3.5") == values("3·5") == {3.5}  # "13·4 per cent": a middle dot is a point
    assert values("1.234,5") == {1234.5} and values("-5") == {-5.0}


def test_each_reading_takes_its_numbers():
    text = "IPv4 on 10-20 at 2.5mg, 1 400 000 and -5"
    assert _read(text) == ["10", "1 400 000", "-5"]  # alone: not in a word, not a range's second part
    assert _read(text, PARTS) == ["10", "20", "1 400 000", "5"]
    assert _read(text, RUNS) == ["4", "10", "20", "2.5", "1 400 000", "5"]
    assert _read("in 2019 200 people") == ["2019", "200"]  # thousands groups follow one to three digits
    assert [v for *_, v in numbers("٧٠٠٠ and ７０００")] == [{7000.0}, {7000.0}]


def test_numbers_written_with_characters_or_words():
    assert [v for *_, v in cjk_numbers("2月10日，1.1亿新元，5G网络", "zh")] == [{2.0, ("month", 2)}, {10.0}, {1.1e8}]
    assert [v for *_, v in english_words("Seventy-four patients, twenty two, fifteen and Ten")] == [
        {74.0}, {22.0}, {15.0}, {10.0}]
    assert written_out("zehnmal, zwei", "de") == [10.0, 2.0] and written_out("двухбайтовая", "ru") == [2.0]
