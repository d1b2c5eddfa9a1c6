"""Issue 24, seventh pass: the shortcuts a table's row takes (a document of one sentence) find what the long way finds.

Each shortcut is run against the long way on the seed articles' and benchmark articles' sentences, each made a
document of its own (a table's row), and on the rules' examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.records import Document
from translate_cmp.rules import select_rules
from translate_cmp.rules.base import rule_context
from translate_cmp.rules.flag import _NO_STATS
from translate_cmp.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def _rows() -> list[tuple[str, str]]:
    """(text, language) of every sentence of the seed and benchmark articles, and every rule example."""
    from translate_cmp.lang.detect import detect

    out = []
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        lang = detect(text).lang
        out += [(s.text, lang) for s in segment(Document(path.name, path.name, text), lang)]
    out += [(e.text, e.lang) for r in select_rules() for e in (*r.examples, *r.counter_examples)]
    return out


ROWS = _rows()


def _row_context(text: str, lang: str):
    document = Document("row", "rows.csv", text)
    sentences = segment(document, lang)
    return [rule_context(document, lang, sentences, i, None, None, _NO_STATS, (), None) for i in range(len(sentences))]


def test_the_rows_are_varied():
    assert len(ROWS) > 1000 and len({lang for _, lang in ROWS}) >= 6


def _long_way_l305(rule, ctx):
    from translate_cmp.rules.docview import doc_view
    from translate_cmp.rules.language.L305_mixed_register import forms_of, minority

    forms = forms_of(ctx)
    assert doc_view(ctx) is not None
    return [(f.start, f.end) for f in minority(forms) if f.index == ctx.index]


@pytest.mark.parametrize("code", ["L305"])
def test_a_one_sentence_documents_register_is_decided_as_the_long_way_decides(code):
    from translate_cmp.rules import get_rule

    rule = get_rule(code)
    for text, lang in ROWS + [("Sie können dich sehen, und du siehst Sie.", "de"), ("Tu et vous.", "fr")]:
        if not rule.serves(lang):
            continue
        for ctx in _row_context(text, lang):
            assert [(h.start, h.end) for h in rule.find(ctx)] == _long_way_l305(rule, ctx), text


BRACKETED = ["(AFP) Macron said.", "a (b) c", "f(x) = 1", "see (1) and (2)", "(", ")", "x ) (", "[a] (b)", "{x}",
             "(Chi Existe", "list: 1) one", ":) fine", "(\\(", "a \\( b )", "( x )", "ESC ( B", "x (\nnew) y", "()",
             "a(b)c(d", "[start, end)", "(see below).", "getrennt (:)", "speed=)"]


def test_one_parenthesis_is_found_by_one_scan_as_the_marks_scan_finds_it(monkeypatch):
    import re

    from translate_cmp.rules import pairing

    texts = [t for t, _ in ROWS] + BRACKETED + [f"pre {t} post" for t in BRACKETED]
    quick = []
    for text in texts:
        symbols: set[int] = set()
        found = pairing.bracket_orphans(text, 0, len(text), symbols)
        inner = pairing.bracket_orphans(text, 1, max(1, len(text) - 1), set())  # within a paragraph's bounds
        quick.append(([(o.pos, o.char, o.kind) for o in found], symbols, [(o.pos, o.kind) for o in inner]))
    assert sum(1 for t in texts if pairing._ONE_PARENTHESIS.fullmatch(t)) > 50  # the scan is tested where it matches
    monkeypatch.setattr(pairing, "_ONE_PARENTHESIS", re.compile(r"(?!)(x)"))  # the long way: every bracket's match
    for text, (found, symbols, inner) in zip(texts, quick, strict=True):
        long_symbols: set[int] = set()
        assert [(o.pos, o.char, o.kind) for o in pairing.bracket_orphans(text, 0, len(text), long_symbols)] == found
        assert long_symbols == symbols, text
        assert [(o.pos, o.kind) for o in pairing.bracket_orphans(text, 1, max(1, len(text) - 1), set())] == inner


def _long_way_s116(ctx) -> list[tuple[int, int, str]]:
    """S116's findings as its loop found them before: the readings through the document's view, every candidate
    asked of analyser.only_verb."""
    from translate_cmp.lang import analyser
    from translate_cmp.lang.profile import language
    from translate_cmp.rules.docview import build_view
    from translate_cmp.rules.spacing.S116_capitalised_verb import _candidates, _common_word

    candidates = list(_candidates(ctx.text))
    view = build_view(ctx.document, ctx.sentences, ctx.doc_lang)
    each = (candidates if s is ctx.sentence else _candidates(s.text) for s in ctx.sentences)
    words = {w for found_in in each for _, _, *near, _ in found_in for w in near if w}
    found = analyser.readings(words, ctx.doc_lang) if words else {}
    assert view is not None
    auxiliaries = language(ctx.doc_lang).extra.get("past_auxiliaries", frozenset())
    out = []
    for start, end, word, before, after, prev in candidates:
        tenses = (*analyser.NARRATIVE_TENSES, "inf") if prev in auxiliaries else analyser.NARRATIVE_TENSES
        if not analyser.only_verb(found.get(word, ()), tenses):
            continue
        if before and _common_word(found.get(before, ())):
            continue
        if after and any("<np>" in r for r in found.get(after, ())):
            continue
        out.append((start, end, word))
    return out


def test_s116_finds_on_a_row_what_it_found_through_the_view():
    from translate_cmp.rules import get_rule

    rule = get_rule("S116")
    extra = [("El capitán Daniel Ascendió marcó. La ribera Unió batió Northfield.", "es"),
             ("El equipo va Ganar el partido y la Fundación Ascendió al puesto.", "ca")]
    checked = fired = 0
    for text, lang in ROWS + extra:
        if not rule.serves(lang):
            continue
        for ctx in _row_context(text, lang):
            got = [(h.start, h.end, ctx.text[h.start:h.end]) for h in rule.find(ctx)]
            assert got == _long_way_s116(ctx), text
            checked += 1
            fired += bool(got)
    assert checked > 100


def test_s109s_tokens_are_made_small_in_the_pass_that_finds_them():
    from translate_cmp.rules.spacing.S109_doubled_word import _LOWER_WORD_BYTES, _WORD_BYTES, _may_double

    every = bytes(range(256))
    assert every.translate(_LOWER_WORD_BYTES) == every.translate(_WORD_BYTES).lower()  # each byte, so every text
    for text, _ in ROWS + [("The the end.", "en"), ("A a b", "en"), ("x_Y x_y", "en"), ("NO no", "en")]:
        tokens = text.encode("ascii", "replace").translate(_WORD_BYTES).lower().split()
        assert _may_double(text) == any(a == b for a, b in zip(tokens, tokens[1:])), text
