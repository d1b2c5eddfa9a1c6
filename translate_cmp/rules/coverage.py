"""Which languages each rule serves, and which selected rules cannot run on a document's language."""

from __future__ import annotations

from collections.abc import Iterable

from translate_cmp.rules.base import Rule


def rule_languages(rule: Rule) -> frozenset[str] | None:
    """The languages ``rule`` serves; None for every language."""
    return rule.languages


def languages_label(rule: Rule) -> str:
    return rule.languages_label()


def rules_not_run(rules: Iterable[Rule], lang: str, source_lang: str = "") -> list[str]:
    """Codes of the ``rules`` that do not serve ``lang`` (:meth:`Rule.serves`: its languages, the way of writing
    they require, and the data they need, such as a dictionary that is not installed), in order; for a unit whose
    source is in ``source_lang``, also the rules whose bilingual lexicon for that pair is not installed."""
    return [rule.code for rule in rules if not rule.serves(lang) or not _lexicon_ready(rule, source_lang, lang)]


def _lexicon_ready(rule: Rule, source_lang: str, lang: str) -> bool:
    """False where ``rule`` reads a lexicon from ``source_lang`` into ``lang`` that is not installed."""
    if rule.lexicon_pair is None or not source_lang:
        return True
    from translate_cmp.lang.bilingual import installed, pair_of

    return pair_of(source_lang, lang) != rule.lexicon_pair or installed(*rule.lexicon_pair)
