"""The PO grammar GNU msgfmt enforces, checked before polib reads a catalogue (polib accepts far more:
an unterminated ``msgid "Hello`` became a unit whose id was cut to ``Hell``).

Checked, each a :class:`PoSyntaxError` with the line (msgfmt's wording where it has one): a string not
closed before the end of the line; an escape sequence C does not define; a line that is neither a
comment, a keyword with its string nor a continuation string; a keyword without its string; an entry
without ``msgid`` or without its ``msgstr``; ``msgstr[N]`` without ``msgid_plural`` or ``msgstr`` with
it; plural forms not numbered 0, 1, 2 ...; a message defined twice (same ``msgctxt`` and ``msgid``).
More or fewer plural forms than the header's ``nplurals`` is what ``msgfmt --check`` adds to the grammar
(plain msgfmt compiles it, and real catalogues ship with it: Django 5.2's Spanish admin): a finding of the
catalogue (Q631 plural-form-count), not a file to refuse. Obsolete entries (``#~``) are comments here,
as they are to every tool that reads translations. Linear in the file's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)")
_ESCAPES = frozenset("ntrabfv\\\"'?x01234567")


class PoSyntaxError(ValueError):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


# a line's strings that :func:`_strings_walk` accepts, as one expression: blanks, then quoted strings whose escapes
# are C's (``\\x`` with a hex digit after it), each followed by blanks; a string's plain characters read as runs
# between its escapes (a quarter quicker than one character a step, and as linear: a run ends only at a quote or
# a backslash)
_VALID_STRINGS = re.compile(r'[ \t\r\f\v]*(?:"[^"\\]*(?:\\(?:[ntrabfv\\"\'?0-7]|x[0-9a-fA-F])[^"\\]*)*"[ \t\r\f\v]*)*')
_STRING_BODY = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')


def _any_strings(text: str, pos: int, line: int) -> bool:
    """Check the strings from ``pos`` to the end of the line; whether there was one. A line the expression accepts
    (nearly every line) is blanks and whole strings, so it has one exactly where it has a quote; any other is
    walked character by character, which names the error."""
    if _VALID_STRINGS.fullmatch(text, pos):
        return text.find('"', pos) >= 0
    return _strings_walk(text, pos, line) > 0


def _strings_walk(text: str, pos: int, line: int) -> int:
    """:func:`_any_strings` one character at a time (how many strings): raises :class:`PoSyntaxError` at the
    first fault."""
    n = 0
    i, end = pos, len(text)
    while True:
        while i < end and text[i] in " \t\r\f\v":
            i += 1
        if i == end:
            return n
        if text[i] != '"':
            raise PoSyntaxError(line, f"syntax error: unexpected {text[i:i + 12]!r} (not a quoted string)")
        i += 1
        while True:
            if i == end:
                raise PoSyntaxError(line, "end-of-line within string")
            c = text[i]
            if c == '"':
                i += 1
                break
            if c == "\\":
                if i + 1 == end:
                    raise PoSyntaxError(line, "end-of-line within string")
                if text[i + 1] not in _ESCAPES:
                    raise PoSyntaxError(line, f"invalid control sequence '\\{text[i + 1]}'")
                if text[i + 1] == "x" and not (i + 2 < end and text[i + 2] in "0123456789abcdefABCDEF"):
                    raise PoSyntaxError(line, "invalid control sequence '\\x' (no hex digit)")
                i += 2
                continue
            i += 1
        n += 1


@dataclass
class _Entry:
    line: int = 0
    keys: list[tuple[str, int | None, int]] = field(default_factory=list)  # (keyword, index, line)
    kinds: set[str] = field(default_factory=set)  # the keywords in keys
    context: str | None = None
    msgid: str = ""
    header: bool = False


def _value(lines: list[str], start: int, stop: int, first_col: int) -> str:
    """The raw concatenated string content of a keyword (escapes left as written: only for identity)."""
    parts = []
    for k in range(start, stop):
        seg = lines[k][first_col:] if k == start else lines[k]
        if seg.lstrip().startswith("#"):
            continue
        parts.extend(_STRING_BODY.findall(seg))
    return "".join(parts)


def check_po(text: str) -> None:
    """Raise :class:`PoSyntaxError` at the first line msgfmt would reject (see the module docstring)."""
    lines = text.splitlines()
    entries: list[_Entry] = []
    entry: _Entry | None = None
    last_key: tuple[str, int, int] | None = None  # (keyword, line index, column after it) awaiting its strings
    values: list[tuple[_Entry, str, int, int, int]] = []  # (entry, keyword, first line, stop line, column)

    def close_key(stop: int) -> None:
        nonlocal last_key
        if last_key is not None and entry is not None:
            values.append((entry, last_key[0], last_key[1], stop, last_key[2]))
        last_key = None

    for idx, raw in enumerate(lines):
        lineno = idx + 1
        first = raw[:1]  # nearly every line starts with its quote, "#" or a keyword: no copy stripped of blanks
        if first == "#":
            continue
        if first == '"' or first != "m" and (stripped := raw.strip()).startswith('"'):
            if last_key is None:
                raise PoSyntaxError(lineno, "syntax error: a string with no keyword before it")
            _any_strings(raw, raw.index('"'), lineno)
            continue
        if first != "m" and (not stripped or stripped.startswith("#")):
            continue  # as msgfmt's lexer: a string after a blank line or comment still continues its keyword
        lead = 0 if first == "m" else len(raw) - len(raw.lstrip())
        m = _KEYWORD.match(raw, lead)
        if not m:
            stripped = raw.strip()
            word = stripped.split()[0]
            raise PoSyntaxError(lineno, f"keyword {word[:30]!r} unknown" if word[:1].isalpha() else
                                f"syntax error: unexpected {stripped[:12]!r}")
        close_key(idx)
        keyword, index = m.group(1), m.group(2)
        if not _any_strings(raw, m.end(), lineno) and not (
                idx + 1 < len(lines) and lines[idx + 1].lstrip().startswith('"')):  # nor continued on the next line
            raise PoSyntaxError(lineno, f"missing string after '{keyword}'")
        if keyword in ("msgctxt", "msgid") and (entry is None or "msgid" in entry.kinds
                                                or "msgctxt" in entry.kinds and keyword == "msgctxt"):
            if entry is not None:
                _finish(entry)
            entry = _Entry(line=lineno)
            entries.append(entry)
        elif entry is None:
            raise PoSyntaxError(lineno, f"syntax error: '{keyword}' before any 'msgid'")
        if keyword in ("msgid_plural", "msgstr") and "msgid" not in entry.kinds:
            raise PoSyntaxError(lineno, f"syntax error: '{keyword}' without a 'msgid' before it")
        if keyword != "msgstr" and index is not None:
            raise PoSyntaxError(lineno, f"syntax error: '{keyword}[{index}]' (only msgstr has an index)")
        entry.keys.append((keyword, int(index) if index is not None else None, lineno))
        entry.kinds.add(keyword)
        last_key = (keyword, idx, m.end())
    close_key(len(lines))
    if entry is not None:
        _finish(entry)
    for e, keyword, start, stop, col in values:
        if keyword == "msgctxt":
            e.context = _value(lines, start, stop, col)
        elif keyword == "msgid":
            e.msgid = _value(lines, start, stop, col)
    _check_catalogue(entries)


def _finish(entry: _Entry) -> None:
    keys = [k for k, _, _ in entry.keys]
    if "msgid" not in keys:
        raise PoSyntaxError(entry.line, "missing 'msgid' section")
    plural = "msgid_plural" in keys
    forms = [(i, line) for k, i, line in entry.keys if k == "msgstr"]
    if not forms:
        raise PoSyntaxError(entry.line, "missing 'msgstr[]' section" if plural else "missing 'msgstr' section")
    for k in ("msgctxt", "msgid", "msgid_plural"):
        if keys.count(k) > 1:
            line = [ln for kk, _, ln in entry.keys if kk == k][1]
            raise PoSyntaxError(line, f"syntax error: '{k}' twice in one entry")
    if not plural:
        for i, line in forms:
            if i is not None:
                raise PoSyntaxError(line, "syntax error: 'msgstr[N]' in a message without 'msgid_plural'")
        if len(forms) > 1:
            raise PoSyntaxError(forms[1][1], "syntax error: 'msgstr' twice in one entry")
        return
    for expected, (i, line) in enumerate(forms):
        if i is None:
            raise PoSyntaxError(line, "missing 'msgstr[]' section: a message with 'msgid_plural' needs msgstr[0], ...")
        if i != expected:
            raise PoSyntaxError(line, f"plural form has wrong index: msgstr[{i}] where msgstr[{expected}] belongs")


def _check_catalogue(entries: list[_Entry]) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for e in entries:
        key = (e.context, e.msgid)
        if key in seen:
            raise PoSyntaxError(e.line, f"duplicate message definition (first defined at line {seen[key]})")
        seen[key] = e.line
