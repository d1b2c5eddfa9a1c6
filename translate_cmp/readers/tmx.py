"""TMX translation memories, read with lxml.

Each ``<tu>`` holds one ``<tuv>`` per language; the one in the source language (``<tu srclang>``, else
``<header srclang>``) is the source, every other non-empty one a unit of its own, id ``<tuid>@<lang>`` (a
``<tu>`` without ``tuid`` is numbered from 1 in file order). The unit's language is its ``<tuv xml:lang>``.
A ``srclang`` of ``*all*`` (any language may be the source) makes the first ``<tuv>`` the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.units import primary_lang, unit_document
from translate_cmp.readers.xml_strict import check_tmx
from translate_cmp.readers.xmlunits import XML_LANG, inline_text, local, parse_xml
from translate_cmp.records import Document, Unit


def tuv_lang(tuv) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""  # TMX 1.1 used a plain lang attribute


class TmxReader:
    suffixes = (".tmx",)

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        root = parse_xml(path, "TMX")
        if local(root.tag) != "tmx":
            raise InputError(str(path), f"not a TMX file: the root element is <{local(root.tag)}>, not <tmx>")
        check_tmx(root, path)
        header = root.find("header")
        declared = header.get("srclang", "") if header is not None else ""
        default_src = primary_lang(options.source_lang or "") or declared
        for number, tu in enumerate(root.iterfind("body/tu"), start=1):
            tuvs = [t for t in tu.iterfind("tuv") if t.find("seg") is not None]
            src_tag = tu.get("srclang") or default_src
            src_lang = primary_lang(src_tag) if src_tag != "*all*" else ""
            source = next((t for t in tuvs if primary_lang(tuv_lang(t)) == src_lang), tuvs[0] if tuvs else None)
            if source is None:
                continue
            src_lang = src_lang or primary_lang(tuv_lang(source))
            notes = "\n".join((n.text or "").strip() for n in tu.iterfind("note"))
            for tuv in tuvs:
                if tuv is source:
                    continue
                lang = primary_lang(tuv_lang(tuv))
                if options.target_lang and lang != primary_lang(options.target_lang):
                    continue
                text = inline_text(tuv.find("seg"))
                if not text.strip():
                    continue
                if not lang:
                    raise InputError(f"{path}: line {tuv.sourceline}", "<tuv> has no xml:lang")
                unit = Unit(
                    f"{tu.get('tuid') or number}@{tuv_lang(tuv)}", inline_text(source.find("seg")), src_lang, lang,
                    notes=notes, fmt="tmx", file=str(path), file_id=doc_id, line=tuv.sourceline or 0,
                )
                yield unit_document(unit, text)
