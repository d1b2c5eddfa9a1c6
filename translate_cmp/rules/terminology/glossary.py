"""The team's glossary: CSV or TBX (TBX-Basic / TBX v2 ``martif``, TBX v3 core ``tbx``), read into :class:`Glossary`.

CSV: a header row, then one term a row. Columns (names case-insensitive; only ``source`` is required):

- ``source``: the source term ("file", "pull request"); empty for a row that only forbids words;
- ``target``: the approved translation(s), ``|``-separated ("Datei", "Ordner|Verzeichnis");
- ``lang`` (or ``language``, ``target_lang``): the target language ("de", "pt-BR"); empty: every language;
- ``forbidden``: variants the translation must not use, ``|``-separated ("Rechner");
- ``dnt`` (or ``do_not_translate``): yes/true/1/x: the source term stays exactly as it is (product names);
- ``source_lang``: the source language (empty: every language); ``note``: anything, ignored.

TBX: each ``termEntry`` (v2) or ``conceptEntry`` (v3) is a concept with terms per language (``langSet`` /
``langSec``). The glossary's source language is the file's ``xml:lang`` (``en`` when it declares none); the
source terms are that language's terms, the target terms each other language's. A term whose
``administrativeStatus`` is ``deprecatedTerm-admn-sts`` or ``supersededTerm-admn-sts`` (``normativeAuthorization``
in older files) is a forbidden variant; a target term spelled exactly as the source term, or a concept with a
note or ``termNote``/``descrip`` saying "do not translate", is a do-not-translate term.

Errors name the file (and the CSV line) in one line: an :class:`~translate_cmp.errors.InputError`, exit 2.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from translate_cmp.errors import InputError

_YES = frozenset({"yes", "y", "true", "1", "x"})
_NO = frozenset({"", "no", "n", "false", "0"})
_COLUMNS = {
    "source": "source", "source_term": "source", "term": "source",
    "target": "target", "target_term": "target", "translation": "target",
    "lang": "lang", "language": "lang", "target_lang": "lang", "target_language": "lang",
    "source_lang": "source_lang", "source_language": "source_lang",
    "forbidden": "forbidden", "forbidden_variants": "forbidden", "avoid": "forbidden",
    "dnt": "dnt", "do_not_translate": "dnt", "donottranslate": "dnt",
    "note": "note", "notes": "note", "comment": "note",
}
_FORBIDDEN_STATUS = frozenset({"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecatedterm",
                               "supersededterm"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Term:
    """One glossary concept as a check reads it, for one target language."""

    source: str  # "" for an entry that only forbids target words
    targets: tuple[str, ...] = ()  # approved translations
    lang: str = ""  # target language (normalised: lower case, "-"); "" every language
    forbidden: tuple[str, ...] = ()
    dnt: bool = False  # do not translate: the source term stays exactly as written
    source_lang: str = ""
    where: str = ""  # "glossary.csv:4", "terms.tbx: entry c12"


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]
    sha256: str = ""
    _by_pair: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def digest(self) -> str:
        return self.sha256

    def terms_for(self, source_lang: str, target_lang: str) -> tuple[Term, ...]:
        """The terms that apply from ``source_lang`` to ``target_lang`` ("" on either side: unknown, all apply)."""
        key = (norm_lang(source_lang), norm_lang(target_lang))
        found = self._by_pair.get(key)
        if found is None:
            found = tuple(t for t in self.terms
                          if lang_matches(t.lang, key[1]) and lang_matches(t.source_lang, key[0]))
            self._by_pair[key] = found
        return found


def norm_lang(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def lang_matches(term_lang: str, lang: str) -> bool:
    """A term for ``pt`` serves ``pt-br``; one for ``pt-br`` does not serve ``pt-pt``; "" on either side serves."""
    if not term_lang or not lang:
        return True
    return lang == term_lang or lang.startswith(term_lang + "-") or term_lang.startswith(lang + "-")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def load_glossary(path: str | Path) -> Glossary:
    """Read a CSV/TSV or TBX glossary; an :class:`InputError` naming the file for anything wrong with it."""
    from translate_cmp.readers.filecheck import read_setting_file

    path = Path(path)
    return _parse(str(path), read_setting_file(path, "glossary"))


@lru_cache(maxsize=4)
def _parse(path: str, data: bytes) -> Glossary:
    name = Path(path).name  # findings name the glossary by its file name: the same on every machine
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        terms = _tbx(path, data, name)
    elif suffix in (".csv", ".tsv", ".txt"):
        terms = _csv(path, data, "\t" if suffix == ".tsv" else None, name)
    else:
        raise InputError(path, f"unknown glossary format {suffix or '(no suffix)'!r}: use .csv, .tsv or .tbx")
    if not terms:
        raise InputError(path, "the glossary holds no terms")
    return Glossary(path, tuple(terms), hashlib.sha256(data).hexdigest())


def _csv(path: str, data: bytes, delimiter: str | None, name: str) -> list[Term]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"glossary is not UTF-8 (byte {exc.start})") from None
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        raise InputError(path, "the glossary is empty") from None
    names = [_COLUMNS.get(h.strip().lower().replace("-", "_").replace(" ", "_")) for h in header]
    unknown = [h for h, n in zip(header, names) if n is None]
    if unknown:
        raise InputError(f"{path}:1", f"unknown glossary column {unknown[0]!r} (known: source, target, lang, "
                                      "forbidden, dnt, source_lang, note)")
    if "source" not in names:
        raise InputError(f"{path}:1", "the glossary needs a 'source' column")
    terms = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            raise InputError(f"{path}:{line}", f"{len(row)} cells, the header names {len(names)}")
        cell = {n: v.strip() for n, v in zip(names, row)}
        dnt = cell.get("dnt", "").lower()
        if dnt not in _YES | _NO:
            raise InputError(f"{path}:{line}", f"dnt must be yes or no, not {cell['dnt']!r}")
        term = Term(source=cell.get("source", ""), targets=_split(cell.get("target", "")),
                    lang=norm_lang(cell.get("lang", "")), forbidden=_split(cell.get("forbidden", "")),
                    dnt=dnt in _YES, source_lang=norm_lang(cell.get("source_lang", "")), where=f"{name}:{line}")
        if not term.source and not term.forbidden:
            raise InputError(f"{path}:{line}", "a row needs a source term or forbidden variants")
        if term.source and not term.targets and not term.dnt and not term.forbidden:
            raise InputError(f"{path}:{line}", f"{term.source!r} has no target term (or dnt=yes)")
        terms.append(term)
    return terms


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _tbx(path: str, data: bytes, name: str) -> list[Term]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"not well-formed TBX: {exc}") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(path, f"not a TBX file (root element <{_local(root.tag)}>, expected <martif> or <tbx>)")
    source_lang = norm_lang(root.get(_XML_LANG) or "en")
    terms: list[Term] = []
    for n, entry in enumerate(e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        where = f"{name} entry {entry.get('id') or n + 1}"
        dnt_note = any("do not translate" in (e.text or "").lower() or "donottranslate" in (e.get("type") or "").lower()
                       for e in entry.iter() if _local(e.tag) in ("note", "descrip", "termNote", "admin"))
        by_lang: dict[str, tuple[list[str], list[str]]] = {}
        for lang_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            lang = norm_lang(lang_set.get(_XML_LANG) or "")
            good, bad = by_lang.setdefault(lang, ([], []))
            for term_el in (e for e in lang_set.iter() if _local(e.tag) == "term"):
                text = "".join(term_el.itertext()).strip()
                if not text:
                    continue
                holder = term_el.getparent()  # tig / ntig's termGrp / termSec: the term's notes are its siblings
                if _local(holder.tag) == "termGrp":
                    holder = holder.getparent()
                status = {(s.text or "").strip().lower() for s in holder.iter()
                          if _local(s.tag) in ("termNote", "descrip", "admin")
                          and (s.get("type") or "") in ("administrativeStatus", "normativeAuthorization")}
                forbidden = bool(status & _FORBIDDEN_STATUS) or status & {"deprecated", "superseded"}
                (bad if forbidden else good).append(text)
        sources = by_lang.get(source_lang, ([], []))[0]
        for lang, (good, bad) in sorted(by_lang.items()):
            if lang == source_lang:
                continue
            for source in sources or [""]:
                dnt = dnt_note or source in good
                if not source and not bad:
                    continue
                terms.append(Term(source=source, targets=tuple(good), lang=lang, forbidden=tuple(bad), dnt=dnt,
                                  source_lang=source_lang, where=where))
        if dnt_note and sources and len(by_lang) == 1:  # a do-not-translate concept in the source language only
            terms.extend(Term(source=s, dnt=True, source_lang=source_lang, where=where) for s in sources)
    return terms
