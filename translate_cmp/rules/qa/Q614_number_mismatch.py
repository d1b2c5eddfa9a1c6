"""Q614 number-mismatch: a number of the source missing from the translation, or one added, compared as numbers
under each locale's format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import _DIGITS, is_plural_form, number_word_in, numbers, once
from translate_cmp.rules.qa.unit_rule import UnitRule


class NumberMismatch(UnitRule):
    code = "Q614"
    name = "number-mismatch"
    severity = Severity.WARNING
    summary = "A number of the source is missing from the translation, compared as numbers (7,000 = 7.000 = " \
              "7 000 = 7'000; 3.5 = 3,5; Arabic-Indic and full-width digits read as digits)."
    why = "A changed number is a wrong fact: a size limit, a port, a version, a count the user relies on."
    instead = ("Keep every number, written the way the target locale writes it. Numbers inside placeholders, "
               "tags, URLs and words ('UTF-8', 'IPv4', 'h1') are not read; a plural form may write its number as a "
               "word, as may 0 and 1 anywhere ('none', 'a'), and 2 to 12 as the language's word for it ('zehnmal', "
               "'deux'; en de es fr it pt nl). A number the translation adds is not flagged (a word written as "
               "digits, a localised example).")
    examples = (
        Example("Maximum 7,000 files", translation="Maximal 700 Dateien", lang="de"),
        Example("Wait 5 seconds", translation="Attendez quelques secondes", lang="fr"),
        Example("Wait 5 seconds", translation="Attendez 6 secondes", lang="fr"),
    )
    counter_examples = (
        Example("Maximum 7,000 files", translation="Maximal 7.000 Dateien", lang="de"),
        Example("Maximum 7,000 files", translation="Maximum 7\u202f000 fichiers", lang="fr"),
        Example("Version 3.5 or later", translation="Versión 3,5 o posterior", lang="es"),
        Example("Use UTF-8 on port 8080", translation="UTF-8 auf Port 8080 verwenden", lang="de"),
        Example("Wait two seconds", translation="Warten Sie 2 Sekunden", lang="de"),
        Example("each one 10 times the mass of the Sun", translation="jedes zehnmal so schwer wie die Sonne",
                lang="de"),
        Example("see RFC 4648 section 4", translation="siehe RFC4648, Abschnitt 4", lang="de"),
        Example("Wait 5 seconds", translation="٥ ثوان", lang="ar"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        src = numbers(source)
        if not src or is_plural_form(ctx):
            return
        left = list(numbers(target))
        digits = set(re.findall(r"\d+", target.translate(_DIGITS)))
        missing = []
        for start, end, values in src:
            match = next((t for t in left if t[2] & values), None)
            if match is not None:
                left.remove(match)
            elif source[start:end] not in digits and not values & {0.0, 1.0} \
                    and not any(number_word_in(v, target, ctx.doc_lang) for v in values):
                # "RFC4648" for "RFC 4648": glued digits; 0 and 1 are often words ("none", "one", "ひとつも"), and
                # prose writes two to twelve out ("10 times" -> "zehnmal")
                missing.append(source[start:end])
        if missing:
            yield from once(ctx, f"missing from the translation: {', '.join(missing)}")


RULES = (NumberMismatch(),)
