"""Issue 24: the shortcuts of the flag stage for tables of short rows find what the long way finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.records import Document
from translate_cmp.rules import get_rule, select_rules
from translate_cmp.rules.docview import build_view
from translate_cmp.rules.flag import _plan, flag_document
from translate_cmp.rules.pairing import quote_orphans
from translate_cmp.rules.spacing.S106_doubled_punctuation import _DOUBLE_MARKS, _TWO_MARKS
from translate_cmp.rules.text import AFTER_LOWER_THE, WORD, is_title, starts_clause, title_chain
from translate_cmp.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    """The seed articles and the multilingual benchmark articles, and every rule example."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
    examples = [e.text for r in select_rules() for e in (*r.examples, *r.counter_examples)]
    return [p.read_text(encoding="utf-8") for p in files] + examples


def test_a_text_with_doubled_punctuation_passes_the_quick_scan():
    texts = _texts() + ["He said so,, twice.", "Done.. really", "Wait . . what", "¿ ¿Qué?", "so ; ;", "end :  :"]
    matched = [t for t in texts if _DOUBLE_MARKS.search(t)]
    assert len(matched) >= 6  # the scan is tested on texts that have doubled marks
    assert all(_TWO_MARKS.search(t) for t in matched)
    assert not _TWO_MARKS.search("One sentence, with a comma; and a full stop.")


@pytest.mark.parametrize("text", [
    "“It is over,” he said. “Not yet.",  # an unclosed quotation
    'She wrote "yes" and "no and left.',
    "„Das ist alles“, sagte er. Dann ging er.”",
    "Plain text without any quotation marks at all.",
])
def test_quote_orphans_found_by_the_scan_are_the_character_walk_ones(text):
    from translate_cmp.lang.profile import language
    from translate_cmp.rules import pairing

    table = language("en").quote_roles
    walked = [i for i in range(len(text)) if text[i] in table]  # every character the walk looked at
    scanned = [m.start() for m in pairing._quote_marks(frozenset(table)).finditer(text)]
    assert scanned == walked
    assert [m.start() for m in pairing._quote_marks(frozenset(table)).finditer(text, 5, len(text) - 1)] == [
        i for i in walked if 5 <= i < len(text) - 1]  # within a paragraph's bounds


def test_an_unclosed_quotation_is_still_found():
    text = "“It is over,” he said. “Not yet."
    assert [(o.pos, o.kind) for o in quote_orphans(text, 0, len(text), "en", None)] == [(23, "open-at-end")]


def test_the_document_view_reads_its_words_as_the_eager_view_did():
    for text in _texts()[:12]:
        doc = Document("d", "d.txt", text)
        sentences = segment(doc, "en")
        view = build_view(doc, sentences, "en")
        lower = {m.group() for s in sentences for m in WORD.finditer(s.text) if m.group().islower()}
        titles = [m.group() for s in sentences for m in WORD.finditer(s.text)
                  if is_title(m.group()) and not starts_clause(s.text, m.start())]
        after = {title_chain(s.text, m.end()) for s in sentences for m in AFTER_LOWER_THE.finditer(s.text)}
        assert view.lower_words == lower
        assert sum(view.title_mid.values()) == len(titles) and set(view.title_mid) == set(titles)
        assert view.after_the == after


def test_the_rules_run_on_a_language_are_decided_once_and_follow_the_list():
    rules = select_rules()
    kept, calls = _plan(rules, "en", False)
    assert _plan(rules, "en", False)[0] is kept  # decided once for this list and language
    assert kept == [r for r in rules if r.serves("en") and not r.needs_unit]
    assert [r for r, _ in calls] == kept
    fewer = [r for r in rules if r.code != "S103"]
    assert get_rule("S103") not in _plan(fewer, "en", False)[0]  # another list: decided again
    text = "The talks will begin Between Moscow and Kyiv.The minister said so,, twice."
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, "en")
    found = {f.code for fl in flag_document(doc, "en", sentences, rules) for f in fl}
    assert {"S103", "S104", "S106"} <= found
    assert "S103" not in {f.code for fl in flag_document(doc, "en", sentences, fewer) for f in fl}


def test_a_first_sentence_repeats_nothing_a_later_one_does():
    text = "The talks will continue next week. Nothing was decided. The talks will continue next week."
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, "en")
    codes = [[f.code for f in fl] for fl in flag_document(doc, "en", sentences, [get_rule("F202")])]
    assert codes == [[], [], ["F202"]]


def test_what_each_debris_pattern_needs_is_in_every_text_it_matches():
    from translate_cmp.lang import furniture
    from translate_cmp.rules.structure.F205_scraper_debris import _MAY_MATCH

    lines = [line for t in _texts() for line in t.splitlines()] + [
        "Copyright © 2003 H. Peter Anvin", "(c) 2020 ACME", "© Reuters", "All Rights Reserved.",
        "cf-sjw/tjc/zm", "*** BREAKING ***"]
    for pattern, what in furniture.DEBRIS_PATTERNS:
        if what in _MAY_MATCH:
            matched = [line for line in lines if pattern.search(line)]
            assert matched, what  # each shortcut is tested on lines its pattern matches
            assert all(_MAY_MATCH[what](line) for line in matched), what


@pytest.mark.parametrize(("code", "text", "lang", "fires"), [
    ("S104", "the talks will begin between moscow and kyiv.", "en", False),
    ("S104", "The talks will begin Between Moscow and Kyiv.", "en", True),
    ("S101", "the troops arrived and macron announced a coalition.", "en", False),
    ("S101", "The troopsMacron announced a coalition.", "en", True),
    ("S101", "Le président MacronA déclaré la guerre.", "fr", True),
])
def test_a_sentence_with_no_capital_after_its_first_letter_is_passed_one_with_one_is_not(code, text, lang, fires):
    doc = Document("d", "d.txt", text)
    found = [f.code for fl in flag_document(doc, lang, segment(doc, lang), [get_rule(code)]) for f in fl]
    assert bool(found) is fires


def test_documents_analysed_together_get_the_languages_each_gets_alone():
    from translate_cmp.pipeline import analyse, analyse_many

    texts = [
        "The minister said the talks would continue next week in Brussels.",
        "Der Minister sagte, die Gespräche würden nächste Woche in Brüssel weitergehen.",
        "Ist.",  # a row of its own, and a sentence of the next document
        "Das ist alles. Ist.",
        "The talks went on. Der Minister sagte, die Gespräche würden nächste Woche in Brüssel weitergehen.",
        "Le ministre a dit que les négociations continueraient la semaine prochaine à Bruxelles.",
    ]
    docs = [Document(f"d{i}", f"p{i}", t) for i, t in enumerate(texts)]
    together = analyse_many(docs)
    alone = [analyse(d) for d in docs]
    assert [(a.lang, a.lang_prob, [(s.text, s.lang, s.lang_prob) for s in a.sentences]) for a in together] == [
        (a.lang, a.lang_prob, [(s.text, s.lang, s.lang_prob) for s in a.sentences]) for a in alone]
    assert together[1].sentences[0].lang == "de" and together[0].sentences[0].lang == "en"
