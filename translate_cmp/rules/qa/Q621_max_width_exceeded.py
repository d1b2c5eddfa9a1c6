"""Q621 max-width-exceeded: the translation is longer than the unit's declared maximum (XLIFF ``maxwidth``)."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, visible_length
from translate_cmp.rules.qa.unit_rule import UnitRule


class MaxWidthExceeded(UnitRule):
    code = "Q621"
    name = "max-width-exceeded"
    severity = Severity.ERROR
    summary = "The translation has more characters than the unit's maximum width (XLIFF 1.2 maxwidth with " \
              "size-unit 'char', XLIFF 2 slr:storageRestriction / sizeRestriction)."
    why = "The file says how much room the string has (a button, an LCD line, a database column): a longer " \
          "translation is cut off or breaks the layout."
    instead = "Shorten the translation to the declared width (abbreviate, rephrase)."
    examples = (Example("Save", translation="Speichern", lang="de", trip={"max_width": 6}),)
    counter_examples = (Example("Save", translation="Sichern", lang="de", trip={"max_width": 8}),)

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        limit = ctx.document.unit.max_width
        n = visible_length(target)
        if limit and n > limit:
            yield from once(ctx, f"{n} characters, over the unit's maximum width of {limit}")


RULES = (MaxWidthExceeded(),)
