"""benchmarks/source_names.py: which capitalised words of an English source count as names, and what counts as
their trace in a translation (unit examples of our own; the figures are in docs/rules/measurements.md)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from source_names import fold, names, skeleton, traced  # noqa: E402


def test_names_are_rare_capitalised_words_inside_a_sentence():
    source = "Officials met Zelensky and the Kazakh minister, Smailov, in Paris. Goofus was not there."
    found = names(source, 3.0)
    assert "Zelensky" in found and "Smailov" in found
    assert "Paris" not in found  # frequent in English
    assert "Kazakh" in found and "Kazakhstani" not in names("the Kazakhstani minister", 3.0)  # a demonym's ending
    assert "Goofus" not in found  # a sentence's first word


def test_a_name_is_traced_through_case_endings_scripts_and_transliteration():
    assert traced("Zelensky", "Er traf Zelenskys Berater.", "de", None, plain=False)
    assert traced("McGill", "по индексу боли МакГилла", "ru", None, plain=False)
    assert traced("Kazakh", "der kasachische Minister", "de", None, plain=False)
    assert traced("Cylons", "gegen die Zylonen kämpfen", "de", None, plain=False)
    assert not traced("Cylons", "gegen die Zylonen kämpfen", "de", None, plain=True)
    assert not traced("Goofus", "den Republikanern ein Vorbild sein", "de", None, plain=False)


def test_folding():
    assert fold("Лихтенштейн") == "likhtenshtein"
    assert skeleton("Liechtenstein") == skeleton("Лихтенштейн") == "lktnstn"
