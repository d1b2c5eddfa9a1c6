"""Q606 tab-mismatch: the number of tab characters differs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule

_INDENT_TAB = re.compile(r"(?<=\n)\t+")


def indent_tabs(source: str, target: str) -> int:
    """The source's tabs that indent a continued line ("...is being\n\tinterpreted as"), where the translation
    indents the same line with spaces: an indentation kept (as Q607 reads one), not a column lost."""
    tabs = sum(len(m.group()) for m in _INDENT_TAB.finditer(source))
    spaced = len(re.findall(r"(?<=\n) +\S", target))
    return tabs if tabs and spaced >= len(_INDENT_TAB.findall(source)) else 0


class TabMismatch(UnitRule):
    code = "Q606"
    name = "tab-mismatch"
    severity = Severity.WARNING
    summary = "The source and the translation have different numbers of tab characters."
    why = "Tabs align columns in a program's output and separate fields a program splits on: one lost or added " \
          "shifts every column after it."
    instead = ("Keep the tabs of the source, one for one. A tab that indents a continued line may be written as "
               "spaces that indent it (not the other way round: tabs added to a table aligned with spaces break it "
               "at every tab stop).")
    examples = (
        Example("Columns:\nName\tSize\tDate", translation="Spalten:\nName Größe\tDatum", lang="de"),
        Example("the value is\n\tread as octal", translation="de waarde wordt\ngelezen als octaal", lang="nl"),
        Example("  -d   annotate the date,\n       and warn", translation="  -d   annoter la date\n\t\tet avertir",
                lang="fr"),
    )
    counter_examples = (
        Example("Name\tSize\tDate", translation="Nom\tTaille\tDate", lang="fr"),
        Example("the value is\n\tread as octal", translation="de waarde wordt\n  gelezen als octaal", lang="nl"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        ns, nt = source.count("\t"), target.count("\t")
        if "\n\t" in source:
            ns -= indent_tabs(source, target)
        if ns != nt and target.strip():
            yield from once(ctx, f"{ns} tab(s) in the source, {nt} in the translation")


RULES = (TabMismatch(),)
