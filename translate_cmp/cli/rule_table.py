"""``translate-cmp rules``: the rule table, and one rule's documentation in four parts."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from translate_cmp.rules import ALL_RULES
from translate_cmp.rules.coverage import languages_label
from translate_cmp.rules.docs import rule_text


def print_rule_table(console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)
    table = Table(title="translate-cmp rules", show_lines=False)
    for col in ("code", "name", "severity", "languages", "description"):
        table.add_column(col)
    for rule in ALL_RULES:
        table.add_row(rule.code, rule.name, str(rule.severity), languages_label(rule), rule.summary)
    console.print(table)


def print_rule(code: str) -> None:
    print(rule_text(code))
