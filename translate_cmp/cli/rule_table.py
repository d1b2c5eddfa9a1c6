"""``translate-cmp rules``: the rule table, and one rule's documentation in four parts."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from translate_cmp.rules import ALL_RULES, get_rule
from translate_cmp.rules.coverage import languages_label


def print_rule_table(console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)
    table = Table(title="translate-cmp rules", show_lines=False)
    for col in ("code", "name", "severity", "languages", "description"):
        table.add_column(col)
    for rule in ALL_RULES:
        table.add_row(rule.code, rule.name, str(rule.severity), languages_label(rule), rule.summary)
    console.print(table)


def rule_text(code: str) -> str:
    rule = get_rule(code)
    lines = [f"{rule.code} {rule.name} ({rule.severity})", "", "What it does", f"  {rule.summary}"]
    lines += ["", "Languages", f"  {languages_label(rule)}"]
    if rule.why:
        lines += ["", "Why it matters", f"  {rule.why}"]
    if rule.examples:
        lines += ["", "Example (flagged)"]
        for ex in rule.examples:
            lines.append(f"  {ex.text!r}" + (f"  back-translated as {ex.back!r}" if ex.back is not None else ""))
    if rule.instead:
        lines += ["", "Use instead", f"  {rule.instead}"]
    if rule.counter_examples:
        lines += ["", "Not flagged"]
        for ex in rule.counter_examples:
            lines.append(f"  {ex.text!r}" + (f"  back-translated as {ex.back!r}" if ex.back is not None else ""))
    return "\n".join(lines)


def print_rule(code: str) -> None:
    print(rule_text(code))
