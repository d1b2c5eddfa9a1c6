"""The argos engine on real packages (copy models): exact round trips, truncation, scores, ids."""

from __future__ import annotations

import pytest
import sentencepiece

from translate_cmp.engines.argos import ArgosEngine, default_threads
from translate_cmp.engines.argos_packages import (
    find_package,
    has_round_trip,
    installed_directions,
    installed_round_trip_pivots,
)
from translate_cmp.errors import InputError
from translate_cmp.testing import ALTERING_SUBSTITUTIONS

UNSEEN = "Naïve “quotes” … ½ — emoji 😀, 中文, Ελληνικά, snake_case, tab\there,  two  spaces"


def round_trip(engine: ArgosEngine, texts: list[str]) -> tuple[list, list]:
    forward = engine.translate(texts, "en", "de")
    backward = engine.translate([t.text for t in forward], "de", "en")
    return forward, backward


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "step"),
    [
        ({"beam_size": 2, "compute_type": "int8"}, 1),  # every sentence, at the pipeline's default quality
        ({}, 3),
        ({"beam_size": 1}, 5),
        ({"beam_size": 4}, 7),
    ],
)
def test_round_trip_gives_back_every_seed_sentence(argos_packages_dir, seed_sentences, options, step):
    sentences = seed_sentences[::step]
    engine = ArgosEngine(argos_packages_dir, **options)
    forward, backward = round_trip(engine, sentences)
    assert [t.text for t in forward] == sentences
    assert [t.text for t in backward] == sentences
    assert not any(t.truncated for t in forward + backward)
    assert engine.load_counts == {("en", "de"): 1, ("de", "en"): 1}


def test_models_load_once_per_direction(argos_packages_dir, seed_sentences):
    engine = ArgosEngine(argos_packages_dir)
    assert engine.translate(["", "  "], "en", "de") == [engine.translate([""], "en", "de")[0]] * 2
    assert engine.load_counts == {}  # nothing to translate: no model loaded
    for _ in range(3):
        round_trip(engine, seed_sentences[:5])
    engine.score(seed_sentences[:2], seed_sentences[:2], "de", "en")
    assert engine.load_counts == {("en", "de"): 1, ("de", "en"): 1}


def test_default_packages_dir_comes_from_the_environment(argos_packages_dir):
    assert ArgosEngine().directions() == {("en", "de"), ("de", "en")}


def test_outputs_keep_order_empties_and_unseen_characters(argos_packages_dir):
    engine = ArgosEngine(argos_packages_dir)
    texts = ["First.", "", UNSEEN, "   ", "Last one."]
    out = engine.translate(texts, "en", "de")
    assert [t.text for t in out] == ["First.", "", UNSEEN, "", "Last one."]
    assert out[1].n_tokens == 0 and out[1].score == 0.0


def test_scores_and_token_counts(argos_packages_dir, copy_package_files):
    sp = sentencepiece.SentencePieceProcessor(model_file=str(copy_package_files["spm"]))
    text = "Macron invited 20 European leaders to Paris."
    (out,) = ArgosEngine(argos_packages_dir).translate([text], "en", "de")
    assert out.n_tokens == len(sp.encode(text)) + 1  # every piece and the end token
    assert -0.01 < out.score <= 0.0  # a copy model is sure of its copy


def test_truncation_is_detected_not_hidden(argos_packages_dir):
    engine = ArgosEngine(argos_packages_dir, length_cap=8)
    long = "This sentence is much longer than eight pieces."
    out = engine.translate([long, "Ok."], "en", "de")
    assert out[0].truncated and long.startswith(out[0].text) and out[0].text != long
    assert not out[1].truncated and out[1].text == "Ok."


@pytest.mark.slow
def test_altering_package_changes_known_words(altering_packages_dir, seed_sentences, expected_altered):
    altered = [s for s in seed_sentences if any(w in s for w in ALTERING_SUBSTITUTIONS)]
    untouched = [s for s in seed_sentences if s not in altered][::4]
    assert len(altered) >= 8 and untouched
    _, backward = round_trip(ArgosEngine(altering_packages_dir), altered + untouched)
    back = [t.text for t in backward]
    assert back == [expected_altered(s) for s in altered + untouched]
    for sentence, out in zip(altered, back, strict=False):
        assert out != sentence and out == sentence.replace("Moscow", "Paris").replace("10", "12")
    assert back[len(altered) :] == untouched


def test_score_spans_index_the_target(argos_packages_dir, seed_sentences):
    engine = ArgosEngine(argos_packages_dir)
    targets = seed_sentences + [UNSEEN]
    scored = engine.score(targets, targets, "de", "en")
    for target, tokens in zip(targets, scored, strict=True):
        assert tokens
        assert "".join(target[t.start : t.end] for t in tokens) == target  # contiguous, complete
        for t in tokens:
            assert t.token.replace("\u2581", " ").endswith(target[t.start : t.end]) or t.start == t.end
        assert all(t.logprob > -0.01 for t in tokens)  # the copy is what the model expects
    assert engine.score(["x"], [""], "de", "en") == [[]]


def test_score_is_low_exactly_where_the_model_disagrees(altering_packages_dir):
    """The altering de->en model turns Moscow into Paris: forcing Moscow costs, the rest does not."""
    engine = ArgosEngine(altering_packages_dir)
    source = "Talks between Moscow and Kyiv resumed."
    (kept,) = engine.score([source], [source], "de", "en")
    (altered,) = engine.score([source], [source.replace("Moscow", "Paris")], "de", "en")
    low = [t for t in kept if t.logprob < -10]
    assert [(t.token, source[t.start : t.end]) for t in low] == [("Moscow", "Moscow")]
    assert all(t.logprob > -0.01 for t in kept if t not in low)
    assert all(t.logprob > -0.01 for t in altered)


def test_missing_direction_is_an_input_error(argos_packages_dir):
    engine = ArgosEngine(argos_packages_dir)
    assert not engine.can_translate("en", "fr")
    with pytest.raises(InputError, match="en -> fr"):
        engine.translate(["Hello."], "en", "fr")


def test_model_id_and_settings(argos_packages_dir, altering_packages_dir):
    plain, altering = ArgosEngine(argos_packages_dir), ArgosEngine(altering_packages_dir)
    model_id = plain.model_id("de", "en")
    assert model_id.startswith("argos:de-en:1.0:sha256-")
    assert model_id == ArgosEngine(argos_packages_dir).model_id("de", "en")  # stable
    assert altering.model_id("de", "en") != model_id  # other weights, other id
    assert altering.model_id("en", "de") == plain.model_id("en", "de")  # same package file
    assert plain.settings()["beam_size"] == 2
    assert ArgosEngine(argos_packages_dir, beam_size=1).settings() != plain.settings()
    assert ArgosEngine(argos_packages_dir, inter_threads=1).settings() == plain.settings()  # speed only


def test_round_trip_pivots(argos_packages_dir):
    assert installed_directions(argos_packages_dir) == {("en", "de"), ("de", "en")}
    assert installed_round_trip_pivots("en", argos_packages_dir) == ["de"]
    assert installed_round_trip_pivots("de", argos_packages_dir) == ["en"]
    assert installed_round_trip_pivots("fr", argos_packages_dir) == []
    assert has_round_trip("en", "de", argos_packages_dir) and not has_round_trip("en", "es", argos_packages_dir)
    assert find_package("en", "de", argos_packages_dir).path.name == "translate-en_de-1_0"


def test_default_threads_do_not_oversubscribe():
    assert default_threads(1) == (1, 1)
    assert default_threads(2) == (2, 1)
    assert default_threads(4) == (4, 1)
    assert default_threads(16) == (4, 4)


def test_an_input_over_the_limit_is_cut_before_the_model_and_marked(argos_packages_dir):
    engine = ArgosEngine(argos_packages_dir, max_input_length=16)
    long = " ".join(["The cat sat on the mat."] * 20)
    (out,) = engine.translate([long], "en", "de")
    assert out.truncated and out.text and long.startswith(out.text) and len(out.text) < len(long) // 4
    model = engine._model("en", "de")
    assert len(engine._bounded(model.encode([long])[0])) == 15  # the end token makes 16
    (short,) = engine.translate(["The cat sat."], "en", "de")
    assert short.text == "The cat sat." and not short.truncated


def _one_call(engine: ArgosEngine, texts: list[str]) -> list[tuple[list[str], list[float]]]:
    """What one ``translate_batch`` call with ``replace_unknowns=True`` gives (the engine's decoding options)."""
    model = engine._model("en", "de")
    sources = [engine._bounded(tokens) for tokens in model.encode(texts)]
    outputs = model.translator.translate_batch(
        sources, beam_size=engine.beam_size, num_hypotheses=1, length_penalty=1.0, return_scores=True,
        return_end_token=True, replace_unknowns=True, max_input_length=engine.max_input_length, max_decoding_length=64,
    )
    return [(list(o.hypotheses[0]), list(o.scores)) for o in outputs]


def test_unknowns_are_replaced_only_where_there_are_any(argos_packages_dir, seed_sentences):
    # sources with unknown pieces (the emoji, the Chinese, the Greek) and without, interleaved
    texts = [UNSEEN, *seed_sentences[:3], "Price: 5 € 😀.", seed_sentences[3]]
    engine = ArgosEngine(argos_packages_dir)
    model = engine._model("en", "de")
    sources = [engine._bounded(tokens) for tokens in model.encode(texts)]
    assert [model.has_unknown(s) for s in sources] == [True, False, False, False, True, False]
    assert model.unk_token == "<unk>"
    decoded = [(list(o.hypotheses[0]), list(o.scores)) for o in engine._decode(model, sources, 64)]
    assert decoded == _one_call(engine, texts)  # the same hypotheses and scores as one call replacing everywhere
    assert "😀" in decoded[0][0] and not any("<unk>" in hyp for hyp, _ in decoded)


def test_an_unknown_output_from_a_known_source_is_decoded_again(argos_packages_dir, seed_sentences, monkeypatch):
    # A vocabulary that knows a piece SentencePiece does not (or a model that writes <unk> on its own)
    # gives <unk> from a source with no unknown piece: the output, not the source, decides.
    texts = [UNSEEN, seed_sentences[0]]
    engine = ArgosEngine(argos_packages_dir)
    model = engine._model("en", "de")
    monkeypatch.setattr(type(model), "has_unknown", lambda self, pieces: False)
    sources = [engine._bounded(tokens) for tokens in model.encode(texts)]
    decoded = [(list(o.hypotheses[0]), list(o.scores)) for o in engine._decode(model, sources, 64)]
    assert decoded == _one_call(engine, texts)
    assert engine.translate(texts, "en", "de")[0].text == UNSEEN
