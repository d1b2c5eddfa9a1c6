"""S110 straight-quotes: a quotation in typed straight quotes where the language prints its own marks („...“, « »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import CODE_MARKS
from translate_cmp.rules.spacing.typography import reads_as_its_language

# A pair of straight quotes not glued to a word, "=" or a path on the outside: "Schwarzes Loch", not name="x"
_STRAIGHT = re.compile(r'"(?<![\w=\\/]")([^"\n]{1,200}?)"(?![\w=/])')
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")
_DOTTED = re.compile(r"\w[.:]\w")  # "afs:mykey", "index.rst": a value, not words


def quoted_prose(inner: str) -> bool:
    """A quotation of words: two or more, no code marks or digits, no space just inside the marks."""
    if inner != inner.strip() or any(ch in CODE_MARKS for ch in inner) or _DOTTED.search(inner):
        return False
    return len(_PROSE_WORD.findall(inner)) >= 2


class StraightQuotes(SurfaceRule):
    code = "S110"
    name = "straight-quotes"
    severity = Severity.INFO
    languages = frozenset(code for code in MODULES if language(code).printed_quotes)
    summary = "Words quoted in typed straight quotes (\"...\") where the language prints „...“ or « ... »."
    why = (
        "German prints „...“ and French « ... »; straight quotes are a typewriter's stand-in, and in machine "
        "translation a sign that the engine copied the English marks. Raters of German news marked them as a "
        "punctuation error almost every time. Single words in quotes are left alone: technical prose quotes "
        "values and terms (\"index\", \"user\") that way."
    )
    instead = "The language's quotation marks: „Schwarzes Loch“, « arbre des contenus »."
    examples = (
        Example('Es dauerte Jahrzehnte, bis der Begriff "Schwarzes Loch" geprägt wurde.', lang="de"),
        Example('Il parle de "l\'arbre des contenus" comme racine de la structure.', lang="fr"),
    )
    counter_examples = (
        Example("Es dauerte Jahrzehnte, bis der Begriff „Schwarzes Loch“ geprägt wurde.", lang="de"),
        Example('Der Schlüsseltyp "user" ist ähnlich, zum Beispiel name="Partition eins".', lang="de"),
        Example('Il parle de « l\'arbre des contenus », ou "index", par exemple "a:b c".', lang="fr"),
        Example('They call it "the black hole" in the talk.', lang="en"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if not _STRAIGHT.search(ctx.text) or not reads_as_its_language(ctx):
            return  # nothing to find (most sentences: asked first); a line of another language read as this one
        marks = language(ctx.doc_lang).printed_quotes.replace(" ", "")
        shown = f"{marks[0]}...{marks[-1]}"
        for m in _STRAIGHT.finditer(ctx.text):
            if quoted_prose(m.group(1)):
                yield Hit(m.start(), m.end(), f"straight quotes; {language(ctx.doc_lang).name} prints {shown}")
