"""The base of the Q6xx checks: a rule on a localisation unit's source against its target."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.rules.base import Hit, Rule, RuleContext
from translate_cmp.rules.qa.helpers import pair


class UnitRule(Rule):
    """Runs on localisation units only (PO, XLIFF, TMX, bitext rows), once per sentence of the target; the
    subclass's :meth:`compare` gets the unit's whole source and target and reports through
    :func:`~translate_cmp.rules.qa.helpers.once` or :func:`~translate_cmp.rules.qa.helpers.at`."""

    needs_unit = True

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        found = pair(ctx)
        if found is None or not self.serves(ctx.doc_lang):
            return
        yield from self.compare(ctx, *found)

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:  # pragma: no cover
        raise NotImplementedError
        yield
