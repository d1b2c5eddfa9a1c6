"""The surface rules (S1xx, F2xx, L3xx), the registry and the flag runner, on real segmenter output."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers_rules import flag_text, flagged, sentences_of

from translate_cmp.errors import InputError
from translate_cmp.records import Document, RoundTrip, Scores, Sentence, Severity
from translate_cmp.rules import ALL_RULES, get_rule, select_rules
from translate_cmp.rules.base import Hit, Rule, RuleContext
from translate_cmp.rules.flag import doc_stats, flag_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# --- every rule in the registry ------------------------------------------------------------------


def test_codes_and_names_are_unique_and_sorted():
    codes = [r.code for r in ALL_RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule):
    assert re.fullmatch(r"[SFLRCQ]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.summary.strip() and "\n" not in rule.summary
    assert rule.why.strip() and rule.instead.strip()
    assert len(rule.examples) >= 1 and len(rule.counter_examples) >= 1
    assert rule.family == rule.code[0]


def _needs_more_than_text(rule: Rule) -> bool:
    # unit rules (Q60x-Q62x) read a localisation unit; project-pass rules (Q67x consistency) every unit at once
    return rule.needs_round_trip or rule.needs_counterpart or rule.needs_unit or getattr(rule, "project_pass", False)


# Every rule's examples and counter-examples run in their own language in tests/test_rule_examples.py.
TEXT_RULES = [r for r in ALL_RULES if not _needs_more_than_text(r)]


def test_only_round_trip_and_bilingual_rules_need_more_than_text():
    assert {r.code[0] for r in ALL_RULES if r.needs_round_trip} == {"R"}
    assert {r.code[0] for r in ALL_RULES if r.needs_counterpart} == {"C", "Q"}  # Q65x: a unit or an aligned pair
    assert {r.code[0] for r in TEXT_RULES} == {"S", "F", "L"}


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: r.code)
def test_hits_stay_inside_their_sentence(rule: Rule):
    for example in rule.examples:
        document, sentences = sentences_of(example.text)
        for k, sentence in enumerate(sentences):
            ctx = RuleContext(document, "en", sentences, k)
            for hit in rule.check(ctx):
                assert 0 <= hit.start < hit.end <= len(sentence.text), (rule.code, hit)
                assert hit.message


# --- spans: each hit covers exactly the offending characters -------------------------------------


@pytest.mark.parametrize(
    ("code", "text", "spans"),
    [
        ("S101", "German Chancellor Olaf ScholzSaid that there will be no ground forces.", ["ScholzSaid"]),
        ("S101", "He British Prime Minister Rishi SunakFor his part, said so.", ["SunakFor"]),
        ("S101", "Kiev depends on its Western alliesEspecially the United States.", ["alliesEspecially"]),
        ("S102", "Peskov says the move changes US involvement in the conflict“Words matter.", ["conflict“Words"]),
        ("S102", "“This is how we evaluate it”said Dmitry Peskov.", ["it”said"]),
        ("S103", "The meeting ended late.The leaders left. Shells,but not troops.", ["late.", "Shells,but"]),
        ("S104", "Deployment will begin Between Moscow and the alliance.", ["Between"]),
        ("S104", "They maintain “strategic uncertainty” Which keeps Moscow on alert.", ["Which"]),
        ("S104", "We should talk about probability, but about Inevitability (of conflict).", ["Inevitability"]),
        ("S104", "Pressure from the United States Has dragged down the chain.", ["Has"]),
        ("S104", "Since The beginning of this year, prices rose.", ["The"]),
        ("S104", "Both the United Kingdom and The United Kingdom government left the talks early.", ["The"]),
        ("S101", "The Kursk regionConquered by Ukraine.", ["regionConquered"]),
        ("S105", "“There are no plans,” he said. jens stoltenberg,", ["jens"]),
        ("S106", "Macron spoke about the war against Russia. .", ["."]),
        ("S106", "The allies,, including France, agreed.", [",,"]),
        ("S109", "They discussed the the possibility.", ["the the"]),
        ("F201", "Europe fears a war that has not happened. Conflict.", ["Conflict."]),
        ("F203", "Allies meet in Paris on MondayAllies meet in Paris on Monday", ["Allies meet in Paris on Monday"]),
        ("F204", "image Source, getty images caption, Ukraine needs help.", ["image Source, getty images caption"]),
        ("F205", "The summit ended.\n\nBy admin", ["By admin"]),
        ("L302", "The president visited \u041ayiv on Monday.", ["\u041ayiv"]),
        ("L303", "The 中国 market grew by 5 percent.", ["中国"]),
        ("L304", "He German Chancellor Olaf Scholz said no.", ["He"]),
    ],
)
def test_hit_spans(code: str, text: str, spans: list[str]):
    assert flagged(text, code) == spans


def test_quote_spans_point_at_the_orphan_quote():
    text = "Lavrov said: “Open this mind to rational ideas.” Should be used.”\n\nThe talks went on."
    flags = flag_text(text, "en", [get_rule("S107")])
    assert [(f.start, text[f.start : f.end]) for f in flags] == [(text.rindex("”"), "”")]
    assert "never opened" in flags[0].message


def test_quotes_may_run_over_paragraphs_and_sentences():
    text = "“The first part ends here. And more follows.\n\n“The quotation goes on,” he said.\n\nNext."
    assert flag_text(text, "en", [get_rule("S107")]) == []


def test_unclosed_bracket_span():
    text = "We should talk about the inevitability (of conflict. This is how we see it.\n\nNext."
    assert flagged(text, "S108") == ["("]


def test_brackets_and_quotes_may_run_over_hard_wrapped_lines():
    text = "He said (in a long\nwrapped line) that “this\nis fine” and [that\nthis\ntoo] holds.\n\nNext (line."
    assert flagged(text, "S108") == ["("]  # only the one in the last paragraph, after a blank line
    assert flagged(text, "S107") == []


def test_interval_notation_is_not_an_unbalanced_bracket():
    assert flagged("Offsets are [start, end) and (0, 1] here.\n\nNext.", "S108") == []


@pytest.mark.parametrize(
    "text",
    [
        "Answer is ESC [ 0 n (Terminal OK). Use ESC ) B or '[' with \\(em and \\{ in troff.",  # named, escaped
        "Set the speed (see the option speed=). The prefixes are separated by colons (:).",  # emoticon shapes
        "KDE uses <info:(gcc)> and nom=(valeur_1 ... valeur_n), or (==) and 8-) in code.",  # code
        "The commands test and [[ are used (see also the compound command (( and let) here).",  # "((" is a symbol
    ],
)
def test_brackets_that_are_symbols_or_code_are_no_orphans(text):
    assert flagged(text + "\n\nNext.", "S108") == []


def test_a_spaced_bracket_still_pairs_with_the_closer_it_needs():
    text = "It is given by a single * ( do not confuse it with the wildcard) that follows.\n\nNext."
    assert flagged(text, "S108") == []
    assert flagged("The value (compared to the others is high. A ( stray\n\nNext.", "S108") == ["("]


def test_an_emoticon_closes_nothing_when_no_parenthesis_is_open():
    assert flagged("He smiled :) and left (quietly. Then he came back.\n\nNext.", "S108") == ["("]


def test_one_segment_may_open_a_parenthesis_that_closes_after_it():
    assert flagged("(503 долл. США;", "S108") == []  # one paragraph: a segment of a longer text
    assert flagged("The cost (503 dollars;", "S108") == ["("]


def test_straight_quotes_take_their_role_from_their_neighbours():
    text = 'It is "quite fine. ". And "this " too.\n\nShe said "no.'
    assert [text[f.start] for f in flag_text(text, "en", [get_rule("S107")])] == ['"']
    assert flag_text(text, "en", [get_rule("S107")])[0].start == text.rindex('"')


def test_identifiers_and_brands_are_not_run_together_words():
    text = "The columns docSegId and wmt23.zhen.<globalSegId> came from teamLab, WeChat and TikTok."
    assert flagged(text, "S101") == []


def test_lower_case_start_after_a_colon_or_an_abbreviation_is_a_continuation():
    text = "The measures include:\nmore shells, training. The price is approx. five euros.\n\nsentences.csv holds rows."
    assert flagged(text, "S105") == []


def test_duplicated_line_points_at_the_second_copy():
    line = "A Ukrainian police officer takes cover in front of a burning building"
    text = f"{line}\n{line}\n\nWestern leaders recognise the risk."
    flags = flag_text(text, "en", [get_rule("F202")])
    assert [(f.start, f.end) for f in flags] == [(len(line) + 1, 2 * len(line) + 1)]
    assert flags[0].message == "repeats the line before"


def test_other_language_sentence_covers_the_sentence():
    spanish = "El presidente francés dijo que no descarta el envío de tropas occidentales a Ucrania."
    text = f"Macron met European leaders in Paris on Monday. {spanish} The meeting ended late."
    assert flagged(text, "L301") == [spanish]


def test_english_word_lists_stay_out_of_other_languages():
    text = "Any deployment of troops will begin Between Moscow and the alliance, the the end."
    assert flagged(text, "S104", "en") == ["Between"]
    assert flag_text(text, "fr", [get_rule("S104"), get_rule("F201")]) == []  # 'Between' is no French word


# --- ordinary text ---------------------------------------------------------------------------------

ORDINARY = [
    "French President Emmanuel Macron told LIGA.net that NATO and the G7 met in Kyiv on 2024-01-15.",
    "The American model called ATACMS (Army TACtical Missile System) is equipped with a guidance device.",
    "Speck said on the X social network that McDonald's, iPhone, YouTube, PowerPoint and LinkedIn were fine.",
    "Mr. Smith, who has a PhD, met U.S. officials, e.g. the envoy, at 5 p.m. on Monday.",
    "Wait... what happened? Really?! Nobody knows.",
    "“Logistics should be destroyed. Places where drones are made,” says Sichen.",
    "Reactions to Macron’s words",
    "• Risk of Ukrainian defeat",
    "Allied troops in Ukraine: to be or not to be?",
    "He Jiankui spoke with He Lifeng. The Very Large Telescope took the picture.",
    "(AFP) Macron received around thirty European leaders. (Reuters) The talks went on.",
    "Fans of Gone With the Wind met Theresa May in May; children with Down syndrome joined The Hague talks.",
    "The column docSegId, the ReadTheDocs badge and print(f\"Hello {name}\") are code, e.g. fetch.fsck.badTimezone.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_no_rule_fires_on_ordinary_text(text: str):
    assert flag_text(text) == []


# --- the seed articles ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list]]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document, sentences = sentences_of(text, "en", path.stem[:3])
        flags = flag_document(document, "en", sentences, ALL_RULES)
        out[path.stem[:3]] = (text, sentences, flags)
    return out


SEED_ARTEFACTS = [
    ("004", "Olaf ScholzSaid", "S101"),
    ("004", "Rishi SunakFor", "S101"),
    ("004", "Giorgia MeloniDeclared", "S101"),
    ("004", "alliesEspecially", "S101"),
    ("001", "troopsMacron", "S101"),
    ("002", "conflict“Words", "S102"),
    ("004", "Joe Biden“has", "S102"),
    ("004", "out“The French", "S102"),
    ("004", "evaluate it”said", "S102"),
    ("004", "will begin Between Moscow", "S104"),
    ("004", "agreement About sending", "S104"),
    ("004", "troops, But nothing", "S104"),
    ("004", "about Inevitability", "S104"),
    ("004", "General Denied", "S104"),
    ("004", "Speck Maintain", "S104"),
    ("004", "” Which keeps", "S104"),
    ("004", "uses A strategy", "S104"),
    ("004", "fear of Has not", "S104"),
    ("004", "” The underlying", "S104"),
    ("004", "jens stoltenberg,", "S105"),
    ("004", "office of Italy’s", "S105"),
    ("004", "Russia. .", "S106"),
    ("004", "Should be used.”", "S107"),
    ("004", "themselves.”", "S107"),
    ("004", "war.” Is.”", "S107"),
    ("004", "Should be used.”", "F201"),
    ("004", "Is.”", "F201"),
    ("004", "Has not happened. Conflict.", "F201"),
    ("001", "troopsMacron announces", "F203"),
    ("004", "image Source, getty", "F204"),
    ("004", "image Source, getty images caption,", "F204"),
    ("004", "date 2024-01-15", "F205"),
    ("001", "By admin", "F205"),
    ("001", "cf-sjw/tjc/zm/sag-dbh/mel/am", "F205"),
    ("001", "*** Translated by DEFCONPress FYI Team ***", "F205"),
    ("002", "Read more", "F205"),
    ("003", "Source\u00a0", "F205"),
    ("004", "He German Chancellor", "L304"),
    ("004", "He British Prime Minister", "L304"),
    ("004", "He too NATO", "L304"),
]


@pytest.mark.parametrize(("seed", "snippet", "code"), SEED_ARTEFACTS)
def test_seed_artefacts_are_flagged(seeds, seed: str, snippet: str, code: str):
    text, _, flags = seeds[seed]
    start = text.index(snippet)
    end = start + len(snippet)
    hits = [f for per in flags for f in per if f.code == code and f.start < end and f.end > start]
    assert hits, f"{code} does not flag {snippet!r}"


def test_seed_duplicated_caption_is_flagged_once(seeds):
    text, sentences, flags = seeds["001"]
    caption = "A Ukrainian police officer takes cover"
    first = text.index(caption)
    second = text.index(caption, first + 1)
    dup = [f for per in flags for f in per if f.code == "F202"]
    assert [f.start for f in dup] == [second]


SEED_ORDINARY = [
    ("000", "Paris initiates a \"missile coalition\" for Ukraine."),
    ("000", "Will the West allow strikes on Russia?"),
    ("000", "told LIGA.net."),
    ("000", "WHY THIS MATTERS."),
    ("000", "WHAT'S NEXT."),
    ("000", "Missing components."),
    ("000", "transfer at least 10-15 ATACMS missiles to Ukraine, Musiienko argues."),
    ("001", "(AFP) Macron received around thirty European leaders"),
    ("001", "• ‘Strengthening’ Russia"),
    ("001", "“Many people who today say ‘never, never’"),
    ("001", "the president of the Spanish government, Pedro Sánchez."),
    ("002", "The American model called ATACMS (Army TACtical Missile System) is equipped with a guidance device."),
    ("002", "For example, airfields, storage or refueling sites."),
    ("003", "Allied troops in Ukraine: to be or not to be?"),
    ("003", "One of many others"),
    ("003", "one of the G7 countries"),
    ("003", "a kind of X-factor:"),
    ("003", "About the author: Kostiantyn Yelisieiev"),
    ("003", "The editors don't always share the opinions expressed by the authors of the blogs."),
    ("004", "Speck said on the X social network."),
    ("004", "Reactions to Macron’s words"),
]


@pytest.mark.parametrize(("seed", "snippet"), SEED_ORDINARY)
def test_ordinary_seed_sentences_are_not_flagged(seeds, seed: str, snippet: str):
    text, sentences, flags = seeds[seed]
    at = text.index(snippet)
    k = next(k for k, s in enumerate(sentences) if s.start <= at < s.end)
    assert flags[k] == [], [(f.code, f.message) for f in flags[k]]


# --- the registry --------------------------------------------------------------------------------


def test_select_by_code_prefix_and_ignore():
    assert [r.code for r in select_rules(["S101"])] == ["S101"]
    assert [r.code for r in select_rules(["s101, F203"])] == ["F203", "S101"]
    spacing = select_rules(["S"])
    assert spacing and all(r.code.startswith("S") for r in spacing)
    assert {r.code for r in select_rules(["S1", "F2"])} == {r.code for r in ALL_RULES if r.code[:2] in ("S1", "F2")}
    assert select_rules(None) == list(ALL_RULES)
    assert select_rules(["ALL"], ["L", "S104"]) == [r for r in ALL_RULES if r.family != "L" and r.code != "S104"]


@pytest.mark.parametrize(("select", "ignore", "where"), [(["S999"], None, "--select"), (["X"], None, "--select"),
                                                          (None, ["Q1"], "--ignore")])
def test_unknown_codes_are_input_errors(select, ignore, where):
    with pytest.raises(InputError) as err:
        select_rules(select, ignore)
    assert err.value.where == where


def test_get_rule():
    assert get_rule("s101").name == "run-together-words"
    with pytest.raises(InputError):
        get_rule("S999")


# --- the runner ----------------------------------------------------------------------------------


class _NeedsRoundTrip(Rule):
    code = "R999"
    name = "test-back-translation-seen"
    summary = "Fires on every sentence that has a round trip."
    needs_round_trip = True

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        yield Hit(0, 1, f"back: {ctx.round_trip.back_text} median: {ctx.stats.median_chrf}")


def test_runner_offsets_round_trips_and_stats():
    text = "First sentence here.\n\nSecond one, the the end."
    document, sentences = sentences_of(text)
    trips = [RoundTrip("es", "Primera.", "First."), None]
    scores = [Scores(80.0, 30.0, 50.0), Scores(40.0, 10.0, 90.0)]
    flags = flag_document(document, "en", sentences, [get_rule("S109"), _NeedsRoundTrip()], trips, scores)
    assert [[f.code for f in per] for per in flags] == [["R999"], ["S109"]]
    assert flags[0][0].message == "back: First. median: 60.0"
    doubled = flags[1][0]
    assert text[doubled.start : doubled.end] == "the the"
    assert (doubled.doc_id, doubled.sent_id) == ("t", 1)


def test_doc_stats_median_and_mad():
    stats = doc_stats([Scores(10, 0, 0), None, Scores(50, 0, 0), Scores(60, 0, 0), Scores(90, 0, 0)])
    assert (stats.median_chrf, stats.mad_chrf) == (55.0, 20.0)
    assert doc_stats(None).median_chrf is None


def test_runner_works_on_hand_made_sentences_without_detection():
    text = "Macron met leaders. El presidente francés dijo que no descarta el envío de tropas occidentales a Ucrania."
    document = Document("d", "d.txt", text)
    sentences = [Sentence("d", 0, 0, 19, text[:19]), Sentence("d", 1, 20, len(text), text[20:])]
    flags = flag_document(document, "en", sentences, [get_rule("L301")])
    assert flags[0] == [] and [f.code for f in flags[1]] == ["L301"]
