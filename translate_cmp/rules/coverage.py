"""Which languages each rule serves, and which selected rules cannot run on a document's language."""

from __future__ import annotations

from collections.abc import Iterable

from translate_cmp.rules.base import Rule


def rule_languages(rule: Rule) -> frozenset[str] | None:
    """The languages ``rule`` serves; None for every language."""
    return rule.languages


def languages_label(rule: Rule) -> str:
    return rule.languages_label()


def rules_not_run(rules: Iterable[Rule], lang: str) -> list[str]:
    """Codes of the ``rules`` that do not serve ``lang`` (:meth:`Rule.serves`: its languages, the way of writing
    they require, and the data they need, such as a dictionary that is not installed), in order."""
    return [rule.code for rule in rules if not rule.serves(lang)]
