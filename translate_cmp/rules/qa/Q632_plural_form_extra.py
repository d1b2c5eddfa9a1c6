"""Q632 plural-form-extra: a PO entry has more plural forms than its header's ``nplurals``."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule


class PluralFormExtra(UnitRule):
    code = "Q632"
    name = "plural-form-extra"
    severity = Severity.INFO
    summary = "A plural entry has a msgstr[n] beyond the header's Plural-Forms nplurals: a form gettext never shows."
    why = ("The extra form is dead text, and a sign that the entry and the header disagree on the language's plural "
           "rule (a platform that writes CLDR's forms into a catalogue whose header kept the old rule: Django 5.2's "
           "French, Italian, Spanish and Portuguese catalogues). `msgfmt --check` refuses the file; users see "
           "nothing wrong, hence info.")
    instead = ("Give every plural entry exactly nplurals forms, or correct the header's Plural-Forms to the rule the "
               "forms follow.")
    examples = (
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files"}),
    )
    counter_examples = (
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 1, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files"}),
        Example("%d file", translation="%d файлов", lang="ru",
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 3, "source_plural": "%d files"}),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        unit = ctx.document.unit
        if unit is None or unit.plural_index is None or not unit.nplurals:
            return
        if unit.plural_forms > unit.nplurals and unit.plural_index >= unit.nplurals:
            yield from once(ctx, f"msgstr[{unit.plural_index}] is a form the header does not have (nplurals="
                                 f"{unit.nplurals}): gettext never shows it")


RULES = (PluralFormExtra(),)
