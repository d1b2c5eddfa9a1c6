"""F2xx: structure artefacts.

Fragments left by a broken sentence split, lines and titles that appear twice, and text that a
scraper kept from the page around the article: image captions and credits, bylines, desk codes,
"Read more" links. The patterns are English, so these rules run on English documents only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang import furniture as furniture_i18n
from translate_cmp.lang.lexicon import FURNITURE_LINES, ONE_WORD_SENTENCES, SUBJECTLESS_STARTS
from translate_cmp.lang.wordlists import LANGS, closed_class, deliberate_one_word
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.docview import WORD, SurfaceRule, doc_view, merge_hits

ENGLISH = frozenset({"en"})
_CLOSERS = "”’\"»)]"


class SentenceFragment(SurfaceRule):
    code = "F201"
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
    name = "sentence-fragment"
    severity = Severity.WARNING
    summary = "A piece of a sentence left alone by a broken split: 'Is.”', 'Conflict.', 'Should be used.”', 'Fue.'."
    why = (
        "When a translation engine or a segmenter cuts a sentence in the wrong place, its tail becomes a "
        "'sentence' of its own: a single noun, a verb without a subject, or a few words with a stray closing "
        "quote. Each is translated and scored alone, which is meaningless, and the sentence it came from is "
        "left incomplete."
    )
    instead = (
        "Join the piece to the sentence it belongs to. Deliberate short sentences ('Yes.', 'Exactly.', "
        "'Missing components.') and lines of their own (headings, captions) are not flagged."
    )
    examples = (
        Example("He said moves could provoke war, “in very small steps, each of which may not provoke war.” Is.”"),
        Example("Europe fears a war that has not happened. Conflict."),
        Example("Lavrov said: “People need to open this mind to more rational ideas for Europe.” Should be used.”"),
    )
    counter_examples = (
        Example("Russia cannot make enough shells. Missing components. The same goes for armored vehicles."),
        Example("Will the West strike Russia? Yes. Exactly.\nConflict\nWHY THIS MATTERS. The coalition matters."),
        Example("Should you need help, call us. Is it true? It is."),
    )
    languages = LANGS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        view = doc_view(ctx)
        index = ctx.index
        first, _ = view.paragraph_of(index)
        if index == first or ctx.sentence.start == ctx.sentences[index - 1].end:
            return  # a paragraph's first sentence (a heading, a label), or a split inside "a.b.c"
        text = ctx.text
        body = text.rstrip(_CLOSERS + " ")
        if not body.endswith(".") or body.endswith(".."):
            return
        words = WORD.findall(text)
        if not words:
            return
        if len(words) == 1:
            word = words[0]
            pure = body[:-1].lstrip("“‘\"«(").strip() == word
            if ctx.doc_lang != "en":
                low = word.lower()
                lang = ctx.doc_lang
                if pure and low in closed_class(lang) and low not in deliberate_one_word(lang) and not word.isupper():
                    yield Hit(0, len(text), f"one-word sentence '{body}' left by a broken split")  # "Fue.", "Wird."
                return
            if pure and word.lower() not in ONE_WORD_SENTENCES and not word.isupper():
                yield Hit(0, len(text), f"one-word sentence '{body}' left by a broken split")
            return
        if len(words) <= 6 and words[0].lower() in SUBJECTLESS_STARTS and "," not in text and words[0][0].isupper():
            yield Hit(0, len(text), f"starts with '{words[0]}' and has no subject")
            return
        prev = ctx.prev
        unopened = any(o.kind == "unopened" for o in view.quote_orphans[index])
        prev_closed = prev is not None and prev.text.rstrip()[-1:] in "”\"»" and not view.quote_orphans[index - 1]
        if len(words) <= 8 and unopened and prev_closed:
            yield Hit(0, len(text), "a short piece with a closing quote after a quotation that was already closed")


def _normalised(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


class DuplicatedLine(SurfaceRule):
    code = "F202"
    name = "duplicated-line"
    severity = Severity.WARNING
    summary = "A sentence or line that repeats an earlier one word for word, like a caption scraped twice."
    why = (
        "Scrapers keep a caption or a title twice (once as alt text, once as the visible line) and pipelines "
        "concatenate the same block twice. The repeat inflates counts and hides where the article really is."
    )
    instead = "Keep one copy."
    examples = (
        Example("A police officer takes cover near a burning house\nA police officer takes cover near a burning house"),
        Example("The talks will continue next week. Nothing was decided. The talks will continue next week."),
    )
    counter_examples = (
        Example("Read more\nThe talks went on.\nRead more"),
        Example("The talks will continue next week in Paris. The talks will continue next month in Rome."),
    )
    languages = None
    _MIN_WORDS = 4

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        view = doc_view(ctx)
        first_seen = view.memo.get(self.code)
        if first_seen is None:
            first_seen = {}
            for k, s in enumerate(ctx.sentences):
                key = _normalised(s.text)
                if len(key.split()) >= self._MIN_WORDS:
                    first_seen.setdefault(key, k)
            view.memo[self.code] = first_seen
        key = _normalised(ctx.text)
        earlier = first_seen.get(key)
        if earlier is not None and earlier < ctx.index:
            where = "the line before" if earlier == ctx.index - 1 else f"sentence {ctx.sentences[earlier].sent_id}"
            yield Hit(0, len(ctx.text), f"repeats {where}")


class SelfRepeatedText(SurfaceRule):
    code = "F203"
    name = "self-repeated-text"
    severity = Severity.WARNING
    summary = "A line made of the same text twice, run together: a title duplicated ('...troopsMacron announces...')."
    why = (
        "Scrapers that read a title from two places (the page title and the headline) glue both copies into "
        "one line; the doubled line is translated and scored as one sentence."
    )
    instead = "Keep one copy of the title."
    examples = (
        Example("Macron announces coalition to send troopsMacron announces coalition to send troops"),
        Example("Allies meet in Paris on Monday - Allies meet in Paris on Monday"),
    )
    counter_examples = (
        Example("Macron announces coalition to send troops"),
        Example("Never, never, never."),
    )
    languages = None
    _MIN_HALF = 12

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        core = text.rstrip(".!? ")
        n = len(core)
        for sep in range(4):
            if (n - sep) % 2:
                continue
            half = (n - sep) // 2
            if half < self._MIN_HALF:
                return
            left, gap, right = core[:half], core[half : half + sep], core[half + sep :]
            same = left.rstrip(".!? ") == right.rstrip(".!? ")
            if same and not gap.strip(" .,;:-–—|") and len(WORD.findall(left)) >= 3:
                yield Hit(half + sep, len(text), "the same text twice in one line")
                return


_CAPTION_PATTERNS = (
    re.compile(
        r"\b(?:images?|photos?|pictures?|videos?)\s+(?:source|caption|credit)s?\b"
        r"(?:\s*[,:]\s*(?:getty|reuters|afp|epa|ap|anadolu|shutterstock|tass|efe)\b)?",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:photo|image|picture|foto|caption|credit)s?(?:\s+credits?)?\s*[:|]", re.IGNORECASE),
    re.compile(r"\((?:photo|image|picture)s?(?:\s+credits?)?\s*[:/][^)]*\)", re.IGNORECASE),
)


class ImageCaption(SurfaceRule):
    code = "F204"
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
    name = "image-caption"
    severity = Severity.INFO
    summary = "Image caption and credit debris from the page: 'image Source, getty images', 'Bildunterschrift'."
    why = (
        "Scrapers keep the labels that sit around a picture ('Image source, Getty Images', 'Image caption') "
        "and glue them to the caption or to the next paragraph. They are not part of the article."
    )
    instead = "Drop the labels; keep the caption text only if the caption belongs in the comparison."
    examples = (
        Example("date 2024-01-15 image Source, getty\n\nMacron spoke on Monday."),
        Example("image Source, getty images caption, Ukraine has called for more military assistance."),
        Example("Photo: Reuters\nThe summit ended."),
    )
    counter_examples = (
        Example("Reuters published a photo of the summit, and Getty Images sold the source files."),
        Example("The image of the West changed, a source in Paris said."),
    )
    languages = ENGLISH | furniture_i18n.LANGS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        hits = [
            Hit(m.start(), m.end(), f"image caption or credit: '{m.group()}'")
            for pattern in _CAPTION_PATTERNS + furniture_i18n.caption_patterns(ctx.doc_lang)
            for m in pattern.finditer(ctx.text)
        ]
        yield from merge_hits(hits, gap=2)


_DEBRIS_PATTERNS = (
    (
        re.compile(
            r"^by\s+(?:admin|administrator|editors?|staff|webmaster|author|guest|newsroom"
            r"|editorial\s+(?:team|staff|board))\b.*$",
            re.IGNORECASE,
        ),
        "byline",
    ),
    (
        # AFP-style editor initials: "cf-sjw/tjc/zm/sag-dbh/mel/am"
        re.compile(r"(?<![\w./])[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?){2,}(?![\w./])"),
        "news-desk initials",
    ),
    (re.compile(r"\*{3}[^*]{1,80}\*{3}"), "banner"),
    (re.compile(r"^translated by\b.*$", re.IGNORECASE), "translation credit"),
    (re.compile(r"^date\s*:?\s*\d{4}-\d{2}-\d{2}", re.IGNORECASE), "date stamp"),
    (re.compile(r"^(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*\d", re.IGNORECASE), "date stamp"),
    (re.compile(r"^©.*$|^\(c\)\s.*$|^copyright\b.*$|\ball rights reserved\b", re.IGNORECASE), "copyright line"),
)
# A short line of its own that starts like a link or a credit: "Read more: ...", "Source: Xinhua", "Click here to ..."
_FURNITURE_START = re.compile(
    r"^(?:(?:read more|read also|also read|see also|related(?: articles| news| stories)?|more news|source|sources)"
    r"\s*:\s*\S|(?:click here|subscribe to|sign up for|follow us on)\b)"
)
_NAME_BYLINE = re.compile(r"^By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")


class ScraperDebris(SurfaceRule):
    code = "F205"
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
    name = "scraper-debris"
    severity = Severity.INFO
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
    )
    counter_examples = (
        Example("By admin standards, the reform was small. The source of the leak is unknown."),
        Example("About the author: Kostiantyn Yelisieiev, a diplomat.\nThe editors don't always share these views."),
        Example("The news/world/europe page and the and/or rule stay, read more at home."),
    )
    languages = ENGLISH | furniture_i18n.LANGS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        alone = doc_view(ctx).is_alone(ctx.index)
        hits: list[Hit] = []
        if alone:
            line = " ".join(text.lower().strip(" :.…>»•-").split())
            furniture = line in FURNITURE_LINES or line in furniture_i18n.furniture_lines(ctx.doc_lang)
            furniture = furniture or furniture_i18n.is_link_or_call(line, ctx.doc_lang)
            if furniture or (_FURNITURE_START.match(line) and len(line.split()) <= 10):
                hits.append(Hit(0, len(text), f"page furniture '{text.strip()}'"))
            elif furniture_i18n.is_byline(text.strip(), ctx.doc_lang):
                hits.append(Hit(0, len(text), f"byline '{text.strip()}'"))
            elif _NAME_BYLINE.match(text):
                hits.append(Hit(0, len(text), f"byline '{text}'"))
        for pattern, what in _DEBRIS_PATTERNS:
            if pattern.pattern.startswith("^") and not alone and what in ("byline", "translation credit"):
                continue  # "By admin standards, ..." inside a paragraph is prose
            for m in pattern.finditer(text):
                hits.append(Hit(m.start(), m.end(), f"{what}: '{m.group()}'"))
        yield from merge_hits(hits, gap=1)


RULES = (
    SentenceFragment(),
    DuplicatedLine(),
    SelfRepeatedText(),
    ImageCaption(),
    ScraperDebris(),
)
