"""CSV cell safety: neutralise cells a spreadsheet would run as a formula, reversibly.

The contract says both "``text`` is exactly ``document[start:end]``" and "cells that a spreadsheet
would run as a formula are neutralised". They meet like this:

* Every *string* column of every CSV we write (``doc_id``, ``path``, ``lang``, ``text``, ``pivot_text``,
  ``back_text``, ``diff``, ...) is neutralised; numeric columns are not (a spreadsheet never runs ``-0.5``).
* A cell is neutralised when it starts -- after any leading apostrophes -- with one of the OWASP
  trigger characters ``= + - @ TAB CR`` (plus LF and their full-width forms ``＝ ＋ － ＠``, defensively):
  one ``'`` is put in front. ``-- quoted`` becomes ``'-- quoted``; ``'=x`` becomes ``''=x``.
* Because apostrophes are looked through, the escape is a bijection: :func:`unneutralise` gives back
  exactly the original for every string, including ones that themselves start with ``'``.
* So ``text`` equals ``document[start:end]`` byte for byte for every sentence that is not formula-like,
  and for formula-like ones it equals ``"'" + document[start:end]``. Machine consumers read the files
  with :func:`translate_cmp.writers.csv_out.read_sentences_csv`, which undoes the escape and returns
  the exact text for every row. ``sentences.jsonl`` (format ``jsonl``) is never neutralised.
"""

from __future__ import annotations

FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def _formula_like(value: str) -> bool:
    rest = value.lstrip("'")
    return bool(rest) and rest[0] in FORMULA_TRIGGERS


def neutralise(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would evaluate (reversible, see the module doc)."""
    return "'" + value if _formula_like(value) else value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` exactly."""
    if value.startswith("'") and _formula_like(value):
        return value[1:]
    return value
