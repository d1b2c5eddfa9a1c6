"""A document of one (sentence, pivot) result -- a table's row -- prepared in one pass (issue 24).

:func:`translate_cmp.writers.prepare` of such a document used to build its row's values
(:func:`translate_cmp.writers.rows.doc_rows`: values, a group, the summary) and render them again for each format
(each writer's ``render``), every number rounded, tested and formatted once a use. :func:`one_row` makes the same
summary, fingerprints and the row's values straight from the result, each number rounded once, no group, and hands
them to the formats' own line functions (csv_out.sentence_line and document_line, jsonl_out.sentence_line and
flag_line: one layout a file). It gives up (None) on what it does not expect (a score that is not a float, an
infinite one, which the json encoder refuses): the general path then makes (or refuses) it. tests/test_writers.py
compares the two on varied results.
"""

from __future__ import annotations

from translate_cmp.records import DocumentResult, Severity
from translate_cmp.writers.csv_out import document_line
from translate_cmp.writers.csv_out import sentence_line as csv_sentence_line
from translate_cmp.writers.fingerprint import fingerprint, fingerprints
from translate_cmp.writers.jsonl_out import flag_line
from translate_cmp.writers.jsonl_out import sentence_line as jsonl_sentence_line
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
    # the row's values as rows.sentence_values makes them (each number rounded once, above), written by the formats'
    # own line functions: one layout a file
    values = (doc_id, s.sent_id, s.start, s.end, s.lang or result.lang, text, pivot_lang, pivot_text, back_text,
              chrf, bleu, ter, diff, codes, risk, unknown, state)
    csv_text = (csv_sentence_line(values), document_line(summary)) if csv else ()
    jsonl_text: tuple = ()
    if jsonl:
        flag_lines = "".join([flag_line(f, fp) for f, fp in zip(found, fps, strict=True)]) if found else ""
        jsonl_text = (flag_lines, jsonl_sentence_line(values))
    return summary, fps, csv_text, jsonl_text
