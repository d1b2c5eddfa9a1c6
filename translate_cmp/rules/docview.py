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


_BRACKET_MARK = re.compile(r"[()\[\]{}]")
_LIST_MARKER = re.compile(r"(?:^|\W)(?:\d{1,2}|[A-Za-z]|[ivxIVX]{2,4})$")
_EMOTICON = (":", ";", ":-", ";-", "=")
# Marks that, glued to a bracket, make it part of code or of a symbol, not punctuation of the prose around it:
# "(==)", "(:)", "^[", "ESC-[", "8-)", "<info:(gcc)>", "\(em", "$(cmd".
_GLUED_BEFORE = frozenset(":;=^~\\<>|$*+-@#&%_/`!")  # a symbol just before the bracket: "=(", "^[", "8-)", ":)"
_GLUED_AFTER = frozenset("=^~\\<>|$*+@#&%_`")  # just after: "(==)", "(gcc)>"; an opener also "(:)", "(!=)"
_CODE_IN_TOKEN = frozenset("\\=^~<>|$*+@#&%_`")  # a token with one of these is code: "(valeur_1", "(\33[K)"
_MARK_QUOTES = "\"'“”‘’«»„‚‹›`「」"


def _token_bounds(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    left = pos
    while left > start and not text[left - 1].isspace():
        left -= 1
    right = pos + 1
    while right < end and not text[right].isspace():
        right += 1
    return left, right


def symbol_bracket(text: str, pos: int, start: int = 0, end: int | None = None) -> bool:
    """The bracket at ``text[pos]`` is a symbol the text names or escapes, not punctuation: a token of its own
    ("ESC ( B", "test e [ per", "'['", "“(”", "[[", "((") or escaped ("\\(em", "\\{"). Not after a full stop
    ("... 0,85). )": a stray bracket)."""
    end = len(text) if end is None else end
    if pos > start and text[pos - 1] == "\\":
        return True
    left, right = _token_bounds(text, pos, start, end)
    core = text[left:right].strip(_MARK_QUOTES + ",;:.!?").strip(_MARK_QUOTES)
    if not core or len(set(core)) != 1 or core[0] != text[pos] or len(core) > 2:
        return False
    j = left - 1
    while j >= start and text[j].isspace():
        j -= 1
    return j < start or text[j] not in ".!?"


def code_bracket(text: str, pos: int, start: int = 0, end: int | None = None) -> bool:
    """The bracket at ``text[pos]`` is part of code: glued to a symbol ("(==)", "^[", "8-)", "<info:(gcc)>"), to a
    bracket of the other direction ("[)"), or in a token with code marks ("nom=(valeur_1", "(\\33[K)")."""
    end = len(text) if end is None else end
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    opener = text[pos] in _BRACKETS
    if before in _GLUED_BEFORE or after in _GLUED_AFTER or (opener and after in ":;!"):
        return True  # not after a closer: "0,003);" and "(see below)." are prose
    if (opener and after in _BRACKET_CLOSERS) or (not opener and before in _BRACKETS):
        return True
    left, right = _token_bounds(text, pos, start, end)
    return any(ch in _CODE_IN_TOKEN for ch in text[left:right])


def _pair(text: str, positions: list[int], start: int, end: int) -> tuple[list[int], list[tuple[int, str]]]:
    """Brackets at ``positions`` matched as a stack: (the openers left open, the orphans found on the way)."""
    stack: list[int] = []
    orphans: list[tuple[int, str]] = []
    for i in positions:
        ch = text[i]
        if ch in _BRACKETS:
            stack.append(i)
            continue
        if ch == ")" and text[max(start, i - 2) : i].endswith(_EMOTICON) and not any(text[p] == "(" for p in stack):
            continue  # an emoticon, ":)", when no parenthesis is open ("getrennt (:)", "speed=)" close theirs)
        if stack and text[stack[-1]] == _BRACKET_CLOSERS[ch]:
            stack.pop()
        elif stack and any(text[p] == _BRACKET_CLOSERS[ch] for p in stack):
            while text[stack[-1]] != _BRACKET_CLOSERS[ch]:
                pos = stack.pop()
                orphans.append((pos, "unclosed"))
            stack.pop()
        elif not _LIST_MARKER.search(text[max(start, i - 5) : i]):
            orphans.append((i, "unopened"))
    return stack, orphans


def bracket_orphans(text: str, start: int, end: int, symbols: set[int] | None = None) -> list[Orphan]:
    """Round, square and curly brackets in ``text[start:end]`` (one paragraph) without a partner.

    Not counted: list markers ("1)", "a)", "iv)"), emoticons (":)", ";-(") and brackets that are symbols, not
    punctuation: named as tokens of their own or escaped (:func:`symbol_bracket`; they are matched only with an
    orphan they can close, "* ( ne pas ... précédemment)"), or part of code (:func:`code_bracket`). The positions
    of the symbol brackets are added to ``symbols``.
    """
    marks = [m.start() for m in _BRACKET_MARK.finditer(text, start, end)]
    if not marks:
        return []
    skip = {p for m in _INTERVAL.finditer(text, start, end) for p in (m.start(), m.end() - 1)}  # "[start, end)"
    marks = [i for i in marks if i not in skip]
    named = {i for i in marks if symbol_bracket(text, i, start, end)}
    stack, found = _pair(text, [i for i in marks if i not in named], start, end)
    left = [(pos, "open-at-end") for pos in stack] + found
    for pos, kind in sorted(left):
        if kind == "unopened":  # a named opener before it may be this closer's partner after all
            partner = max((i for i in named if i < pos and _BRACKETS.get(text[i]) == text[pos]), default=None)
            if partner is not None:
                named.discard(partner)
                left.remove((pos, kind))
    for pos, kind in sorted(left):
        if kind != "unopened":  # ... and a named closer after an opener left open
            partner = min((i for i in named if i > pos and _BRACKETS.get(text[pos]) == text[i]), default=None)
            if partner is not None:
                named.discard(partner)
                left.remove((pos, kind))
    if symbols is not None:
        symbols.update(named)
    orphans = [Orphan(pos, text[pos], kind) for pos, kind in left if not code_bracket(text, pos, start, end)]
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
    symbol_brackets: frozenset[int] = frozenset()  # document offsets of brackets named as symbols ("ESC ( B")
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
    symbols: set[int] = set()
    for n, (first, last) in enumerate(paragraphs):
        start, end = sentences[first].start, sentences[last].end
        next_start = sentences[paragraphs[n + 1][0]].start if n + 1 < len(paragraphs) else None
        quotes.append(quote_orphans(text, start, end, lang, next_start))
        brackets.append(bracket_orphans(text, start, end, symbols))
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
