"""Q602 blank-translation: the target is empty or whitespace only while the source has text."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule


class BlankTranslation(UnitRule):
    code = "Q602"
    name = "blank-translation"
    severity = Severity.ERROR
    summary = "The translation is blank (spaces, tabs or newlines only) while the source has text."
    why = ("gettext and most CAT tools treat a non-empty translation as done: a blank one shows the user nothing "
           "at all where the source had a label or a message.")
    instead = "Translate the unit, or leave its translation empty so that the program falls back to the source."
    examples = (
        Example("Save changes", translation=" ", lang="de"),
        Example("Delete", translation="\n", lang="nl"),
    )
    counter_examples = (
        Example("Save changes", translation="Änderungen speichern", lang="de"),
        Example(" ", translation=" ", lang="fr"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not target.strip() and source.strip():
            yield from once(ctx, f"the translation is blank ({target!r}); the source is {source[:60]!r}")


RULES = (BlankTranslation(),)
