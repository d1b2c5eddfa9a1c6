"""Galician, which langdetect (and lingua) do not know: they call it Spanish or Portuguese.

A text detected as ``es`` or ``pt`` is Galician when it has more evidence against Spanish than for it and more
against Portuguese than for it. Against both: Galician's own words, which neither writes ("unha", "non",
"tamén", "polo", "xa"). Against Spanish: Portuguese-like articles and contractions ("os", "do", "da", "ao").
Against Portuguese: Spanish-like spelling ("-ción", "ñ", "ll"). For Spanish: its own words ("una", "y",
"también", "del"); for Portuguese: its own words ("uma", "não", "com") and spelling ("-ção", "lh", "nh"). Measured on
Debian's catalogues and manual pages (benchmarks/route_batch.py's articles, docs/rules/measurements.md,
"Routes"): Galician documents come back ``gl``, no Spanish or Portuguese one does.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GALICIAN = _words(
    "unha unhas non tamén máis polo pola polos polas cun cunha coa coas nun nunha dun dunha xa iso aínda "
    "ningunha ningún algunha algún calquera sexa teñen ten súa súas cando moito moitos moita moitas sen hai "
    "pódese vostede ficheiros")
SPANISH = _words(
    "una unas la del los las y también más cuando muy sin hay puede tiene esto eso sus ya aún ningún ninguna "
    "alguna cualquier sea tienen mucho mucha archivo archivos")
PORTUGUESE = _words(
    "uma umas não também com pelo pela pelos pelas num numa quando já isso ainda nenhum nenhuma qualquer seja "
    "têm tem você são muito muita sem há arquivo arquivos")
LUSOPHONE_ARTICLES = _words("os do dos da das na nas ao aos")  # not Spanish
_HISPANIC_SPELLING = re.compile(r"ci[óo]n|ñ|ll")  # not Portuguese
_PORTUGUESE_SPELLING = re.compile(r"ç[ãõ]|lh|nh|ã")  # not Galician
MIN_EVIDENCE = 2
_WORD = re.compile(r"[^\W\d_]+")


def _evidence(text: str) -> tuple[int, int, int, int]:
    """(against Spanish, against Portuguese, for Spanish, for Portuguese)."""
    words = [w.lower() for w in _WORD.findall(text)]
    own = sum(w in GALICIAN for w in words)
    not_es = own + sum(w in LUSOPHONE_ARTICLES for w in words)
    not_pt = own + sum(bool(_HISPANIC_SPELLING.search(w)) for w in words)
    for_es = sum(w in SPANISH for w in words)
    for_pt = sum(w in PORTUGUESE or bool(_PORTUGUESE_SPELLING.search(w)) for w in words)
    return not_es, not_pt, for_es, for_pt


def is_galician(text: str) -> bool:
    """Whether a text langdetect calls Spanish or Portuguese is Galician (see the module docstring).

    :func:`_evidence`'s counts, each only where the answer still depends on it: most texts (Spanish ones) have
    too little evidence against Spanish, and no spelling is searched for."""
    words = [w.lower() for w in _WORD.findall(text)]
    own = sum(w in GALICIAN for w in words)
    not_es = own + sum(w in LUSOPHONE_ARTICLES for w in words)
    if not_es < MIN_EVIDENCE or not_es <= sum(w in SPANISH for w in words):
        return False
    not_pt = own + sum(bool(_HISPANIC_SPELLING.search(w)) for w in words)
    return not_pt >= MIN_EVIDENCE and not_pt > sum(w in PORTUGUESE or bool(_PORTUGUESE_SPELLING.search(w))
                                                   for w in words)


def may_be_galician(text: str, detected: str) -> bool:
    """Whether a sentence of a Galician document that langdetect calls ``detected`` (es or pt) has no more
    evidence for that language than against it: then it stays Galician (a sentence is short evidence)."""
    not_es, not_pt, for_es, for_pt = _evidence(text)
    return for_es <= not_es if detected == "es" else for_pt <= not_pt
