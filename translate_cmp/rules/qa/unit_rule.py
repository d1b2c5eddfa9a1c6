"""The base of the Q6xx checks: a rule on a localisation unit's source against its target."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from translate_cmp.rules.base import Hit, Rule, RuleContext
from translate_cmp.rules.qa.helpers import WHOLE_UNIT, owner, pair

_UNREAD = object()  # findings(): the unit's source and target not read by the caller


class UnitRule(Rule):
    """Runs on localisation units only (PO, XLIFF, TMX, bitext rows). The subclass's :meth:`compare` gets the
    unit's whole source and target, once per unit, and reports through
    :func:`~translate_cmp.rules.qa.helpers.once` (the whole unit: its first sentence) or
    :func:`~translate_cmp.rules.qa.helpers.at` (target offsets: the sentence that holds them)."""

    needs_unit = True
    _memo: tuple[object, list[Hit]] | None = None  # (the document, its findings): compare runs once per unit

    def findings(self, ctx: RuleContext, found: object = _UNREAD) -> list[Hit]:
        """What :meth:`compare` finds in the unit behind ``ctx`` (whole-unit hits, and hits at target offsets),
        worked out once per unit; the flag stage asks first and calls :meth:`check` on the unit's sentences only
        where this has something (translate_cmp/rules/flag.py). ``found``: the unit's ``pair(ctx)`` where the caller
        has read it already."""
        memo = self._memo
        if memo is None or memo[0] is not ctx.document:
            if found is _UNREAD:
                found = pair(ctx)
            findings = list(self.compare(ctx, *found)) if found and self._serving(ctx.doc_lang) else []
            memo = self._memo = (ctx.document, findings)
        return memo[1]

    def check(self, ctx: RuleContext) -> Sequence[Hit]:  # a list, not a generator: most units have no finding
        findings = self.findings(ctx)
        if not findings:
            return ()
        sentence, out = ctx.sentence, []
        for hit in findings:
            if hit.start == WHOLE_UNIT:
                if ctx.index == 0:
                    out.append(Hit(0, len(sentence.text), hit.message))
            elif owner(ctx, hit.start) == ctx.index:
                out.append(Hit(max(hit.start - sentence.start, 0),
                               max(min(hit.end - sentence.start, len(sentence.text)), 0), hit.message))
        return out

    _served: tuple[str, bool] | None = None  # (the last language asked, whether the rule serves it)

    def _serving(self, lang: str) -> bool:
        """:meth:`serves`, kept for the language last asked (a catalogue's units share one)."""
        served = self._served
        if served is None or served[0] != lang:
            served = self._served = (lang, self.serves(lang))
        return served[1]

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:  # pragma: no cover
        raise NotImplementedError
        yield


def finding_checks(unit_checks: Sequence[tuple[UnitRule, object]], ctx: RuleContext) -> list:
    """The ``(rule, check)`` pairs of ``unit_checks`` whose rule finds something in the unit behind ``ctx``
    (:meth:`UnitRule.findings`), the unit's source and target read once for all of them (the flag stage asks 43
    checks a unit). Every rule of ``unit_checks`` serves ``ctx.doc_lang`` (the flag stage chose them by it); the
    findings of each that has some are kept for its :meth:`UnitRule.check` on the unit's sentences."""
    found = pair(ctx)
    if not found:
        return []
    # what findings() does for each rule, in one loop: the flag stage chose these checks by the document's language
    # already (rules/flag.py _plan: ``serves``), so the language is not asked again, and only a finding is kept
    document, out = ctx.document, []
    for call in unit_checks:
        rule = call[0]
        found_here = [*rule.compare(ctx, *found)]
        if found_here:
            rule._memo = (document, found_here)
            out.append(call)
    return out
