"""F202 duplicated-line: a sentence or line that repeats an earlier one word for word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.text import WORD

# Words, and the symbols prose does not use as punctuation: "'*' matches" and "'+' matches" are two lines; quotes,
# brackets, sentence punctuation and numbers do not count (a caption kept twice may differ in a number: "(0-1)").
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s.,;:!?\"'“”‘’«»„‚‹›()\[\]{}…–—-]")


def _normalised(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


class DuplicatedLine(SurfaceRule):
    code = "F202"
    name = "duplicated-line"
    severity = Severity.WARNING
    languages = None
    summary = "A sentence or line that repeats an earlier one word for word, like a caption scraped twice."
    why = (
        "Scrapers keep a caption or a title twice (once as alt text, once as the visible line) and pipelines "
        "concatenate the same block twice. The repeat inflates counts and hides where the article really is."
    )
    instead = "Keep one copy."
    examples = (
        Example("A police officer takes cover near a burning house\nA police officer takes cover near a burning house"),
        Example("The talks will continue next week. Nothing was decided. The talks will continue next week."),
        Example("Die Gespräche gehen nächste Woche weiter. Nichts wurde entschieden. Die Gespräche gehen nächste "
                "Woche weiter.", lang="de"),
    )
    counter_examples = (
        Example("Read more\nThe talks went on.\nRead more"),
        Example("The talks will continue next week in Paris. The talks will continue next month in Rome."),
        Example("Die Gespräche gehen nächste Woche in Paris weiter. Die Gespräche gehen nächsten Monat in Rom weiter.",
                lang="de"),
        Example("Un atomo seguito da '*' corrisponde a 0 o più atomi. Un atomo seguito da '+' corrisponde a 0 o più "
                "atomi.", lang="it"),
    )
    _MIN_WORDS = 4

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        # a usage screen's rows repeat as the source's do ("cbreak  same as -icanon" / "-cbreak  same as icanon")
        return not unit_policy.repeat_from_source(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if ctx.index == 0:
            return  # nothing before it to repeat (a table row is a document of one sentence)
        view = doc_view(ctx)
        memo = view.memo.get(self.code)
        if memo is None:  # once a document: every sentence's words, and where each first came
            first_seen: dict[str, int] = {}
            keys = [_normalised(s.text) for s in ctx.sentences]
            for k, (s, key) in enumerate(zip(ctx.sentences, keys)):
                if len(WORD.findall(s.text)) >= self._MIN_WORDS:  # words: the symbols only tell lines apart
                    first_seen.setdefault(key, k)
            memo = view.memo[self.code] = (keys, first_seen)
        keys, first_seen = memo
        earlier = first_seen.get(keys[ctx.index])
        if earlier is not None and earlier < ctx.index:
            where = "the line before" if earlier == ctx.index - 1 else f"sentence {ctx.sentences[earlier].sent_id}"
            yield Hit(0, len(ctx.text), f"repeats {where}")
