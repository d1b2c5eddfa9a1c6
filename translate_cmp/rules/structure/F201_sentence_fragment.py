"""F201 sentence-fragment: a piece of a sentence left alone by a broken split."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.lexicon import ONE_WORD_SENTENCES, SUBJECTLESS_STARTS
from translate_cmp.lang.wordlists import LANGS, closed_class, deliberate_one_word
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.text import WORD

_CLOSERS = "”’\"»)]"


class SentenceFragment(SurfaceRule):
    code = "F201"
    name = "sentence-fragment"
    severity = Severity.WARNING
    languages = LANGS  # English by its word lists, the others by their closed-class words
    off_for_units = True  # a unit is one string on its own, not a piece of a scraped page
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
        Example("El ministro habló con la prensa durante una hora. Fue.", lang="es"),
    )
    counter_examples = (
        Example("Russia cannot make enough shells. Missing components. The same goes for armored vehicles."),
        Example("Will the West strike Russia? Yes. Exactly.\nConflict\nWHY THIS MATTERS. The coalition matters."),
        Example("Should you need help, call us. Is it true? It is."),
        Example("¿Vendrá el presidente a la cumbre? Sí. Claro.", lang="es"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        index = ctx.index
        if index == 0:
            return  # the document's first sentence is its paragraph's first (below): no view needed
        view = doc_view(ctx)
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
