"""XLIFF 1.2 and 2.0, read with lxml.

1.2: each ``<trans-unit>`` (in ``<body>`` or nested ``<group>``) with a non-empty ``<target>`` is one unit,
id ``<trans-unit id>``; languages from ``<file source-language target-language>``. ``translate="no"`` and
targets whose ``state`` is ``new`` or ``needs-translation`` are not checked; ``needs-review-*``,
``needs-adaptation`` and ``needs-l10n`` are checked and marked fuzzy. Notes are the unit's ``<note>``s.

2.0: each ``<segment>`` of a ``<unit>`` with a non-empty ``<target>``; id ``<unit id>``, or ``<unit id>#<segment
id or position>`` when the unit has several segments; languages from ``<xliff srcLang trgLang>``.
``translate="no"`` units are not checked; ``state="initial"`` targets are checked and marked fuzzy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.units import primary_lang, unit_document
from translate_cmp.readers.xml_strict import check_xliff12, check_xliff20
from translate_cmp.readers.xmlunits import inline_text, local, parse_xml
from translate_cmp.records import Document, Unit

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
UNTRANSLATED_12 = frozenset({"new", "needs-translation"})
FUZZY_12 = frozenset({"needs-review-translation", "needs-review-adaptation", "needs-review-l10n",
                      "needs-adaptation", "needs-l10n"})


def xliff_version(root) -> str:
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "xliff":
        return ""
    if ns == NS20 or root.get("version", "").startswith("2"):
        return "2.0"
    return "1.2"


class XliffReader:
    suffixes = (".xlf", ".xliff")

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        root = parse_xml(path, "XLIFF")
        version = xliff_version(root)
        if not version:
            raise InputError(str(path), f"not an XLIFF file: the root element is <{local(root.tag)}>, not <xliff>")
        if version == "2.0":
            check_xliff20(root, path)
            yield from self._read20(root, path, doc_id, options)
        else:
            check_xliff12(root, path)
            yield from self._read12(root, path, doc_id, options)

    def _read12(self, root, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        ns = {"x": NS12} if root.tag.startswith("{") else None
        q = (lambda name: f"x:{name}") if ns else (lambda name: name)
        for file_el in root.iterfind(q("file"), ns):
            source_lang = primary_lang(options.source_lang or "") or primary_lang(file_el.get("source-language", ""))
            target_lang = primary_lang(options.target_lang or "") or primary_lang(file_el.get("target-language", ""))
            for tu in file_el.iterfind(f".//{q('trans-unit')}", ns):
                target = tu.find(q("target"), ns)
                source = tu.find(q("source"), ns)
                if target is None or tu.get("translate") == "no":
                    continue
                state = target.get("state", "")
                text = inline_text(target)
                if state in UNTRANSLATED_12 or not text.strip():
                    continue
                if not target_lang:
                    raise InputError(f"{path}: line {file_el.sourceline}",
                                     "<file> has no target-language; pass --target-lang")
                notes = "\n".join((n.text or "").strip() for n in tu.iterfind(q("note"), ns))
                unit = Unit(
                    tu.get("id", f"line{tu.sourceline}"), inline_text(source) if source is not None else "",
                    source_lang, target_lang, context=tu.get("resname", ""), notes=notes,
                    fuzzy=state in FUZZY_12, fmt="xliff", flags=(state,) if state else (), file=str(path),
                    file_id=doc_id, line=tu.sourceline or 0,
                    max_width=max_width(tu.get("maxwidth"), tu.get("size-unit")),
                )
                yield unit_document(unit, text)

    def _read20(self, root, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        ns = {"x": NS20}
        source_lang = primary_lang(options.source_lang or "") or primary_lang(root.get("srcLang", ""))
        target_lang = primary_lang(options.target_lang or "") or primary_lang(root.get("trgLang", ""))
        for unit_el in root.iterfind(".//x:unit", ns):
            if unit_el.get("translate") == "no":
                continue
            segments = unit_el.findall("x:segment", ns)
            notes = "\n".join((n.text or "").strip() for n in unit_el.iterfind("x:notes/x:note", ns))
            for n, seg in enumerate(segments, start=1):
                target = seg.find("x:target", ns)
                source = seg.find("x:source", ns)
                text = inline_text(target) if target is not None else ""
                if not text.strip():
                    continue
                if not target_lang:
                    raise InputError(f"{path}: line {root.sourceline}", "<xliff> has no trgLang; pass --target-lang")
                ident = unit_el.get("id", f"line{unit_el.sourceline}")
                if len(segments) > 1:
                    ident = f"{ident}#{seg.get('id') or n}"
                state = seg.get("state", "")
                unit = Unit(
                    ident, inline_text(source) if source is not None else "", source_lang, target_lang,
                    context=unit_el.get("name", ""), notes=notes, fuzzy=state == "initial", fmt="xliff",
                    flags=(state,) if state else (), file=str(path), file_id=doc_id, line=seg.sourceline or 0,
                    max_width=max_width(_slr_size(unit_el), "char"),
                )
                yield unit_document(unit, text)


SLR = "urn:oasis:names:tc:xliff:sizerestriction:2.0"


def max_width(value: str | None, unit: str | None) -> int:
    """XLIFF ``maxwidth`` in characters (``size-unit`` char, the default); 0 when absent, not a number, or in
    another unit (pixels, bytes), which a character count cannot check."""
    if not value or (unit or "char") != "char":
        return 0
    try:
        return max(int(value.strip()), 0)
    except ValueError:
        return 0


def _slr_size(unit_el) -> str | None:
    """XLIFF 2 ``slr:sizeRestriction`` on the unit (its maximum, "min,max" or "max")."""
    value = unit_el.get(f"{{{SLR}}}sizeRestriction")
    return value.split(",")[-1] if value else None
