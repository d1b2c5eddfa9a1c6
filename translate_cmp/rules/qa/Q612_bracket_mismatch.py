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
    summary = "The translation's brackets do not pair up where the source's do, or its '[' ']' '{' '}' differ " \
              "in number from the source's (placeholders apart, full-width brackets read as ASCII)."
    why = "A lost closing bracket leaves an aside open; a lost '[' or ']' breaks the syntax a help text shows " \
          "('[OPTION]...')."
    instead = ("Close every bracket and keep the source's square brackets and braces (syntax in a usage line). A "
               "parenthesis added or left out in pairs is the translator's call; a bracket inside a placeholder "
               "('{0}', '%(name)s') is not counted.")
    examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]... DATEI]...", lang="de"),
        Example("(optional)", translation="(facultatif", lang="fr"),
    )
    counter_examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]… [DATEI]…", lang="de"),
        Example("Hello {name} (admin)", translation="Hallo {name}（管理者）", lang="ja"),
        Example("else /tmp [deprecated]", translation="иначе /tmp (устарел)", lang="ru"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        s, t = bracket_counts(source), bracket_counts(target)
        if s == t or not target.strip():
            return
        unbalanced = [o + c for o, c in ("()", "[]", "{}") if t[o] != t[c] and s[o] == s[c]]
        # square brackets and braces are syntax in a usage line; "[deprecated]" -> "(устарел)" keeps the aside
        syntax = [b for b in "{}" if s[b] != t[b]] or ([1] if s["["] + s["("] != t["["] + t["("] and s["["] != t["["]
                                                        else [])
        if unbalanced or syntax:
            diff = ", ".join(f"'{b}' {s[b]} -> {t[b]}" for b in "()[]{}" if s[b] != t[b])
            yield from once(ctx, f"brackets differ (source -> translation): {diff}")


RULES = (BracketMismatch(),)
