"""S108 unbalanced-brackets: a bracket with no partner in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import sentence_bracket_orphans


class UnbalancedBrackets(SurfaceRule):
    code = "S108"
    name = "unbalanced-brackets"
    severity = Severity.WARNING
    languages = None  # every language
    summary = "A bracket with no partner in its paragraph: '(of conflict' with no ')'."
    why = "A lost bracket changes what the parenthesis covers; it usually marks text dropped or moved in translation."
    instead = (
        "Close every bracket in the paragraph it opens in. List markers ('1)', 'a)'), emoticons, brackets named as "
        "symbols ('ESC [ 0 n', '\\(em') or inside code ('<info:(gcc)>') are fine."
    )
    examples = (
        Example("We should talk about the inevitability (of conflict. This is how we see it."),
        Example("The missile has a range of 300 km) and high accuracy."),
        Example("Hablamos de la inevitabilidad (del conflicto. Así lo vemos.", lang="es"),
        Example("Die Abbildung der Ports ((lp0, lp1 und lp2) auf diese Adressen ist fest.", lang="de"),
    )
    counter_examples = (
        Example("The ATACMS (Army TACtical Missile System) was delivered [in secret]."),
        Example("Two options: a) talks, b) more weapons. He smiled :) and left."),
        Example("El sistema ATACMS (misiles tácticos del ejército) fue entregado [en secreto].", lang="es"),
        # brackets named as symbols or inside code, and emoticon shapes that close a parenthesis
        Example("La respuesta es ESC [ 0 n (Terminal OK). ESC ( B selecciona el ASCII; KDE usa <info:(gcc)>.",
                lang="es"),
        Example("Setzt die Geschwindigkeit (siehe die Option speed=). Getrennt durch Doppelpunkte (:).", lang="de"),
        Example("Le caractère '[' et la séquence \\(em sont des symboles ; nom=(valeur_1 ... valeur_n).", lang="fr"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not (unit_policy.punctuation_only(ctx) or unit_policy.quoted_symbol(ctx, hit)
                    or unit_policy.orphan_from_source(ctx, hit, quotes=False))

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        start = ctx.sentence.start
        for orphan in sentence_bracket_orphans(ctx):
            what = "closes nothing" if orphan.kind == "unopened" else "is never closed"
            yield Hit(orphan.pos - start, orphan.pos - start + 1, f"bracket {orphan.char} {what}")
