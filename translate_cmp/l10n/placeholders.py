"""Inline markup and format placeholders: found, compared, masked before an engine and restored after.

Protected, by style (the names :data:`STYLES` lists, which ``QaOptions.variables`` selects):

- ``printf``: C/POSIX/Python conversions (``%s``, ``%d``, ``%.2f``, ``%'d``, ``%1$s``, ``%(name)s``, ``%%``);
- ``brace``: Python/.NET/Java braces (``{0}``, ``{name}``, ``{}``, ``{0:>10}``, ``{0:N2}``, ``{0,-10}``); a lone
  ``{{``/``}}`` is an escape, not a placeholder;
- ``icu``: the head of an ICU MessageFormat / Java MessageFormat argument (``{count, plural,``, ``{0,number,``),
  compared as ``{count,plural}``; the branches' text is translated (Q628 compares their structure);
- ``fluent``: Fluent placeables (``{ $name }``, ``{ -brand-name }``, ``{ NUMBER($n) }``);
- ``double-brace``: i18next/Handlebars/Angular ``{{name}}``; ``ruby``: Ruby/Rails ``%{name}``;
- ``qt``: Qt ``%1``..``%99`` (``%L1``); ``hash``: ``#1``; ``at``: autoconf ``@VAR@``;
- ``entity``: Mozilla DTD entities (``&brandShortName;``; the HTML character entities ``&amp;``, ``&nbsp;``
  ... are text, which a translator may write as the character);
- ``tag``: HTML/XML tags and the XLIFF/TMX inline elements the readers render as ``<g id="1">``,
  ``<x id="2"/>``, ``<ph id="1"/>``, ``<pc>``, ``<bx/>``, ``<ex/>``.

``% d`` (a space) is not a placeholder: French writes "50 % de". A pseudo-tag -- an opening tag with no
attributes, no closing partner and not an empty element (``<Error>``, ``<filename>``, git's ``<pathspec>``) --
is a word in angle brackets that a translator translates (``<Fout>``): it is masked like a tag but never compared
(:func:`keys`).

Masking replaces each one with ``__PH<n>__``, which the engines pass through as an unknown word (measured:
Apertium eng-spa and spa-eng keep it, in place or moved with its phrase); restoring puts the original back.
A mask the engine dropped stays dropped, so the placeholder rule (C506) sees the loss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# printf; not "%NAME%", a capitalised word closed by a per-cent sign: a variable of another syntax (csplit's
# "%REGEXP%" pattern, Windows' "%PATH%"), whose first letter is no conversion ("%EXP_RAT%" is not "%E"); nor a
# per-cent sign joined by a hyphen to a word of four letters or more (Dutch "een enkel %-teken", German
# "%-Zeichen"): no conversion spells a word after a bare "-" flag ("%-lld" has three letters), so "%-te" + "ken"
# is prose, not the conversion "%-te" (a conversion glued to a word keeps its own form: "%s-bestand")
_PRINTF = (r"%(?![A-Z][A-Z0-9_]+%)(?!-[^\W\d_]{4})(?:\d+\$)?"
           r"(?:\([^()\s]{1,64}\))?[-+#0'I]*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?"
           r"(?:(?:hh|h|ll|l|L|q|z|j|t|I64|I32)?[diouxXeEfFgGaAcrsSpn%]"
           r"|<PRI[diouxX](?:8|16|32|64|MAX|PTR|FAST\d+|LEAST\d+)>)")  # GNU gettext's "%<PRIdMAX>" (ISO C99 macros)
_BRACE = (r"\{[A-Za-z_0-9]{0,64}(?:[.\[][A-Za-z_0-9.\[\]]{1,64})?(?:,\s*-?\d{1,3})?(?:![rsa])?"
          r"(?::[^{}\n]{0,32})?\}")
_ICU = (r"\{\s*[A-Za-z_0-9][\w]{0,63}\s*,\s*(?:plural|select|selectordinal|number|date|time|choice|duration|"
        r"spellout|ordinal)\s*[,}]")
_FLUENT = r"\{\s*(?:\$[A-Za-z][\w-]{0,63}|-[A-Za-z][\w-]{0,63}|[A-Z]{2,16}\([^{}()]{0,100}\))\s*\}"
_DOUBLE_BRACE = r"\{\{\s*[A-Za-z_$][\w.$-]{0,63}\s*\}\}"
_RUBY = r"%\{[A-Za-z_][\w.]{0,63}\}"
_QT = r"%L?[1-9]\d?(?![\d$])"
_HASH = r"(?<![\w&#])#\d{1,2}\b"
_AT = r"@[A-Za-z_][A-Za-z0-9_]{0,63}@"
_ENTITY = r"&[A-Za-z][\w.-]{0,63};"
_TAG = r"</?[A-Za-z][A-Za-z0-9:_.-]{0,32}(?:\s[^<>]{0,400})?/?>"
# style -> regex, in the order they are tried (the first that matches at a position wins)
_STYLE_PATTERNS = (
    ("tag", _TAG), ("double-brace", _DOUBLE_BRACE), ("ruby", _RUBY), ("icu", _ICU), ("fluent", _FLUENT),
    ("brace", _BRACE), ("printf", _PRINTF), ("qt", _QT), ("hash", _HASH), ("at", _AT), ("entity", _ENTITY),
)
STYLES: tuple[str, ...] = tuple(name for name, _ in _STYLE_PATTERNS)
_GROUP = {name: name.replace("-", "_") for name in STYLES}
# the HTML character entities: text, not placeholders ("&amp;" may become "&", "&quot;" a typographic quote)
HTML_ENTITIES = frozenset((
    "amp", "lt", "gt", "quot", "apos", "nbsp", "hellip", "mdash", "ndash", "laquo", "raquo", "lsquo", "rsquo",
    "ldquo", "rdquo", "bdquo", "sbquo", "copy", "reg", "trade", "times", "divide", "deg", "plusmn", "middot",
    "bull", "euro", "pound", "yen", "cent", "sect", "para", "shy", "zwj", "zwnj", "thinsp", "ensp", "emsp",
))
# elements that have no closing tag: unpaired, they are still markup
VOID_ELEMENTS = frozenset((
    "br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track", "param",
    "x", "ph", "bx", "ex", "it",
))


@lru_cache(maxsize=32)
def pattern(styles: tuple[str, ...] = STYLES) -> re.Pattern:
    """The regex finding placeholders of ``styles`` (and the ``{{``/``}}`` escapes), one named group each."""
    unknown = set(styles) - set(STYLES)
    if unknown:
        raise ValueError(f"unknown placeholder style(s) {sorted(unknown)} (known: {', '.join(STYLES)})")
    parts = []
    for name, regex in _STYLE_PATTERNS:
        if name == "brace":
            parts.append(r"(?P<esc>\{\{|\}\})")  # after double-brace, before brace
        if name in styles:
            parts.append(f"(?P<{_GROUP[name]}>{regex})")
    return re.compile("|".join(parts))


PATTERN = pattern()
_KIND = {group: name for name, group in _GROUP.items()}
# HTML elements that wrap text in UI strings: unpaired, they are broken markup, not pseudo-tags
TEXT_ELEMENTS = frozenset((
    "a", "b", "i", "u", "s", "em", "strong", "span", "code", "p", "div", "li", "ul", "ol", "small", "sup", "sub",
    "tt", "kbd", "var", "samp", "strike", "big", "font", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td",
    "th", "pre", "blockquote", "abbr", "cite", "q", "mark", "del", "ins", "g", "pc", "mrk",
))
_TAG_PARTS = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_.-]*)(?:[^<>]*?\bid=\"([^\"]*)\")?[^<>]*?(/?)>")
_ATTR = re.compile(r"\s([A-Za-z_:][\w:.-]*)\s*=")
# attributes a translator translates: their presence is not compared
TRANSLATABLE_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder", "label", "summary", "value",
                                     "content", "lang", "xml:lang", "dir"})
_MASK = re.compile(r"( ?)_\s?_\s?PH\s?(\d+)\s?_\s?_( ?)", re.IGNORECASE)
_ICU_NAME = re.compile(r"\{\s*([\w]+)\s*,\s*(\w+)")


@dataclass(frozen=True)
class Placeholder:
    start: int
    end: int
    text: str
    kind: str  # a style of STYLES: "tag", "brace", "printf", "qt", ...

    @property
    def key(self) -> str:
        """What must match between source and target: a tag's name, id, shape and the names of its attributes
        (a renamed ``href`` differs; the text of ``title`` or ``alt`` may be translated, and those attributes
        are not compared); an ICU argument's name and type; a Fluent placeable without its spaces; any other
        placeholder's exact text."""
        if self.kind == "icu":
            m = _ICU_NAME.match(self.text)
            return f"{{{m.group(1)},{m.group(2)}}}" if m else self.text
        if self.kind in ("fluent", "double-brace"):
            return re.sub(r"\s+", "", self.text)
        if self.kind != "tag":
            return self.text
        m = _TAG_PARTS.match(self.text)
        if not m:
            return self.text
        closing, name, ident, empty = m.groups()
        attrs = sorted({a.lower() for a in _ATTR.findall(self.text)} - TRANSLATABLE_ATTRIBUTES - {"id"})
        shown = "".join(f" {a}" for a in attrs)
        return f"<{closing}{name.lower()}{f' id={ident}' if ident else ''}{shown}{empty}>"

    @property
    def tag_name(self) -> str:
        m = _TAG_PARTS.match(self.text) if self.kind == "tag" else None
        return m.group(2).lower() if m else ""


_MAY_HOLD = re.compile(r"[%{<&#@]")


def find(text: str, styles: tuple[str, ...] = STYLES) -> list[Placeholder]:
    """Every placeholder and tag of ``styles`` in ``text``, in order; placeholders inside a tag's attributes
    count too. A Mozilla entity that is an HTML character entity (``&amp;``) is text."""
    if not _MAY_HOLD.search(text):
        return []
    return list(_find(text, styles))


@lru_cache(maxsize=4096)
def _find(text: str, styles: tuple[str, ...]) -> tuple[Placeholder, ...]:
    out = []
    regex = pattern(styles)
    for m in regex.finditer(text):
        kind = _KIND.get(m.lastgroup or "")
        if kind is None or (kind == "entity" and m.group()[1:-1] in HTML_ENTITIES):
            continue
        out.append(Placeholder(m.start(), m.end(), m.group(), kind))
        if kind == "tag":
            inner = m.group()
            for sub in regex.finditer(inner, 1):
                sub_kind = _KIND.get(sub.lastgroup or "")
                if sub_kind not in (None, "tag", "entity", "hash") and sub.group() != "%%":
                    out.append(Placeholder(m.start() + sub.start(), m.start() + sub.end(), sub.group(), sub_kind))
    return tuple(out)


def pseudo_tags(text: str, found: list[Placeholder]) -> set[int]:
    """Start offsets of the pseudo-tags among ``found``: an opening tag with no attributes, no closing partner
    in ``text``, not an empty element and not an HTML text element (``<Error>``, ``<pathspec>``; not ``<b>``): a
    word in angle brackets."""
    closing = {p.tag_name for p in found if p.kind == "tag" and p.text.startswith("</")}
    return {p.start for p in found if p.kind == "tag" and not p.text.startswith("</") and not p.text.endswith("/>")
            and " " not in p.text.strip() and "=" not in p.text and p.tag_name not in closing
            and p.tag_name not in VOID_ELEMENTS and p.tag_name not in TEXT_ELEMENTS}


def metavariable_braces(text: str, found: list[Placeholder]) -> set[int]:
    """Start offsets of the braces around a metavariable among ``found``: a name in capitals that the text also
    writes as a word of its own ("INTEGER  copy up to line INTEGER" beside "{INTEGER}  repeat the pattern", a usage
    screen's syntax): the translation translates it in both places ("{GANZZAHL}"), as it translates the word."""
    out = set()
    for p in found:
        name = p.text[1:-1]
        if p.kind == "brace" and len(name) >= 2 and name.isupper() and re.search(
                rf"(?<![\w{{$]){re.escape(name)}(?![\w}}])", text):
            out.add(p.start)
    return out


def compared(text: str, styles: tuple[str, ...] = STYLES) -> list[Placeholder]:
    """:func:`find` less the pseudo-tags and the braces around a metavariable: the placeholders a translation must
    keep."""
    found = find(text, styles)
    pseudo = pseudo_tags(text, found) | metavariable_braces(text, found)
    return [p for p in found if p.start not in pseudo] if pseudo else found


def keys(text: str, styles: tuple[str, ...] = STYLES) -> Counter:
    return Counter(p.key for p in compared(text, styles))


@dataclass(frozen=True)
class Masked:
    text: str  # what the engine sees
    originals: tuple[str, ...]  # originals[n] replaced __PH<n>__
    pads: tuple[tuple[bool, bool], ...] = ()  # a space added before / after mask n (it touched a word)


def mask(text: str) -> Masked:
    """``text`` with every top-level placeholder and tag replaced by ``__PH<n>__``.

    A mask that would touch a word (``<b>files</b>``) gets a space on that side, so the engine still sees the
    word as a word; :func:`unmask` takes that space away again."""
    parts, originals, pads, pos = [], [], [], 0
    for m in PATTERN.finditer(text):
        if m.lastgroup == "esc":
            continue
        left = m.start() > 0 and text[m.start() - 1].isalnum()
        right = m.end() < len(text) and text[m.end()].isalnum()
        parts += [text[pos:m.start()], f"{' ' if left else ''}__PH{len(originals)}__{' ' if right else ''}"]
        originals.append(m.group())
        pads.append((left, right))
        pos = m.end()
    parts.append(text[pos:])
    return Masked("".join(parts), tuple(originals), tuple(pads))


def unmask(text: str, originals: tuple[str, ...], pads: tuple[tuple[bool, bool], ...] = ()) -> str:
    """Put the originals back (and take away the spaces :func:`mask` added); a mask the engine spaced out
    (``__ PH0 __``) is recognised too."""
    if not originals:
        return text

    def back(m: re.Match) -> str:
        n = int(m.group(2))
        if n >= len(originals):
            return m.group()
        left, right = pads[n] if n < len(pads) else (False, False)
        return f"{'' if left else m.group(1)}{originals[n]}{'' if right else m.group(3)}"

    return _MASK.sub(back, text)
