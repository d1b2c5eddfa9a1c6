"""Q619 translation-too-long: the translation is far longer than the source, for the language."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, pair_length_ratio, visible_length
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.unit_rule import UnitRule

SLACK = 40  # characters: a short label may grow a lot ("OK" -> "Einverstanden", "Humanize" -> a description)


class TranslationTooLong(UnitRule):
    code = "Q619"
    name = "translation-too-long"
    severity = Severity.WARNING
    summary = "The translation is more than three times as long as the source (after the language's usual " \
              "ratio, plus 40 characters of slack)."
    why = "A translation that long holds something the source does not (a note, a second version, another unit " \
          "pasted in) or will not fit where the source fits."
    instead = ("Translate what the source says. The bound is QaOptions.long_ratio (3 by default) times the "
               "languages' usual length ratio (target over source: about 0.5 from English into Chinese or "
               "Japanese, 2.2 from Chinese into English) times the source's length.")
    examples = (
        Example("Save", translation="Speichern Sie die Datei jetzt auf der Festplatte, damit nichts verloren geht, "
                                    "und schließen Sie danach das Fenster", lang="de"),
    )
    counter_examples = (
        Example("OK", translation="Einverstanden", lang="de"),
        Example("Save the file", translation="Enregistrer le fichier", lang="fr"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        ns, nt = visible_length(source.strip()), visible_length(target.strip())
        bound = current().long_ratio * pair_length_ratio(ctx) * ns + SLACK
        if nt > bound:
            yield from once(ctx, f"{nt} characters for a source of {ns} (bound {bound:.0f})")


RULES = (TranslationTooLong(),)
