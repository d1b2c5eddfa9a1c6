"""``flags.jsonl`` (one object per flag) and ``sentences.jsonl`` (the sentences.csv rows as JSON).

``flags.jsonl`` objects: ``doc_id, sent_id, code, severity, start, end, message, fingerprint``; ``start``/``end``
are character offsets into the document; ``severity`` is ``info``, ``warning`` or ``error``; ``fingerprint``
is the finding's stable key (:mod:`translate_cmp.writers.fingerprint`). A flag is
written once per sentence even when several pivots repeat it.

``sentences.jsonl`` has the ``sentences.csv`` columns with ``flags`` as a list of codes, exact strings
(JSON needs no formula neutralisation) and ``null`` for the empty numeric cells.

Both are UTF-8 with non-ASCII characters written as is, except U+0085, U+2028 and U+2029, which are
escaped so that any line splitter sees exactly one object per line.
"""

from __future__ import annotations

import json
from json.encoder import c_make_encoder, encode_basestring

from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.rows import FLAGS_CELL, SENTENCE_COLUMNS, DocRows, flag_record

# JSON leaves these raw with ensure_ascii=False, but str.splitlines() (and JavaScript) break lines on them;
# they can only occur inside JSON strings, so escaping them there keeps one object per line for every reader.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # what json.dumps builds for these options each call
# the C encoder JSONEncoder.encode makes for every call, made once: the same text (a record is a flat dict of
# strings, numbers, None and a list of strings: no cycle to watch for, so no marker dict either)
_C_ENCODE = c_make_encoder(None, _ENCODER.default, encode_basestring, None, _ENCODER.key_separator,
                           _ENCODER.item_separator, False, False, False) if c_make_encoder is not None else None


def _encode(obj: dict) -> str:
    return "".join(_C_ENCODE(obj, 0)) if _C_ENCODE is not None else _ENCODER.encode(obj)


def _line(obj: dict) -> str:
    text = _encode(obj)
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # rare: three C scans beat one translate
        text = text.translate(_LINE_BREAKS)
    return text + "\n"


class JsonlWriter(FormatWriter):
    format = "jsonl"
    file_names = ("flags.jsonl", "sentences.jsonl")
    ahead = True

    @classmethod
    def render(cls, doc: DocRows) -> tuple[str, str]:
        flags = "".join([_line(flag_record(flag, fp)) for flag, fp, _ in doc.findings()])
        sentences = []
        for row in doc.rows:
            obj = dict(zip(SENTENCE_COLUMNS, row, strict=True))
            codes = row[FLAGS_CELL]
            obj["flags"] = codes.split(";") if codes else []
            sentences.append(_line(obj))
        return flags, "".join(sentences)

    def write(self, doc: DocRows) -> None:
        flags, sentences = doc.rendered.get("jsonl") or self.render(doc)
        if flags:
            self.files["flags.jsonl"].handle.write(flags)
        if sentences:
            self.files["sentences.jsonl"].handle.write(sentences)
