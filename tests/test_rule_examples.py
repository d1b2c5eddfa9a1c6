"""Every rule's documented examples, run in their own language: each example fires, each counter-example is silent.

The examples are the rules' own fixtures (``Rule.examples`` / ``Rule.counter_examples``, each with its
``lang``); ``translate-cmp rules CODE`` and the docs site show the same ones. How an example runs depends on
what the rule reads:

- text rules: the example is a document in ``example.lang``, through the real segmenter and detector;
- round-trip rules: the example's ``back`` is its back-translation (``trip`` adds what else the engine
  reported: scores, truncation, surprisal, other pivots' back-translations) -- data, not a stand-in engine;
- bilingual rules: the example and its ``translation`` through the real aligner (no engine).
"""

from __future__ import annotations

import pytest
from helpers_rules import flag_text, skip_without_language_data

from translate_cmp.compare import compare_documents
from translate_cmp.engines.none import NoneEngine
from translate_cmp.records import Document, RoundTrip, Sentence, Unit
from translate_cmp.rules import ALL_RULES
from translate_cmp.rules.base import DocStats, Example, Rule, RuleContext
from translate_cmp.score.metrics import SentenceScorer


def _round_trip_hits(rule: Rule, example: Example) -> list[str]:
    text = example.text
    document = Document("d", "d.txt", text)
    sentence = Sentence("d", 0, 0, len(text), text, lang=example.lang)
    trip = dict(example.trip or {})
    extra = tuple(RoundTrip(pivot, "", back) for pivot, back in trip.pop("other_backs", ()))
    stats = DocStats(**trip.pop("stats", {}))
    round_trip = RoundTrip(trip.pop("pivot", "es"), trip.pop("pivot_text", ""), example.back, **trip)
    scores = SentenceScorer().score(example.back, text)
    ctx = RuleContext(document, example.lang, [sentence], 0, round_trip, scores, stats, extra)
    return [text[h.start:h.end] for h in rule.check(ctx)]


def _bilingual_codes(rule: Rule, example: Example) -> set[str]:
    result = compare_documents(Document("s", "s", example.text), Document("t", "t", example.translation),
                               NoneEngine(), [rule])
    return {f.code for r in result.sentences for f in r.flags}


def _project_codes(rule: Rule, example: Example) -> set[str]:
    """A project-pass rule (consistency): each line of the example is a unit; the findings go through the rule."""
    from translate_cmp.rules.consistency.base import example_units
    from translate_cmp.rules.consistency.project import check_units
    from translate_cmp.rules.flag import flag_document
    from translate_cmp.rules.settings import RuleSettings

    units = example_units(example)
    configured = rule.configured(RuleSettings(project=check_units(units, (rule.code,))))
    codes = set()
    for u in units:
        document = Document(u.doc_id, "example.po", u.target, unit=Unit(u.doc_id, u.source, "en", "de", fmt="po"))
        sentences = [Sentence(u.doc_id, 0, 0, len(u.target), u.target, lang="de")]
        codes |= {f.code for fl in flag_document(document, "de", sentences, [configured]) for f in fl}
    return codes


def _unit_codes(rule: Rule, example: Example) -> set[str]:
    """A unit rule's example as a localisation unit: ``text`` the English source, ``translation`` the target in
    ``lang`` (``trip``: further Unit fields, "source_lang" for a source in another language), through the real
    unit analysis (declared language, unit segmenter)."""
    from translate_cmp.pipeline import analyse
    from translate_cmp.readers.units import unit_document
    from translate_cmp.records import Unit
    from translate_cmp.rules.flag import flag_document

    fields = {"fmt": "po", "file": "x.po", "file_id": "x", "source_lang": "en", **dict(example.trip or {})}
    unit = Unit("u", example.text, target_lang=example.lang, **fields)  # "fmt": "table" for bitext; "source_lang"
    found = analyse(unit_document(unit, example.translation))
    flags = flag_document(found.document, found.lang, found.sentences, [rule])
    assert all(f.code == rule.code and f.severity == rule.severity for s in flags for f in s)
    return {f.code for s in flags for f in s}


def fires(rule: Rule, example: Example) -> bool:
    if getattr(rule, "project_pass", False):
        return rule.code in _project_codes(rule, example)
    if (settings := rule.example_settings()) is not None:
        rule = rule.configured(settings)  # its glossary, say
    if rule.needs_unit:
        return rule.code in _unit_codes(rule, example)
    if rule.needs_counterpart:
        return rule.code in _bilingual_codes(rule, example)
    if rule.needs_round_trip:
        return bool(_round_trip_hits(rule, example))
    flags = flag_text(example.text, example.lang, [rule])
    assert all(f.code == rule.code and f.severity == rule.severity for f in flags)
    return bool(flags)


def _cases(kind: str) -> list:
    return [pytest.param(rule, example, id=f"{rule.code}-{example.lang}-{example.text[:30]}")
            for rule in ALL_RULES for example in getattr(rule, kind)]


@pytest.mark.parametrize(("rule", "example"), _cases("examples"))
def test_rule_fires_on_its_example(rule: Rule, example: Example):
    skip_without_language_data(example.lang, rule.code)  # S104 on German needs hunspell-de-de (CI installs it)
    assert rule.serves(example.lang), f"{rule.code} does not serve its example's language {example.lang}"
    assert fires(rule, example)


@pytest.mark.parametrize(("rule", "example"), _cases("counter_examples"))
def test_rule_is_silent_on_its_counter_example(rule: Rule, example: Example):
    assert not fires(rule, example)


def test_every_rule_has_examples_in_each_kind():
    for rule in ALL_RULES:
        assert rule.examples and rule.counter_examples, rule.code
        for example in (*rule.examples, *rule.counter_examples):
            assert example.lang, rule.code
            assert not rule.needs_round_trip or example.back is not None, rule.code
            assert not (rule.needs_counterpart or rule.needs_unit) or example.translation is not None, rule.code
