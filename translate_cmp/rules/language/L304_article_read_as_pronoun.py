"""L304 article-read-as-pronoun: Spanish 'El' read as 'He' before a nationality or title (English only)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.lexicon import NATIONALITIES, TITLES
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule

_HE_START = re.compile(r"^He\s+(?:(?:too|also)\s+)?([A-Z][A-Za-z.]*)")


class ArticleReadAsPronoun(SurfaceRule):
    code = "L304"
    name = "article-read-as-pronoun"
    severity = Severity.WARNING
    languages = frozenset({"en"})
    off_for_units = False  # a unit's findings stand as they are
    summary = "'He' + a nationality or title starting a sentence: Spanish 'El' read as 'He' (English only)."
    why = (
        "Spanish 'El' and Portuguese 'O' are both an article and (for 'Él') a pronoun; engines translating "
        "'El canciller alemán Olaf Scholz dijo' produce 'He German Chancellor Olaf Scholz said'. The "
        "sentence then has two subjects."
    )
    instead = "Use the article ('The German Chancellor Olaf Scholz said') or none ('German Chancellor Scholz said')."
    examples = (
        Example("He German Chancellor Olaf Scholz said that there will be no ground forces."),
        Example("He too NATO Secretary General denied any presence of troops in Ukraine."),
    )
    counter_examples = (
        Example("He said that the German Chancellor agreed."),
        Example("He Jiankui, a Chinese scientist, spoke. He too said no."),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        m = _HE_START.match(ctx.text)
        if m is None:
            return
        word = m.group(1)
        if word.lower() in NATIONALITIES or word.lower() in TITLES:
            yield Hit(0, 2, f"'He {word}': an article read as a pronoun")
