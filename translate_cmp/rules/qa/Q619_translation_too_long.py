"""Q619 translation-too-long: the translation is far longer than the source, for the language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import EMAIL, URL, once, pair_length_ratio, visible_length
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.unit_rule import UnitRule

SLACK = 40  # characters: a short label may grow a lot ("OK" -> "Einverstanden", "Humanize" -> a description)


# the source names where to write: an address, or a placeholder for one after a colon or in angle brackets
_ADDRESS_SLOT = re.compile(r"(?::\s*|<)(?:%s|%\(\w+\)s|\{\w*\})")


def _addresses(text: str) -> set[str]:
    return {m.group().rstrip(".,;:") for m in (*URL.finditer(text), *EMAIL.finditer(text))}


def team_lines(source: str, target: str) -> str:
    """``target`` without the lines that give an address the source does not, where the source says where to write
    ("Report bugs to: %s"): a language team adds its own address there (the Translation Project's convention:
    "Report translation bugs to <team@...>"), a line the source has no counterpart of."""
    if not (_ADDRESS_SLOT.search(source) or _addresses(source)):
        return target
    own = _addresses(source)
    kept = [line for line in target.split("\n") if not (_addresses(line) - own)]
    return "\n".join(kept) if any(line.strip() for line in kept) else target


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
               "Japanese, 2.2 from Chinese into English) times the source's length. Where the source says where to "
               "write ('Report bugs to: %s'), a line that gives an address of the translation's own (the language "
               "team's) is not counted.")
    examples = (
        Example("Save", translation="Speichern Sie die Datei jetzt auf der Festplatte, damit nichts verloren geht, "
                                    "und schließen Sie danach das Fenster", lang="de"),
        Example("Mail bugs to: %s\n", translation="Programmfehler (bitte auf Englisch, mit Angabe der Version und des "
                "Systems, und möglichst mit einem Beispiel) an %s melden.\n<uebersetzer@example.org>\n", lang="de"),
    )
    counter_examples = (
        Example("OK", translation="Einverstanden", lang="de"),
        Example("Save the file", translation="Enregistrer le fichier", lang="fr"),
        Example("Mail bugs to: %s\n", translation="Programmfehler (bitte auf Englisch) an %s melden.\n"
                "Fehler der Übersetzung bitte an <uebersetzer@example.org> melden.\n", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        ns, nt = visible_length(source.strip()), visible_length(target.strip())
        bound = current().long_ratio * pair_length_ratio(ctx) * ns + SLACK
        if nt > bound:  # the team's address lines read only where the length is over (most units are not)
            nt = visible_length(team_lines(source, target).strip())
        if nt > bound:
            yield from once(ctx, f"{nt} characters for a source of {ns} (bound {bound:.0f})")


RULES = (TranslationTooLong(),)
