"""S105 lowercase-sentence-start: a sentence or a line that starts with a lower-case word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.lexicon import ABBREVIATIONS, NAME_PARTICLES
from translate_cmp.lang.wordlists import closed_class
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import looks_like_code
from translate_cmp.rules.text import CLOSING_PUNCT, WORD, is_lower


class LowercaseSentenceStart(SurfaceRule):
    code = "S105"
    name = "lowercase-sentence-start"
    severity = Severity.WARNING
    languages = None  # every language
    summary = "A sentence or a line that starts with a lower-case word: 'jens stoltenberg,', 'office of Italy’s'."
    why = (
        "A lower-case start marks a sentence split in the wrong place, a name that lost its capitals, or the "
        "tail of a sentence whose beginning went elsewhere."
    )
    instead = "Capitalise the first word ('Jens Stoltenberg'), or join the piece to the sentence it belongs to."
    examples = (
        Example("“There are no plans to send troops,” he said. jens stoltenberg,"),
        Example("office of Italy’s Prime Minister Giorgia Meloni declared its position."),
        Example("Es gibt keine Pläne, Truppen zu schicken. der Kanzler schwieg dazu.", lang="de"),
    )
    counter_examples = (
        Example("iPhone sales fell. eBay and von der Leyen agreed."),
        Example("The measures include:\n- more shells\n- training. The price is approx. five euros... and more."),
        Example("Wait... what happened? @macron posted it at www.example.com today."),
        Example("Las medidas son:\n- más munición\n- formación. eBay y von der Leyen están de acuerdo.", lang="es"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.lowercase_start_explained(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        m = WORD.search(text)
        if m is None or not is_lower(m.group()) or any(ch.isalnum() for ch in text[: m.start()]):
            return
        word = m.group()
        if any(ch.isupper() for ch in word[1:]) or self._name_particle(word.lower(), ctx.doc_lang):
            return  # "iPhone", "eBay"; "von der Leyen", "de Gaulle"
        if _BULLET_START.match(text) or "`" in text[: m.start()] or looks_like_code(text, m.start(), m.end()):
            return
        if len(word) <= 3 and text[m.end() : m.end() + 1] in (")", "."):
            return  # "a)", "iv." list markers
        if self._continues_previous(ctx):
            return
        yield Hit(m.start(), m.end(), f"starts with lower-case '{word}'")

    @staticmethod
    def _name_particle(low: str, lang: str) -> bool:
        """'von', 'de': a name particle; outside English not the language's own articles ('el', 'la', 'der')."""
        return low in NAME_PARTICLES and (lang == "en" or low not in closed_class(lang))

    @staticmethod
    def _continues_previous(ctx: RuleContext) -> bool:
        """The previous sentence does not end a sentence: a colon, a comma, an ellipsis, an abbreviation."""
        prev = ctx.prev
        if prev is None:
            return False
        tail = prev.text.rstrip().rstrip(CLOSING_PUNCT + '"')
        if ctx.document.text.count("\n", prev.end, ctx.sentence.start) >= 2:
            return tail.endswith(":")  # after a blank line only a list after a colon goes on in lower case
        if not tail.endswith((".", "!", "?")) or tail.endswith(("..", "…")):
            return True  # the same paragraph, or the next line of a hard-wrapped one
        if tail.endswith("."):
            last = tail[:-1].rsplit(None, 1)[-1] if tail[:-1].split() else ""
            if last.lower().lstrip("(") in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", last):
                return True
        return False


_BULLET_START = re.compile(r"^\s*(?:[-•*–—·>]|\d{1,2}[.)])")
