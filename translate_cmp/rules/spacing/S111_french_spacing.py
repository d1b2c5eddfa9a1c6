"""S111 french-spacing: no space before ; : ! ? or inside « », where French typography puts one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import looks_like_code
from translate_cmp.rules.spacing.typography import reads_as_its_language

# a word of two letters or more, then ; : ! or ? and the end of the clause: "néphrolithiase: expérience"
_UNSPACED_MARK = re.compile(r"[;:!?](?<=[^\W\d_]{2}[;:!?])[;:!?]*(?=\s|$)")
_UNSPACED_GUILLEMET = re.compile(r"«(?=[^\W\d_])|»(?<=[^\W\d_.!?…]»)")


class FrenchSpacing(SurfaceRule):
    code = "S111"
    name = "french-spacing"
    severity = Severity.INFO
    languages = frozenset(code for code in MODULES if language(code).spaced_punctuation)
    summary = "French punctuation without its space: 'néphrolithiase: expérience', 'pourquoi?', '«mot»'."
    why = (
        "French puts a (narrow no-break) space before ; : ! ? and inside « »; engines trained on English copy "
        "the English spacing. Raters of French biomedical translations marked nearly every one as a "
        "punctuation error, and translated manual pages and catalogues keep the space."
    )
    instead = "A no-break space: 'néphrolithiase : expérience', 'pourquoi ?', '« mot »'."
    examples = (
        Example("Néphrolithotomie percutanée dans le traitement de la néphrolithiase: expérience du CHUV.",
                lang="fr"),
        Example("Pourquoi les résultats sont-ils différents? Nous ne le savons pas.", lang="fr"),
        Example("Le terme «trou noir» est apparu plus tard.", lang="fr"),
    )
    counter_examples = (
        Example("Néphrolithotomie percutanée : expérience du CHUV. Pourquoi ? Le terme « trou noir » est connu.",
                lang="fr"),
        Example("Le disque C: est plein ; voir http://exemple.fr ou fichier.txt: rien à 10:30.", lang="fr"),
        Example("Percutaneous nephrolithotomy: experience at the CHUV.", lang="en"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.source_has(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if not (_UNSPACED_MARK.search(text) or _UNSPACED_GUILLEMET.search(text)) or not reads_as_its_language(ctx):
            return  # nothing to find (most sentences: asked first); a line of another language read as this one
        for m in _UNSPACED_MARK.finditer(text):
            if not looks_like_code(text, m.start(), m.end()):
                word_start = text.rfind(" ", 0, m.start()) + 1
                yield Hit(word_start, m.end(), f"no space before '{m.group()}'; French puts a no-break space there")
        for m in _UNSPACED_GUILLEMET.finditer(text):
            yield Hit(m.start(), m.end(), f"no space {'after' if m.group() == '«' else 'before'} '{m.group()}'")
