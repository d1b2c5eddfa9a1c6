"""What the consistency rules share: they report the project pass's findings (project.py) for their document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from translate_cmp.rules.base import Example, Hit, Rule, RuleContext


class ConsistencyRule(Rule):
    """A check over every unit of the project at once (the project pass), reported on each unit it names."""

    # examples: each line of ``text`` is a unit's source, of ``translation`` its target
    project_pass: ClassVar[bool] = True
    findings: dict = {}

    def configured(self, settings: Any) -> Rule:
        project = getattr(settings, "project", None)
        if not project:
            return self
        rule = type(self)()
        rule.findings = project
        return rule

    @property
    def idle(self) -> bool:
        """No project pass (no findings): :meth:`check` finds nothing (the flag stage does not call it)."""
        return not self.findings

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        if ctx.index != 0 or ctx.document.unit is None:
            return
        for code, message in self.findings.get(ctx.document.doc_id, ()):
            if code == self.code:
                yield Hit(0, len(ctx.text), message)


def example_units(example: Example):
    """The units an example stands for: line n of ``text`` is unit n's source, line n of ``translation`` its
    target (one file, the example's target language)."""
    from translate_cmp.rules.consistency.project import UnitText

    sources = example.text.split("\n")
    targets = (example.translation or "").split("\n")
    return [UnitText(f"u{n}", f"example.po:{n + 1}", "example.po", "de", "", None, s, t)
            for n, (s, t) in enumerate(zip(sources, targets, strict=True))]
