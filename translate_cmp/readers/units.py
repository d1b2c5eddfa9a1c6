"""Shared by the localisation readers (PO, XLIFF, TMX, bitext tables): unit -> Document, language codes.

A unit's Document has ``doc_id = "<file id>:<unit id>"``, ``path = "<file>:<line>"`` and the target text;
its language is the file's declared target language (``Unit.target_lang``), never guessed unit by unit:
short UI strings ("OK", "Mai") defeat a language detector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from translate_cmp.records import Document, Unit

_TAG = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_@.])")
SAMPLE_UNITS = 200  # units read to guess a file's language when it declares none


def primary_lang(tag: str) -> str:
    """``"pt_BR"`` -> ``"pt"``, ``"zh-Hans"`` -> ``"zh"``, ``"en-US"`` -> ``"en"``; ``""`` when not a language tag."""
    m = _TAG.match(tag.strip())
    return m.group(0).lower() if m else ""


def file_language(texts: Iterable[str]) -> str:
    """One language for a whole file that declares none: detected once on a sample of its texts."""
    from translate_cmp.lang.detect import UNDETERMINED, detect

    sample = []
    for i, text in enumerate(texts):
        if i >= SAMPLE_UNITS:
            break
        sample.append(text)
    found = detect("\n".join(sample))
    return "" if found.lang == UNDETERMINED else found.lang


def unit_document(unit: Unit, text: str) -> Document:
    where = f"{unit.file}:{unit.line}" if unit.line else unit.file
    return Document(f"{unit.file_id}:{unit.unit_id}", where, text, unit=unit)
