"""gettext PO and POT catalogues, read with polib.

One unit per translated form: ``msgid`` (with ``msgctxt``, ``ctx::msgid``); each plural form its own unit,
``msgid[0]``, ``msgid[1]``, ... with ``msgid_plural`` as the source of forms 1 and up. As gettext defines
them: obsolete entries (``#~``) and untranslated forms (empty ``msgstr``) are not checked; fuzzy entries are
checked and marked (``Unit.fuzzy``). A POT template has no translations: its units are the msgids
themselves, checked as source text. The language is the header's ``Language:``; a catalogue without one
gets a single detection over its texts. Plural forms beyond the header's ``nplurals`` are one fault of the file:
the first such form's unit carries the lines of every entry with one (``Unit.extra_form_lines``, read by Q632).
Syntax errors (msgfmt's grammar: translate_cmp/readers/po_syntax.py)
are one line naming the file and line, exit 2.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.decode import MAX_FILE_BYTES
from translate_cmp.readers.po_syntax import PoSyntaxError, check_po
from translate_cmp.readers.units import file_language, primary_lang, unit_document
from translate_cmp.records import Document, Unit

_LINE = re.compile(r"\(line (\d+)\)")
_CHARSET = re.compile(rb'"?Content-Type:.+? charset=([\w_\-:\.]+)')  # where polib looks for it
# The charsets GNU gettext accepts in a PO header (its po-charset.c), as Python's codecs name them (written out:
# looking them up here would import every CJK codec at each start): ASCII-compatible text encodings. Anything
# else (x-evil, rot13, utf-7, unicode_escape) is refused in one line.
GETTEXT_CHARSETS = frozenset({
    "ascii", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-9", "iso8859-13", "iso8859-14", "iso8859-15", "koi8-r", "koi8-u", "koi8-t", "cp850", "cp866", "cp874",
    "cp932", "cp949", "cp950", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "gb2312", "euc_jp", "euc_kr", "big5", "big5hkscs", "gbk", "gb18030", "shift_jis", "johab", "tis-620",
    "utf-8",
})


def po_charset(data: bytes) -> str:
    """The Python codec for the charset a PO file's header declares (UTF-8 when none, or the template's
    ``CHARSET``); ValueError with a one-line problem for a charset gettext would not accept."""
    found = _CHARSET.search(data)
    if not found:
        return "utf-8"
    name = found.group(1).decode("ascii", "replace")
    if name.upper() == "CHARSET":
        return "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown charset {name!r} in the header; pass --encoding") from None
    if codec not in GETTEXT_CHARSETS:
        raise ValueError(f"charset {name!r} in the header is not one gettext accepts (an ASCII-compatible text "
                         "encoding); pass --encoding")
    return codec


def load_catalogue(path: Path, encoding: str | None = None):
    import polib

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path), f"file is {size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit")
        if not encoding:
            try:
                encoding = po_charset(path.read_bytes())
            except ValueError as exc:
                raise InputError(str(path), str(exc)) from None
        try:
            check_po(path.read_bytes().decode(encoding).removeprefix("\ufeff"))
        except PoSyntaxError as exc:
            raise InputError(f"{path}: line {exc.line}", exc.problem) from None
        return polib.pofile(str(path), encoding=encoding, wrapwidth=0)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid {exc.encoding} (byte {exc.start}); check the header's charset or "
                                    "pass --encoding") from None
    except LookupError as exc:
        raise InputError(str(path), f"unknown charset in the header ({exc})") from None
    except (OSError, ValueError) as exc:
        text = str(exc)
        line = _LINE.search(text)
        if line:
            raise InputError(f"{path}: line {line.group(1)}", "PO syntax error") from None
        raise InputError(str(path), f"not a valid PO file: {text.replace(str(path), '').strip()}") from None


def header_nplurals(plural_forms: str) -> int:
    """The ``nplurals`` of a header's ``Plural-Forms`` ("nplurals=2; plural=(n != 1);" -> 2), 0 where none."""
    found = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    return int(found.group(1)) if found else 0


def extra_form_lines(po, nplurals: int) -> tuple[int, ...]:
    """The lines of the entries that translate a plural form beyond the header's ``nplurals`` (msgstr[2] where
    nplurals=2): one fault of the catalogue (its header, or the tool that wrote CLDR's forms into it), which Q632
    reports once, on the first such form (``Unit.extra_form_lines``), not once an entry. () when the header gives
    no nplurals."""
    if not nplurals:
        return ()
    return tuple(entry.linenum for entry in po if not entry.obsolete and entry.msgid_plural
                 and any(text and int(n) >= nplurals for n, text in entry.msgstr_plural.items()))


def unit_id(msgid: str, msgctxt: str | None, plural_index: int | None = None) -> str:
    base = f"{msgctxt}::{msgid}" if msgctxt else msgid
    return base if plural_index is None else f"{base}[{plural_index}]"


class PoReader:
    suffixes = (".po", ".pot")

    def read(self, path: Path, doc_id: str, options: ReadOptions) -> Iterator[Document]:
        po = load_catalogue(path, options.encoding)
        template = path.suffix.lower() == ".pot"
        meta = po.metadata
        source_lang = primary_lang(options.source_lang or "") or primary_lang(meta.get("X-Source-Language", "")) or "en"
        declared = meta.get("Language", "")
        nplurals = header_nplurals(meta.get("Plural-Forms", ""))
        if template:
            target_lang = source_lang
        else:
            target_lang = primary_lang(options.target_lang or "") or primary_lang(declared) or file_language(
                s for e in po if not e.obsolete for s in ([e.msgstr] if e.msgstr else e.msgstr_plural.values()) if s)
        extra_lines = () if template else extra_form_lines(po, nplurals)
        reported = False  # whether the unit that carries ``extra_lines`` (Q632's one finding) has been read
        for entry in po:
            if entry.obsolete:
                continue
            base = dict(
                source_lang=source_lang, target_lang=target_lang, context=entry.msgctxt or "",
                notes="\n".join(n for n in (entry.comment, entry.tcomment) if n), fuzzy="fuzzy" in entry.flags,
                fmt="pot" if template else "po", flags=tuple(entry.flags), file=str(path), file_id=doc_id,
                line=entry.linenum, source_plural=entry.msgid_plural or "",
            )
            if template:
                yield unit_document(Unit(unit_id(entry.msgid, entry.msgctxt), entry.msgid, **base), entry.msgid)
            elif entry.msgid_plural:
                forms = len(entry.msgstr_plural)
                for n, text in sorted(entry.msgstr_plural.items()):
                    if not text:
                        continue
                    source = entry.msgid if n == 0 else entry.msgid_plural
                    ident = unit_id(entry.msgid, entry.msgctxt, int(n))
                    carries = bool(extra_lines) and not reported and int(n) >= nplurals
                    reported = reported or carries
                    yield unit_document(Unit(ident, source, plural_index=int(n), plural_forms=forms, nplurals=nplurals,
                                             extra_form_lines=extra_lines if carries else (), **base), text)
            elif entry.msgstr:
                yield unit_document(Unit(unit_id(entry.msgid, entry.msgctxt), entry.msgid, **base), entry.msgstr)
