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
from functools import cached_property

from translate_cmp.records import Document, Sentence
from translate_cmp.rules.base import RuleContext
from translate_cmp.rules.pairing import BRACKETS, QUOTE_FAMILY, Orphan, bracket_orphans, quote_orphans
from translate_cmp.rules.text import AFTER_LOWER_THE, WORD, is_title, starts_clause, title_chain


@dataclass
class DocView:
    """Facts about one document that several rules share."""

    paragraphs: list[tuple[int, int]]  # (first, last) sentence index of each paragraph, inclusive
    para_of: list[int]  # paragraph number (index into ``paragraphs``) of each sentence
    sentences: Sequence[Sentence] = ()  # the document's sentences, that the word facts below are read from
    quote_orphans: list[list[Orphan]] = field(default_factory=list)  # per sentence
    bracket_orphans: list[list[Orphan]] = field(default_factory=list)  # per sentence
    symbol_brackets: frozenset[int] = frozenset()  # document offsets of brackets named as symbols ("ESC ( B")
    memo: dict[str, object] = field(default_factory=dict)  # per-rule results for the whole document

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
            for m in WORD.finditer(s.text):
                word = m.group()
                if not word.islower() and is_title(word) and not starts_clause(s.text, m.start()):
                    title_mid[word] += 1
        return title_mid

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

    view = DocView(paragraphs, para_of, sentences)
    view.quote_orphans = [[] for _ in sentences]
    view.bracket_orphans = [[] for _ in sentences]
    text = document.text
    quotes: list[list[Orphan]] = []
    brackets: list[list[Orphan]] = []
    open_quotes: list[Orphan] = []  # still open at the end of the lines above, in this block
    open_brackets: list[Orphan] = []
    symbols: set[int] = set()
    for n, (first, last) in enumerate(paragraphs):
        start, end = sentences[first].start, sentences[last].end
        next_start = sentences[paragraphs[n + 1][0]].start if n + 1 < len(paragraphs) else None
        quotes.append(quote_orphans(text, start, end, lang, next_start))
        brackets.append(bracket_orphans(text, start, end, symbols))
        if n > 0 and "\n\n" in text[sentences[paragraphs[n - 1][1]].end : start].replace(" ", ""):
            open_quotes, open_brackets = [], []  # a blank line ends a block of lines
        # lines with no blank line between them may be one hard-wrapped paragraph
        _pair_across_lines(open_quotes, quotes[n], lambda a, b: QUOTE_FAMILY.get(a) == QUOTE_FAMILY.get(b))
        _pair_across_lines(open_brackets, brackets[n], lambda a, b: BRACKETS.get(a) == b)
        open_quotes += [q for q in quotes[n] if q.kind == "open-at-end"]
        open_brackets += [b for b in brackets[n] if b.kind == "open-at-end"]
    for n, (first, last) in enumerate(paragraphs):
        found = [q for q in quotes[n] if not q.paired]
        if len(paragraphs) == 1:
            # one paragraph may be one segment of a longer text (a table row, an XLIFF unit): a quotation
            # may open before it or close after it, so only a quotation opened twice is evidence
            found = [q for q in found if q.kind == "unclosed"]
        kept = [b for b in brackets[n] if not b.paired]
        if len(paragraphs) == 1 and sentences:
            # ... and a parenthesis it opens first thing may close after it: "(503 долл. США;", "(Chi Existe ..."
            kept = [b for b in kept if not (b.kind == "open-at-end" and b.pos == sentences[0].start)]
        _assign(found, sentences, first, last, view.quote_orphans)
        _assign(kept, sentences, first, last, view.bracket_orphans)
    view.symbol_brackets = frozenset(symbols)
    return view


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


def _remember(ctx: RuleContext, view: DocView) -> None:
    global _LAST
    _LAST = (ctx.document, ctx.sentences, ctx.doc_lang, view)  # one assignment: threads see old or new, whole
