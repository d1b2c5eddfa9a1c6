"""Inline markup and format placeholders: found, compared, masked before an engine and restored after.

Protected: printf conversions (``%s``, ``%d``, ``%.2f``, ``%1$s``, ``%(name)s``, ``%%``), Python/ICU braces
(``{0}``, ``{name}``, ``{}``, ``{0:>10}``; ``{{``/``}}`` are escapes, not placeholders), and tags (HTML, and
the XLIFF/TMX inline elements the readers render as ``<g id="1">``, ``<x id="2"/>``, ``<ph id="1"/>``, ``<pc>``,
``<bx/>``, ``<ex/>``). ``% d`` (a space) is not a placeholder: French writes "50 % de".

Masking replaces each one with ``__PH<n>__``, which the engines pass through as an unknown word (measured:
Apertium eng-spa and spa-eng keep it, in place or moved with its phrase); restoring puts the original back.
A mask the engine dropped stays dropped, so the placeholder rule (C506) sees the loss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_PRINTF = (r"%(?:\d+\$)?(?:\([^()\s]{1,64}\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
           r"(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcrsa%]")
_BRACE = r"\{[A-Za-z_0-9]{0,64}(?:[.\[][A-Za-z_0-9.\[\]]{1,64})?(?:![rsa])?(?::[^{}\n]{0,32})?\}"
_TAG = r"</?[A-Za-z][A-Za-z0-9:_.-]{0,32}(?:\s[^<>]{0,400})?/?>"
PATTERN = re.compile(rf"(?P<tag>{_TAG})|(?P<esc>\{{\{{|\}}\}})|(?P<brace>{_BRACE})|(?P<printf>{_PRINTF})")
_TAG_PARTS = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_.-]*)(?:[^<>]*?\bid=\"([^\"]*)\")?[^<>]*?(/?)>")
_MASK = re.compile(r"( ?)_\s?_\s?PH\s?(\d+)\s?_\s?_( ?)", re.IGNORECASE)


@dataclass(frozen=True)
class Placeholder:
    start: int
    end: int
    text: str
    kind: str  # "tag", "brace", "printf"

    @property
    def key(self) -> str:
        """What must match between source and target: a tag's name, id and shape (attribute text such as
        ``title`` may be translated); a placeholder's exact text."""
        if self.kind != "tag":
            return self.text
        m = _TAG_PARTS.match(self.text)
        if not m:
            return self.text
        closing, name, ident, empty = m.groups()
        return f"<{closing}{name.lower()}{f' id={ident}' if ident else ''}{empty}>"


def find(text: str) -> list[Placeholder]:
    """Every placeholder and tag in ``text``, in order; placeholders inside a tag's attributes count too."""
    out = []
    for m in PATTERN.finditer(text):
        kind = m.lastgroup
        if kind == "esc":
            continue
        out.append(Placeholder(m.start(), m.end(), m.group(), kind))
        if kind == "tag":
            inner = m.group()
            for sub in PATTERN.finditer(inner, 1):
                if sub.lastgroup in ("brace", "printf") and sub.group() != "%%":
                    out.append(Placeholder(m.start() + sub.start(), m.start() + sub.end(), sub.group(), sub.lastgroup))
    return out


def keys(text: str) -> Counter:
    return Counter(p.key for p in find(text))


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
