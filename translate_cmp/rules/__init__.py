"""The rule registry: every artefact rule, registered in one place.

Each rule module exposes ``RULES``, a tuple of rule instances; registering a new module is one
line in ``_MODULES``. Codes are stable: S1xx spacing and casing, F2xx structure, L3xx language,
R4xx round trip, C5xx comparison, Q60x-Q62x localisation QA (a unit's source against its target), Q65x
terminology, Q67x consistency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from translate_cmp.errors import InputError
from translate_cmp.rules import comparison, consistency, language, qa, roundtrip, spacing, structure, terminology
from translate_cmp.rules.base import Rule

_MODULES = (
    spacing,
    structure,
    language,
    roundtrip,
    comparison,
    qa,
    terminology,
    consistency,
)


def _collect() -> tuple[Rule, ...]:
    rules = sorted((rule for module in _MODULES for rule in module.RULES), key=lambda r: r.code)
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError(f"duplicate rule codes or names in the registry: {codes} {names}")
    return tuple(rules)


ALL_RULES: tuple[Rule, ...] = _collect()
_BY_CODE = {rule.code: rule for rule in ALL_RULES}


def get_rule(code: str, where: str = "rules") -> Rule:
    """The rule with this code (case-insensitive); an :class:`InputError` naming ``where`` if none."""
    rule = _BY_CODE.get(code.strip().upper())
    if rule is None:
        raise InputError(where, f"unknown rule code {code!r} (known: {', '.join(_BY_CODE)})")
    return rule


def _split(codes: Iterable[str]) -> list[str]:
    """``["S1,F201", " L "]`` -> ``["S1", "F201", "L"]``: a list, a comma list, or both."""
    return [part.strip().upper() for item in codes for part in item.split(",") if part.strip()]


def _matching(code_or_prefix: str, where: str) -> list[Rule]:
    if code_or_prefix == "ALL":
        return list(ALL_RULES)
    found = [rule for rule in ALL_RULES if rule.code.startswith(code_or_prefix)]
    if not found:
        raise InputError(where, f"unknown rule code or prefix {code_or_prefix!r} (known: {', '.join(_BY_CODE)})")
    return found


def select_rules(select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> list[Rule]:
    """The rules to run, in code order.

    ``select`` and ``ignore`` hold full codes ("S101"), prefixes ("S", "S1", "F2") or "ALL", as
    separate items or comma-separated. No ``select`` means every rule. An unknown code or prefix is
    an :class:`InputError` naming ``--select`` or ``--ignore``.
    """
    chosen: dict[str, Rule] = {}
    for item in _split(select) if select else ["ALL"]:
        for rule in _matching(item, "--select"):
            chosen[rule.code] = rule
    for item in _split(ignore or ()):
        for rule in _matching(item, "--ignore"):
            chosen.pop(rule.code, None)
    return [chosen[code] for code in sorted(chosen)]


__all__ = ["ALL_RULES", "get_rule", "select_rules"]
