"""Token surprisal through the real engine's forced decoding (CTranslate2 score_batch)."""

from __future__ import annotations

from translate_cmp.engines.argos import ArgosEngine
from translate_cmp.engines.base import TokenScore
from translate_cmp.engines.none import NoneEngine
from translate_cmp.engines.round_trip import round_trip
from translate_cmp.engines.surprisal import LN2, Threshold, WordSurprisal, improbable, score_pieces, to_bits, words

TEXTS = [
    "Talks between Moscow and Kyiv will resume in 10 days.",
    "The meeting was attended by prominent European leaders.",
]


def surprising_words(text: str, pieces) -> dict[str, float]:
    return {text[w.start:w.end]: w.bits for w in words(text, pieces)}


def test_exact_copy_finds_nothing_surprising(argos_packages_dir):
    trips = round_trip(ArgosEngine(packages_dir=argos_packages_dir), TEXTS, "en", "de")
    for text, trip in zip(TEXTS, trips, strict=True):
        found = words(text, trip.surprisal)
        assert [text[w.start:w.end] for w in found] == text.split()  # every word scored, spans exact
        assert max(w.bits for w in found) < 1.0
        assert improbable(found)[0] == []


def test_words_the_backward_model_changes_are_improbable(altering_packages_dir):
    trips = round_trip(ArgosEngine(packages_dir=altering_packages_dir), TEXTS, "en", "de")
    assert trips[0].back_text == "Talks between Paris and Kyiv will resume in 12 days."
    bits = surprising_words(TEXTS[0], trips[0].surprisal)
    assert bits["Moscow"] > 30 and bits["10"] > 30
    assert all(b < 1.0 for w, b in bits.items() if w not in ("Moscow", "10"))
    hits, median = improbable(words(TEXTS[0], trips[0].surprisal))
    assert sorted(TEXTS[0][w.start:w.end] for w in hits) == ["10", "Moscow"] and median < 1.0
    assert max(surprising_words(TEXTS[1], trips[1].surprisal).values()) < 1.0


def test_score_pieces_is_one_batched_call_in_text_order(altering_packages_dir):
    engine = ArgosEngine(packages_dir=altering_packages_dir)
    pieces = score_pieces(engine, TEXTS, TEXTS, "de", "en")
    assert [max(b for *_, b in p) > 30 for p in pieces] == [True, False]
    assert score_pieces(engine, [], [], "de", "en") == []


def test_switched_off_or_unable_to_score_leaves_surprisal_empty(argos_packages_dir):
    assert all(t.surprisal == () for t in round_trip(ArgosEngine(packages_dir=argos_packages_dir), TEXTS, "en", "de",
                                                     surprisal=False))
    assert score_pieces(NoneEngine(), TEXTS, TEXTS, "de", "en") is None


def test_pieces_merge_into_words_and_space_pieces_join_the_next_word():
    text = "Olaf ScholzSaid that."
    tokens = [
        TokenScore("▁Olaf", -0.1 * LN2, 0, 4),
        TokenScore("▁", -2.0 * LN2, 4, 5),  # a lone word-boundary piece: its bits go to "Scholz"
        TokenScore("Scholz", -1.0 * LN2, 5, 11),
        TokenScore("Said", -14.0 * LN2, 11, 15),
        TokenScore("▁that", -0.5 * LN2, 15, 20),
        TokenScore(".", -0.25 * LN2, 20, 21),
        TokenScore("</s>", -9.0 * LN2, 21, 21),  # covers no text: ignored
    ]
    pieces = to_bits(tokens, text)
    assert pieces == ((0, 4, 0.1), (5, 11, 3.0), (11, 15, 14.0), (15, 20, 0.5), (20, 21, 0.25))
    assert words(text, pieces) == [WordSurprisal(0, 4, 0.1), WordSurprisal(5, 15, 17.0), WordSurprisal(16, 21, 0.75)]


def test_a_word_must_stand_out_from_its_sentence_unless_it_is_extreme():
    calm = [WordSurprisal(i, i + 1, 1.0) for i in range(8)]
    spike = WordSurprisal(20, 25, 13.0)
    assert improbable([*calm, spike])[0] == [spike]
    noisy = [WordSurprisal(i, i + 1, b) for i, b in enumerate([6.0, 11.0, 9.0, 12.0, 7.0, 10.0])]
    assert improbable([*noisy, spike])[0] == []  # 13 bits is ordinary in this sentence
    assert improbable([WordSurprisal(0, 1, 11.0)], Threshold(absolute=12.0))[0] == []
    everything_wrong = [WordSurprisal(i, i + 1, 40.0) for i in range(5)]
    assert len(improbable(everything_wrong)[0]) == 5
