"""Q607 leading-whitespace-mismatch: the spaces before the first character differ."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule

_BLANKS = " \t\u3000"  # not the no-break spaces of French typography ("\u00a0»")


def leading(text: str) -> str:
    body = text.lstrip("\n\r")
    return body[: len(body) - len(body.lstrip(_BLANKS))].replace("\u00a0", " ").replace("\u202f", " ")


class LeadingWhitespaceMismatch(UnitRule):
    code = "Q607"
    name = "leading-whitespace-mismatch"
    severity = Severity.WARNING
    summary = "The source starts with spaces (after any leading line breaks) and the translation does not, or the " \
              "other way round."
    why = "Leading spaces indent a line of help text or separate a string from the one the program prints before " \
          "it: lost or added, the output is misaligned or run together."
    instead = ("Start with spaces where the source does; how many is layout (an indent of two for three) and not "
               "flagged. Line breaks are Q605's.")
    examples = (
        Example("  -a, --all    do not ignore entries", translation="-a, --all    nichts ignorieren", lang="de"),
        Example(" (default)", translation="(par défaut)", lang="fr"),
    )
    counter_examples = (
        Example("  -a, --all    do not ignore entries", translation="  -a, --all    nichts ignorieren", lang="de"),
        Example("\n  -v  verbose", translation="\n  -v  ausführlich", lang="de"),
        Example("   csN   set character size", translation="  csN   установить размер символа", lang="ru"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if target.strip() and bool(leading(source)) != bool(leading(target)):
            yield from once(ctx, f"starts with {leading(source)!r} in the source, {leading(target)!r} here")


RULES = (LeadingWhitespaceMismatch(),)
