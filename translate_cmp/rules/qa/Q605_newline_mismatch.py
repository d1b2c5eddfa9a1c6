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


def _inner(text: str) -> int:
    return text.strip("\n\r").count("\n")


class NewlineMismatch(UnitRule):
    code = "Q605"
    name = "newline-mismatch"
    severity = Severity.WARNING
    summary = "Line breaks differ: the source starts or ends with a different number of them, or has line breaks " \
              "inside where the translation has none (or the other way round)."
    why = ("A program prints a string's leading and trailing newlines as they are: a lost one runs two messages "
           "together, an added one leaves a blank line. A multi-line help text made one line overflows the terminal.")
    instead = ("Start and end with the newlines of the source; inside a multi-line text, break lines where the "
               "translation needs (their number may differ).")
    examples = (
        Example("Usage: %s [OPTION]...\n", translation="Aufruf: %s [OPTION]...", lang="de"),
        Example("Line one\nLine two\nLine three", translation="Ligne un, ligne deux, ligne trois", lang="fr"),
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
        if _lead(source) != _lead(target):
            yield from once(ctx, f"starts with {_lead(source)} line break(s) in the source, {_lead(target)} here")
        if _trail(source) != _trail(target):
            yield from once(ctx, f"ends with {_trail(source)} line break(s) in the source, {_trail(target)} here")
        if bool(_inner(source)) != bool(_inner(target)):
            yield from once(ctx, f"{_inner(source)} line break(s) inside the source, {_inner(target)} here")


RULES = (NewlineMismatch(),)
