"""C508 negation-mismatch: the source sentence is negated and its translation is not, or the other way round."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import MIN_CHARS, SOURCE, TRANSLATION
from translate_cmp.rules.comparison.keep import has_negation_list, negations


class NegationMismatch(Rule):
    code = "C508"
    name = "negation-mismatch"
    severity = Severity.WARNING
    summary = "The source sentence is negated and its translation is not (or the other way round)."
    why = (
        "A lost or added 'not' reverses what a sentence says while every other word still matches, so chrF "
        "(C503) does not see it. Read on the translation translated back into the source language, with the "
        "source language's negation words (ne/pas, no, non, не, niet...); without an engine for the pair the "
        "rule stays silent."
    )
    instead = "Translate the negation (or remove the one the translation added)."
    needs_counterpart = True
    examples = (
        Example("The regional council does not support the project yet.",
                translation="The regional council supports the project already."),
    )
    counter_examples = (
        Example(SOURCE, translation=TRANSLATION),
        Example("The council does not support the project.", translation="The council doesn't back the project."),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.kind == "1:0" or cp.back is None or len(ctx.text) < MIN_CHARS:
            return
        if cp.kind != "1:1" or not has_negation_list(ctx.doc_lang):
            return
        ours, theirs = negations(ctx.text, ctx.doc_lang), negations(cp.back, ctx.doc_lang)
        if bool(ours) != bool(theirs):
            which = "negated; its translation is not" if ours else "not negated; its translation is"
            yield Hit(0, len(ctx.text), f"the sentence is {which} (translated back: {cp.back[:80]!r})")
