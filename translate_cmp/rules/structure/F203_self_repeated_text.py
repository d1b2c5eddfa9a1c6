"""F203 self-repeated-text: a line made of the same text twice, run together."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.text import WORD


class SelfRepeatedText(SurfaceRule):
    code = "F203"
    name = "self-repeated-text"
    severity = Severity.WARNING
    languages = None
    off_for_units = False  # a unit's findings stand as they are
    summary = "A line made of the same text twice, run together: a title duplicated ('...troopsMacron announces...')."
    why = (
        "Scrapers that read a title from two places (the page title and the headline) glue both copies into "
        "one line; the doubled line is translated and scored as one sentence."
    )
    instead = "Keep one copy of the title."
    examples = (
        Example("Macron announces coalition to send troopsMacron announces coalition to send troops"),
        Example("Allies meet in Paris on Monday - Allies meet in Paris on Monday"),
        Example("Macron annonce une coalition pour envoyer des troupesMacron annonce une coalition pour envoyer "
                "des troupes", lang="fr"),
    )
    counter_examples = (
        Example("Macron announces coalition to send troops"),
        Example("Never, never, never."),
        Example("Macron annonce une coalition pour envoyer des troupes", lang="fr"),
    )
    _MIN_HALF = 12

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        core = text.rstrip(".!? ")
        n = len(core)
        for sep in range(4):
            if (n - sep) % 2:
                continue
            half = (n - sep) // 2
            if half < self._MIN_HALF:
                return
            if core[0] != core[half + sep]:
                continue  # not the same: ``core`` ends in none of ".!? ", so the halves match only as they are
            left, gap, right = core[:half], core[half : half + sep], core[half + sep :]
            same = left.rstrip(".!? ") == right.rstrip(".!? ")
            if same and not gap.strip(" .,;:-–—|") and len(WORD.findall(left)) >= 3:
                yield Hit(half + sep, len(text), "the same text twice in one line")
                return
