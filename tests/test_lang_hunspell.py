"""lang/hunspell.py: the words a language writes with a capital (German nouns), read from a Hunspell dictionary.

A small dictionary written here exercises the reader (entries, suffix rules and their conditions, the flags that
mark no word); the installed German one (Debian's hunspell-de-de; in CI always) the nouns S104 must leave alone;
an empty search path what happens without it: S104 does not run on German, and run.json says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers_rules import flagged

from translate_cmp.lang import hunspell
from translate_cmp.rules import ALL_RULES, get_rule
from translate_cmp.rules.coverage import rules_not_run

AFF = """SET UTF-8
TRY esianrtolcdugmphbyfvkwz
NEEDAFFIX h
ONLYINCOMPOUND o
FORBIDDENWORD d

SFX E Y 1
SFX E   0     e          .

SFX P Y 1
SFX P   0     en         .

SFX j Y 1
SFX j   0     0/o        .

SFX U Y 1
SFX U   ug    üge        ug
"""
DIC = """7
Teil/EP
Weg/EP
Drei/hj
Zug/U
Zahl/U
Unwort/d
morgen
"""


def _clear() -> None:
    for cached in (hunspell.dictionary_file, hunspell.capitalised_words, hunspell.writes_capitalised,
                   hunspell.dictionary_fingerprints):
        cached.cache_clear()


@pytest.fixture
def search(monkeypatch, tmp_path):
    """The dictionary search path: only ``tmp_path`` (empty unless a test writes a dictionary there)."""
    monkeypatch.setenv("TRANSLATE_CMP_HUNSPELL_PATH", str(tmp_path))
    monkeypatch.setattr(hunspell, "SEARCH", ())
    _clear()
    yield tmp_path
    _clear()


def test_installing_a_dictionary_changes_the_run_signature(search: Path):
    from translate_cmp.engines.none import NoneEngine
    from translate_cmp.run.signature import RunSignature

    signature = RunSignature.of(NoneEngine(), ["S104"], [])
    without = signature.digest()
    assert hunspell.dictionary_fingerprints()["de"] == ""
    (search / "de_DE.aff").write_text(AFF, encoding="utf-8")
    (search / "de_DE.dic").write_text(DIC, encoding="utf-8")
    _clear()
    assert hunspell.dictionary_fingerprints()["de"] and signature.digest() != without  # stored results stop matching


def test_reads_entries_and_their_suffixed_forms(search: Path):
    (search / "de_DE.aff").write_text(AFF, encoding="utf-8")
    (search / "de_DE.dic").write_text(DIC, encoding="utf-8")
    assert hunspell.available("de")
    forms = ["Teil", "Teile", "Teilen", "Weg", "Wegen", "Zug", "Züge"]
    assert [w for w in forms if hunspell.writes_capitalised(w, "de")] == forms
    assert not hunspell.writes_capitalised("Teilx", "de")
    assert not hunspell.writes_capitalised("Zahlüge", "de")  # the suffix's condition: the stem must end in -ug
    assert not hunspell.writes_capitalised("Drei", "de")  # NEEDAFFIX: a pseudo-root; its form is ONLYINCOMPOUND
    assert not hunspell.writes_capitalised("Unwort", "de")  # FORBIDDENWORD
    assert not hunspell.writes_capitalised("Morgen", "de")  # only the lower-case adverb is an entry
    assert not hunspell.writes_capitalised("Teil", "fr")  # no dictionary named for French


def test_without_the_dictionary_s104_does_not_run_on_german_and_run_json_says_so(search: Path, tmp_path_factory):
    from click.testing import CliRunner

    from translate_cmp.cli.app import cli

    assert not hunspell.available("de")
    s104 = get_rule("S104")
    assert not s104.serves("de") and s104.serves("es") and s104.serves("ru")
    assert "S104" in rules_not_run(ALL_RULES, "de") and "S104" not in rules_not_run(ALL_RULES, "es")
    assert flagged("Der Kanzler reiste Nach Paris und sprach mit dem Präsidenten.", "S104", "de") == []
    inputs = tmp_path_factory.mktemp("in")
    text = ("Der Kanzler reiste am Montag Nach Paris und sprach dort lange mit dem Präsidenten über die Lage. "
            "Danach fuhr er weiter nach Brüssel, wo die Minister auf ihn warteten.")
    (inputs / "de.txt").write_text(text, encoding="utf-8")
    out = inputs / "out"
    args = ["run", str(inputs / "de.txt"), "--engine", "none", "--no-cache", "--out", str(out), "--select", "S"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    not_run = json.loads((out / "run.json").read_text(encoding="utf-8"))["rules_not_run"]
    (german,) = [v["rules"] for v in not_run.values() if v["lang"] == "de"]
    assert "S104" in german  # and the rules that do not serve German at all (S115: English only)
    assert "(de: with its de_DE Hunspell dictionary)" in s104.languages_label()


needs_german = pytest.mark.skipif(not hunspell.available("de") and not os.environ.get("TRANSLATE_CMP_CI"),
                                  reason="no German Hunspell dictionary (Debian: hunspell-de-de)")


@needs_german
def test_german_dictionary_knows_the_nouns_among_the_small_words():
    for noun in ("Teil", "Beispiel", "Uhr", "Wegen", "Macht", "Teile"):
        assert hunspell.writes_capitalised(noun, "de"), noun
    for word in ("Sie", "Nach", "Will", "Drei", "Zwischen", "Lange"):
        assert not hunspell.writes_capitalised(word, "de"), word


@needs_german
def test_s104_leaves_german_nouns_and_names_and_still_flags_small_words():
    assert flagged("Der Befehl ist Teil des Pakets, zum Beispiel um acht Uhr auf geraden Wegen.", "S104", "de") == []
    assert flagged("Sie fanden das Ganze heute Morgen lustig, die Kleinen auch.", "S104", "de") == []
    assert flagged("Die Spende kam von Sébastien Lange, die Flanke von Will Patching.", "S104", "de") == []
    assert flagged("Die Aussage von Prigoschin, Einem Millionär, wurde bekannt.", "S104", "de") == ["Einem"]
    assert flagged("Wir wollen das nie tun Wir wollen im Inneren sein.", "S104", "de") == ["Wir"]
