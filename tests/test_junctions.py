"""S101's junction finder: the all-lower-case shortcut gives exactly what the letter-by-letter scan gives."""

from __future__ import annotations

from translate_cmp.rules.spacing.S101_run_together_words import _junctions


def _scan(token: str) -> tuple[int, ...]:
    return tuple(i for i in range(1, len(token) - 1)
                 if token[i - 1].islower() and token[i].isupper() and token[i + 1].islower())


def test_shortcut_matches_the_scan_on_every_kind_of_token():
    tokens = ["ScholzSaid", "SánchezDijo", "FaeserErklärte", "MacronA", "alliesEspecially", "iPhone", "McDonald",
              "docSegId", "ReadTheDocs", "NATO", "Москвасказал", "МоскваСказал", "ǅemalǅ", "aǅb", "straße",
              "naïveÉcole", "x", "ab", "aBc", "日本語", "ﬁnancialReport", "éÉé", "ºAa", "aªBc"]
    for token in tokens:
        assert _junctions(token) == _scan(token), token
    assert _junctions("SánchezDijo") == (7,)
    assert _junctions("alliesEspecially") == (6,)
    assert _junctions("straße") == ()
