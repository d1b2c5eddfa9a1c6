"""R4xx round-trip rules: through the real CTranslate2 path (copy and altering argos packages), and
their logic on hand-made round trips for what a copy model cannot produce (low confidence, padding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.engines.argos import ArgosEngine
from translate_cmp.pipeline import run_documents
from translate_cmp.records import Document, DocumentResult, RoundTrip, Scores, Sentence
from translate_cmp.rules import ALL_RULES, get_rule, select_rules
from translate_cmp.rules.base import DocStats, Example, RuleContext
from translate_cmp.rules.roundtrip import RULES
from translate_cmp.rules.roundtrip.helpers import changed_span
from translate_cmp.rules.roundtrip.R402_number_changed import number_keys
from translate_cmp.rules.roundtrip.R403_name_changed import is_title_case, names
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.testing import build_copy_package, install_package

R4 = select_rules(["R4"])
CLEAN = (
    "The meeting was attended by prominent European leaders such as the head of the German government.",
    "Of the almost thirty countries taking part, the vast majority were European.",
    "The Czech Republic's proposal received significant support in Paris.",
    "Western leaders recognize the risk that Russia will impose itself on the conflict in 2024.",
)
ALTERED = "Talks between Moscow and Kyiv will resume in 10 days."
GARBLED = "Moscow 10, Moscow 10, Moscow 10, said Moscow 10."  # almost nothing of it survives the altering round trip


def run(engine: ArgosEngine, text: str, pivots=("de",), rules=R4) -> DocumentResult:
    (result,) = run_documents([Document("d", "d.txt", text)], engine, rules, pivots, strict=True)
    return result


def r4_flags(result: DocumentResult, text: str) -> dict[str, list[tuple[str, str]]]:
    """Per sentence text: (code, flagged document text) of every R4xx flag."""
    return {s.sentence.text: [(f.code, text[f.start:f.end]) for f in s.flags if f.code.startswith("R4")]
            for s in result.sentences}


# ---------------------------------------------------------------- the real engine path


def test_exact_round_trips_raise_no_round_trip_flag(argos_packages_dir, seed_documents):
    engine = ArgosEngine(packages_dir=argos_packages_dir)
    shortest = min(seed_documents, key=lambda d: len(d.text))  # a whole article, kept short for speed
    results = list(run_documents([shortest], engine, R4, ("de",), strict=True))
    sentences = [s for r in results for s in r.sentences]
    assert len(sentences) > 15
    assert all(s.round_trip is not None and s.round_trip.back_text == s.sentence.text for s in sentences)
    assert all(s.round_trip.surprisal for s in sentences)
    assert [f for s in sentences for f in s.flags] == []


def test_altered_number_and_name_are_flagged_where_they_are(altering_packages_dir):
    text = "\n".join([CLEAN[0], ALTERED, CLEAN[1]])
    result = run(ArgosEngine(packages_dir=altering_packages_dir), text)
    flags = r4_flags(result, text)
    assert flags[CLEAN[0]] == [] and flags[CLEAN[1]] == []
    assert sorted(flags[ALTERED]) == [("R402", "10"), ("R403", "Moscow"), ("R407", "10"), ("R407", "Moscow")]
    (altered,) = [s for s in result.sentences if s.sentence.text == ALTERED]
    messages = {f.code: f.message for f in altered.flags}
    assert "12" in messages["R402"] and "Paris" in messages["R403"] and "bits" in messages["R407"]


def test_a_sentence_that_does_not_survive_is_an_outlier_of_its_document(altering_packages_dir):
    text = "\n".join([*CLEAN, GARBLED])
    result = run(ArgosEngine(packages_dir=altering_packages_dir), text)
    flags = r4_flags(result, text)
    assert all(flags[c] == [] for c in CLEAN)
    codes = {code for code, _ in flags[GARBLED]}
    assert "R401" in codes and {"R402", "R403", "R407"} <= codes
    assert not codes & {"R404", "R405", "R406", "R408", "R409"}


@pytest.fixture(scope="module")
def two_pivot_packages(copy_package_files, tmp_path_factory) -> Path:
    """en->de copy + de->en altering, and en->fr + fr->en exact copies."""
    folder = tmp_path_factory.mktemp("two-pivots")
    build = tmp_path_factory.mktemp("built")
    spm = copy_package_files["spm"]
    for path in (copy_package_files["en-de"], copy_package_files["de-en-altering"],
                 build_copy_package(build / "en_fr.argosmodel", "en", "fr", spm),
                 build_copy_package(build / "fr_en.argosmodel", "fr", "en", spm)):
        install_package(path, folder)
    return folder


def test_pivots_that_disagree_are_flagged(two_pivot_packages):
    text = "\n".join([CLEAN[0], GARBLED, CLEAN[1]])
    result = run(ArgosEngine(packages_dir=two_pivot_packages), text, pivots=("de", "fr"))
    garbled = [s for s in result.sentences if s.sentence.text == GARBLED]  # one row per pivot
    assert [s.round_trip.pivot_lang for s in garbled] == ["de", "fr"]
    assert garbled[1].round_trip.back_text == GARBLED
    (r409,) = [f for f in garbled[0].flags if f.code == "R409"]
    assert text[r409.start:r409.end] == GARBLED[:-1]
    assert "through fr" in r409.message and "through de" in r409.message
    assert all(f.code != "R409" for s in result.sentences if s.sentence.text != GARBLED for f in s.flags)


def test_output_cut_at_the_length_limit_is_flagged(argos_packages_dir):
    long = CLEAN[0]
    text = "\n".join(["Short one.", long])
    result = run(ArgosEngine(packages_dir=argos_packages_dir, length_cap=12), text)
    flags = r4_flags(result, text)
    assert flags["Short one."] == []
    assert ("R406", long) in flags[long]


# ---------------------------------------------------------------- rule logic on hand-made round trips


def context(text: str, back: str, *, stats: DocStats | None = None, extra: tuple[RoundTrip, ...] = (),
            **trip) -> RuleContext:
    document = Document("d", "d.txt", text)
    sentence = Sentence("d", 0, 0, len(text), text)
    scores = SentenceScorer().score(back, text)
    return RuleContext(document, "en", [sentence], 0, RoundTrip("es", trip.pop("pivot", ""), back, **trip), scores,
                       stats or DocStats(), extra)


def hits(code: str, ctx: RuleContext) -> list[str]:
    return [ctx.text[h.start:h.end] for h in get_rule(code).check(ctx)]


def _documented(kind: str) -> list:
    textual = ("R401", "R402", "R403", "R404", "R405")  # rules whose evidence is the back-translation itself
    return [pytest.param(r.code, ex, id=f"{r.code}-{ex.text[:25]}")
            for r in RULES if r.code in textual for ex in getattr(r, kind)]


@pytest.mark.parametrize(("code", "example"), _documented("examples"))
def test_rule_fires_on_its_examples(code: str, example: Example):
    found = hits(code, context(example.text, example.back))
    assert found and all(found)


@pytest.mark.parametrize(("code", "example"), _documented("counter_examples"))
def test_rule_is_silent_on_its_counter_examples(code: str, example: Example):
    assert hits(code, context(example.text, example.back)) == []


def test_every_round_trip_rule_is_registered_documented_and_needs_a_round_trip():
    registered = {r.code for r in ALL_RULES}
    for rule in RULES:
        assert rule.code in registered and rule.needs_round_trip
        assert rule.examples and rule.counter_examples and rule.why and rule.instead
        assert all(ex.back is not None for ex in (*rule.examples, *rule.counter_examples))


def test_divergence_is_relative_to_the_document_with_an_absolute_floor():
    text = "Russia has repeatedly warned that sending Western troops to Ukraine would start a conflict."
    back = "Russia warned many times that troops from the West would start a war."
    value = SentenceScorer().score(back, text).chrf
    assert value < 50
    assert hits("R401", context(text, back, stats=DocStats(median_chrf=95.0, mad_chrf=2.0)))
    # a document where every sentence comes back this far: not an outlier
    assert hits("R401", context(text, back, stats=DocStats(median_chrf=value + 3, mad_chrf=5.0))) == []
    # far below a clean document, but above the absolute floor: a clean document has no forced outliers
    close = "Russia has repeatedly warned that sending troops from the West to Ukraine would start a conflict."
    assert SentenceScorer().score(close, text).chrf >= 50
    assert hits("R401", context(text, close, stats=DocStats(median_chrf=100.0, mad_chrf=0.0))) == []


def test_dropped_content_is_length_aware_and_points_at_the_lost_words():
    text = ("Macron announced a coalition to send missiles to Ukraine and did not rule out sending troops "
            "to the front in the coming months.")
    assert hits("R404", context(text, "Macron announced a coalition to send missiles to Ukraine.")) == [
        "and did not rule out sending troops to the front in the coming months"]
    assert hits("R404", context("Macron met the leaders in Paris.", "Macron met them.")) == []


def test_added_content_covers_the_sentence():
    text = "Has not happened."
    back = "It has not happened yet, and nothing will happen in the next few weeks."
    assert hits("R405", context(text, back)) == [text]
    assert hits("R405", context(text, "It has not happened.")) == []


def test_low_confidence_reads_the_mean_log_probability():
    text = "Zelensky“Words important the of conflict Is.”"
    unsure = context(text, "Zelensky words are important.", forward_score=-30.0, backward_score=-25.0,
                     forward_tokens=14, backward_tokens=10)
    sure = context(text, "Zelensky words are important.", forward_score=-3.0, backward_score=-2.0,
                   forward_tokens=14, backward_tokens=10)
    assert hits("R408", unsure) == [text]
    assert hits("R408", sure) == []
    assert hits("R408", context(text, "Zelensky words are important.")) == []  # no scores: silent


def test_truncation_of_any_pivot_is_reported():
    text = "A sentence."
    assert hits("R406", context(text, text, truncated=True)) == [text]
    cut = RoundTrip("fr", "Une", "A", truncated=True)
    assert hits("R406", context(text, text, extra=(cut,))) == [text]
    assert hits("R406", context(text, text)) == []


def test_names_and_numbers_helpers():
    assert [w for *_, w in names("He said: Moscow and “Kyiv” met NATO in Paris.")] == ["NATO", "Paris"]
    assert number_keys("It cost 1,400,000 euros in ten days", "en") == {1400000.0, 10.0}
    assert number_keys("1.5 in seventy-four", "en") == {1.5, 74.0}  # 1.5 is not 15
    assert number_keys("ten", "de") == set()
    assert changed_span("the cat sat on the mat", "the dog sat on the rug") == (4, 22)
    assert is_title_case("Macron Announces Coalition To Send Ammunition to Kiev")
    assert is_title_case("WHY THIS MATTERS.")
    assert not is_title_case("Jens Stoltenberg met Macron in Brussels.")


def test_name_kept_through_a_respelling_is_not_flagged():
    assert hits("R403", context("The talks in Kiev resumed.", "The talks in Kyiv resumed.")) == []
    assert hits("R403", context("Jens Stoltenberg met Macron.", "Jens Stoltenberg met the president.")) == ["Macron"]
    found = hits("R403", context("They met Jens Stoltenberg there.", "They met him there."))
    assert found == ["Jens Stoltenberg"]


def test_a_name_lost_in_a_long_truncated_round_trip_is_decided_as_in_a_short_one():
    # R403 remembers each (name, word) comparison: a long sentence whose round trip was cut meets the
    # same names and window words many times; each must be decided as the first time
    text = " ".join(f"in Moscow word{i} Kiev and Stoltenbreg" for i in range(300)) + "."
    back = " ".join(f"in word{i} Kyiv and Stoltenberg" for i in range(200))  # cut, and Moscow dropped
    found = hits("R403", context(text, back))
    assert found == ["Moscow"] * 300  # Kiev is Kyiv respelled, Stoltenbreg Stoltenberg; Moscow is gone
    assert hits("R403", context("They met in Moscow and Kiev.", "They met in Kyiv.")) == ["Moscow"]


def test_rules_do_nothing_without_a_round_trip():
    text = "Talks between Moscow and Kyiv will resume in 10 days."
    document = Document("d", "d.txt", text)
    ctx = RuleContext(document, "en", [Sentence("d", 0, 0, len(text), text)], 0, scores=Scores(0.0, 0.0, 100.0))
    assert [h for rule in RULES for h in rule.check(ctx)] == []
