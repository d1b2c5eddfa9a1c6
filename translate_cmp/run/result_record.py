"""A :class:`~translate_cmp.records.DocumentResult` as a plain JSON record, and back, exactly.

The translation cache keeps whole document results (:class:`translate_cmp.run.result_memo.ResultMemo`). A cache
folder can be shared across CI branches, so what it holds must not be able to run code when it is read:
the records are JSON (strings, numbers, lists, objects), built and read field by field from the typed
records, never a pickle. Floats go through ``repr`` and back, so a result read from the cache writes the
same bytes as the one computed. A record of another :data:`FORMAT`, or one that does not fit the record
types, raises :class:`ValueError` (a miss for the caller).
"""

from __future__ import annotations

import json
import types
from dataclasses import fields
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from translate_cmp.records import (
    Document,
    DocumentResult,
    Flag,
    RoundTrip,
    Scores,
    Sentence,
    SentenceResult,
    Severity,
    Unit,
)

FORMAT = 1
PREFIX = b"translate-cmp result %d\n" % FORMAT


def _plain(obj: Any) -> dict:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _fits(value: object, hint: Any) -> bool:
    """Whether a JSON-read ``value`` (lists already turned into tuples) has the annotated type ``hint``."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_fits(value, arg) for arg in get_args(hint))
    if hint is type(None):
        return value is None
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(v, args[0]) for v in value)
        return len(value) == len(args) and all(_fits(v, a) for v, a in zip(value, args))
    if hint is float:
        return isinstance(value, (float, int)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return type(value) is hint  # str, bool


def _tuples(value: object) -> object:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


@cache
def _hints(cls) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(cls, raw: object, skip: frozenset[str] = frozenset()):
    """``cls(**raw)`` after checking every field against its annotation; ValueError when one does not fit."""
    hints = _hints(cls)
    if not isinstance(raw, dict) or set(raw) - set(hints):
        raise ValueError(f"not a {cls.__name__} record")
    values = {}
    for name, value in raw.items():
        if name not in skip:
            value = _tuples(value)
            if not _fits(value, hints[name]):
                raise ValueError(f"{cls.__name__}.{name} does not fit its type")
        values[name] = value
    return cls(**values)


def to_record(result: DocumentResult) -> dict:
    doc = result.document
    return {
        "document": {**_plain(doc), "unit": _plain(doc.unit) if doc.unit is not None else None},
        "lang": result.lang,
        "lang_prob": result.lang_prob,
        "sentences": [
            {
                "sentence": _plain(s.sentence),
                "round_trip": _plain(s.round_trip) if s.round_trip is not None else None,
                "scores": _plain(s.scores) if s.scores is not None else None,
                "diff": s.diff,
                "flags": [[f.doc_id, f.sent_id, f.code, int(f.severity), f.start, f.end, f.message] for f in s.flags],
                "risk": s.risk,
            }
            for s in result.sentences
        ],
    }


def _flag(raw: object) -> Flag:
    if not (isinstance(raw, list) and len(raw) == 7 and raw[3] in (1, 2, 3)):
        raise ValueError("not a Flag record")
    d, n, c, sev, a, b, m = raw
    return _build(Flag, {"doc_id": d, "sent_id": n, "code": c, "severity": Severity(sev), "start": a, "end": b,
                         "message": m}, skip=frozenset({"severity"}))


def from_record(raw: object) -> DocumentResult:
    """The DocumentResult of :func:`to_record`; ValueError when ``raw`` is not one."""
    if not isinstance(raw, dict) or set(raw) != {"document", "lang", "lang_prob", "sentences"}:
        raise ValueError("not a DocumentResult record")
    doc_raw = raw["document"]
    if not isinstance(doc_raw, dict):
        raise ValueError("not a Document record")
    unit = _build(Unit, doc_raw["unit"]) if doc_raw.get("unit") is not None else None
    document = _build(Document, {**doc_raw, "unit": unit}, skip=frozenset({"unit"}))
    sentences = []
    for s in raw["sentences"]:
        if not isinstance(s, dict) or set(s) != {"sentence", "round_trip", "scores", "diff", "flags", "risk"}:
            raise ValueError("not a SentenceResult record")
        sentences.append(_build(SentenceResult, {
            "sentence": _build(Sentence, s["sentence"]),
            "round_trip": _build(RoundTrip, s["round_trip"]) if s["round_trip"] is not None else None,
            "scores": _build(Scores, s["scores"]) if s["scores"] is not None else None,
            "diff": s["diff"], "flags": [_flag(f) for f in s["flags"]], "risk": s["risk"],
        }, skip=frozenset({"sentence", "round_trip", "scores", "flags"})))
    return _build(DocumentResult, {**raw, "document": document, "sentences": sentences},
                  skip=frozenset({"document", "sentences"}))


def dumps(result: DocumentResult) -> bytes:
    """:data:`PREFIX` and the record as compact JSON (ASCII: lone surrogates survive as escapes)."""
    return PREFIX + json.dumps(to_record(result), separators=(",", ":")).encode("ascii")


def loads(blob: bytes) -> DocumentResult:
    """The result :func:`dumps` wrote; ValueError for anything else (another format, a malformed record)."""
    if not isinstance(blob, bytes) or not blob.startswith(PREFIX):
        raise ValueError("not a result record of this format")
    try:
        return from_record(json.loads(blob[len(PREFIX):]))
    except (KeyError, TypeError, IndexError, RecursionError) as exc:
        raise ValueError(f"malformed result record ({type(exc).__name__})") from None
