import random

import pytest

from translate_cmp.records import Flag, Scores, Severity
from translate_cmp.score.risk import SEVERITY_WEIGHT, document_risk, length_prior, risk

CODES = ("S101", "S102", "F201", "R401", "R407")
TEXT = "Russia has repeatedly warned that any deployment of Western troops in Ukraine would start a conflict."


def flag(code: str, severity: Severity, start: int = 0) -> Flag:
    return Flag("d", 0, code, severity, start, start + 3, "m")


def random_flags(rng: random.Random) -> list[Flag]:
    return [flag(rng.choice(CODES), rng.choice(list(Severity)), rng.randrange(50)) for _ in range(rng.randrange(6))]


def random_scores(rng: random.Random) -> Scores | None:
    return rng.choice([None, Scores(chrf=rng.uniform(0, 100), bleu=0.0, ter=0.0)])


def test_no_evidence_is_zero_and_everything_stays_in_unit_interval():
    assert risk([]) == 0.0
    assert risk([], Scores(chrf=100.0, bleu=100.0, ter=0.0)) == 0.0
    worst = [flag(c, Severity.ERROR, i) for i in range(10) for c in CODES]
    assert 0.99 < risk(worst, Scores(chrf=0.0, bleu=0.0, ter=100.0), TEXT * 5) <= 1.0


def test_adding_a_flag_never_lowers_risk():
    rng = random.Random(0)
    for _ in range(3000):
        flags, scores, text = random_flags(rng), random_scores(rng), rng.choice([None, "", TEXT, TEXT * 3])
        extra = flag(rng.choice(CODES), rng.choice(list(Severity)), rng.randrange(50))
        assert risk([*flags, extra], scores, text) >= risk(flags, scores, text)


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
        assert risk(raised, scores, TEXT) >= risk(flags, scores, TEXT)


def test_a_single_flag_ranks_by_severity_and_outranks_ordinary_lengths():
    forty_words = " ".join(["word"] * 40)
    ranked = [risk([flag("S101", s)], None, "Short.") for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)]
    assert risk([], None, forty_words) < ranked[0] < ranked[1] < ranked[2]
    assert risk([flag("S101", Severity.WARNING)]) == SEVERITY_WEIGHT[Severity.WARNING]


def test_repeats_of_one_rule_count_less_than_different_rules():
    one = risk([flag("S101", Severity.WARNING)])
    same_twice = risk([flag("S101", Severity.WARNING), flag("S101", Severity.WARNING, 10)])
    two_rules = risk([flag("S101", Severity.WARNING), flag("S102", Severity.WARNING, 10)])
    assert one < same_twice < two_rules


def test_lower_round_trip_chrf_means_higher_risk():
    values = [risk([], Scores(chrf=c, bleu=0.0, ter=0.0)) for c in (95, 80, 60, 40, 20, 5)]
    assert values[0] == values[1] == 0.0
    assert values[1] < values[2] < values[3] < values[4] == values[5]


def test_length_prior_grows_with_length_and_adds_up_across_sentences():
    assert length_prior(None) == length_prior("") == 0.0
    lengths = [length_prior(" ".join(["word"] * n)) for n in (1, 5, 20, 60, 500)]
    assert lengths == sorted(lengths) and lengths[0] > 0 and lengths[-1] < 1
    assert length_prior(" ".join(["word"] * 44)) < SEVERITY_WEIGHT[Severity.INFO] < length_prior(" ".join(["w"] * 45))
    # per-word: a document's prior depends on its total words, not on how they are split into sentences
    a, b = " ".join(["word"] * 12), " ".join(["word"] * 30)
    assert document_risk([risk([], None, a), risk([], None, b)]) == pytest.approx(risk([], None, f"{a} {b}"), abs=2e-4)


@pytest.mark.parametrize("risks", [[], [0.0], [0.3], [0.2, 0.5], [0.1, 0.1, 0.1, 0.9]])
def test_document_risk_is_at_least_its_worst_sentence(risks):
    value = document_risk(risks)
    assert 0.0 <= value <= 1.0
    assert value >= max(risks, default=0.0)
    assert document_risk([*risks, 0.2]) >= value


def test_names_prior_counts_capitals_inside_the_sentence_only():
    from translate_cmp.score.risk import name_count, risk

    assert name_count("The minister met Olaf Scholz in Berlin. Then “They left.") == 3
    plain = "the minister met the chancellor in the city on monday"
    named = "the minister met Olaf Scholz in Berlin on Monday"
    assert len(plain.split()) > len(named.split())
    assert risk([], None, named) > risk([], None, plain)
