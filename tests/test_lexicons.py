"""Bilingual lexicons (translate_cmp/lang/bilingual): the dictd reader on a dictionary written here in FreeDict's
format, its cache file, and the installed English-German dictionary (Debian's dict-freedict-eng-deu; the tests that
read it skip without it, never in CI, which installs it: .ci/apt-packages.txt)."""

from __future__ import annotations

import gzip
import os

import pytest

from translate_cmp.lang.bilingual import fingerprints, freedict, from_english, lexicon
from translate_cmp.rules import get_rule

_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _DIGITS[n % 64] + out
        n //= 64
        if n == 0:
            return out


def _write_dictd(folder, name: str, entries: list[tuple[str, str]]) -> None:
    """A dictd dictionary: ``entries`` (headword, entry text) in the data file, one index line each."""
    data = b""
    index = []
    for headword, text in entries:
        body = text.encode("utf-8")
        index.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(body))}\n")
        data += body
    (folder / f"{name}.index").write_text("".join(index), encoding="utf-8")
    with gzip.open(folder / f"{name}.dict.dz", "wb") as handle:
        handle.write(data)


_DING = [
    ("00databaseshort", "00databaseshort\n     English-German FreeDict Dictionary\n"),
    ("increase", "increase /ˈɪŋkɹiːs/ <n>\nErhöhung <fem>, Anstieg <masc> [econ.]\n"
                 "      \"increase by 2%\"  - um 2% steigen\n see: {increasing}\n"),
    ("increase", "increase /ɪŋkɹˈiːs/ <v>\nzunehmen, sich erhöhen (um) <v, intr>\n         Note: auf; um\n"),
    ("mortality", "mortality /mɔːtˈalɪti/\nSterblichkeit <fem> [med.]\n"),
    ("house music", "house music\nHouse-Musik <fem>\n"),
]
_SMALL = [("house", "house /haus/\n1. maison, logis\n2. abriter\n")]


def test_freedict_reads_dings_entries_and_numbered_senses(tmp_path):
    _write_dictd(tmp_path, "freedict-eng-deu", _DING)
    _write_dictd(tmp_path, "freedict-eng-fra", _SMALL)
    german = freedict.load("freedict-eng-deu", tmp_path)
    # two entries of one headword together; grammar, domains, explanations, examples and notes left out
    assert german.glosses("Increase") == {"Erhöhung", "Anstieg", "zunehmen", "sich erhöhen"}
    assert german.glosses("mortality") == {"Sterblichkeit"}
    assert german.glosses("house music") is None  # one-word headwords only
    assert german.glosses("00databaseshort") is None and len(german) == 2
    assert freedict.load("freedict-eng-fra", tmp_path).glosses("house") == {"maison", "logis", "abriter"}


def test_freedict_cache_file_is_written_once_and_read_back(tmp_path):
    _write_dictd(tmp_path, "freedict-eng-deu", _DING)
    cache = tmp_path / "cache"
    first = freedict.load("freedict-eng-deu", tmp_path, cache_dir=cache)
    files = list(cache.iterdir())
    assert len(files) == 1 and files[0].name.startswith("freedict-eng-deu-") and files[0].suffix == ".marshal"
    again = freedict.load("freedict-eng-deu", tmp_path, cache_dir=cache)
    assert again.entries == first.entries
    # a damaged cache file is read as missing and written again
    files[0].write_bytes(b"not marshal")
    assert freedict.load("freedict-eng-deu", tmp_path, cache_dir=cache).entries == first.entries
    assert freedict.load("freedict-eng-deu", tmp_path, cache_dir=cache).glosses("mortality") == {"Sterblichkeit"}
    # a changed dictionary (another size) gets its own cache file
    _write_dictd(tmp_path, "freedict-eng-deu", _DING[:3])
    os.utime(tmp_path / "freedict-eng-deu.dict.dz", (1, 1))
    assert freedict.load("freedict-eng-deu", tmp_path, cache_dir=cache).glosses("mortality") is None


def test_lexicon_is_none_for_a_pair_without_one():
    assert lexicon("en", "ja") is None
    assert lexicon("de", "en") is None


def test_cover_reads_inflection_compounds_and_umlauts(tmp_path):
    _write_dictd(tmp_path, "freedict-eng-deu", _DING + [
        ("child", "child /tʃaɪld/\nKind <neut>\n"), ("house", "house /haʊs/\nHaus <neut>\n")])
    german = freedict.load("freedict-eng-deu", tmp_path)
    # "mortality" inside a compound, "houses" read as "house" and found as "Häuser", "increased" as "increase"
    found = from_english.words("Child mortality increased in these houses.",
                        "Die Kindersterblichkeit erhöhte sich in diesen Häusern.", german)
    assert [(w.text, w.covered) for w in found] == [
        ("child", True), ("mortality", True), ("increased", True), ("houses", True)]
    found = from_english.words("Child mortality increased.", "Das Wetter war schön.", german)
    assert [w.covered for w in found] == [False, False, False]
    # a separable verb split in two ("nimmt ... zu") is not read: a word the sentence does translate
    found = from_english.words("Child mortality increased.", "Die Kindersterblichkeit nahm zu.", german)
    assert [w.covered for w in found] == [True, True, False]


def _installed() -> None:
    if lexicon("en", "de") is None and not os.environ.get("TRANSLATE_CMP_CI"):
        reason = "FreeDict English-German is not installed (Debian: dict-freedict-eng-deu)"
        print(f"skipping: {reason}")
        pytest.skip(reason)


def test_installed_english_german_dictionary():
    _installed()
    german = lexicon("en", "de")
    assert german is not None and lexicon("en", "de") is german  # read once per process
    assert {"Erhöhung", "Anstieg"} <= german.glosses("increase")
    assert "Sterblichkeit" in german.glosses("mortality")
    assert german.glosses("xqzzyv") is None
    assert {"etw. sagen"} <= german.glosses("say")  # the verb's headword is "say sth"; "say" alone is a noun
    assert fingerprints()["en-de"].startswith("freedict-eng-deu.dict.dz:")  # a run's signature names the installed file


def test_a_rule_whose_lexicon_is_not_installed_is_listed_as_not_run_for_units_of_its_pair():
    from translate_cmp.lang.bilingual import installed, pair_of
    from translate_cmp.rules.base import Rule
    from translate_cmp.rules.coverage import rules_not_run

    class NeedsEnglishJapanese(Rule):  # no English-Japanese lexicon is registered: never installed
        code = "X999"
        languages = frozenset({"ja"})
        lexicon_pair = ("en", "ja")

    rule = NeedsEnglishJapanese()
    assert pair_of("zh-CN", "en_US") == ("zh", "en") and not installed("en", "ja")
    assert rules_not_run([rule], "ja", "en-US") == ["X999"]  # a unit of its pair: run.json says it did not run
    assert rules_not_run([rule], "ja", "zh") == []  # another pair: the rule has nothing to read there anyway
    assert rules_not_run([rule], "ja") == []  # no unit, no source language
    assert rules_not_run([rule], "de", "en") == ["X999"]  # a language it does not serve, as before
    if installed("en", "de"):
        assert rules_not_run([get_rule("Q644")], "de", "en") == []
