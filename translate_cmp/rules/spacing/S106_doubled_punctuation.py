"""S106 doubled-punctuation: doubled or stray punctuation, a sentence that is only a full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import OPEN, language
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule


class DoubledPunctuation(SurfaceRule):
    code = "S106"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    languages = None  # every language
    summary = "Doubled or stray punctuation: 'Russia. .', 'troops,, and', a sentence that is only a full stop."
    why = (
        "Doubled marks are what is left when a translation engine or an editor moved a clause and kept both "
        "ends. A full stop on its own becomes a sentence of its own in every downstream tool."
    )
    instead = "Keep one mark: 'Russia.', 'troops, and'. An ellipsis ('...') and '?!' are fine."
    examples = (
        Example("Macron spoke about the war against Russia. ."),
        Example("The allies,, including France, agreed."),
        Example("The talks ended without a deal,."),
        Example("Exports rose in the region , and imports fell ."),
        Example("“ I have waited twenty years for this,” she said."),
        Example("¿¿Llegarán los refuerzos antes del invierno?", lang="es"),
        Example("“ He esperado veinte años para esto”, dijo ella.", lang="es"),
    )
    counter_examples = (
        Example("Wait... what? Really?! He paused. . . and went on."),
        Example("Le président a déclaré : « nous ne céderons pas ».", lang="fr"),
        Example("Apple Inc., the U.S. firm, sold 1.5 million units, etc."),
        Example("Er fragte: „Kommt ihr?!“ Dann wartete er... und ging.", lang="de"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx) and not unit_policy.marks_from_source(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if _ONLY_PUNCT.match(text) and text.strip() not in ("...", "…"):
            after = " after the previous sentence" if ctx.prev is not None else ""
            yield Hit(0, len(text), f"stray '{text.strip()}'{after}")
            return
        for m in _DOUBLE_MARKS.finditer(text):
            yield Hit(m.start(), m.end(), f"doubled punctuation '{m.group()}'")
        for m in _SPACE_BEFORE_MARK.finditer(text):
            yield Hit(m.start(), m.end(), f"stray space before '{m.group().strip()}'")
        for m in _SPACE_AFTER_OPENER.finditer(text):
            if m.group(1) == "“" and language(ctx.doc_lang).quote_roles.get("“") != OPEN:
                continue
            yield Hit(m.start(), m.end(), f"stray space after '{m.group(1)}'")


_DOUBLE_MARKS = re.compile(
    r",[ \t]*,|;[ \t]*;|:[ \t]+:|[,;:][ \t]*\.(?!\.)|(?<![.\d])\.\.(?![./\d])|(?<![.\s])\.[ \t]+\.(?![ \t]*\.)"
    r"|¿[ \t]*¿|¡[ \t]*¡"  # Spanish opening marks doubled: "¿¿Llegarán"
)
_ONLY_PUNCT = re.compile(r"^[\s.,;:!?]+$")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\W_])[ \t]+[,.](?=[ \t]|$)")  # "industry , and", "in Turkey ."
# "“ He esperado", "( el lunes", "¿ Qué": an opening mark, then a space before the word it opens. Not
# « (French spaces it: « nous »), and “ only where it opens a quotation (German „…“ closes with it).
_SPACE_AFTER_OPENER = re.compile(r"(?:^|(?<=\s))([“(\[¿¡])[ \t]+(?=[^\W_])")
