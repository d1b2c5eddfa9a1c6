"""Q603 accelerator-mismatch: a keyboard accelerator ("&File", "_File", "~File") lost or added."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import blanked, once
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.unit_rule import UnitRule


@lru_cache(maxsize=16)
def _marker(mark: str) -> re.Pattern:
    """``mark`` before a letter or digit, at the start of a word (after a space, an opening bracket or quote: not
    "R&D", "first_name", "[LAST]_PAGE"), not doubled ("&&" is a literal '&'), not an entity ("&amp;") and not a
    home directory ("~/")."""
    m = re.escape(mark)
    return re.compile(rf"(?<![^\s(\[\"'“«„>]){m}(?=[^\W_])(?![\w.-]*;)")


def accelerators(text: str, mark: str) -> int:
    return len(_marker(mark).findall(blanked(text)))


class AcceleratorMismatch(UnitRule):
    code = "Q603"
    name = "accelerator-mismatch"
    severity = Severity.WARNING
    summary = "The source marks a keyboard accelerator ('&File', '_File', '~File') and the translation does not, " \
              "or the other way round."
    why = "Without its marker the menu item or button has no keyboard shortcut in the translated program."
    instead = ("Keep one accelerator marker per string, before a letter of the translation ('&Datei'; CJK "
               "translations write it after the word: 'ファイル(&F)'). The markers come from the project's "
               "configuration (QaOptions.accelerators: & _ ~ by default).")
    examples = (
        Example("&File", translation="Datei", lang="de"),
        Example("_Open Recent", translation="Récemment ouverts", lang="fr"),
    )
    counter_examples = (
        Example("&File", translation="&Datei", lang="de"),
        Example("&File", translation="ファイル(&F)", lang="ja"),
        Example("Research & Development", translation="Forschung & Entwicklung", lang="de"),
        Example("Set first_name and R&D", translation="first_name und R&D setzen", lang="de"),
        Example("with page FIRST_[LAST_]PAGE", translation="con PRIMA_[ULTIMA]_PAG pagina", lang="it"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        for mark in current().accelerators:
            if mark not in source and mark not in target:
                continue  # no marker on either side (most units): nothing to count
            ns, nt = accelerators(source, mark), accelerators(target, mark)
            if ns != nt:
                yield from once(ctx, f"accelerator marker '{mark}': {ns} in the source, {nt} in the translation")


RULES = (AcceleratorMismatch(),)
