"""L303 foreign-script-text: letters of another script in a Latin-script document."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.profile import language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.language.helpers import letter_scripts, script_of, token_scripts
from translate_cmp.rules.text import LETTERS


def _in_brackets(text: str, start: int, end: int) -> bool:
    opened = text.rfind("(", 0, start)
    return opened >= 0 and text.rfind(")", 0, start) < opened and text.find(")", end) >= 0


class ForeignScriptText(SurfaceRule):
    code = "L303"
    name = "foreign-script-text"
    severity = Severity.WARNING
    languages = None
    requires = frozenset({"latin"})  # languages written in the Latin script (Language.script)
    off_for_units = False  # a unit's findings stand as they are
    summary = "Letters of another script in a Latin-script document ('the 中国 market'): an untranslated leftover."
    why = (
        "Characters the engine could not translate (names, rare words) are copied from the source. In an "
        "English article a run of Chinese, Cyrillic or Arabic letters is almost always such a leftover."
    )
    instead = (
        "Translate or transliterate it. Original-script glosses in brackets ('Kyiv (Київ)') and single Greek "
        "letters ('β') are not flagged."
    )
    examples = (
        Example("The 中国 market grew by 5 percent this year."),
        Example("The minister said that the решение was final."),
        Example("Der 中国 Markt wuchs in diesem Jahr um 5 Prozent.", lang="de"),
    )
    counter_examples = (
        Example("He visited Kyiv (Київ) and Beijing (北京) last week."),
        Example("The β coefficient and the Omicron variant were discussed."),
        Example("Er besuchte Kyjiw (Київ) und Peking (北京) letzte Woche.", lang="de"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if ctx.text.isascii():
            return  # ASCII letters are all Latin
        own = frozenset({language(ctx.doc_lang).script, ""})  # the document's script, and signs with no name
        text = ctx.text
        if letter_scripts(text) <= own:
            return  # every letter in the document's script: so is every word (most sentences)
        runs: list[list[int]] = []
        for m in LETTERS.finditer(text):
            scripts = token_scripts(m.group())
            if len(scripts) != 1 or scripts <= own:
                continue  # the document's own script, or mixed (L302's business)
            if scripts == {"GREEK"} and len(m.group()) <= 2:
                continue
            if runs and not text[runs[-1][1] : m.start()].strip(" ,.;:-–—·'’\"“”«»"):
                runs[-1][1] = m.end()
            else:
                runs.append([m.start(), m.end()])
        for start, end in runs:
            if _in_brackets(text, start, end):
                continue
            script = script_of(text[start]).title()
            yield Hit(start, end, f"{script} text '{text[start:end]}' in a {ctx.doc_lang} document")
