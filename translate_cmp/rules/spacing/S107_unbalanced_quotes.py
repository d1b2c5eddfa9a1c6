"""S107 unbalanced-quotes: a double quote with no partner in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import sentence_quote_orphans


class UnbalancedQuotes(SurfaceRule):
    code = "S107"
    name = "unbalanced-quotes"
    severity = Severity.WARNING
    languages = None  # every language, each with its own quotation marks
    summary = "A double quote with no partner in its paragraph: a quotation never closed, or closed twice."
    why = (
        "Translations that reorder a quotation lose one of its marks, or add a closing mark to a fragment "
        "that was split off. The reader no longer knows who says what."
    )
    instead = (
        "Open and close every quotation in the same paragraph. A quotation running over several paragraphs "
        "may leave a paragraph open when the next one starts with an opening quote."
    )
    examples = (
        Example("Lavrov also said: “It seems to me that people need to open their minds.” Should be used.”\n\nNo."),
        Example("“We are not planning large-scale deployment of troops. The UK trains Ukrainian troops.\n\nNext line."),
        Example("“Today there is no agreement. “We will do everything possible,” he said."),
        Example("„Wir bleiben hier, sagte der Minister.\n\nNächster Absatz.", lang="de"),
        Example("« Nous restons ici, a dit le ministre.\n\nParagraphe suivant.", lang="fr"),
    )
    counter_examples = (
        Example("“Logistics should be destroyed. Places where drones are made,” says Sichen."),
        Example("“The first part of a long quotation ends here.\n\n“And it goes on in the next paragraph.”"),
        Example('They spoke of "helmets and sleeping bags," and now of "missiles and tanks.”'),
        Example("„Wir bleiben hier“, sagte der Minister.", lang="de"),  # German quotes close with “
        Example("« Nous restons ici », a dit le ministre.", lang="fr"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not (unit_policy.punctuation_only(ctx) or unit_policy.quoted_symbol(ctx, hit)
                    or unit_policy.orphan_from_source(ctx, hit, quotes=True))

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        start = ctx.sentence.start
        for orphan in sentence_quote_orphans(ctx):
            what = {
                "unopened": "closes a quotation that was never opened",
                "unclosed": "is not closed before the next quotation opens",
            }.get(orphan.kind, "is never closed")
            yield Hit(orphan.pos - start, orphan.pos - start + 1, f"quote {orphan.char} {what}")
