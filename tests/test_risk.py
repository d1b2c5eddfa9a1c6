import math
import random

import pytest

from translate_cmp.records import Flag, Scores, Severity
from translate_cmp.score.risk import (
    CHRF_WEIGHT,
    MIN_FLAG_WEIGHT,
    PRIOR_PER_UNIT,
    SEVERITY_WEIGHT,
    document_risk,
    flag_evidence,
    name_count,
    risk,
    rule_weight,
    text_counts,
    text_prior,
)
from translate_cmp.score.risk_fit import RULES, UNITS

UNMEASURED = "R401"  # a round-trip rule: never fires with --engine none, so the MQM dev sets never measure it
CODES = ("S101", "S102", "S104", "F201", "R401", "R407", *RULES)
TEXT = "Russia has repeatedly warned that any deployment of Western troops in Ukraine would start a conflict."
GERMAN = "Stellen Sie sich vor, dass der Minister im Haus einen Bericht über die Lage gibt."


def flag(code: str, severity: Severity, start: int = 0) -> Flag:
    return Flag("d", 0, code, severity, start, start + 3, "m")


def random_flags(rng: random.Random) -> list[Flag]:
    return [flag(rng.choice(CODES), rng.choice(list(Severity)), rng.randrange(50)) for _ in range(rng.randrange(6))]


def random_scores(rng: random.Random) -> Scores | None:
    return rng.choice([None, Scores(chrf=rng.uniform(0, 100), bleu=0.0, ter=0.0)])


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_no_evidence_is_zero_and_everything_stays_in_unit_interval():
    assert risk([]) == 0.0
    assert risk([], Scores(chrf=100.0, bleu=100.0, ter=0.0)) == 0.0
    worst = [flag(c, Severity.ERROR, i) for i in range(10) for c in CODES]
    assert 0.99 < risk(worst, Scores(chrf=0.0, bleu=0.0, ter=100.0), TEXT * 5, "en") <= 1.0


def test_adding_a_flag_never_lowers_risk():
    rng = random.Random(0)
    for _ in range(3000):
        flags, scores = random_flags(rng), random_scores(rng)
        text, lang = rng.choice([(None, ""), ("", "en"), (TEXT, "en"), (TEXT * 3, "en"), (GERMAN, "de")])
        extra = flag(rng.choice(CODES), rng.choice(list(Severity)), rng.randrange(50))
        assert risk([*flags, extra], scores, text, lang) >= risk(flags, scores, text, lang)


def test_raising_a_severity_never_lowers_risk():
    rng = random.Random(1)
    for _ in range(3000):
        flags, scores = random_flags(rng), random_scores(rng)
        if not flags:
            continue
        i = rng.randrange(len(flags))
        higher = [s for s in Severity if s >= flags[i].severity]
        raised = list(flags)
        raised[i] = flag(flags[i].code, rng.choice(higher), flags[i].start)
        assert risk(raised, scores, TEXT, "en") >= risk(flags, scores, TEXT, "en")


@pytest.mark.parametrize("code", sorted({*RULES, UNMEASURED, "X999"}))
def test_a_flag_of_any_rule_raises_the_risk_of_the_same_sentence(code):
    for text, lang in ((TEXT, "en"), (GERMAN, "de"), ("Conflict.", "en")):
        unflagged = risk([], None, text, lang)
        for severity in Severity:
            assert risk([flag(code, severity)], None, text, lang) > unflagged


def test_rule_weight_is_the_measured_excess_over_chance_shrunk_toward_the_severity():
    # a rule never measured weighs its severity, as before issue 25
    for severity, weight in SEVERITY_WEIGHT.items():
        assert rule_weight("X999", severity, {}) == weight
    # flags that touch raters' spans no more often than flags placed at random: the floor
    at_chance = {"X1": (200, 30, 30.0)}
    assert rule_weight("X1", Severity.ERROR, at_chance) == MIN_FLAG_WEIGHT
    # all flags on an error, rarely by chance: close to 1, the more flags the closer
    precise_few, precise_many = {"X1": (4, 4, 0.4)}, {"X1": (100, 100, 10.0)}
    few = rule_weight("X1", Severity.INFO, precise_few)
    many = rule_weight("X1", Severity.INFO, precise_many)
    assert SEVERITY_WEIGHT[Severity.INFO] < few < many < 1.0
    # the same hits, but more of them expected by chance: less weight
    assert rule_weight("X1", Severity.WARNING, {"X1": (20, 10, 8.0)}) < rule_weight(
        "X1", Severity.WARNING, {"X1": (20, 10, 2.0)})
    # severity still orders the flags of one rule
    table = {"X1": (10, 6, 2.0)}
    ranked = [rule_weight("X1", s, table) for s in Severity]
    assert ranked == sorted(ranked) and ranked[0] < ranked[-1]


def test_the_shipped_weights_follow_the_shipped_measurements():
    for code, (n, hits, chance) in RULES.items():
        assert 0 <= chance <= n and 0 <= hits <= n
        weight = rule_weight(code, Severity.WARNING)
        assert MIN_FLAG_WEIGHT <= weight < 1
        if hits <= chance:
            assert weight <= SEVERITY_WEIGHT[Severity.WARNING]
    assert UNITS["word"] == 1.0 and all(v >= 0 for v in UNITS.values())


def test_a_flag_from_a_precise_rule_outranks_a_long_unflagged_sentence_one_at_chance_does_not():
    precise = {"P": (50, 45, 5.0)}
    at_chance = {"C": (200, 30, 30.0)}
    forty_words = text_prior(words(40), "en")
    short = text_prior("Short.", "en")
    with_precise = 1 - (1 - flag_evidence([flag("P", Severity.INFO)], precise)) * (1 - short)
    with_chance = 1 - (1 - flag_evidence([flag("C", Severity.INFO)], at_chance)) * (1 - short)
    assert with_chance < forty_words < with_precise
    # an unmeasured rule keeps its severity weight, above a 40-word sentence as before
    ranked = [risk([flag(UNMEASURED, s)], None, "Short.", "en") for s in Severity]
    assert forty_words < ranked[0] < ranked[1] < ranked[2]
    assert risk([flag(UNMEASURED, Severity.WARNING)]) == SEVERITY_WEIGHT[Severity.WARNING]


def test_repeats_of_one_rule_count_less_than_different_rules():
    one = risk([flag(UNMEASURED, Severity.WARNING)])
    same_twice = risk([flag(UNMEASURED, Severity.WARNING), flag(UNMEASURED, Severity.WARNING, 10)])
    two_rules = risk([flag(UNMEASURED, Severity.WARNING), flag("R407", Severity.WARNING, 10)])
    assert one < same_twice < two_rules


def test_lower_round_trip_chrf_means_higher_risk():
    values = [risk([], Scores(chrf=c, bleu=0.0, ter=0.0)) for c in (95, 80, 60, 40, 20, 5)]
    assert values[0] == values[1] == 0.0
    assert values[1] < values[2] < values[3] < values[4] == values[5]


def test_text_prior_grows_with_length_and_adds_up_across_sentences():
    assert text_prior(None) == text_prior("") == 0.0
    lengths = [text_prior(words(n)) for n in (1, 5, 20, 60, 500)]
    assert lengths == sorted(lengths) and lengths[0] > 0 and lengths[-1] < 1
    assert text_prior(words(10)) == pytest.approx(1 - math.exp(-10 * PRIOR_PER_UNIT))
    # per unit: a document's prior depends on its total units, not on how they are split into sentences
    a, b = words(12), "the minister met the chancellor, the NATO envoy and Olaf in Paris."
    both = text_counts(a, "en").units + text_counts(b, "en").units
    expected = 1 - (1 - text_prior(words(1))) ** both  # the prior of that many plain words
    assert document_risk([risk([], None, a, "en"), risk([], None, b, "en")]) == pytest.approx(expected, abs=2e-4)


def test_marks_names_and_acronyms_count_more_than_plain_words():
    plain = "the minister met the chancellor in the city on monday"
    base = text_prior(plain, "en")
    assert text_prior("the minister met the chancellor, in the city on monday", "en") > base
    assert text_prior("the minister met the Chancellor in the city on monday", "en") > base
    assert text_prior("the minister met the NATO chancellor in the city on monday", "en") > text_prior(
        "the minister met the Nato chancellor in the city on monday", "en")
    counts = text_counts("The EU met the WHO and Olaf Scholz in Berlin.", "en")
    assert (counts.words, counts.marks, counts.names, counts.acronyms) == (10, 1, 5, 2)


def test_names_skip_sentence_starts_and_languages_that_capitalise_nouns():
    assert name_count("The minister met Olaf Scholz in Berlin. Then “They left.") == 3
    plain = "the minister met the chancellor in the city on monday"
    named = "the minister met Olaf Scholz in Berlin on Monday"
    assert len(plain.split()) > len(named.split())
    assert risk([], None, named, "en") > risk([], None, plain, "en")
    # German capitalises every noun: capitals there are no sign of a name
    assert name_count(GERMAN, "de") == 0 < name_count(GERMAN, "en")
    assert text_prior(GERMAN, "de") < text_prior(GERMAN, "en")


def test_an_unflagged_heading_in_capitals_does_not_outrank_a_flagged_fragment():
    # issue 22: "WHY THIS MATTERS." (unflagged) ranked above "Conflict." (a fragment flag)
    heading = text_counts("WHY THIS MATTERS.", "en")
    assert heading.acronyms == heading.names == 0
    fragment = flag("F201", Severity.WARNING)
    assert risk([], None, "WHY THIS MATTERS.", "en") < risk([fragment], None, "Conflict.", "en")
    # through an engine, the heading came back as "Why this matters." (chrF 11, case-sensitive): that is no
    # evidence against the translation, while the same chrF on an ordinary sentence is
    garbled, perfect = Scores(chrf=10.97, bleu=0.0, ter=100.0), Scores(chrf=100.0, bleu=100.0, ter=0.0)
    assert risk([], garbled, "WHY THIS MATTERS.", "en") < risk([fragment], perfect, "Conflict.", "en")
    assert risk([], garbled, "WHAT'S NEXT.", "en") < risk([fragment], perfect, "Conflict.", "en")
    assert risk([], garbled, "Why this matters.", "en") >= CHRF_WEIGHT > risk([], garbled, "WHY THIS MATTERS.", "en")
    # acronyms inside an ordinary sentence still count
    assert text_counts("The EU and NATO met the UN.", "en").acronyms == 3


@pytest.mark.parametrize("risks", [[], [0.0], [0.3], [0.2, 0.5], [0.1, 0.1, 0.1, 0.9]])
def test_document_risk_is_at_least_its_worst_sentence(risks):
    value = document_risk(risks)
    assert 0.0 <= value <= 1.0
    assert value >= max(risks, default=0.0)
    assert document_risk([*risks, 0.2]) >= value
