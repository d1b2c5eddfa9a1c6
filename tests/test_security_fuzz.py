"""A fuzz target per reader, and per annotated output format (issue 23, case 5 of the brief).

Each target writes bytes an attacker could commit and reads them the way ``translate-cmp run`` does
(:func:`translate_cmp.readers.read_documents`): the file is either parsed, into documents whose every text is
valid Unicode, or refused with the one-line :class:`InputError` naming it -- never any other exception. For the
localisation formats, a file that parsed is also annotated (``--format po,xliff,tmx``) with findings whose
messages hold characters its charset cannot encode: the copy comes out (an XML copy still parses), or the
annotator raises one of :data:`COPY_ERRORS`, which the writer reports in one line (the file gets no copy).

The seeded corpus (``@example``) holds what broke before: lone surrogates in JSON Lines text and ids, JSON
nested 100,000 levels, PO charsets ``x-evil``/``rot13``/``utf-7``/``unicode_escape``, XLIFF declared
ISO-8859-1 holding ``&#x4E2D;`` and XLIFF in Shift_JIS, plus XML entity tricks. Example counts are small so
the suite stays quick; ``FUZZ_EXAMPLES=2000`` runs a longer campaign.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from xml.parsers.expat import ExpatError

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from translate_cmp.errors import InputError
from translate_cmp.readers import ReadOptions, read_documents
from translate_cmp.records import Document, Severity

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

COPY_ERRORS = (ValueError, LookupError, ExpatError)  # what AnnotatedWriter.finish turns into the one-line error
DEEP = b"[" * 100_000 + b"]" * 100_000
SURROGATE_UTF8 = b"\xed\xa0\x80"  # U+D800 encoded as if it were a character: not UTF-8
CHARSETS = ["UTF-8", "utf-8", "CHARSET", "ISO-8859-1", "Shift_JIS", "x-evil", "rot13", "utf-7", "unicode_escape",
            "utf-16", "cp037", "hz", "EUC-TW", "", "UTF-8\x00"]


def _read(data: bytes, suffix: str, options: ReadOptions) -> list[Document] | None:
    """The documents of a file holding ``data``, or None when refused; anything else propagates."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzzed{suffix}"
        path.write_bytes(data)
        try:
            docs = list(read_documents([path], options))
        except InputError as exc:
            message = str(exc)
            assert message.startswith(str(path)) and "\n" not in message and message.isprintable(), message
            return None
        for doc in docs:
            for text in (doc.doc_id, doc.text, doc.path, *(vars(doc.unit).values() if doc.unit else ())):
                if isinstance(text, str):
                    text.encode("utf-8")  # no lone surrogate reaches the pipeline
        return docs


def _mutated(base: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """``base`` bytes, sometimes with a few bytes flipped, inserted or cut."""
    def mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
        out = bytearray(data)
        for kind, where, value in edits:
            i = where % (len(out) + 1)
            if kind == 0 and i < len(out):
                out[i] = value
            elif kind == 1:
                out[i:i] = bytes([value])
            else:
                del out[i:i + value % 8]
        return bytes(out)
    edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000), st.integers(0, 255)), max_size=4)
    return st.builds(mutate, base, edits)


def _joined(pieces: list[bytes]) -> st.SearchStrategy[bytes]:
    return _mutated(st.lists(st.one_of(st.sampled_from(pieces), st.binary(max_size=12)), max_size=10).map(b"".join))


# ------------------------------------------------------------------------------------------------ text files

TEXT_PIECES = [b"The cat sat. ", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"caf\xe9 ", SURROGATE_UTF8, b"\x00",
               "中文。".encode(), "😀".encode(), b"\r\n", b"\n\n", b"\\ud800"]


@FUZZ
@given(data=_joined(TEXT_PIECES), encoding=st.sampled_from([None, "utf-8", "latin-1", "utf-16", "unicode_escape",
                                                             "raw_unicode_escape", "rot13", "x-evil", "utf-7"]))
@example(data=SURROGATE_UTF8, encoding=None)
@example(data=b"a \\ud800 b", encoding="unicode_escape")
@example(data=b"+2D8-", encoding="utf-7")  # a lone surrogate through UTF-7
def test_fuzz_text_reader(data, encoding):
    docs = _read(data, ".txt", ReadOptions(encoding=encoding))
    assert docs is None or len(docs) == 1


# --------------------------------------------------------------------------------------------- CSV/TSV tables

CSV_PIECES = [b"id,text\n", b"text\n", b"a,b\n", b'"x, y",z\n', b'"unterminated\n', b"\t", b",", b"\n", b"\x00",
              SURROGATE_UTF8, b"\xef\xbb\xbf", b"caf\xe9", b"=cmd|' /C calc'!A0", b'"a""b"']


@FUZZ
@given(data=_joined(CSV_PIECES), suffix=st.sampled_from([".csv", ".tsv"]),
       id_column=st.sampled_from([None, "id"]))
@example(data=b"id,text\n1,ok\n1,again\n", suffix=".csv", id_column="id")
@example(data=b"text\n" + SURROGATE_UTF8 + b"\n", suffix=".csv", id_column=None)
def test_fuzz_table_reader(data, suffix, id_column):
    _read(data, suffix, ReadOptions(id_column=id_column))


# --------------------------------------------------------------------------------------------- JSON Lines

JSONL_PIECES = [b'{"text": "Hi."}', b'{"id": "x", "text": "y"}', b'{"id": 1.50, "text": "z"}', b'{"text": 1}',
                b'{"text": "\\ud800"}', b'{"id": "\\udc00", "text": "ok"}', b'{"\\ud800": 1}', b"[1]", b"{", b"\n",
                b'{"text": ' + b"[" * 2000, b"1" * 5000, b'{"text": "a", "text": "b"}', b"NaN", b"1e999999",
                b'"\\u0000"', SURROGATE_UTF8]


@FUZZ
@given(data=_joined(JSONL_PIECES), id_column=st.sampled_from([None, "id"]))
@example(data=b'{"text": "Hello \\ud800 world."}\n', id_column=None)
@example(data=b'{"id": "\\udc00x", "text": "Hello."}\n', id_column="id")
@example(data=DEEP + b"\n", id_column=None)
@example(data=b'{"text": ' + DEEP + b"}\n", id_column=None)
@example(data=b'{"text": "ok", "id": ' + b"1" * 5001 + b"}\n", id_column="id")
@example(data=b'{"\\ud800": "x"}\n', id_column=None)
def test_fuzz_jsonl_reader(data, id_column):
    _read(data, ".jsonl", ReadOptions(id_column=id_column))


@FUZZ
@given(data=st.one_of(_joined(JSONL_PIECES), _joined(CSV_PIECES)), suffix=st.sampled_from([".jsonl", ".csv"]))
@example(data=b'{"text": "\\ud800", "src": "Hi"}\n', suffix=".jsonl")
@example(data=b'{"text": "Hallo", "src": "\\udfff", "id": "\\ud800"}\n', suffix=".jsonl")
@example(data=DEEP + b"\n", suffix=".jsonl")
def test_fuzz_bitext_reader(data, suffix):
    _read(data, suffix, ReadOptions(target_column="text", source_column="src", id_column="id", target_lang="de"))


# ----------------------------------------------------------------------------------------------------- PO

def _po(charset: str, body: bytes = b'msgid "Hello %s"\nmsgstr "Hallo"\n') -> bytes:
    return (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=' + charset.encode("latin-1") +
            b'\\n"\n"Language: de\\n"\n\n' + body)


PO_PIECES = [_po("UTF-8"), b'msgid "a"\nmsgstr "b"\n', b"#, fuzzy\n", b'msgctxt "c"\n', b'msgid_plural "as"\n',
             b'msgstr[0] "x"\n', b'msgstr[1] "y"\n', b'"continued"\n', b"#~ ", b"\n", b'"\\', b"\\u",
             SURROGATE_UTF8, b"caf\xe9", b"charset=x-evil", b"charset=rot13", b"charset=utf-7"]


def _units_findings(docs: list[Document], key: Callable[[Document], object]):
    from translate_cmp.l10n.annotate import Finding

    message = "quoted '中文 😀 \x01 ]]> --> <&>' \ud7ff"
    return {key(d): [Finding("Q601", Severity.ERROR, message, "")] for d in docs if d.unit is not None}


@FUZZ
@given(data=st.one_of(_joined(PO_PIECES), st.builds(_po, st.sampled_from(CHARSETS), _joined(PO_PIECES[1:]))))
@example(data=_po("x-evil"))
@example(data=_po("rot13"))
@example(data=_po("utf-7"))
@example(data=_po("unicode_escape", b'msgid "a"\nmsgstr "\\ud800"\n'))
@example(data=_po("ISO-8859-1", 'msgid "Price %s"\nmsgstr "Preis €"\n'.encode("cp1252")))
@example(data=_po("Shift_JIS", 'msgid "Hello %s"\nmsgstr "こんにちは"\n'.encode("shift_jis")))
def test_fuzz_po_reader_and_copy(data):
    from translate_cmp.l10n.annotate import annotate_po

    docs = _read(data, ".po", ReadOptions())
    if docs:
        annotate_po(data, _units_findings(docs, lambda d: d.unit.line), mark_fuzzy=True)  # never fails


# ------------------------------------------------------------------------------------------------- XLIFF/TMX

def _xliff(encoding: str, target: str = "Hallo Welt") -> bytes:
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" '
            'original="a" datatype="plaintext"><body>\n<trans-unit id="1"><source>Hello %s world</source>'
            f"<target>{target}</target></trans-unit>\n</body></file></xliff>\n")
    try:
        return text.encode(encoding, errors="xmlcharrefreplace")
    except LookupError:
        return text.encode("utf-8")


def _tmx(encoding: str, seg: str = "Hallo") -> bytes:
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n<tmx version="1.4"><header srclang="en" '
            'segtype="sentence" datatype="plaintext" adminlang="en" creationtool="t" creationtoolversion="1" '
            f'o-tmf="x"/><body><tu tuid="t1"><tuv xml:lang="en"><seg>Hello %s</seg></tuv><tuv xml:lang="de">'
            f"<seg>{seg}</seg></tuv></tu></body></tmx>\n")
    try:
        return text.encode(encoding, errors="xmlcharrefreplace")
    except LookupError:
        return text.encode("utf-8")


XML_ENCODINGS = ["UTF-8", "ISO-8859-1", "Shift_JIS", "EUC-JP", "GB18030", "UTF-16", "x-evil", "UTF-7", "koi8-r"]
ENTITIES = [b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', b"&e;", b"&b;",
            b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
            b"&#x4E2D;", b"&#xD800;", b"<![CDATA[x]]>", b"<g id='1'>", b"</g>", b"<x/>", b"<!-- c -->"]


def _xml_case(make: Callable[[str, str], bytes]) -> st.SearchStrategy[bytes]:
    target = st.lists(st.sampled_from(["Hallo", "中文", "&#x4E2D;", "&amp;", "<g id='1'>x</g>", "<x/>", "\u00e9",
                                       "😀", "]]>", "%s"]), max_size=5).map("".join)
    return st.one_of(st.builds(make, st.sampled_from(XML_ENCODINGS), target),
                     _mutated(st.builds(lambda base, extra, at: base[:at] + extra + base[at:],
                                        st.builds(make, st.sampled_from(XML_ENCODINGS)),
                                        st.sampled_from(ENTITIES), st.integers(0, 400))))


@FUZZ
@given(data=_xml_case(_xliff))
@example(data=_xliff("ISO-8859-1", "&#x4E2D;&#x6587; Welt"))
@example(data=_xliff("Shift_JIS", "日本語のテキスト"))
@example(data=_xliff("Shift_JIS", "€ 日本語"))
@example(data=_xliff("x-evil"))
@example(data=_xliff("EUC-TW"))
@example(data=ENTITIES[0] + _xliff("UTF-8", "&b;&b;&b;").split(b"?>", 1)[1])
def test_fuzz_xliff_reader_and_copy(data):
    from lxml import etree

    from translate_cmp.l10n.annotate import annotate_xliff

    docs = _read(data, ".xlf", ReadOptions())
    if docs:
        try:
            copy = annotate_xliff(data, _units_findings(docs, lambda d: d.unit.unit_id.split("#", 1)[0]))
        except COPY_ERRORS:
            return
        etree.fromstring(copy, etree.XMLParser(resolve_entities=False, no_network=True))


@FUZZ
@given(data=_xml_case(_tmx))
@example(data=_tmx("ISO-8859-1", "&#x4E2D;"))
@example(data=_tmx("Shift_JIS", "日本語"))
@example(data=_tmx("GB18030", "中文"))
def test_fuzz_tmx_reader_and_copy(data):
    from lxml import etree

    from translate_cmp.l10n.annotate import annotate_tmx

    docs = _read(data, ".tmx", ReadOptions())
    if docs:
        try:
            copy = annotate_tmx(data, _units_findings(docs, lambda d: d.unit.unit_id))
        except COPY_ERRORS:
            return
        etree.fromstring(copy, etree.XMLParser(resolve_entities=False, no_network=True))


def test_the_po_charsets_are_gettexts_own_as_python_names_them():
    import codecs

    from translate_cmp.readers.po import GETTEXT_CHARSETS

    gettext = [  # po-charset.c's list, less EUC-TW, VISCII and GEORGIAN-PS, which Python has no codec for
        "ASCII", "ANSI_X3.4-1968", "US-ASCII", "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
        "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "KOI8-R",
        "KOI8-U", "KOI8-T", "CP850", "CP866", "CP874", "CP932", "CP949", "CP950", "CP1250", "CP1251", "CP1252",
        "CP1253", "CP1254", "CP1255", "CP1256", "CP1257", "CP1258", "GB2312", "EUC-JP", "EUC-KR", "BIG5", "BIG5-HKSCS",
        "GBK", "GB18030", "SHIFT_JIS", "JOHAB", "TIS-620", "UTF-8",
    ]
    assert {codecs.lookup(name).name for name in gettext} == GETTEXT_CHARSETS
