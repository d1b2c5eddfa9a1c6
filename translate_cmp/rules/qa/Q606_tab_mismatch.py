"""Q606 tab-mismatch: the number of tab characters differs."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule


class TabMismatch(UnitRule):
    code = "Q606"
    name = "tab-mismatch"
    severity = Severity.WARNING
    summary = "The source and the translation have different numbers of tab characters."
    why = "Tabs align columns in a program's output and separate fields a program splits on: one lost or added " \
          "shifts every column after it."
    instead = "Keep the tabs of the source, one for one."
    examples = (Example("Columns:\nName\tSize\tDate", translation="Spalten:\nName Größe\tDatum", lang="de"),)
    counter_examples = (Example("Name\tSize\tDate", translation="Nom\tTaille\tDate", lang="fr"),)

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        ns, nt = source.count("\t"), target.count("\t")
        if ns != nt and target.strip():
            yield from once(ctx, f"{ns} tab(s) in the source, {nt} in the translation")


RULES = (TabMismatch(),)
