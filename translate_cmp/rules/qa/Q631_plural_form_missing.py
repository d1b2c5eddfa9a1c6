"""Q631 plural-form-missing: a PO entry has fewer plural forms than its header's ``nplurals``."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule


class PluralFormMissing(UnitRule):
    code = "Q631"
    name = "plural-form-missing"
    severity = Severity.WARNING
    summary = "A plural entry has fewer msgstr[n] forms than the header's Plural-Forms nplurals."
    why = ("gettext picks msgstr[plural(n)]: where that form is missing the user sees the English source for those "
           "counts. `msgfmt --check` refuses the catalogue; plain msgfmt compiles it, so it reaches users unnoticed.")
    instead = ("Give every plural entry exactly nplurals forms (Spanish, German, French: 2; Russian, Polish: 3 or 4)"
               ", or correct the header's Plural-Forms if it is the header that is wrong.")
    examples = (
        Example("%d file", translation="%d файла", lang="ru",
                trip={"plural_index": 1, "plural_forms": 2, "nplurals": 3, "source_plural": "%d files"}),
    )
    counter_examples = (
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 1, "plural_forms": 2, "nplurals": 2, "source_plural": "%d files"}),
        Example("%d file", translation="%d archivo", lang="es",
                trip={"plural_index": 0, "plural_forms": 1, "nplurals": 0, "source_plural": "%d files"}),
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files"}),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        unit = ctx.document.unit
        if unit is None or unit.plural_index is None or not unit.nplurals or unit.plural_forms == unit.nplurals:
            return
        if unit.plural_forms < unit.nplurals and unit.plural_index == unit.plural_forms - 1:
            yield from once(ctx, f"{unit.plural_forms} plural form(s) where the header's nplurals={unit.nplurals}: "
                                 f"for some counts gettext shows the English source")


RULES = (PluralFormMissing(),)
