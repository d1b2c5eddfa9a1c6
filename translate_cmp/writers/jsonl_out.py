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
import math
from json.encoder import encode_basestring

from translate_cmp.records import Flag
from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.rows import DocRows

# JSON leaves these raw with ensure_ascii=False, but str.splitlines() (and JavaScript) break lines on them;
# they can only occur inside JSON strings, so escaping them there keeps one object per line for every reader.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # the records' JSON (json.dumps with these options)

_string = encode_basestring  # a str as the encoder writes it (ensure_ascii=False): the same function
_EMPTY = _string("")


def _number(value: float) -> str:
    """A float (or int) as the encoder writes it: its repr; NaN and the infinities raise as they do there."""
    return repr(value) if math.isfinite(value) else _ENCODER.encode(value)


def sentence_line(values: tuple) -> str:
    """The ``sentences.jsonl`` line of a row's values (:func:`translate_cmp.writers.rows.sentence_values`: strings,
    ints and floats or None where :class:`translate_cmp.writers.rows.SentenceRow` says): the encoder's text for the
    record (``flags`` a list of codes), line breaks escaped, made without it (tests/test_writers.py compares them)."""
    (doc_id, sent_id, start, end, lang, text, pivot_lang, pivot_text, back_text, chrf, bleu, ter, diff, flags, risk,
     unknown, state) = values
    codes = "[" + ", ".join([_string(c) for c in flags.split(";")]) + "]" if flags else "[]"
    line = (f'{{"doc_id": {_string(doc_id)}, "sent_id": {sent_id:d}, "start": {start:d}, "end": {end:d}, '
            f'"lang": {_string(lang)}, "text": {_string(text)}, '
            f'"pivot_lang": {_string(pivot_lang) if pivot_lang else _EMPTY}, '
            f'"pivot_text": {_string(pivot_text) if pivot_text else _EMPTY}, '
            f'"back_text": {_string(back_text) if back_text else _EMPTY}, '
            f'"chrf": {"null" if chrf is None else _number(chrf)}, '
            f'"bleu": {"null" if bleu is None else _number(bleu)}, '
            f'"ter": {"null" if ter is None else _number(ter)}, "diff": {_string(diff) if diff else _EMPTY}, '
            f'"flags": {codes}, "risk": {"null" if risk is None else _number(risk)}, '
            f'"unknown": {_string(unknown) if unknown else _EMPTY}, '
            f'"unit_state": {_string(state) if state else _EMPTY}}}')
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.translate(_LINE_BREAKS)
    return line + "\n"


def flag_line(flag: Flag, fingerprint: str) -> str:
    """The ``flags.jsonl`` line of a flag and its fingerprint: the encoder's text for
    :func:`translate_cmp.writers.rows.flag_record`, line breaks escaped, made without it (tests/test_writers.py)."""
    line = (f'{{"doc_id": {_string(flag.doc_id)}, "sent_id": {flag.sent_id:d}, "code": {_string(flag.code)}, '
            f'"severity": {_string(str(flag.severity))}, "start": {flag.start:d}, "end": {flag.end:d}, '
            f'"message": {_string(flag.message)}, "fingerprint": {_string(fingerprint)}}}')
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.translate(_LINE_BREAKS)
    return line + "\n"


class JsonlWriter(FormatWriter):
    format = "jsonl"
    file_names = ("flags.jsonl", "sentences.jsonl")
    ahead = True

    @classmethod
    def render(cls, doc: DocRows) -> tuple[str, str]:
        return ("".join([flag_line(flag, fp) for flag, fp, _ in doc.findings()]),
                "".join([sentence_line(row) for row in doc.rows]))

    def write(self, doc: DocRows) -> None:
        flags, sentences = doc.rendered.get("jsonl") or self.render(doc)
        if flags:
            self.files["flags.jsonl"].handle.write(flags)
        if sentences:
            self.files["sentences.jsonl"].handle.write(sentences)
