"""L302 mixed-script-word: a word that mixes alphabets, such as a Latin word with a Cyrillic letter inside."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.lexicon import HOMOGLYPH_SCRIPTS
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.language.helpers import letter_scripts, script_of, token_scripts
from translate_cmp.rules.text import LETTERS


def _majority(scripts: list[str]) -> str:
    return max(set(scripts), key=scripts.count)


class MixedScriptWord(SurfaceRule):
    code = "L302"
    name = "mixed-script-word"
    severity = Severity.ERROR
    languages = None
    summary = "A word that mixes alphabets, such as a Latin word with a Cyrillic letter inside ('Кyiv', 'Nаto')."
    why = (
        "Cyrillic and Greek letters look like Latin ones. A word that mixes them looks right but does not "
        "match in search, spell checking, dictionaries or translation models, which see an unknown word."
    )
    instead = "Retype the word in one alphabet. Greek letters used as symbols ('μm', 'β-blocker') are not flagged."
    examples = (
        Example("The president visited \u041ayiv on Monday."),
        Example("The N\u0410TO summit was held in Washington."),
        Example("Президент посетил \u041cосkву в понедельник.", lang="ru"),
    )
    counter_examples = (
        Example("The cells measured 5 \u03bcm across; \u03b2-blockers and the Київ metro were mentioned."),
        Example("Macron met Zelensky in Kyiv and Scholz in Berlin."),
        Example("Президент посетил Москву и Kyiv в понедельник.", lang="ru"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.metavariable_affix(ctx, hit)  # "RFILE" -> "RФАЙЛ": a literal and a metavariable

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if ctx.text.isascii() or len(letter_scripts(ctx.text) & HOMOGLYPH_SCRIPTS) < 2:
            return  # ASCII letters are all Latin; no word can mix scripts the sentence does not hold two of
        for m in LETTERS.finditer(ctx.text):
            token = m.group()
            if token.isascii() or len(token_scripts(token) & HOMOGLYPH_SCRIPTS) < 2:
                continue  # one alphabet (ASCII letters are Latin): most words, told by one look-up
            scripts = [script_of(ch) for ch in token]
            present = set(scripts) & HOMOGLYPH_SCRIPTS
            if present == {"LATIN", "GREEK"} and not any(
                scripts[i] == "GREEK" and scripts[i - 1] == "LATIN" and scripts[i + 1] == "LATIN"
                for i in range(1, len(token) - 1)
            ):
                continue  # "μm": a Greek symbol in front of a Latin unit
            odd = sorted(present - {_majority(scripts)})
            yield Hit(m.start(), m.end(), f"'{token}' mixes {' and '.join(s.title() for s in sorted(present))} letters"
                      f" ({', '.join(odd).lower()} inside)")
