"""Q620 translation-too-short: the translation is far shorter than the source, for the language."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, pair_length_ratio, visible_length
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.unit_rule import UnitRule

MIN_SOURCE = 20  # characters: shorter sources are labels, whose translations may be one short word


class TranslationTooShort(UnitRule):
    code = "Q620"
    name = "translation-too-short"
    severity = Severity.WARNING
    summary = "The translation is less than a quarter of the source's length (after the language's usual ratio), " \
              "for a source of 20 characters or more."
    why = "A translation that short has left most of the source out: a sentence or a whole paragraph is missing."
    instead = ("Translate all of the source. The bound is QaOptions.short_ratio (0.25 by default) times the "
               "languages' usual length ratio (target over source: about 0.5 from English into Chinese or "
               "Japanese, 2.2 from Chinese into English) times the source's length.")
    examples = (
        Example("The file could not be saved because the disk is full.", translation="Fehler.", lang="de"),
    )
    counter_examples = (
        Example("The file could not be saved because the disk is full.",
                translation="无法保存文件，因为磁盘已满。", lang="zh"),
        Example("Cancel", translation="X", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        ns, nt = visible_length(source.strip()), visible_length(target.strip())
        bound = current().short_ratio * pair_length_ratio(ctx) * ns
        if ns >= MIN_SOURCE and nt and nt < bound:
            yield from once(ctx, f"{nt} characters for a source of {ns} (bound {bound:.0f})")


RULES = (TranslationTooShort(),)
