"""Q604 escape-mismatch: backslash escapes ("\\n", "\\t", "\\\\") that differ between source and target."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule

# a backslash before a quotation mark or a space is a backslash quoted in prose ("between '\' and '/'"), whose
# quotes the translation may change; one alone in brackets is named in prose too ("Rückschrägstrich (\)")
_ESCAPE = re.compile(r"(?:(?<!\()|(?!\\\)))\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[^\s'\"“”„«»‘’‚`])")


def _listed(counter: Counter) -> str:
    return ", ".join(f"{k!r} x{n}" for k, n in sorted(counter.items()))


class EscapeMismatch(UnitRule):
    code = "Q604"
    name = "escape-mismatch"
    severity = Severity.WARNING
    summary = "A backslash escape of the source (a literal '\\n', '\\t', '\\\\', '\\u00e9') is missing from the " \
              "translation, or one was added."
    why = ("Where a string is read again by a program (a JavaScript or Java properties value, a regular "
           "expression, a shell snippet), each backslash sequence means something: a lost one changes the output.")
    instead = "Keep every backslash sequence of the source, as it is."
    examples = (
        Example("Line one\\nLine two", translation="Zeile eins Zeile zwei", lang="de"),
        Example("Use C:\\\\Temp", translation="Utiliser C:\\Temp\\\\", lang="fr"),
    )
    counter_examples = (
        Example("Line one\\nLine two", translation="Zeile eins\\nZeile zwei", lang="de"),
        Example("Saved.", translation="Enregistré.", lang="fr"),
        Example("between '\\' and '/'", translation="zwischen „\\“ und „/“", lang="de"),
        Example("invalid backslash at end of string", translation="unerlaubter Rückschrägstrich (\\) am Ende",
                lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "\\" not in source and "\\" not in target:
            return  # no backslash on either side (most units)
        ins, outs = Counter(_ESCAPE.findall(source)), Counter(_ESCAPE.findall(target))
        missing, added = ins - outs, outs - ins
        if missing:
            yield from once(ctx, f"escapes missing from the translation: {_listed(missing)}")
        if added:
            yield from once(ctx, f"escapes in the translation, not in the source: {_listed(added)}")


RULES = (EscapeMismatch(),)
