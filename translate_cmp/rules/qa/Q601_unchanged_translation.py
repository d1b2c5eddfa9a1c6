"""Q601 unchanged-translation: the target is the source, unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import blanked, once, paths
from translate_cmp.rules.qa.unit_rule import UnitRule

_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_WORDS = 3  # a label of one or two words is often the same in both languages ("Description", "Total")


class UnchangedTranslation(UnitRule):
    code = "Q601"
    name = "unchanged-translation"
    severity = Severity.WARNING
    summary = "The translation is the source text, unchanged: the unit was copied, not translated."
    why = ("A copied source ships English to the user, and the catalogue counts the unit as translated, so nobody "
           "looks at it again.")
    instead = ("Translate it. Not flagged: labels of one or two words (many are the same in both languages: "
               "'Description', 'Total', 'Python'), strings of code, placeholders, URLs, paths or capitals only, and "
               "a target in the source's own language, names (every word capitalised).")
    examples = (
        Example("Enter a valid email address.", translation="Enter a valid email address.", lang="de"),
        Example("The file could not be saved", translation="The file could not be saved", lang="af"),
    )
    counter_examples = (
        Example("Description", translation="Description", lang="fr"),
        Example("%(name)s: %(value)s", translation="%(name)s: %(value)s", lang="de"),
        Example("Ian Lance Taylor", translation="Ian Lance Taylor", lang="es"),
        Example("Enter a valid email address.", translation="Geben Sie eine gültige E-Mail-Adresse ein.", lang="de"),
        Example("GNU coreutils: <https://www.gnu.org/software/coreutils/>",
                translation="GNU coreutils: <https://www.gnu.org/software/coreutils/>", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        unit = ctx.document.unit
        if source.strip() != target.strip() or unit.source_lang[:2] == unit.target_lang[:2]:
            return
        plain = blanked(source)
        for m in paths(source):
            plain = plain[:m.start()] + " " * (m.end() - m.start()) + plain[m.end():]
        words = [w for w in _WORD.findall(plain) if not w.isupper()]
        if all(w[0].isupper() for w in words):
            return  # a name ("Ian Lance Taylor") or a title, the same in every language
        if len(words) >= MIN_WORDS and " " in source.strip():
            yield from once(ctx, f"the translation is the source unchanged ({len(words)} words)")


RULES = (UnchangedTranslation(),)
