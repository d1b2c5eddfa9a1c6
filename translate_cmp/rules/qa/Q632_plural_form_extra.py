"""Q632 plural-form-extra: a PO catalogue's plural entries have more forms than its header's ``nplurals``.

One fault of the catalogue (its header's Plural-Forms, or the tool that wrote the forms), so one finding a file:
the PO reader finds every entry with a translated form beyond ``nplurals`` and hands their lines to the first such
form's unit (``Unit.extra_form_lines``, translate_cmp/readers/po.py); the rule reports there, with the count and
the lines. The whole file is read before any unit is checked, so every executor and ``--jobs`` sees the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule

MAX_LINES = 20  # the entries' lines named in the message; more are counted ("... and 31 more")


def lines_text(lines: tuple[int, ...]) -> str:
    """``lines`` as a message names them: all of them up to MAX_LINES, then how many more."""
    named = ", ".join(map(str, lines[:MAX_LINES]))
    more = len(lines) - MAX_LINES
    return f"{named} and {more} more" if more > 0 else named


class PluralFormExtra(UnitRule):
    code = "Q632"
    name = "plural-form-extra"
    severity = Severity.INFO
    summary = ("A catalogue's plural entries have a msgstr[n] beyond the header's Plural-Forms nplurals: forms "
               "gettext never shows. Reported once a file, on the first such form, with the count and every "
               "entry's line.")
    why = ("The extra forms are dead text, and a sign that the entries and the header disagree on the language's "
           "plural rule (a platform that writes CLDR's forms into a catalogue whose header kept the old rule: "
           "Django 5.2's French, Italian, Spanish and Portuguese catalogues, 36-51 entries each). It is one fault "
           "of the file, fixed in one place, so it is one finding, not one an entry. `msgfmt --check` refuses the "
           "file; users see nothing wrong, hence info.")
    instead = ("Correct the header's Plural-Forms to the rule the forms follow, or give every plural entry exactly "
               "nplurals forms (the lines the finding lists). The finding sits on the first entry with an extra "
               "form: when that entry is fixed, it moves to the next (a baseline then shows one fixed, one new).")
    examples = (
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files",
                      "extra_form_lines": (14, 40, 77)}),
    )
    counter_examples = (
        Example("%d file", translation="%d archivos", lang="es",  # a later entry's extra form: the file's one
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files"}),
        Example("%d file", translation="%d archivos", lang="es",
                trip={"plural_index": 1, "plural_forms": 3, "nplurals": 2, "source_plural": "%d files"}),
        Example("%d file", translation="%d файлов", lang="ru",
                trip={"plural_index": 2, "plural_forms": 3, "nplurals": 3, "source_plural": "%d files"}),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        unit = ctx.document.unit
        lines = unit.extra_form_lines if unit is not None else ()
        if not lines:
            return
        count = len(lines)
        entries = "1 plural entry has" if count == 1 else f"{count} plural entries have"
        yield from once(ctx, f"{entries} a form beyond the header's Plural-Forms nplurals={unit.nplurals} "
                             f"(msgstr[{unit.nplurals}] and up, never shown by gettext): correct the header or "
                             f"drop the forms; entries at line{'s' if count > 1 else ''} {lines_text(lines)}")


RULES = (PluralFormExtra(),)
