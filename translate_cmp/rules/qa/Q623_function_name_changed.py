"""Q623 function-name-changed: a function call of the source ('foo()') missing from the translation."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import functions, once
from translate_cmp.rules.qa.unit_rule import UnitRule


class FunctionNameChanged(UnitRule):
    code = "Q623"
    name = "function-name-changed"
    severity = Severity.WARNING
    summary = "A function or method the source names with brackets ('save()', 'obj.get_absolute_url()') is not " \
              "in the translation as it is."
    why = "A function name is code: translated, a developer reading the message looks for a function that does " \
          "not exist."
    instead = "Keep the name and its brackets exactly as in the source."
    examples = (
        Example("Call save() first.", translation="Rufen Sie zuerst speichern() auf.", lang="de"),
        Example("Define get_absolute_url() on the model.", translation="Définissez l'URL absolue du modèle.",
                lang="fr"),
    )
    counter_examples = (
        Example("Call save() first.", translation="Rufen Sie zuerst save() auf.", lang="de"),
        Example("Save (optional)", translation="Speichern (optional)", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "()" not in source:
            return  # no call in the source (most units)
        missing = [m.group() for m in functions(source) if m.group() not in target]
        if missing:
            yield from once(ctx, f"not in the translation as written: {', '.join(dict.fromkeys(missing))}")


RULES = (FunctionNameChanged(),)
