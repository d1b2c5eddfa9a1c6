"""XML plumbing shared by the XLIFF and TMX readers: safe parsing, one-line errors, inline markup as text.

Inline markup becomes short tags in the unit's text, so the rules and the placeholder check see it and the
engine never does (translate_cmp/l10n/placeholders.py masks tags): elements that wrap translatable text
(``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``, ``<sub>``) keep their content between an opening and a closing tag;
native-code elements (``<x/>``, ``<ph>``, ``<bx/>``, ``<ex/>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<sc/>``,
``<ec/>``, ``<sm/>``, ``<em/>``, ``<ut>``) become one empty tag, their content (codes, not text) left out.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.decode import MAX_FILE_BYTES

WRAPPING = frozenset({"g", "pc", "mrk", "hi", "sub"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(path: Path, kind: str):
    """The root element; a malformed file is an InputError naming the line."""
    from lxml import etree

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read file") from None
    if size > MAX_FILE_BYTES:
        raise InputError(str(path), f"file is {size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise InputError(str(path), f"not a well-formed {kind} file: {line}{exc.msg}") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read {kind} file: {exc}") from None
    encoding = tree.docinfo.encoding or "UTF-8"
    try:  # libxml2 (iconv) reads charsets Python does not: an annotated copy could not be written in them
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(str(path), f"encoding {encoding!r} is not one translate-cmp reads (Python has no codec "
                                    "for it); convert the file to UTF-8") from None
    return tree.getroot()


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _tag(el, closing: bool = False, empty: bool = False) -> str:
    name = local(el.tag)
    if closing:
        return f"</{name}>"
    ident = el.get("id") or el.get("i") or el.get("x") or el.get("mid")
    attr = f' id="{ident}"' if ident is not None else ""
    return f"<{name}{attr}{'/' if empty else ''}>"


def inline_text(el) -> str:
    """The element's text with inline markup rendered as short tags (see the module docstring)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):  # comments, processing instructions
            parts.append(child.tail or "")
            continue
        if local(child.tag) in WRAPPING:
            parts += [_tag(child), inline_text(child), _tag(child, closing=True)]
        else:
            parts.append(_tag(child, empty=True))
        parts.append(child.tail or "")
    return "".join(parts)
