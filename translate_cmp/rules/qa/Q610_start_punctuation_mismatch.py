"""Q610 start-punctuation-mismatch: the punctuation a unit starts with differs (after each language's typography)."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import blanked, once, start_mark
from translate_cmp.rules.qa.unit_rule import UnitRule


class StartPunctuationMismatch(UnitRule):
    code = "Q610"
    name = "start-punctuation-mismatch"
    severity = Severity.WARNING
    summary = "The source starts with a punctuation mark ('(', '\"', '-', '...') and the translation with another, " \
              "or with none."
    why = "A lost opening bracket or quote, or a stray mark at the start, is visible in the UI and usually a slip."
    instead = ("Start with the source's mark as the language writes it: any opening quote ('«', '„', '「') stands "
               "for a quote, Spanish opens questions and exclamations with '¿' '¡', full-width marks stand for "
               "their ASCII ones.")
    examples = (
        Example("(optional)", translation="optionnel)", lang="fr"),
        Example("Delete", translation="- Löschen", lang="de"),
    )
    counter_examples = (
        Example("\"%s\" is not a directory", translation="« %s » n'est pas un répertoire", lang="fr"),
        Example("Continue?", translation="¿Continuar?", lang="es"),
        Example("(optional)", translation="（任意）", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        s, t = start_mark(blanked(source), ctx.doc_lang), start_mark(blanked(target), ctx.doc_lang)
        if s != t and target.strip() and source.strip():
            yield from once(ctx, f"starts with {s or 'no punctuation'!r} in the source, {t or 'none'!r} here")


RULES = (StartPunctuationMismatch(),)
