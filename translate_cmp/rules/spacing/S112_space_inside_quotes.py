"""S112 space-inside-quotes: a space just inside one mark of a quotation ('"gefallen ", als', '" neben"')."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.profile import language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.pairing import quotations
from translate_cmp.rules.text import OPENING_PUNCT


class SpaceInsideQuotes(SurfaceRule):
    code = "S112"
    name = "space-inside-quotes"
    severity = Severity.INFO
    languages = None
    requires = frozenset({"spaced"})
    summary = "A space after an opening or before a closing quote: '\"gefallen \", als', '„ neben“'."
    why = (
        "Engines that move quotation marks around leave a space on the wrong side of one: the mark then "
        "seems to belong to the next word. Only a quotation with a space inside one of its marks is flagged; "
        "spaces inside both marks more likely pair the closing quote of one quotation with the opening one of "
        "the next. French « » take spaces inside by rule (S111 checks them)."
    )
    instead = "Quotation marks hug what they quote: '\"lachend vom Stuhl gefallen\", als'."
    examples = (
        Example('Eine Person sagte, sie seien "lachend vom Stuhl gefallen ", als sie die Anzeige sahen.', lang="de"),
        Example("He said it was “ not worse” than the council's decision.", lang="en"),
    )
    counter_examples = (
        Example('Eine Person sagte, sie seien "lachend vom Stuhl gefallen", als sie die Anzeige sahen.', lang="de"),
        Example('He said "yes" and then "no" again.', lang="en"),
        Example("Il a parlé d'un « trou noir » hier.", lang="fr"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        spaced_guillemets = language(ctx.doc_lang).spaced_punctuation
        for start, end in quotations(text):
            if spaced_guillemets and text[start] in "«»":
                continue
            if text[start] == '"' and start > 0 and not (text[start - 1].isspace() or text[start - 1] in OPENING_PUNCT):
                continue  # 'Set)". UCS ... "compatibilità': this pair closes one quotation and opens the next
            inner = text[start + 1 : end - 1]
            opened, closed = inner[:1].isspace(), inner[-1:].isspace()
            if opened != closed and any(ch.isalpha() for ch in inner):
                side = "after the opening" if opened else "before the closing"
                yield Hit(start, end, f"a space {side} quote")
