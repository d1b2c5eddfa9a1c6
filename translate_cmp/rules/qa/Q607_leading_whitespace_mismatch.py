"""Q607 leading-whitespace-mismatch: the spaces before the first character differ."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import markup_line_break, once, record_labels
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
               "flagged. Line breaks are Q605's. Not flagged: the indentation after the line break that starts an HTML "
               "fragment (HTML renders it as one space), and a label a program prints with its value ('Access: %x') "
               "padded to line up with the record's other labels.")
    examples = (
        Example("  -a, --all    do not ignore entries", translation="-a, --all    nichts ignorieren", lang="de"),
        Example(" (default)", translation="(par défaut)", lang="fr"),
    )
    counter_examples = (
        Example("  -a, --all    do not ignore entries", translation="  -a, --all    nichts ignorieren", lang="de"),
        Example("\n  -v  verbose", translation="\n  -v  ausführlich", lang="de"),
        Example("   csN   set character size", translation="  csN   установить размер символа", lang="ru"),
        Example("\n    View function: <code>%(name)s</code>.\n", translation="\nVista: <code>%(name)s</code>.\n",
                lang="es"),
        Example("Access: %x\nModify: %y\n", translation="     Acesso: %x\nModificação: %y\n", lang="pt"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not target.strip() or bool(leading(source)) == bool(leading(target)):
            return
        if markup_line_break(source, source, True) and markup_line_break(source, target, True):
            return  # an HTML fragment's indentation after its line break renders as one space
        if record_labels(source, target):
            return  # a label padded to align with the record's other fields: " Gerät: %Hd"
        yield from once(ctx, f"starts with {leading(source)!r} in the source, {leading(target)!r} here")


RULES = (LeadingWhitespaceMismatch(),)
