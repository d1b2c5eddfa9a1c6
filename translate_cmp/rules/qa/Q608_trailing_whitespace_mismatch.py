"""Q608 trailing-whitespace-mismatch: the spaces after the last character differ."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, markup_line_break
from translate_cmp.rules.qa.unit_rule import UnitRule

_BLANKS = " \t\u3000"  # not the no-break spaces of French typography ("\u00a0»")


def trailing(text: str) -> str:
    body = text.rstrip("\n\r")
    return body[len(body.rstrip(_BLANKS)):].replace("\u00a0", " ").replace("\u202f", " ")


class TrailingWhitespaceMismatch(UnitRule):
    code = "Q608"
    name = "trailing-whitespace-mismatch"
    severity = Severity.WARNING
    summary = "The source ends with a space (before any trailing line breaks) and the translation does not, or the " \
              "other way round."
    why = "A trailing space separates a label from the value the program prints after it ('Name: ' + name): " \
          "lost, they run together; added, the output has a stray gap."
    instead = "End with exactly the spaces of the source (line breaks are Q605's); the blanks before the line break " \
              "that ends an HTML fragment are not read (HTML renders them as one space)."
    examples = (
        Example("Name: ", translation="Nom :", lang="fr"),
        Example("Saved", translation="Gespeichert ", lang="de"),
    )
    counter_examples = (
        Example("Name: ", translation="Nom\u00a0: ", lang="fr"),
        Example("Saved\n", translation="Gespeichert\n", lang="de"),
        Example("\n<b>%(name)s</b> saved.   \n", translation="\n<b>%(name)s</b> gespeichert.\n", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if markup_line_break(source, source, False) and markup_line_break(source, target, False):
            return  # an HTML fragment's blanks before its last line break render as one space
        if target.strip() and bool(trailing(source)) != bool(trailing(target)):
            end = len(target.rstrip("\n\r"))
            yield from at(ctx, end - len(trailing(target)) - 1, end, f"ends with {trailing(source)!r} in the "
                                                                    f"source, {trailing(target)!r} here")


RULES = (TrailingWhitespaceMismatch(),)
