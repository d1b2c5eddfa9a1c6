"""Q605 newline-mismatch: the line breaks at the start or end of a unit, or its having any, differ."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip("\n\r")) - text[: len(text) - len(text.lstrip("\n\r"))].count("\r\n")


def _trail(text: str) -> int:
    tail = text[len(text.rstrip("\n\r")):]
    return len(tail) - tail.count("\r\n")


class NewlineMismatch(UnitRule):
    code = "Q605"
    name = "newline-mismatch"
    severity = Severity.WARNING
    summary = "The source starts (or ends) with a line break and the translation does not, or the other way round."
    why = ("A program prints a string's leading and trailing newlines as they are: a lost one runs two messages "
           "together, an added one leaves a blank line.")
    instead = ("Start and end with a newline where the source does. How many (a blank line more or less) is layout "
               "and not flagged; nor is a help text reflowed to other line lengths.")
    examples = (
        Example("Usage: %s [OPTION]...\n", translation="Aufruf: %s [OPTION]...", lang="de"),
        Example("\nExamples:\n", translation="Exemples :\n", lang="fr"),
    )
    counter_examples = (
        Example("Usage: %s [OPTION]...\n", translation="Aufruf: %s [OPTION]...\n", lang="de"),
        Example("Write each FILE to standard output.\nWith no FILE, read standard input.\n",
                translation="Schreibt jede DATEI auf die Standardausgabe.\nOhne DATEI wird die\nStandardeingabe "
                            "gelesen.\n", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not target.strip():
            return  # blank: Q602
        if bool(_lead(source)) != bool(_lead(target)):
            yield from once(ctx, f"starts with {_lead(source)} line break(s) in the source, {_lead(target)} here")
        if bool(_trail(source)) != bool(_trail(target)):
            yield from once(ctx, f"ends with {_trail(source)} line break(s) in the source, {_trail(target)} here")


RULES = (NewlineMismatch(),)
