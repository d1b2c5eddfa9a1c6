"""What the surface rules need to know about a whole document, computed once per document.

A :class:`DocView` holds the paragraphs (runs of sentences with the same ``para_id``), the words
the document writes in lower case and in Title case, and the quotes and brackets that have no
partner in their paragraph (:mod:`translate_cmp.rules.pairing`). Rules get it with :func:`doc_view`,
which caches the last few documents by identity (the cache holds references, so an identity can
never be reused while its entry lives).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from translate_cmp.lang.profile import language
from translate_cmp.records import Document, Sentence
from translate_cmp.rules.base import RuleContext
from translate_cmp.rules.pairing import (
    _BRACKET_MARK,
    BRACKETS,
    QUOTE_FAMILY,
    Orphan,
    _quote_marks,
    bracket_orphans,
    quote_orphans,
)
from translate_cmp.rules.text import AFTER_LOWER_THE, WORD, starts_clause, title_chain


@dataclass
class DocView:
    """Facts about one document that several rules share."""

    paragraphs: list[tuple[int, int]]  # (first, last) sentence index of each paragraph, inclusive
    para_of: list[int]  # paragraph number (index into ``paragraphs``) of each sentence
    sentences: Sequence[Sentence] = ()  # the document's sentences, that the word facts below are read from
    text: str = ""  # the document's text
    lang: str = ""  # the language whose quotation marks pair
    memo: dict[str, object] = field(default_factory=dict)  # per-rule results for the whole document

    # The quotes and brackets with no partner, found on first use (per sentence; a table of short rows builds one
    # view a row, and most rows have no quote and no bracket in them: their rules ask only where there is one)
    @cached_property
    def quote_orphans(self) -> list[list[Orphan]]:
        """Per sentence, its double quotes with no partner in their paragraph (or block of lines)."""
        return _orphans(self, quotes=True)

    @cached_property
    def bracket_orphans(self) -> list[list[Orphan]]:
        """Per sentence, its brackets with no partner in their paragraph (or block of lines)."""
        return _orphans(self, quotes=False)  # sets symbol_brackets too

    @cached_property
    def symbol_brackets(self) -> frozenset[int]:
        """Document offsets of brackets named as symbols ("ESC ( B")."""
        _ = self.bracket_orphans  # the bracket scan sets it
        return self.__dict__["symbol_brackets"]

    # The words of the document, read on first use (one rule asks, and only on sentences with a capital
    # mid-sentence; a table of short rows builds one view a row)
    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Words written entirely in lower case somewhere."""
        return frozenset(m.group() for s in self.sentences for m in WORD.finditer(s.text) if m.group().islower())

    @cached_property
    def title_mid(self) -> Counter[str]:
        """Title-case words where no clause starts, with their counts."""
        title_mid: Counter[str] = Counter()
        for s in self.sentences:
            text = s.text
            for m in WORD.finditer(text):
                word = m.group()
                # is_title(word), inlined (a Title-case word is not lower-case): most words fail the first test
                if word[0].isupper() and len(word) >= 2 and word[1:].islower() and not starts_clause(text, m.start()):
                    title_mid[word] += 1
        return title_mid

    def title_mid_again(self, word: str) -> bool:
        """``title_mid[word] > 1``: the document writes ``word`` in Title case mid-sentence more than once. A document
        of one sentence that holds ``word`` once at most cannot: told without reading its words (a table's rows)."""
        if len(self.sentences) == 1 and self.sentences[0].text.count(word) < 2:
            return False
        return self.title_mid[word] > 1

    @cached_property
    def after_the(self) -> frozenset[str]:
        """Capitalised names written after a lower-case "the"."""
        return frozenset(title_chain(s.text, m.end()) for s in self.sentences for m in AFTER_LOWER_THE.finditer(s.text))

    def paragraph_of(self, index: int) -> tuple[int, int]:
        return self.paragraphs[self.para_of[index]]

    def is_alone(self, index: int) -> bool:
        """The sentence is a whole paragraph (a line of its own: heading, caption, byline)."""
        first, last = self.paragraph_of(index)
        return first == last


def _assign(orphans: list[Orphan], sentences: Sequence[Sentence], first: int, last: int, out: list[list[Orphan]]):
    for orphan in orphans:
        for k in range(first, last + 1):
            if sentences[k].start <= orphan.pos < sentences[k].end:
                out[k].append(orphan)
                break


def build_view(document: Document, sentences: Sequence[Sentence], lang: str) -> DocView:
    paragraphs: list[tuple[int, int]] = []
    para_of: list[int] = []
    for k, s in enumerate(sentences):
        if paragraphs and sentences[paragraphs[-1][0]].para_id == s.para_id:
            paragraphs[-1] = (paragraphs[-1][0], k)
        else:
            paragraphs.append((k, k))
        para_of.append(len(paragraphs) - 1)
    return DocView(paragraphs, para_of, sentences, document.text, lang)


def _orphans(view: DocView, quotes: bool) -> list[list[Orphan]]:
    """The quotes (or brackets) of every paragraph with no partner, paired across the lines of a block, then
    assigned to their sentences. The bracket scan sets ``view.symbol_brackets``."""
    sentences, text, lang = view.sentences, view.text, view.lang
    if len(sentences) == 1:  # a table row: one paragraph, nothing to pair across lines (the same as below)
        symbols: set[int] = set()
        found = _one_sentence_orphans(text, sentences[0], lang, quotes, symbols)
        if not quotes:
            view.symbol_brackets = frozenset(symbols)
        return [found]
    return _walk_orphans(view, quotes)


def _one_sentence_orphans(text: str, sentence: Sentence, lang: str, quotes: bool, symbols: set[int]) -> list[Orphan]:
    """:func:`_orphans` of a document of one sentence (a table's row), which is its one paragraph: the quotes (or
    brackets) of the sentence with no partner, as :func:`_walk_orphans` finds them; the bracket scan adds the
    positions of the brackets named as symbols to ``symbols``."""
    start, end = sentence.start, sentence.end
    if quotes:
        return [q for q in quote_orphans(text, start, end, lang, None) if q.kind == "unclosed"]
    return [b for b in bracket_orphans(text, start, end, symbols) if not (b.kind == "open-at-end" and b.pos == start)]


def _walk_orphans(view: DocView, quotes: bool) -> list[list[Orphan]]:
    """:func:`_orphans`, paragraph by paragraph."""
    sentences, paragraphs, text, lang = view.sentences, view.paragraphs, view.text, view.lang
    out: list[list[Orphan]] = [[] for _ in sentences]
    per_paragraph: list[list[Orphan]] = []
    still_open: list[Orphan] = []  # still open at the end of the lines above, in this block
    symbols = set()
    if quotes:
        def partners(a: str, b: str) -> bool:
            return QUOTE_FAMILY.get(a) == QUOTE_FAMILY.get(b)
    else:
        def partners(a: str, b: str) -> bool:
            return BRACKETS.get(a) == b
    for n, (first, last) in enumerate(paragraphs):
        start, end = sentences[first].start, sentences[last].end
        if quotes:
            next_start = sentences[paragraphs[n + 1][0]].start if n + 1 < len(paragraphs) else None
            per_paragraph.append(quote_orphans(text, start, end, lang, next_start))
        else:
            per_paragraph.append(bracket_orphans(text, start, end, symbols))
        if n > 0 and "\n\n" in text[sentences[paragraphs[n - 1][1]].end : start].replace(" ", ""):
            still_open = []  # a blank line ends a block of lines
        # lines with no blank line between them may be one hard-wrapped paragraph
        _pair_across_lines(still_open, per_paragraph[n], partners)
        still_open += [o for o in per_paragraph[n] if o.kind == "open-at-end"]
    for n, (first, last) in enumerate(paragraphs):
        if quotes:
            found = [q for q in per_paragraph[n] if not q.paired]
            if len(paragraphs) == 1:
                # one paragraph may be one segment of a longer text (a table row, an XLIFF unit): a quotation
                # may open before it or close after it, so only a quotation opened twice is evidence
                found = [q for q in found if q.kind == "unclosed"]
        else:
            found = [b for b in per_paragraph[n] if not b.paired]
            if len(paragraphs) == 1 and sentences:
                # ... and a parenthesis it opens first thing may close after it: "(503 долл. США;", "(Chi Existe ..."
                found = [b for b in found if not (b.kind == "open-at-end" and b.pos == sentences[0].start)]
        _assign(found, sentences, first, last, out)
    if not quotes:
        view.symbol_brackets = frozenset(symbols)
    return out


def _pair_across_lines(still_open: list[Orphan], line: list[Orphan], partners) -> None:
    """A mark left open on an earlier line of the block and the unopened mark that closes it on this
    line are partners: both leave ``still_open`` and ``line`` (in place), and the earlier line's list."""
    while still_open and line and line[0].kind == "unopened" and partners(still_open[-1].char, line[0].char):
        still_open.pop().paired = True
        line.pop(0)




_CACHE: OrderedDict[tuple[int, int, str], tuple[Document, Sequence[Sentence], DocView]] = OrderedDict()
_CACHE_SIZE = 8
_CACHE_LOCK = threading.Lock()
_LAST: tuple[Document, Sequence[Sentence], str, DocView] | None = None


def doc_view(ctx: RuleContext) -> DocView:
    """The :class:`DocView` of the context's document (computed once, then cached)."""
    last = _LAST  # the document every rule of this sentence asks about: no lock, no hashing
    if last is not None and last[0] is ctx.document and last[1] is ctx.sentences and last[2] == ctx.doc_lang:
        return last[3]
    if len(ctx.sentences) == 1:
        # a table's row: its rules ask in turn (the last view answers them); none asks again once the next row's
        # view is built, so it is not kept in the cache (a thread that finds another row's view last builds its own
        # again: a view is a function of the document alone)
        view = build_view(ctx.document, ctx.sentences, ctx.doc_lang)
        _remember(ctx, view)
        return view
    key = (id(ctx.document), id(ctx.sentences), ctx.doc_lang)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ctx.document and entry[1] is ctx.sentences:
            _CACHE.move_to_end(key)
            _remember(ctx, entry[2])
            return entry[2]
    view = build_view(ctx.document, ctx.sentences, ctx.doc_lang)
    with _CACHE_LOCK:
        _CACHE[key] = (ctx.document, ctx.sentences, view)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    _remember(ctx, view)
    return view


@lru_cache(maxsize=64)
def _marks_of(lang: str):
    """The pattern of ``lang``'s double quotes (:func:`translate_cmp.rules.pairing.quote_orphans` scans for them)."""
    return _quote_marks(frozenset(language(lang).quote_roles))


def sentence_quote_orphans(ctx: RuleContext) -> list[Orphan]:
    """``doc_view(ctx).quote_orphans[ctx.index]``, without the document's scan when the sentence has no quotation
    mark of the language (an orphan is one of its marks: most rows of a table have none)."""
    s = ctx.sentence
    if _marks_of(ctx.doc_lang).search(ctx.document.text, s.start, s.end) is None:
        return []
    if len(ctx.sentences) == 1:  # a table's row: its scan without a view (the view's own, where it has one)
        return _one_sentence_orphans(ctx.document.text, s, ctx.doc_lang, True, set())
    return doc_view(ctx).quote_orphans[ctx.index]


def sentence_bracket_orphans(ctx: RuleContext) -> list[Orphan]:
    """``doc_view(ctx).bracket_orphans[ctx.index]``, without the document's scan when the sentence has no bracket
    (an orphan is one of its brackets)."""
    s = ctx.sentence
    if _BRACKET_MARK.search(ctx.document.text, s.start, s.end) is None:
        return []
    if len(ctx.sentences) == 1:  # a table's row: its scan without a view (S106 asks a view for the symbols, rarely)
        return _one_sentence_orphans(ctx.document.text, s, ctx.doc_lang, False, set())
    return doc_view(ctx).bracket_orphans[ctx.index]


def _remember(ctx: RuleContext, view: DocView) -> None:
    global _LAST
    _LAST = (ctx.document, ctx.sentences, ctx.doc_lang, view)  # one assignment: threads see old or new, whole
