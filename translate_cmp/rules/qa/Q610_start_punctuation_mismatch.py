"""Q610 start-punctuation-mismatch: the punctuation a unit starts with differs (after each language's typography)."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import blanked, once, start_mark
from translate_cmp.rules.qa.unit_rule import UnitRule

_HEAD = 48  # characters of the start read (a placeholder or an ellipsis is shorter)


class StartPunctuationMismatch(UnitRule):
    code = "Q610"
    name = "start-punctuation-mismatch"
    severity = Severity.WARNING
    summary = "The source starts with a punctuation mark ('...', ':', a '- ' bullet) and the translation with " \
              "another, or with none (or the other way round)."
    why = "A lost opening bracket or quote, or a stray mark at the start, is visible in the UI and usually a slip."
    instead = ("Start with the source's mark as the language writes it: Spanish opens questions and exclamations "
               "with '¿' '¡', full-width marks stand for their ASCII ones. Opening quotes and brackets move with "
               "the word order and are not read here (Q612 and Q613 count them).")
    examples = (
        Example("...and more", translation="et plus encore", lang="fr"),
        Example("Delete", translation="- Löschen", lang="de"),
    )
    counter_examples = (
        Example("\"%s\" is not a directory", translation="« %s » n'est pas un répertoire", lang="fr"),
        Example("Continue?", translation="¿Continuar?", lang="es"),
        Example("(optional)", translation="（任意）", lang="ja"),
        Example("%s: cannot use --null (-0)", translation="--null (-0) kann mit %s nicht benutzt werden", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not any(ch.isalnum() for ch in source):
            return  # "?????", "-": punctuation is the whole source, not its start
        # the start is all it reads: the first characters after the leading blanks, placeholders blanked
        head_s, head_t = source.lstrip()[:_HEAD], target.lstrip()[:_HEAD]
        s, t = start_mark(blanked(head_s, fill="x"), "en"), start_mark(blanked(head_t, fill="x"), ctx.doc_lang)
        if s != t and target.strip() and source.strip():
            yield from once(ctx, f"starts with {s or 'no punctuation'!r} in the source, {t or 'none'!r} here")


RULES = (StartPunctuationMismatch(),)
