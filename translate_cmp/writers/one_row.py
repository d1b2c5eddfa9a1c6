"""A document of one (sentence, pivot) result -- a table's row -- prepared in one pass (issue 24).

:func:`translate_cmp.writers.prepare` of such a document used to build its row's values
(:func:`translate_cmp.writers.rows.doc_rows`: values, a group, the summary) and render them again for each format
(each writer's ``render``), every number rounded, tested and formatted once a use. :func:`one_row` makes the same
summary, fingerprints and text straight from the result: each number rounded and written once (``repr`` is what
both the csv writer and the json encoder write for a float), each string quoted or encoded once a format, no row
tuple, no group. It gives up (None) on what it does not expect (a score that is not a float, an infinite one,
which the json encoder refuses): the general path then makes (or refuses) it. tests/test_writers.py compares the
two on varied results.
"""

from __future__ import annotations

from json.encoder import encode_basestring

from translate_cmp.records import DocumentResult, Severity
from translate_cmp.writers.csv_out import _text
from translate_cmp.writers.fingerprint import fingerprint, fingerprints
from translate_cmp.writers.jsonl_out import _LINE_BREAKS, flag_line
from translate_cmp.writers.rows import flag_codes, unit_state

_INF = float("inf")
_ERROR, _WARNING, _INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _number(value: float) -> tuple[float | None, float | None] | None:
    """A score's cell (rounded, None for NaN) and the one-row mean of it (``_mean([value])``: ``0 + value``, so
    -0.0 becomes 0.0); None: not a finite float (the general path's)."""
    if value.__class__ is not float:
        return None
    if value != value:
        return None, None
    if not -_INF < value < _INF:
        return None
    cell = round(value, 4)
    return cell, (cell if value else 0.0)


def one_row(result: DocumentResult, csv: bool, jsonl: bool) -> tuple[dict, list[str], tuple, tuple] | None:
    """``(summary, fingerprints, csv text, jsonl text)`` of a document of one result (``result.sentences``), the
    text a format not asked for ``()``; None where the general path must make them (see the module doc)."""
    r = result.sentences[0]
    s = r.sentence
    document = result.document
    risk = r.risk
    lang_prob = result.lang_prob
    if risk.__class__ is not float or lang_prob.__class__ is not float:
        return None
    if risk != risk:
        max_risk, risk = None, 0.0
    elif -_INF < risk < _INF:
        max_risk = round(risk, 4)
        risk = max_risk or 0.0
    else:
        return None
    lang_prob = None if lang_prob != lang_prob else round(lang_prob, 4)
    sc = r.scores
    if sc is None:
        chrf = bleu = ter = mean_chrf = mean_bleu = mean_ter = None
    else:
        c, b, t = _number(sc.chrf), _number(sc.bleu), _number(sc.ter)
        if c is None or b is None or t is None:
            return None
        (chrf, mean_chrf), (bleu, mean_bleu), (ter, mean_ter) = c, b, t
    rt = r.round_trip
    if rt is None:
        pivot_lang = pivot_text = back_text = diff = unknown = ""
    else:
        pivot_lang, pivot_text, back_text, diff = rt.pivot_lang, rt.pivot_text, rt.back_text, r.diff
        unknown = ";".join(rt.unknown)
    flags = r.flags
    state = unit_state(document.unit)
    doc_id, text = s.doc_id, s.text
    if flags:
        found = list(dict.fromkeys(flags))
        codes = flag_codes(flags)
        severities = [f.severity for f in found]
        n_error, n_warning, n_info = severities.count(_ERROR), severities.count(_WARNING), severities.count(_INFO)
        fps = ([fingerprint(found[0].code, found[0].doc_id, text)] if len(found) == 1  # most: one hash, no counting
               else fingerprints([(f.code, f.doc_id, text) for f in found]))
    else:
        found = ()
        codes = ""
        n_error = n_warning = n_info = 0
        fps = []
    summary = {
        "doc_id": document.doc_id,
        "path": document.path,
        "lang": result.lang,
        "lang_prob": lang_prob,
        "n_sentences": 1,
        "n_flagged": 1 if flags else 0,
        "mean_chrf": mean_chrf,
        "max_risk": max_risk,
        "n_error": n_error,
        "n_warning": n_warning,
        "n_info": n_info,
        "n_flags": len(found),
        "mean_bleu": mean_bleu,
        "mean_ter": mean_ter,
        "pivots": pivot_lang,
        "encoding": document.encoding,
        "error": "",
    }
    lang = s.lang or result.lang
    chrf_s = "" if chrf is None else repr(chrf)
    bleu_s = "" if bleu is None else repr(bleu)
    ter_s = "" if ter is None else repr(ter)
    risk_s = repr(risk)
    csv_text: tuple = ()
    if csv:
        doc_id_c = _text(doc_id)
        lang_c = _text(lang)
        pivot_c = _text(pivot_lang) if pivot_lang else ""
        sentence = (f"{doc_id_c},{s.sent_id},{s.start},{s.end},{lang_c},{_text(text)},{pivot_c},"
                    f"{_text(pivot_text) if pivot_text else ''},{_text(back_text) if back_text else ''},"
                    f"{chrf_s},{bleu_s},{ter_s},{_text(diff) if diff else ''},{_text(codes) if codes else ''},"
                    f"{risk_s},{_text(unknown) if unknown else ''},{_text(state) if state else ''}\r\n")
        encoding = document.encoding
        line = (f"{doc_id_c if document.doc_id is doc_id else _text(document.doc_id)},{_text(document.path)},"
                f"{lang_c if lang is result.lang else _text(result.lang)},"
                f"{'' if lang_prob is None else lang_prob},1,{1 if flags else 0},"
                f"{'' if mean_chrf is None else mean_chrf},{'' if max_risk is None else max_risk},"
                f"{n_error},{n_warning},{n_info},{len(found)},"
                f"{'' if mean_bleu is None else mean_bleu},{'' if mean_ter is None else mean_ter},"
                f"{pivot_c},{_text(encoding) if encoding else ''},\r\n")
        csv_text = (sentence, line)
    jsonl_text: tuple = ()
    if jsonl:
        codes_j = "[" + ", ".join([encode_basestring(c) for c in codes.split(";")]) + "]" if codes else "[]"
        line = (f'{{"doc_id": {encode_basestring(doc_id)}, "sent_id": {s.sent_id:d}, "start": {s.start:d}, '
                f'"end": {s.end:d}, "lang": {encode_basestring(lang)}, "text": {encode_basestring(text)}, '
                f'"pivot_lang": {encode_basestring(pivot_lang)}, "pivot_text": {encode_basestring(pivot_text)}, '
                f'"back_text": {encode_basestring(back_text)}, "chrf": {chrf_s or "null"}, '
                f'"bleu": {bleu_s or "null"}, "ter": {ter_s or "null"}, "diff": {encode_basestring(diff)}, '
                f'"flags": {codes_j}, "risk": {risk_s}, "unknown": {encode_basestring(unknown)}, '
                f'"unit_state": {encode_basestring(state)}}}')
        if "\x85" in line or "\u2028" in line or "\u2029" in line:
            line = line.translate(_LINE_BREAKS)
        flag_lines = "".join([flag_line(f, fp) for f, fp in zip(found, fps, strict=True)]) if found else ""
        jsonl_text = (flag_lines, line + "\n")
    return summary, fps, csv_text, jsonl_text
