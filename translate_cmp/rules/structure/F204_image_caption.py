"""F204 image-caption: image caption and credit debris from the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.lang import furniture
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.structure.helpers import FURNITURE_LANGS
from translate_cmp.rules.text import merge_hits


class ImageCaption(SurfaceRule):
    code = "F204"
    name = "image-caption"
    severity = Severity.INFO
    languages = FURNITURE_LANGS
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
    summary = "Image caption and credit debris from the page: 'image Source, getty images', 'Bildunterschrift'."
    why = (
        "Scrapers keep the labels that sit around a picture ('Image source, Getty Images', 'Image caption') "
        "and glue them to the caption or to the next paragraph. They are not part of the article. A picture word "
        "and its colon opening a line count as a credit when names follow ('Foto: picture alliance / dpa'); "
        "followed by a headline or a sentence (a closed-class word of the language other than the links of "
        "names: 'Fotos: Nach der Renovierung öffnet das Museum wieder') they are the headline's rubric."
    )
    instead = "Drop the labels; keep the caption text only if the caption belongs in the comparison."
    examples = (
        Example("date 2024-01-15 image Source, getty\n\nMacron spoke on Monday."),
        Example("image Source, getty images caption, Ukraine has called for more military assistance."),
        Example("Photo: Reuters\nThe summit ended."),
        Example("Bildunterschrift, Olaf Scholz spricht in Berlin.\nDer Gipfel endete am Abend.", lang="de"),
        Example("Foto: picture alliance / dpa\nDer Gipfel endete am Abend.", lang="de"),
    )
    counter_examples = (
        Example("Reuters published a photo of the summit, and Getty Images sold the source files."),
        Example("The image of the West changed, a source in Paris said."),
        Example("Das Bild des Westens hat sich verändert, sagte eine Quelle in Paris.", lang="de"),
        Example("Photos: Inside the museum that reopened on Monday\nThe collection moved in May."),
        Example("Fotos: Nach der Renovierung öffnet das Museum wieder\nDie Sammlung zog im Mai um.", lang="de"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text, lang = ctx.text, ctx.doc_lang
        low = text.lower()  # one of _CAPTION_TAILS: asked once for the two patterns that need it
        words = "mage" in low or "hoto" in low or "cture" in low or "deo" in low
        label = ":" in text or "|" in text
        hits = []
        # each pattern as _matches tries it (what it needs decided once per language: _patterns)
        for pattern, needs, rest in _patterns(lang):
            if needs == _WORDS:
                if not words:
                    continue
                matches = pattern.finditer(text)
            elif needs == _START:
                first = pattern.match(text)
                if first is None:
                    continue
                matches = (first,)
            elif needs == _LABEL and not label:
                continue
            else:
                matches = pattern.finditer(text)
            for m in matches:
                # a label opening a headline is its rubric: "Fotos: Nach Restaurierungen weiht Ägypten ..."
                if not rest or not furniture.opens_headline(m.group("rest"), lang):
                    hits.append(Hit(m.start(), m.end(), f"image caption or credit: '{m.group()}'"))
        if hits:
            yield from merge_hits(hits, gap=2)


# What every match of the first English pattern holds ("image", "photo", "picture", "video"): letters that only their
# own capitals match under IGNORECASE (not "i": "İ", "ı" match it too), looked for in the lower-cased text first
_CAPTION_TAILS = ("mage", "hoto", "cture", "deo")  # find asks for each in turn (tests/test_flag_fastpaths.py)


_WORDS, _START, _LABEL, _ANY = range(4)  # what a pattern needs before it is tried (_matches)


@lru_cache(maxsize=64)
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], int, bool], ...]:
    """The English patterns and ``lang``'s, in that order, each with what :func:`_matches` asks of it first (one of
    its words, the text's start, a colon or bar after a label, nothing) and whether it has a ``rest`` group: decided
    once per language, not once a sentence."""
    english = furniture.CAPTION_PATTERNS
    out = []
    for pattern in english + furniture.caption_patterns(lang):
        rest = "rest" in pattern.groupindex
        if pattern is english[0] or pattern is english[2]:
            needs = _WORDS
        elif pattern is english[1]:
            needs = _START
        else:
            needs = _LABEL if rest else _ANY
        out.append((pattern, needs, rest))
    return tuple(out)


def _matches(pattern: re.Pattern[str], text: str, words: bool):
    """``pattern.finditer(text)``, sparing the scan where no match can be: the first and the third English patterns
    need one of their words (``words``: one of ``_CAPTION_TAILS`` is in the lower-cased text); the second is anchored
    at the text's start ("^", not MULTILINE), so it is tried there only; a language's label opening a line (the
    pattern with a ``rest`` group) needs the colon or the bar after it (tests/test_flag_fastpaths.py compares each
    with the scan on every line of the articles)."""
    english = furniture.CAPTION_PATTERNS
    if pattern is english[0] or pattern is english[2]:  # "image", "photo", "picture" (or "video", the first)
        return pattern.finditer(text) if words else ()
    if pattern is english[1]:
        first = pattern.match(text)
        return [first] if first else ()
    if "rest" in pattern.groupindex and ":" not in text and "|" not in text:
        return ()
    return pattern.finditer(text)
