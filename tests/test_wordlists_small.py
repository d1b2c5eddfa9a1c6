"""wordfreq's small lists answer "is this word at least this common?" exactly as the full lists do, so a check that
asks it (Q618's one-letter words, an abbreviation's "is it a common word?") need not load a language's full list."""

from __future__ import annotations

import subprocess
import sys

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from translate_cmp.lang.wordlists import _small_floor, is_real_word, zipf, zipf_at_least


@pytest.mark.parametrize("lang", ["de", "fr", "ru"])
def test_small_list_is_the_full_list_cut_at_its_rarest_word(lang):
    small, full = get_frequency_dict(lang, "small"), get_frequency_dict(lang, "best")
    assert all(full.get(word) == freq for word, freq in small.items())
    left_out = max(freq for word, freq in full.items() if word not in small)
    assert zipf_frequency_of(left_out) < _small_floor(lang) <= min(zipf_frequency(w, lang) for w in list(small)[-50:])


def zipf_frequency_of(freq: float) -> float:
    import math

    return math.log10(freq) + 9


WORDS = ["b", "e", "m", "n", "a", "y", "в", "н", "aus", "disp", "bzw", "übertragene", "étranglé", "zzqx", "2te",
         "ein haus", "", "über-", "ястребов"]


@pytest.mark.parametrize("lang", ["de", "fr", "ru", "ja", "xx"])
@pytest.mark.parametrize("threshold", [1.5, 3.0, 3.01, 4.5, 6.0])
def test_zipf_at_least_agrees_with_the_full_list(lang, threshold):
    for word in WORDS:
        assert zipf_at_least(word, lang, threshold) == (zipf(word, lang) >= threshold), (word, lang, threshold)


def test_a_common_words_question_loads_only_the_small_list():
    code = ("from translate_cmp.lang.wordlists import zipf_at_least\n"
            "import wordfreq\n"
            "print(zipf_at_least('b', 'de', 6.0), zipf_at_least('n', 'de', 6.0), zipf_at_least('aus', 'de', 3.0),"
            " zipf_at_least('zzqx', 'de', 6.0), wordfreq.get_frequency_dict.cache_info().currsize)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # 'b' is a word of German at Zipf 6 or more in no list, nor 'n'; 'aus' is common; one list (the small) loaded
    assert done.stdout.split() == [str(zipf("b", "de") >= 6.0), str(zipf("n", "de") >= 6.0), "True", "False", "1"]


REAL_WORDS = ["Dijo", "Erklärte", "Tube", "ha", "Uhr", "Weg", "sagte", "poco", "quando", "told", "the", "Taxe", "Zeit",
              "werd", "bijna", "сказал", "нет", "zzqx", "Meloni", "Online", "dit", "Prezzi", "kwam", "was", "die"]


@pytest.mark.parametrize("lang", ["de", "es", "nl", "ru", "it", "en", "xx"])
@pytest.mark.parametrize("threshold", [3.0, 4.0])
def test_is_real_word_agrees_with_the_full_lists(lang, threshold):
    for word in REAL_WORDS:
        low = word.lower()
        here = zipf(low, lang)
        expected = here >= threshold and (lang == "en" or here > zipf(low, "en"))
        assert is_real_word(word, lang, threshold) == expected, (word, lang, threshold)


def test_a_common_words_test_of_a_glued_tail_loads_no_full_list():
    code = ("from translate_cmp.lang.wordlists import is_real_word\n"
            "import wordfreq\n"
            "print(is_real_word('Sagte', 'de'), is_real_word('Kwam', 'nl'),"
            " wordfreq.get_frequency_dict.cache_info().currsize)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "3"]  # the small lists of German, Dutch and English
