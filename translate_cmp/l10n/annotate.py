"""Findings written into a copy of a localisation file where CAT tools show them, by inserting text only.

Nothing is parsed and written back: the original bytes are copied and the findings inserted at byte offsets
found with expat (XML) or at the entry's first line (PO), so everything else stays byte for byte as it was
(a file without findings is copied unchanged).

- PO: one translator comment per finding, ``# translate-cmp: CODE severity: message``, at the top of the
  entry (where translator comments go); with ``mark_fuzzy``, entries with a warning or error also get the
  ``fuzzy`` flag, so gettext tools send them back to a translator.
- XLIFF 1.2: ``<note from="translate-cmp" annotates="target" priority="N">`` right after the unit's
  ``<target>`` (the schema allows notes there); XLIFF 2.0: ``<note category="translate-cmp"
  appliesTo="target" priority="N">`` in the unit's ``<notes>``, created before the first ``<originalData>``
  or ``<segment>`` when the unit has none (the order the schema requires).
- TMX: ``<note>translate-cmp: ...</note>`` in the target ``<tuv>``, before its ``<seg>`` (as the DTD orders).

Priority: error 1, warning 5, info 9 (1 is the highest in both XLIFF versions).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from translate_cmp.records import Severity

PRIORITY = {Severity.ERROR: 1, Severity.WARNING: 5, Severity.INFO: 9}
TAG = "translate-cmp"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    where: str = ""  # e.g. the plural form or segment the finding is on

    def line(self) -> str:
        where = f" [{self.where}]" if self.where else ""
        return " ".join(f"{self.code} {self.severity}{where}: {self.message}".split())


# ---------------------------------------------------------------------------------------------------- PO

def annotate_po(data: bytes, findings: Mapping[int, Sequence[Finding]], mark_fuzzy: bool = False,
                encoding: str | None = None) -> bytes:
    """``findings`` keyed by the 1-based line where each entry starts (polib's ``linenum``).

    ``encoding``: the one the file was read in (``--encoding``), else its header's charset as the reader took
    it (:func:`translate_cmp.readers.po.po_charset`). A finding's characters the charset cannot hold are
    written as ``\\uXXXX`` escapes in the comment.
    """
    from translate_cmp.readers.po import po_charset

    if not findings:
        return data
    encoding = encoding or po_charset(data)
    text = data.decode(encoding)
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    for start in sorted(findings, reverse=True):  # bottom up: earlier line numbers stay valid
        items = findings[start]
        if not items or not 1 <= start <= len(lines):
            continue
        i = start - 1
        if mark_fuzzy and any(f.severity >= Severity.WARNING for f in items):
            _mark_fuzzy(lines, i, eol)
        comments = [f"# {TAG}: {f.line()}{eol}" for f in items]
        lines[i:i] = comments
    return "".join(lines).encode(encoding, errors="backslashreplace")  # only the comments can need it


def _mark_fuzzy(lines: list[str], start: int, eol: str) -> None:
    """Add ``fuzzy`` to the entry's ``#,`` line, or a ``#, fuzzy`` line before ``#|``/``msgctxt``/``msgid``."""
    j = start
    while j < len(lines) and lines[j].startswith("#") and not lines[j].startswith("#~"):
        if lines[j].startswith("#,"):
            flags = [f.strip() for f in lines[j][2:].split(",")]
            if "fuzzy" not in flags:
                lines[j] = "#, fuzzy," + lines[j][2:]
            return
        if lines[j].startswith("#|"):
            break
        j += 1
    lines[j:j] = [f"#, fuzzy{eol}"]


# --------------------------------------------------------------------------------------------------- XML


@dataclass
class _Element:
    name: str  # qualified, as written ("xlf:target")
    attrs: dict[str, str]
    start: int  # byte offset of "<"
    end: int = -1  # byte offset just after the element's last ">"
    children: list[_Element] | None = None
    parent: _Element | None = None

    @property
    def local(self) -> str:
        return self.name.rsplit(":", 1)[-1]

    @property
    def prefix(self) -> str:
        return self.name[: -len(self.local)]


def _tag_end(data: bytes, i: int) -> int:
    """Offset just after the tag that starts at ``i`` (quoted attribute values may hold ``>``)."""
    quote = None
    for j in range(i, len(data)):
        c = data[j : j + 1]
        if quote:
            if c == quote:
                quote = None
        elif c in (b'"', b"'"):
            quote = c
        elif c == b">":
            return j + 1
    return len(data)


def scan(data: bytes, encoding: str | None = None) -> _Element:
    """Every element with its byte span; namespaces are not resolved (names as written). ``encoding``
    overrides the document's own declaration (expat reads UTF-8, UTF-16, ASCII and one-byte charsets)."""
    parser = xml.parsers.expat.ParserCreate(encoding)
    root = _Element("", {}, 0, children=[])
    stack = [root]

    def start(name, attrs):
        el = _Element(name, attrs, parser.CurrentByteIndex, children=[], parent=stack[-1])
        stack[-1].children.append(el)
        stack.append(el)

    def end(name):
        el = stack.pop()
        el.end = _tag_end(data, parser.CurrentByteIndex)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return root.children[0]


def _walk(el: _Element):
    yield el
    for child in el.children:
        yield from _walk(child)


def _xml_encoding(data: bytes) -> str:
    """The encoding an XML parser reads ``data`` in: a byte-order mark wins over the declaration."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    m = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", data.lstrip(b"\xef\xbb\xbf"))
    return m.group(1).decode("ascii") if m else "utf-8"


def _space_before(data: bytes, i: int) -> bytes:
    j = i
    while j > 0 and data[j - 1 : j] in (b" ", b"\t", b"\n", b"\r"):
        j -= 1
    return data[j:i]


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` escaped for XML content, with characters XML 1.0 cannot hold (control characters, lone
    surrogates) replaced by U+FFFD: a finding quotes its input, and the copy must stay well-formed."""
    return escape(_NOT_XML.sub("\ufffd", text))


def _insert(data: bytes, inserts: list[tuple[int, str]], encoding: str) -> bytes:
    """``data`` with each text inserted at its byte offset; characters the encoding cannot hold become XML
    character references (``&#x4E2D;`` in an ISO-8859-1 file), which every XML reader turns back."""
    out, pos = [], 0
    for offset, text in sorted(inserts, key=lambda x: x[0]):
        out += [data[pos:offset], text.encode(encoding, errors="xmlcharrefreplace")]
        pos = offset
    out.append(data[pos:])
    return b"".join(out)


def _ascii_compatible(encoding: str) -> bool:
    try:
        return b"<>\"' =/!?-[]".decode(encoding) == "<>\"' =/!?-[]"
    except (LookupError, ValueError):
        return False


def _annotate_xml(data: bytes, inserts_for: Callable[[_Element, bytes, str], list[tuple[int, str]]]) -> bytes:
    """``data`` with the inserts ``inserts_for(root, bytes, encoding)`` computes, byte for byte elsewhere.

    Expat reads UTF-8, UTF-16 and one-byte charsets itself. A file it cannot read as it is (a multi-byte charset:
    Shift_JIS, EUC-KR, GB18030...; or bytes the readers' libxml2 took and expat does not) is decoded with
    Python's codec, scanned as UTF-8, and encoded back. What still fails raises ValueError, LookupError or
    ExpatError: the writer then reports the file in one line and writes no copy of it.
    """
    encoding = _xml_encoding(data)
    try:
        if not _ascii_compatible(encoding):  # UTF-16/32: byte offsets of "<" and ">" are not a character's
            raise ValueError(encoding)
        root = scan(data)
    except (ValueError, xml.parsers.expat.ExpatError):
        text = data.decode(encoding)
        utf8 = text.encode("utf-8")
        root = scan(utf8, "UTF-8")
        return _insert(utf8, inserts_for(root, utf8, "utf-8"), "utf-8").decode("utf-8").encode(
            encoding, errors="xmlcharrefreplace")
    return _insert(data, inserts_for(root, data, encoding), encoding)


def _child(el: _Element, local: str) -> _Element | None:
    return next((c for c in el.children if c.local == local), None)


def annotate_xliff(data: bytes, findings: Mapping[str, Sequence[Finding]]) -> bytes:
    """``findings`` keyed by XLIFF 1.2 ``trans-unit`` id or XLIFF 2.0 ``unit`` id (first element with the id)."""
    if not findings:
        return data
    return _annotate_xml(data, lambda root, data, encoding: _xliff_inserts(root, data, encoding, findings))


def _xliff_inserts(root: _Element, data: bytes, encoding: str,
                   findings: Mapping[str, Sequence[Finding]]) -> list[tuple[int, str]]:
    version2 = root.attrs.get("version", "").startswith("2") or any(
        v == "urn:oasis:names:tc:xliff:document:2.0" for v in root.attrs.values())
    inserts: list[tuple[int, str]] = []
    done: set[str] = set()
    for el in _walk(root):
        if el.local not in ("unit", "trans-unit"):
            continue
        ident = el.attrs.get("id", "")
        items = findings.get(ident)
        if not items or ident in done:
            continue
        done.add(ident)
        if version2:
            inserts += _notes20(data, el, items, encoding)
        else:
            target = _child(el, "target")
            if target is None:
                continue
            space = _space_before(data, target.start).decode(encoding)
            for f in items:
                inserts.append((target.end, f'{space}<{el.prefix}note from="{TAG}" annotates="target" '
                                             f'priority="{PRIORITY[f.severity]}">{_xml_text(f.line())}</{el.prefix}note>'))
    return inserts


def _notes20(data: bytes, unit: _Element, items: Sequence[Finding], encoding: str) -> list[tuple[int, str]]:
    p = unit.prefix
    notes = [f'<{p}note category="{TAG}" appliesTo="target" priority="{PRIORITY[f.severity]}">{_xml_text(f.line())}'
             f"</{p}note>" for f in items]
    existing = _child(unit, "notes")
    if existing is not None:
        last = existing.children[-1] if existing.children else None
        if last is None:
            close = data.rfind(b"<", existing.start, existing.end)
            return [(close, "".join(notes))]
        space = _space_before(data, last.start).decode(encoding)
        return [(last.end, "".join(space + n for n in notes))]
    before = next((c for c in unit.children if c.local in ("originalData", "segment", "ignorable")), None)
    if before is None:
        return []
    space = _space_before(data, before.start).decode(encoding)
    inner = space + ("  " if "\n" in space else "")
    return [(before.start, f"<{p}notes>" + "".join(inner + n for n in notes) + f"{space}</{p}notes>{space}")]


def annotate_tmx(data: bytes, findings: Mapping[str, Sequence[Finding]]) -> bytes:
    """``findings`` keyed by the reader's TMX unit id, ``<tuid or position>@<xml:lang>``."""
    if not findings:
        return data
    return _annotate_xml(data, lambda root, data, encoding: _tmx_inserts(root, data, encoding, findings))


def _tmx_inserts(root: _Element, data: bytes, encoding: str,
                 findings: Mapping[str, Sequence[Finding]]) -> list[tuple[int, str]]:
    body = _child(root, "body")
    inserts: list[tuple[int, str]] = []
    for number, tu in enumerate((c for c in (body.children if body else []) if c.local == "tu"), start=1):
        for tuv in (c for c in tu.children if c.local == "tuv"):
            lang = tuv.attrs.get("xml:lang") or tuv.attrs.get("lang", "")
            items = findings.get(f"{tu.attrs.get('tuid') or number}@{lang}")
            seg = _child(tuv, "seg")
            if not items or seg is None:
                continue
            space = _space_before(data, seg.start).decode(encoding)
            inserts += [(seg.start, f"<note>{TAG}: {_xml_text(f.line())}</note>{space}") for f in items]
    return inserts
