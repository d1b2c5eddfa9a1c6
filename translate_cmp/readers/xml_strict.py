"""What the XLIFF schemas (OASIS xliff-core-1.2-strict.xsd, xliff_core_2.0.xsd) and the TMX 1.4 DTD require
of the elements translate-cmp reads, checked before any unit is read: one line naming the file and line.

XLIFF 1.2: every ``<file>`` has ``source-language``; every ``<trans-unit>`` an ``id``, unique in its
``<file>``, and one ``<source>``. XLIFF 2.0: ``<xliff srcLang>``; every ``<unit>`` an ``id``, unique in its
``<file>``; every ``<segment>`` a ``<source>``. TMX: every ``<tu>`` at least one ``<tuv>``, every ``<tuv>`` an
``xml:lang`` (``lang`` in TMX 1.1) and a ``<seg>``. Well-formedness is lxml's (readers/xmlunits.py).
"""

from __future__ import annotations

from pathlib import Path

from translate_cmp.errors import InputError

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _fail(path: Path, el, problem: str) -> InputError:
    return InputError(f"{path}: line {el.sourceline}", problem)


def check_xliff12(root, path: Path) -> None:
    q = (lambda n: f"{{{NS12}}}{n}") if root.tag.startswith("{") else (lambda n: n)
    for file_el in root.iter(q("file")):
        if not file_el.get("source-language"):
            raise _fail(path, file_el, "<file> has no source-language (required by XLIFF 1.2)")
        seen: dict[str, int] = {}
        for tu in file_el.iter(q("trans-unit")):
            ident = tu.get("id")
            if not ident:
                raise _fail(path, tu, "<trans-unit> has no id (required by XLIFF 1.2)")
            if ident in seen:
                raise _fail(path, tu, f"duplicate <trans-unit> id {ident!r} (first at line {seen[ident]})")
            seen[ident] = tu.sourceline or 0
            if len(tu.findall(q("source"))) != 1:
                raise _fail(path, tu, f"<trans-unit id={ident!r}> needs exactly one <source>")


def check_xliff20(root, path: Path) -> None:
    if not root.get("srcLang"):
        raise _fail(path, root, "<xliff> has no srcLang (required by XLIFF 2.0)")
    for file_el in root.iter(f"{{{NS20}}}file"):
        seen: dict[str, int] = {}
        for unit in file_el.iter(f"{{{NS20}}}unit"):
            ident = unit.get("id")
            if not ident:
                raise _fail(path, unit, "<unit> has no id (required by XLIFF 2.0)")
            if ident in seen:
                raise _fail(path, unit, f"duplicate <unit> id {ident!r} (first at line {seen[ident]})")
            seen[ident] = unit.sourceline or 0
            for seg in unit.iter(f"{{{NS20}}}segment", f"{{{NS20}}}ignorable"):
                if seg.find(f"{{{NS20}}}source") is None:
                    raise _fail(path, seg, f"<{seg.tag.rsplit('}', 1)[-1]}> of unit {ident!r} has no <source>")


def check_tmx(root, path: Path) -> None:
    for tu in root.iterfind("body/tu"):
        tuvs = tu.findall("tuv")
        if not tuvs:
            raise _fail(path, tu, "<tu> has no <tuv> (the TMX DTD requires one or more)")
        for tuv in tuvs:
            if not (tuv.get(XML_LANG) or tuv.get("lang")):
                raise _fail(path, tuv, "<tuv> has no xml:lang (required by TMX)")
            if tuv.find("seg") is None:
                raise _fail(path, tuv, "<tuv> has no <seg> (required by TMX)")
