"""What the surface rules need to know about a whole document, computed once per document.

A :class:`DocView` holds the paragraphs (runs of sentences with the same ``para_id``), the words
the document writes in lower case and in Title case, and the quotes and brackets that have no
partner in their paragraph. Rules get it with :func:`doc_view`, which caches the last few
documents by identity (the cache holds references, so an identity can never be reused while its
entry lives).
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from translate_cmp.lang.profile import CLOSE, EITHER, OPEN, language
from translate_cmp.records import Document, Sentence
from translate_cmp.rules.base import Hit, Rule, RuleContext

# A word: letters, optionally joined by apostrophes ("Macron’s", "don't"); digits and "_" excluded.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")

OPENING_PUNCT = "“‘«„‹([{¿¡"
CLOSING_PUNCT = "”’»›)]}"
CLAUSE_END = ".!?…:;•·–—"


def is_title(word: str) -> bool:
    """``Word``: an upper-case letter, then at least one letter, all lower-case."""
    return len(word) >= 2 and word[0].isupper() and word[1:].islower()


def is_lower(word: str) -> bool:
    return word[:1].islower()


def starts_clause(text: str, pos: int) -> bool:
    """Whether a word at ``text[pos]`` may start with a capital: sentence start, or after an
    opening quote or bracket, a bullet, a dash, or punctuation that ends a clause."""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0:
        return True
    ch = text[j]
    if ch == '"':
        if j == 0 or text[j - 1].isspace() or text[j - 1] in OPENING_PUNCT:
            return True  # an opening straight quote
        ch = "”"
    if ch in OPENING_PUNCT or ch in CLAUSE_END or ch in "-*/|>":
        return True
    if ch in ")]":
        opener = _matching_opener(text, j)
        if opener is not None and starts_clause(text, opener):
            return True  # after a dateline or a bracket that starts the sentence: "(AFP) The ..."
    if ch in CLOSING_PUNCT:
        while j >= 0 and (text[j] in CLOSING_PUNCT or text[j] == '"'):
            j -= 1
        return j < 0 or text[j] in CLAUSE_END
    return False


def _matching_opener(text: str, close: int) -> int | None:
    """Position of the bracket that ``text[close]`` closes, or None."""
    pair = {")": "(", "]": "["}[text[close]]
    depth = 0
    for j in range(close, -1, -1):
        if text[j] == text[close]:
            depth += 1
        elif text[j] == pair:
            depth -= 1
            if depth == 0:
                return j
    return None


def previous_word(text: str, pos: int) -> re.Match[str] | None:
    """The word just before ``pos``, looking through spaces, commas and closing quotes/brackets."""
    j = pos - 1
    while j >= 0 and (text[j].isspace() or text[j] in ",”’»)]\""):
        j -= 1
    if j < 0 or not (text[j].isalpha()):
        return None
    end = j + 1
    while j >= 0 and (text[j].isalpha() or text[j] in "'’"):
        j -= 1
    return WORD.match(text, j + 1, end) if j + 1 < end else None


def next_word(text: str, pos: int) -> re.Match[str] | None:
    """The word that starts right after ``pos`` (spaces skipped, nothing else)."""
    j = pos
    while j < len(text) and text[j].isspace():
        j += 1
    return WORD.match(text, j)


_TITLE_CHAIN = re.compile(r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*)*")
_AFTER_LOWER_THE = re.compile(r"\bthe (?=[A-Z])")


def title_chain(text: str, pos: int) -> str:
    """The run of capitalised words starting at ``pos`` ("United States" in "United States (9%)")."""
    m = _TITLE_CHAIN.match(text, pos)
    return m.group().rstrip(".,;:") if m else ""


def merge_hits(hits: Sequence[Hit], gap: int = 0) -> list[Hit]:
    """Overlapping (or within ``gap`` characters) hits of one rule become one; first message kept."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if out and hit.start <= out[-1].end + gap:
            last = out[-1]
            out[-1] = Hit(last.start, max(last.end, hit.end), last.message)
        else:
            out.append(hit)
    return out


# --- quotes and brackets -------------------------------------------------------------------------

_FAMILY = {"“": "d", "”": "d", "„": "d", '"': "d", "«": "g", "»": "g"}
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_CLOSERS = {v: k for k, v in _BRACKETS.items()}


@dataclass
class Orphan:
    """A quote or bracket without a partner; ``pos`` is a document offset."""

    pos: int
    char: str
    kind: str  # "unopened"; "unclosed" (another quotation opened first); "open-at-end" (of the paragraph)
    paired: bool = False  # closed on a later line of the same block (a hard-wrapped paragraph)


def _quote_role(text: str, i: int, table: dict[str, str], is_open: bool) -> str:
    ch = text[i]
    role = table[ch]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        # glued between two words ("conflict“Words", "it”said"): the glyph cannot be trusted
        return CLOSE if is_open else OPEN
    if role != EITHER:
        return role
    # a straight quote: an opening quote is glued to what it opens, a closing one to what it closes
    opens_before = before.isspace() or before in OPENING_PUNCT or before in "-–—/"
    starts_word = after.isalnum() or after in OPENING_PUNCT or after == "…" or text.startswith("...", i + 1)
    if opens_before and starts_word:
        return OPEN
    if not after.isspace() and (after in ".,;:!?)]}" or after in CLOSING_PUNCT):
        return CLOSE  # '. ".' is a closing quote with a stray space before it
    if after.isspace() and not opens_before:
        return CLOSE
    if opens_before and after.isspace():
        # stands alone: at the start of a paragraph it closes a quotation from before ('" said Fang')
        return CLOSE if is_open or i == 0 or text[i - 1] == "\n" else OPEN
    return CLOSE if is_open else OPEN


def quote_orphans(text: str, start: int, end: int, lang: str, next_para_start: int | None) -> list[Orphan]:
    """Double quotes in ``text[start:end]`` (one paragraph) that have no partner.

    Straight quotes get a role from their neighbours; a quote glued between two words takes the
    role that balances. Quotes of one family do not nest in English, so an opening quote while one
    is open leaves the first unclosed. A quote still open at the end of the paragraph is fine when
    the next paragraph starts with an opening quote (the convention for a quotation running over
    several paragraphs).
    """
    table = language(lang).quote_roles
    stack: list[tuple[int, str]] = []
    orphans: list[Orphan] = []
    for i in range(start, end):
        ch = text[i]
        if ch not in table:
            continue
        family = _FAMILY[ch]
        is_open = bool(stack) and stack[-1][1] == family
        role = _quote_role(text, i, table, is_open)
        if role == OPEN:
            if is_open:
                orphans.append(Orphan(stack[-1][0], text[stack[-1][0]], "unclosed"))
                stack.pop()
            stack.append((i, family))
        elif stack:
            if stack[-1][1] != family and any(f == family for _, f in stack):
                while stack[-1][1] != family:
                    pos, _ = stack.pop()
                    orphans.append(Orphan(pos, text[pos], "unclosed"))
            stack.pop()
        else:
            orphans.append(Orphan(i, ch, "unopened"))
    if stack:
        continued = False
        if next_para_start is not None and next_para_start < len(text):
            first = text[next_para_start]
            continued = first in table and _quote_role(text, next_para_start, table, False) == OPEN
        if not continued:
            orphans.extend(Orphan(pos, text[pos], "open-at-end") for pos, _ in stack)
    return sorted(orphans, key=lambda o: o.pos)


# A quotation on one line: „...“ or „...” (German, Dutch), “...”, «...», »...« and "...".
_QUOTATION = re.compile(r'„[^“”„\n]*[“”]|“[^“”\n]*”|«[^«»\n]*»|»[^«»\n]*«|"[^"\n]*"')


def quotations(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every quotation in ``text``, its marks included (one line each, not nested)."""
    return [m.span() for m in _QUOTATION.finditer(text)]


_LIST_MARKER = re.compile(r"(?:^|[\s(])(?:\d{1,2}|[A-Za-z]|[ivxIVX]{2,4})$")


def bracket_orphans(text: str, start: int, end: int) -> list[Orphan]:
    """Round, square and curly brackets in ``text[start:end]`` (one paragraph) without a partner.

    Not counted: list markers ("1)", "a)", "iv)") and emoticons (":)", ";-(").
    """
    stack: list[int] = []
    orphans: list[Orphan] = []
    skip = {p for m in _INTERVAL.finditer(text, start, end) for p in (m.start(), m.end() - 1)}  # "[start, end)"
    for i in range(start, end):
        ch = text[i]
        if (ch not in _BRACKETS and ch not in _BRACKET_CLOSERS) or i in skip:
            continue
        if ch in "()" and text[max(start, i - 2) : i].endswith((":", ";", ":-", ";-", "=")):
            continue  # emoticon
        if ch in _BRACKETS:
            stack.append(i)
            continue
        if stack and text[stack[-1]] == _BRACKET_CLOSERS[ch]:
            stack.pop()
        elif stack and any(text[p] == _BRACKET_CLOSERS[ch] for p in stack):
            while text[stack[-1]] != _BRACKET_CLOSERS[ch]:
                pos = stack.pop()
                orphans.append(Orphan(pos, text[pos], "unclosed"))
            stack.pop()
        elif not _LIST_MARKER.search(text[max(start, i - 5) : i]):
            orphans.append(Orphan(i, ch, "unopened"))
    orphans.extend(Orphan(pos, text[pos], "open-at-end") for pos in stack)
    return sorted(orphans, key=lambda o: o.pos)


# --- the per-document view -----------------------------------------------------------------------


@dataclass
class DocView:
    """Facts about one document that several rules share."""

    paragraphs: list[tuple[int, int]]  # (first, last) sentence index of each paragraph, inclusive
    para_of: list[int]  # paragraph number (index into ``paragraphs``) of each sentence
    lower_words: frozenset[str]  # words written entirely in lower case somewhere
    title_mid: Counter[str]  # Title-case words where no clause starts, with their counts
    after_the: frozenset[str] = frozenset()  # capitalised names written after a lower-case "the"
    quote_orphans: list[list[Orphan]] = field(default_factory=list)  # per sentence
    bracket_orphans: list[list[Orphan]] = field(default_factory=list)  # per sentence
    memo: dict[str, object] = field(default_factory=dict)  # per-rule results for the whole document

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

    lower: set[str] = set()
    title_mid: Counter[str] = Counter()
    for s in sentences:
        for m in WORD.finditer(s.text):
            word = m.group()
            if word.islower():
                lower.add(word)
            elif is_title(word) and not starts_clause(s.text, m.start()):
                title_mid[word] += 1

    after_the = {title_chain(s.text, m.end()) for s in sentences for m in _AFTER_LOWER_THE.finditer(s.text)}
    view = DocView(paragraphs, para_of, frozenset(lower), title_mid, frozenset(after_the))
    view.quote_orphans = [[] for _ in sentences]
    view.bracket_orphans = [[] for _ in sentences]
    text = document.text
    quotes: list[list[Orphan]] = []
    brackets: list[list[Orphan]] = []
    open_quotes: list[Orphan] = []  # still open at the end of the lines above, in this block
    open_brackets: list[Orphan] = []
    for n, (first, last) in enumerate(paragraphs):
        start, end = sentences[first].start, sentences[last].end
        next_start = sentences[paragraphs[n + 1][0]].start if n + 1 < len(paragraphs) else None
        quotes.append(quote_orphans(text, start, end, lang, next_start))
        brackets.append(bracket_orphans(text, start, end))
        if n > 0 and "\n\n" in text[sentences[paragraphs[n - 1][1]].end : start].replace(" ", ""):
            open_quotes, open_brackets = [], []  # a blank line ends a block of lines
        # lines with no blank line between them may be one hard-wrapped paragraph
        _pair_across_lines(open_quotes, quotes[n], lambda a, b: _FAMILY.get(a) == _FAMILY.get(b))
        _pair_across_lines(open_brackets, brackets[n], lambda a, b: _BRACKETS.get(a) == b)
        open_quotes += [q for q in quotes[n] if q.kind == "open-at-end"]
        open_brackets += [b for b in brackets[n] if b.kind == "open-at-end"]
    for n, (first, last) in enumerate(paragraphs):
        found = [q for q in quotes[n] if not q.paired]
        if len(paragraphs) == 1:
            # one paragraph may be one segment of a longer text (a table row, an XLIFF unit): a quotation
            # may open before it or close after it, so only a quotation opened twice is evidence
            found = [q for q in found if q.kind == "unclosed"]
        _assign(found, sentences, first, last, view.quote_orphans)
        _assign([b for b in brackets[n] if not b.paired], sentences, first, last, view.bracket_orphans)
    return view


def _pair_across_lines(still_open: list[Orphan], line: list[Orphan], partners) -> None:
    """A mark left open on an earlier line of the block and the unopened mark that closes it on this
    line are partners: both leave ``still_open`` and ``line`` (in place), and the earlier line's list."""
    while still_open and line and line[0].kind == "unopened" and partners(still_open[-1].char, line[0].char):
        still_open.pop().paired = True
        line.pop(0)


_INTERVAL = re.compile(r"\[[^\[\]()\n]{1,30},[^\[\]()\n]{1,30}\)|\([^\[\]()\n]{1,30},[^\[\]()\n]{1,30}\]")


_CACHE: OrderedDict[tuple[int, int, str], tuple[Document, Sequence[Sentence], DocView]] = OrderedDict()
_CACHE_SIZE = 8
_CACHE_LOCK = threading.Lock()


def doc_view(ctx: RuleContext) -> DocView:
    """The :class:`DocView` of the context's document (computed once, then cached)."""
    key = (id(ctx.document), id(ctx.sentences), ctx.doc_lang)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ctx.document and entry[1] is ctx.sentences:
            _CACHE.move_to_end(key)
            return entry[2]
    view = build_view(ctx.document, ctx.sentences, ctx.doc_lang)
    with _CACHE_LOCK:
        _CACHE[key] = (ctx.document, ctx.sentences, view)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return view


class SurfaceRule(Rule):
    """A rule on the text alone; :meth:`Rule.serves` says on which documents it runs."""

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        if not self.serves(ctx.doc_lang):
            return
        yield from self.find(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError
        yield
