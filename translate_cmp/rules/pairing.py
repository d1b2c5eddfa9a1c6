"""Quotes and brackets with no partner in their paragraph, under each language's quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
        if (ch not in BRACKETS and ch not in _BRACKET_CLOSERS) or i in skip:
            continue
        if ch in "()" and text[max(start, i - 2) : i].endswith((":", ";", ":-", ";-", "=")):
            continue  # emoticon
        if ch in BRACKETS:
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
