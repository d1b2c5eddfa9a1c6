"""Quotes and brackets with no partner in their paragraph, under each language's quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from translate_cmp.lang.profile import CLOSE, EITHER, OPEN, language
from translate_cmp.rules.text import CLOSING_PUNCT, OPENING_PUNCT

QUOTE_FAMILY = {"“": "d", "”": "d", "„": "d", '"': "d", "«": "g", "»": "g"}
BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_CLOSERS = {v: k for k, v in BRACKETS.items()}


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


@lru_cache(maxsize=64)
def _quote_marks(chars: frozenset[str]) -> re.Pattern[str]:
    """One character class of a language's double quotes."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


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
    for found in _quote_marks(frozenset(table)).finditer(text, start, end):  # only the quotes: most rows have none
        i = found.start()
        ch = text[i]
        family = QUOTE_FAMILY[ch]
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


_INTERVAL = re.compile(r"\[[^\[\]()\n]{1,30},[^\[\]()\n]{1,30}\)|\([^\[\]()\n]{1,30},[^\[\]()\n]{1,30}\]")
_BRACKET_MARK = re.compile(r"[()\[\]{}]")
# a text whose only brackets are one "(" and, after it, one ")": group 1 is what they hold
_ONE_PARENTHESIS = re.compile(r"[^()\[\]{}]*\(([^()\[\]{}]*)\)[^()\[\]{}]*", re.DOTALL)
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
    if (pos + 1 < end and text[pos + 1].isalnum()) or (pos > start and text[pos - 1].isalnum()):
        return False  # a letter or digit glued to it ("(3)", "f(x"): in its token's core, which is then no symbol
    return _symbol_token(text, pos, start, end)


def _symbol_token(text: str, pos: int, start: int, end: int) -> bool:
    """:func:`symbol_bracket` of a bracket not escaped, the long way: its token's core is the bracket alone."""
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
    opener = text[pos] in BRACKETS
    if before in _GLUED_BEFORE or after in _GLUED_AFTER or (opener and after in ":;!"):
        return True  # not after a closer: "0,003);" and "(see below)." are prose
    if (opener and after in _BRACKET_CLOSERS) or (not opener and before in BRACKETS):
        return True
    left, right = _token_bounds(text, pos, start, end)
    return any(ch in _CODE_IN_TOKEN for ch in text[left:right])


def _pair(text: str, positions: list[int], start: int, end: int) -> tuple[list[int], list[tuple[int, str]]]:
    """Brackets at ``positions`` matched as a stack: (the openers left open, the orphans found on the way)."""
    stack: list[int] = []
    orphans: list[tuple[int, str]] = []
    for i in positions:
        ch = text[i]
        if ch in BRACKETS:
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
    pair = _ONE_PARENTHESIS.fullmatch(text, start, end)  # (the commonest case, one scan: no match objects a bracket)
    marks = [pair.start(1) - 1, pair.end(1)] if pair is not None else [
        m.start() for m in _BRACKET_MARK.finditer(text, start, end)]
    if not marks:
        return []
    if len(marks) == 2 and text[marks[0]] == "(" and text[marks[1]] == ")":
        # one parenthesis, closed ("... (3)."): a pair, unless one of the two is a symbol and the other not
        # (the long way below); both symbols: a pair of symbols
        i, j = marks
        if text[j - 1].isalnum() and i + 1 < end and text[i + 1].isalnum() and not (i > start and text[i - 1] == "\\"):
            return []  # "(word)": symbol_bracket's first tests, asked here: glued to a word inside, neither is a symbol
        named = [symbol_bracket(text, i, start, end) for i in marks]
        if named[0] == named[1]:
            if named[0] and symbols is not None:
                symbols.update(marks)
            return []
    return _walk_brackets(text, marks, start, end, symbols)


def _walk_brackets(text: str, marks: list[int], start: int, end: int, symbols: set[int] | None) -> list[Orphan]:
    """:func:`bracket_orphans` of the brackets at ``marks``, the long way."""
    skip = {p for m in _INTERVAL.finditer(text, start, end) for p in (m.start(), m.end() - 1)}  # "[start, end)"
    marks = [i for i in marks if i not in skip]
    named = {i for i in marks if symbol_bracket(text, i, start, end)}
    stack, found = _pair(text, [i for i in marks if i not in named], start, end)
    left = [(pos, "open-at-end") for pos in stack] + found
    for pos, kind in sorted(left):
        if kind == "unopened":  # a named opener before it may be this closer's partner after all
            partner = max((i for i in named if i < pos and BRACKETS.get(text[i]) == text[pos]), default=None)
            if partner is not None:
                named.discard(partner)
                left.remove((pos, kind))
    for pos, kind in sorted(left):
        if kind != "unopened":  # ... and a named closer after an opener left open
            partner = min((i for i in named if i > pos and BRACKETS.get(text[pos]) == text[i]), default=None)
            if partner is not None:
                named.discard(partner)
                left.remove((pos, kind))
    if symbols is not None:
        symbols.update(named)
    orphans = [Orphan(pos, text[pos], kind) for pos, kind in left if not code_bracket(text, pos, start, end)]
    return sorted(orphans, key=lambda o: o.pos)


# A quotation on one line: „...“ or „...” (German, Dutch), “...”, «...», »...« and "...".
_QUOTATION = re.compile(r'„[^“”„\n]*[“”]|“[^“”\n]*”|«[^«»\n]*»|»[^«»\n]*«|"[^"\n]*"')


def quotations(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every quotation in ``text``, its marks included (one line each, not nested)."""
    if not ('"' in text or "“" in text or "«" in text or "»" in text or "„" in text):
        return []  # no mark a quotation opens with (most sentences): told by five searches in C, not the scan
    return [m.span() for m in _QUOTATION.finditer(text)]
