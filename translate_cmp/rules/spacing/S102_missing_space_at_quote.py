"""S102 missing-space-at-quote: a double quote glued between two words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import looks_like_code


class MissingSpaceAtQuote(SurfaceRule):
    code = "S102"
    name = "missing-space-at-quote"
    severity = Severity.WARNING
    languages = None  # every language written with spaces
    requires = frozenset({"spaced"})
    except_languages = frozenset({"he", "yi"})  # Hebrew and Yiddish write acronyms with "
    summary = "A double quote glued between two words: 'conflict“Words', 'Biden“has', 'evaluate it”said'."
    why = (
        "When a translation moves a quotation mark, the space on one side goes missing and the quote ends up "
        "inside a word; often the quote also points the wrong way. Readers cannot tell where the quotation "
        "starts or ends."
    )
    instead = "One space outside the quotation: 'the conflict.” Words', 'Joe Biden “has', 'evaluate it,” said'."
    examples = (
        Example("Peskov says the move changes US involvement in the conflict“Words are important."),
        Example("“This is how we evaluate it”said Dmitry Peskov."),
        Example("«Nous n’enverrons pas de troupes»a déclaré le président.", lang="fr"),
    )
    counter_examples = (
        Example("He said “we will not send troops” and left."),
        Example("Macron’s words, Ukraine’s victory and the allies’ plan were discussed."),
        Example("Il a dit « nous n’enverrons pas de troupes » et il est parti.", lang="fr"),
        Example("Er sagte „wir bleiben“ und ging.", lang="de"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not (unit_policy.punctuation_only(ctx) or unit_policy.quote_shape_from_source(ctx, hit))

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if not _ANY_QUOTE.search(text):
            return  # every finding holds one of these quotes (most sentences have none)
        for m in (_QUOTE_GLUED.finditer(text) if _LETTER_QUOTE_LETTER.search(text) else ()):
            if m.group(1) == '"' and m.start(1) - m.start() <= 2 and looks_like_code(text, m.start(), m.end()):
                continue  # f"Hello {name}", b"abc": string literals in code
            yield Hit(m.start(), m.end(), f"quote {m.group(1)} glued between two words: '{m.group()}'")
        for m in _QUOTE_AFTER_STOP.finditer(text):
            yield Hit(m.start() - 1, m.end(), f"no space after the closing quote: '{text[m.start() - 1 : m.end()]}'")


_QUOTE_GLUED = re.compile(r"[^\W\d_]+([\"“”„«»])[^\W\d_]+")
_QUOTE_AFTER_STOP = re.compile(r"[”»](?<=[.,!?;:][”»])[^\W\d_]+")
_ANY_QUOTE = re.compile("[\"“”„«»]")  # the quotes of both patterns: what every finding holds
# what every match of _QUOTE_GLUED holds, one scan with no backtracking (its runs of letters are tried from every
# letter of every word): a quote with a letter right before and right after it
_LETTER_QUOTE_LETTER = re.compile(r"[\"“”„«»](?<=[^\W\d_][\"“”„«»])(?=[^\W\d_])")
