"""Which languages each rule serves, and which selected rules cannot run on a document's language."""

from __future__ import annotations

from collections.abc import Iterable

from translate_cmp.rules.base import Rule


def rule_languages(rule: Rule) -> frozenset[str] | None:
    """The languages ``rule`` serves; None for every language."""
    return getattr(rule, "languages", None)


def languages_label(rule: Rule) -> str:
    langs = rule_languages(rule)
    return "any" if langs is None else " ".join(sorted(langs))


def rules_not_run(rules: Iterable[Rule], lang: str) -> list[str]:
    """Codes of the ``rules`` that do not serve ``lang``, in order."""
    out = []
    for rule in rules:
        langs = rule_languages(rule)
        if langs is not None and lang not in langs:
            out.append(rule.code)
    return out
