"""Q612 bracket-mismatch: the brackets of the source and the translation differ in number."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import bracket_counts, once
from translate_cmp.rules.qa.unit_rule import UnitRule


class BracketMismatch(UnitRule):
    code = "Q612"
    name = "bracket-mismatch"
    severity = Severity.WARNING
    summary = "The source and the translation have different numbers of '(' ')' '[' ']' '{' '}' (placeholders " \
              "apart, full-width brackets read as ASCII)."
    why = "A lost closing bracket leaves an aside open; a lost '[' or ']' breaks the syntax a help text shows " \
          "('[OPTION]...')."
    instead = "Keep the brackets of the source; a bracket inside a placeholder ('{0}', '%(name)s') is not counted."
    examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]... DATEI]...", lang="de"),
        Example("(optional)", translation="(facultatif", lang="fr"),
    )
    counter_examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]… [DATEI]…", lang="de"),
        Example("Hello {name} (admin)", translation="Hallo {name}（管理者）", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        s, t = bracket_counts(source), bracket_counts(target)
        if s != t and target.strip():
            diff = ", ".join(f"'{b}' {s[b]} -> {t[b]}" for b in "()[]{}" if s[b] != t[b])
            yield from once(ctx, f"brackets differ (source -> translation): {diff}")


RULES = (BracketMismatch(),)
