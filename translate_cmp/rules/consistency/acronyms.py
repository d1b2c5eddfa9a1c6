"""Q672's part of the project pass: how each unit of a file writes an acronym of its source, compared across the file.

A translation keeps the source's acronym ("VF") or writes one of its own language ("ПП", "FV"); either is right
if the text keeps to it. Engines that translate one sentence at a time choose again in every sentence, and an
acronym written "ВФ" in one sentence, "ВН" in the next and "ЧСС" in a third names three things to the reader.

For each unit, the source's acronyms (two to seven Latin capitals, not a common English word written in capitals
such as "METHODS") and how the translation writes each: the acronym itself where the translation has it as a
word; else, where the source has just one acronym and the translation just one word in capitals that the source
has not, that word; else nothing is known of this unit. Within one file and locale, the form most units use is
the reference (at least two units); the units that write the acronym otherwise are reported, where one of the two
forms is in another script than the source's (a translation into Russian that writes "VF", "ВН" and "ВФ"). On a
tie nothing is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from translate_cmp.lang.wordlists import zipf

CODE = "Q672"
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,6}(?![\w-])")
_CAPITALS = re.compile(r"(?<![\w-])[^\W\d_][^\W_]{1,6}(?![\w-])")
WORD_ZIPF = 4.0  # "METHODS", "RESULTS": an English word in capitals (a heading), not an acronym
WORD_LETTERS = 4  # ... of four letters or more: "US", "OR", "CT" are acronyms although "us" and "or" are words


def source_acronyms(source: str) -> list[str]:
    """The acronyms of ``source``, once each, in order."""
    found = []
    for m in _ACRONYM.finditer(source):
        word = m.group()
        if sum(ch.isalpha() for ch in word) < 2 or word in found:
            continue
        if len(word) >= WORD_LETTERS and zipf(word.lower(), "en") >= WORD_ZIPF:
            continue
        found.append(word)
    return found


def renderings(source: str, target: str) -> dict[str, str]:
    """Acronym of the source -> how the translation writes it, where that can be told (module doc)."""
    acronyms = source_acronyms(source)
    if not acronyms:
        return {}
    words = {m.group() for m in _CAPITALS.finditer(target)}
    out = {a: a for a in acronyms if a in words}
    if len(acronyms) == 1 and not out:
        own = {w for w in words if w.isupper() and sum(ch.isalpha() for ch in w) >= 2 and w not in source}
        if len(own) == 1:
            out[acronyms[0]] = own.pop()
    return out


def script_changed(acronym: str, *forms: str) -> bool:
    """One of ``forms`` is written in another script than the source's ``acronym`` ("ВН" for "VF"). Where the
    translation writes the source's script, the two forms are most often the source's acronym and the language's
    own ("PTG" and "CPT", "PCCM" and "MACP" in Spanish), which its medical writing uses side by side: Spanish
    biomedical rows no rater marked had three such pairs (issue 25, docs/rules/measurements.md)."""
    from translate_cmp.lang.tokens import letter_script

    own = letter_script(acronym)
    return any(letter_script(form) != own for form in forms)


def acronym_findings(units: Iterable) -> dict[str, list[tuple[str, str]]]:
    """doc_id -> [(Q672, message)] for the units that write an acronym of their source otherwise than most units
    of their file do (``units``: project.UnitText)."""
    seen: dict[tuple[str, str, str], list[tuple[object, str]]] = defaultdict(list)
    for u in units:
        for acronym, written in renderings(u.source, u.target).items():
            seen[(u.lang, u.file, acronym)].append((u, written))
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (_, _, acronym), group in seen.items():
        counts = Counter(written for _, written in group)
        if len(counts) < 2:
            continue
        (top, most), (_, second) = counts.most_common(2)
        if most < 2 or most == second:
            continue  # no form most units use
        first = next(u for u, written in group if written == top)
        for u, written in group:
            if written != top and script_changed(acronym, written, top):
                out[u.doc_id].append((CODE, f"the source's {acronym} is written {written} here and {top} in {most} "
                                            f"other unit{'s' if most != 1 else ''} (first: {first.where})"))
    return out
