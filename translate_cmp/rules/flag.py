"""The flag stage: run every selected rule on every sentence of a document.

Rules report :class:`~translate_cmp.rules.base.Hit` objects with offsets into the sentence; this
module turns them into :class:`~translate_cmp.records.Flag` objects with offsets into the
document. Rules that need a round trip (or, in bilingual mode, a counterpart) are skipped for
sentences that have none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from translate_cmp.records import Document, Flag, RoundTrip, Scores, Sentence, Severity
from translate_cmp.rules.base import Counterpart, DocStats, Rule, SurfaceRule, rule_context

_NO_STATS = DocStats()  # frozen: one for every document with no scores (``--engine none``)


def doc_stats(scores: Sequence[Scores | None] | None) -> DocStats:
    """Median chrF over the document's scored sentences and its median absolute deviation."""
    if not scores or (len(scores) == 1 and scores[0] is None):
        return _NO_STATS  # no score (a table's row with --engine none: asked once a row)
    values = [s.chrf for s in scores if s is not None]
    if not values:
        return _NO_STATS
    mid = median(values)
    return DocStats(median_chrf=mid, mad_chrf=median(abs(v - mid) for v in values))


def with_engine_gaps(stats: DocStats, sentences: Sequence[Sentence], round_trips, extra_round_trips) -> DocStats:
    """``stats`` with the document's engine-gap median and deviation (engines side by side, R410)."""
    from translate_cmp.rules.roundtrip.R410_engines_disagree import engine_gap, gap_stats

    gaps = [engine_gap(s.text, [rt, *(_at(extra_round_trips, i) or ())]) if (rt := _at(round_trips, i)) else None
            for i, s in enumerate(sentences)]
    mid, mad = gap_stats(gaps)
    return replace(stats, median_engine_gap=mid, mad_engine_gap=mad)


def _at(items: Sequence | None, index: int):
    return items[index] if items is not None and index < len(items) else None


def flag_document(
    document: Document,
    doc_lang: str,
    sentences: Sequence[Sentence],
    rules: Sequence[Rule],
    round_trips: Sequence[RoundTrip | None] | None = None,
    scores: Sequence[Scores | None] | None = None,
    extra_round_trips: Sequence[Sequence[RoundTrip]] | None = None,
    counterparts: Sequence[Counterpart] | None = None,
) -> list[list[Flag]]:
    """One list of flags per sentence, in sentence order, each sorted by position then code.

    ``round_trips``, ``scores``, ``extra_round_trips`` and ``counterparts`` run parallel to
    ``sentences`` (None, or a None item, where there is nothing). Flag offsets are document offsets, always inside the
    sentence.
    """
    stats = doc_stats(scores)
    if extra_round_trips and any(extra_round_trips):
        stats = with_engine_gaps(stats, sentences, round_trips, extra_round_trips)
    out: list[list[Flag]] = []
    rules, calls = _plan(rules, doc_lang, document.unit is not None)
    plain_calls = _plain_calls(calls, bool(document.unit))
    unit_checks: list = []
    if document.unit is not None and not any(round_trips or ()) and not any(c is not None for c in counterparts or ()):
        unit_checks, plain_calls = _unit_split(plain_calls)  # asked once per unit below, not once a sentence
        from translate_cmp.rules.qa.unit_rule import finding_checks
    n = len(sentences)
    trips, scored = _padded(round_trips, n), _padded(scores, n)
    extras, pairs = _padded(extra_round_trips, n), _padded(counterparts, n)
    unit = document.unit is not None
    for index, sentence in enumerate(sentences):
        round_trip, counterpart = trips[index], pairs[index]
        ctx = rule_context(document, doc_lang, sentences, index, round_trip, scored[index], stats,
                           tuple(extras[index] or ()), counterpart)
        if index == 0 and unit_checks:  # the unit checks that find something in the unit, then the other rules
            plain_calls = finding_checks(unit_checks, ctx) + plain_calls
        flags: set[Flag] | None = None  # made at the first finding (most sentences have none)
        engine_choices: set[Flag] = set()
        rule_based = round_trip is not None and all(rt.rule_based for rt in (round_trip, *ctx.extra_round_trips))
        length = sentence.end - sentence.start
        plain = round_trip is None and counterpart is None  # the rules skipped below are not in plain_calls
        for rule, check in (plain_calls if plain else calls):
            if not plain:
                if rule.needs_round_trip and round_trip is None:
                    continue
                if rule.needs_counterpart and counterpart is None and not (rule.reads_unit and document.unit):
                    continue
            for hit in check(ctx):
                if unit and not rule.keeps_on_unit(ctx, hit):
                    continue  # a localisation unit: translate_cmp/rules/unit_policy.py
                flag = _flag(sentence, rule, hit, length)
                if rule_based and rule.engine_choice:
                    engine_choices.add(flag)
                else:
                    if flags is None:
                        flags = set()
                    flags.add(flag)
        if flags is None:
            flags = set()
            if not engine_choices:
                out.append([])  # sorted(set()): no finding
                continue
        flags |= {_on_its_own(f, flags, rules) for f in engine_choices}
        out.append(sorted(flags, key=_position))
    return out


def flag_plain(document: Document, doc_lang: str, sentences: Sequence[Sentence], rules: Sequence[Rule]
               ) -> list[list[Flag]]:
    """:func:`flag_document` of a document that is no localisation unit, with no round trip, score or counterpart for
    any sentence (``--engine none`` outside compare mode: a table's every row): the same flags, without the loop's
    tests for what such a document cannot have (no rule needs what it lacks, no statistics, no engine's choices, no
    unit's policy; tests/test_flag_fastpaths.py)."""
    if document.unit is not None:
        n = len(sentences)
        return flag_document(document, doc_lang, sentences, rules, [None] * n, [None] * n, [()] * n)
    calls = _plain_calls(_plan(rules, doc_lang, False)[1], False)
    out: list[list[Flag]] = []
    for index, sentence in enumerate(sentences):
        ctx = rule_context(document, doc_lang, sentences, index, None, None, _NO_STATS, (), None)
        flags: set[Flag] | None = None  # made at the first finding (most sentences have none)
        for rule, check in calls:
            for hit in check(ctx):
                if flags is None:
                    flags = set()
                    length = sentence.end - sentence.start
                flags.add(_flag(sentence, rule, hit, length))
        out.append([] if flags is None else sorted(flags, key=_position))
    return out


def _flag(sentence: Sentence, rule: Rule, hit, length: int) -> Flag:
    """``rule``'s finding ``hit`` in ``sentence`` (of ``length`` characters) as a flag: its offsets kept inside the
    sentence and made document offsets."""
    start = min(max(hit.start, 0), length)
    end = min(max(hit.end, start), length)
    return Flag(sentence.doc_id, sentence.sent_id, rule.code, rule.severity, sentence.start + start,
                sentence.start + end, hit.message)


def _position(flag: Flag) -> tuple:
    return flag.start, flag.end, flag.code, flag.message


def _padded(items: Sequence | None, n: int) -> Sequence:
    """``items`` read as :func:`_at` reads them, ``n`` of them: None past its end (or for all, when it is None)."""
    if items is None:
        return [None] * n
    return items if len(items) >= n else [*items, *[None] * (n - len(items))]


_PLANS: dict[tuple[int, str, bool], tuple[list[Rule], list[Rule], list]] = {}
_PLANS_SIZE = 256


def _plan(rules: Sequence[Rule], doc_lang: str, unit: bool) -> tuple[list[Rule], list]:
    """The rules that run on a document in ``doc_lang`` (a unit or not), and what to call on each sentence:
    decided once per rule list and language, not for every document (a table of short rows has one a row).

    The languages each rule declares (Rule.languages, requires, except_languages) choose; units-only rules run
    on units. A :class:`SurfaceRule` whose ``check`` is the base class's (``serves`` the document's language,
    then ``find``) is called through ``find``: the language was decided here."""
    key = (id(rules), doc_lang, unit)
    entry = _PLANS.get(key)
    # the same rules (ids are reused once a list dies): a tuple (a RuleSet) cannot change and is kept in the entry
    # itself, so the same object is the same rules; a list, which may change, is compared with the entry's copy
    if entry is not None and (entry[0] is rules or entry[0] == (rules if type(rules) is list else list(rules))):
        return entry[1], entry[2]
    kept = [rule for rule in rules if rule.serves(doc_lang) and (unit or not rule.needs_unit)]
    calls = [(rule, rule.find if type(rule).check is SurfaceRule.check else rule.check) for rule in kept]
    if len(_PLANS) >= _PLANS_SIZE:
        _PLANS.clear()
    _PLANS[key] = (rules if isinstance(rules, tuple) else list(rules), kept, calls)
    return kept, calls


_PLAIN: dict[tuple[int, bool], tuple[list, list]] = {}


def _plain_calls(calls: list, unit: bool) -> list:
    """``calls`` less the rules skipped on a sentence with neither a round trip nor a counterpart (``--engine none``
    outside compare mode: every sentence), and less the rules that have nothing to read in this run (``idle``), so
    that the loop over a table of short rows does not skip them one by one; the loop's own tests still stand."""
    key = (id(calls), unit)
    entry = _PLAIN.get(key)
    if entry is not None and entry[0] is calls:
        return entry[1]
    kept = [(rule, check) for rule, check in calls
            if not rule.needs_round_trip and not (rule.needs_counterpart and not (rule.reads_unit and unit))
            and not getattr(rule, "idle", False)]  # a glossary rule with no glossary, a project rule with no project
    if len(_PLAIN) >= _PLANS_SIZE:
        _PLAIN.clear()
    _PLAIN[key] = (calls, kept)
    return kept


_UNIT_SPLIT: dict[int, tuple[list, list, list]] = {}


def _unit_split(calls: list) -> tuple[list, list]:
    """``calls`` as (the unit checks, the rest): a unit check (:class:`~translate_cmp.rules.qa.unit_rule.UnitRule`)
    compares the whole unit once and reports on its sentences, so the flag stage asks each once per unit
    (:meth:`~translate_cmp.rules.qa.unit_rule.UnitRule.findings`) and calls on the unit's sentences only those that
    found something: 38 checks on every sentence of a catalogue, most of them with nothing to say."""
    from translate_cmp.rules.qa.unit_rule import UnitRule

    entry = _UNIT_SPLIT.get(id(calls))
    if entry is not None and entry[0] is calls:
        return entry[1], entry[2]
    units = [(rule, check) for rule, check in calls if isinstance(rule, UnitRule) and type(rule).check is UnitRule.check
             and not rule.needs_round_trip and not rule.needs_counterpart]
    rest = [c for c in calls if c not in units]
    if len(_UNIT_SPLIT) >= _PLANS_SIZE:
        _UNIT_SPLIT.clear()
    _UNIT_SPLIT[id(calls)] = (calls, units, rest)
    return units, rest


def _on_its_own(flag: Flag, others: set[Flag], rules: Sequence[Rule]) -> Flag:
    """A finding that rests on a rule-based engine's choice of words ("Verdadero" -> "Cierto": Apertium's
    dictionary) stays a warning only when a rule that reads the text itself (no round trip) flags an
    overlapping span; else it is INFO, shown to a reviewer, never failing a ``--fail-on warning`` gate."""
    text_rules = {r.code for r in rules if not r.needs_round_trip}
    if flag.severity <= Severity.INFO or any(
            o.code in text_rules and o.start < flag.end and flag.start < o.end for o in others):
        return flag
    return replace(flag, severity=Severity.INFO,
                   message=flag.message + " (a rule-based engine's word choice: info unless a text rule agrees)")
