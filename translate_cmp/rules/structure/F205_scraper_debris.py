"""F205 scraper-debris: page furniture kept by a scraper (bylines, "Read more" links, desk codes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang import furniture
from translate_cmp.lang.lexicon import FURNITURE_LINES
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.structure.helpers import FURNITURE_LANGS
from translate_cmp.rules.text import merge_hits

# What every match of the slower debris patterns holds, tested first (most sentences hold none of it): initials
# have two slashes or more, a banner three asterisks; a copyright line starts with ©, (c) or "copyright" (the
# pattern anchors those at the start) or has "all rights reserved"
_MAY_MATCH = {
    "news-desk initials": lambda text: text.count("/") >= 2,
    "banner": lambda text: "***" in text,
    # "erved": letters that only their own capitals match under IGNORECASE (not "i" or "s": "İ", "ſ" match them too)
    "copyright line": lambda text: text[:1] in "©(cC" or "erved" in text.lower(),
}
# The kinds whose every pattern is anchored at the text's start ("^", not MULTILINE): one match at most, tried there
# only, rather than a scan that tries every position (tests/test_flag_fastpaths.py checks the anchoring)
AT_START = frozenset({"byline", "translation credit", "date stamp"})
# Where none of the anchored patterns matches at the start, none of them is tried one by one: their alternation
# matches there exactly when one of them does (all four are IGNORECASE; tests/test_flag_fastpaths.py)
ANY_AT_START = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, what in furniture.DEBRIS_PATTERNS
                                   if what in AT_START), re.IGNORECASE)
_NOT_AT_START = tuple((pattern, what) for pattern, what in furniture.DEBRIS_PATTERNS if what not in AT_START)


class ScraperDebris(SurfaceRule):
    code = "F205"
    name = "scraper-debris"
    severity = Severity.INFO
    languages = FURNITURE_LANGS
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
    summary = "Page furniture kept by a scraper: 'By admin', 'Read more', a lone 'Source', 'Leer más', desk codes."
    why = (
        "Bylines, 'Read more' links, news-desk initials and 'Translated by' banners are not article text. "
        "They are translated and scored like sentences and drag every average down."
    )
    instead = "Remove them before comparing; keep the article body."
    examples = (
        Example("The summit ended.\n\nBy admin"),
        Example("The EU will buy shells.\n\ncf-sjw/tjc/zm/sag-dbh/mel/am *** Translated by DEFCONPress FYI Team ***"),
        Example("Talks go on.\nRead more"),
        Example("Talks go on.\n\nSource \n\nAbout the author: a diplomat."),
        Example("Talks go on.\nRead more: Allied troops in Ukraine\nSubscribe to our newsletter"),
        Example("La cumbre terminó.\nLeer más", lang="es"),
        Example("La cumbre terminó.\n© 2024 Agencia EFE. Todos los derechos reservados.", lang="es"),
    )
    counter_examples = (
        Example("By admin standards, the reform was small. The source of the leak is unknown."),
        Example("About the author: Kostiantyn Yelisieiev, a diplomat.\nThe editors don't always share these views."),
        Example("The news/world/europe page and the and/or rule stay, read more at home."),
        Example("Leer más sobre la cumbre es difícil, dijo el ministro. La fuente no es conocida.", lang="es"),
        # a program's copyright notice with its licence is documentation
        Example("Copyright © 2022 Free Software Foundation, Inc. Lizenz GPLv3+: GNU GPL Version 3 oder neuer.",
                lang="de"),
        Example("Copyright © 2003-2006 H. Peter Anvin. Ceci est un logiciel libre, voir les sources.", lang="fr"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        low = text.lower()
        alone = len(ctx.sentences) == 1 or doc_view(ctx).is_alone(ctx.index)  # a table's row is a paragraph
        hits: list[Hit] = []
        if alone:  # (split at most ten times: an eleventh part is more than ten words, and no more is asked of them)
            words = low.strip(" :.…>»•-").split(None, 10)
        # a line of more than ten words is neither a listed line (none has more: tests/test_flag_fastpaths.py), a link,
        # a call, a label nor a byline (each test below asks for ten words at most, the bylines for fewer; the text has
        # at least the line's words): most sentences, told without joining their words
        if alone and len(words) <= 10:
            line = " ".join(words)
            found = line in FURNITURE_LINES or line in furniture.furniture_lines(ctx.doc_lang)
            found = found or furniture.is_link_or_call(line, ctx.doc_lang)
            if found or (furniture.FURNITURE_START.match(line) and len(line.split()) <= 10):
                hits.append(Hit(0, len(text), f"page furniture '{text.strip()}'"))
            elif furniture.is_byline(text.strip(), ctx.doc_lang):
                hits.append(Hit(0, len(text), f"byline '{text.strip()}'"))
            elif furniture.NAME_BYLINE.match(text):
                hits.append(Hit(0, len(text), f"byline '{text}'"))
        # where no anchored pattern matches at the start (most texts), only the others are tried, and none of them where
        # what each needs (_MAY_MATCH, asked here at once) is not there
        if ANY_AT_START.match(text):
            patterns = furniture.DEBRIS_PATTERNS
        elif text.count("/") >= 2 or "***" in text or text[:1] in "©(cC" or "erved" in low:
            patterns = _NOT_AT_START
        else:
            patterns = ()
        for pattern, what in patterns:
            if pattern.pattern.startswith("^") and not alone and what in ("byline", "translation credit"):
                continue  # "By admin standards, ..." inside a paragraph is prose
            if what in _MAY_MATCH and not _MAY_MATCH[what](text):
                continue  # what every match holds is not there: the pattern's scan is spared
            if what in AT_START:
                first = pattern.match(text)
                matches = [first] if first else []
            else:
                matches = pattern.finditer(text)
            found = [Hit(m.start(), m.end(), f"{what}: '{m.group()}'") for m in matches]
            if found and what == "copyright line" and self._licence_notice(ctx):
                continue  # "Copyright © 2022 Free Software Foundation, Inc. Licence GPLv3+": documentation
            hits.extend(found)
        if hits:
            yield from merge_hits(hits, gap=1)

    @staticmethod
    def _licence_notice(ctx: RuleContext) -> bool:
        """The sentence's paragraph states a software licence: a program's copyright notice, not page furniture."""
        first, last = doc_view(ctx).paragraph_of(ctx.index)
        text = ctx.document.text[ctx.sentences[first].start : ctx.sentences[last].end]
        return furniture.LICENCE_NOTICE.search(text) is not None
