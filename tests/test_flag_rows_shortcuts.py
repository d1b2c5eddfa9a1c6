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
