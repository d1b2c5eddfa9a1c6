"""The project pass: every localisation unit of the run at once, before the per-document work.

Consistency (Q670, Q671) cannot be judged one unit at a time: it compares a unit with every other unit of its
file or project. The run reads its inputs once more, before the pipeline, keeping only what the checks compare
(each unit's id, language, context, source and target: a few hundred bytes a unit), groups the units, and hands
the findings, keyed by document id, to the rules through :class:`~translate_cmp.rules.settings.RuleSettings`.
The per-document work then reports them like any other rule's: every executor gets the same findings, the
outputs stay byte-identical across executors, and the result memos key on the findings' digest.

Grouping (both checks): units of the same target language, never across languages; with ``scope = "file"``
only units of the same file. Fuzzy, empty and template (POT) units take no part: they are not translations.
- Q670 (same source, different translations): units with the same source, context (``msgctxt``) and plural
  form. The translation most units use is the reference (on a tie, the one met first in input order, and then
  every unit of the group is reported: which is right is for the reviewer); the others are reported.
- Q671 (different sources, same translation): units whose translations are the same and whose sources differ
  beyond case, punctuation, whitespace and markup. The source most units use is the reference, as above.
Texts are compared with runs of whitespace as one space; accelerator markers may be given to ignore.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from translate_cmp.records import Document

CODES = ("Q670", "Q671")
_SPACE = re.compile(r"\s+")
_LOOSE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class UnitText:
    """What the consistency checks keep of one unit."""

    doc_id: str
    where: str  # "locale/de/django.po:120"
    file: str
    lang: str
    context: str
    plural: int | None
    source: str
    target: str


def unit_text(document: Document) -> UnitText | None:
    unit = document.unit
    if unit is None or unit.fuzzy or unit.fmt == "pot" or not unit.source.strip() or not document.text.strip():
        return None
    source = unit.source if unit.plural_index in (None, 0) else (unit.source_plural or unit.source)
    where = f"{unit.file or document.path}:{unit.line}" if unit.line else (unit.file or document.path)
    return UnitText(document.doc_id, where, unit.file or document.path, unit.target_lang.lower(), unit.context,
                    unit.plural_index, source, document.text)


def _same(text: str, markers: str) -> str:
    text = _SPACE.sub(" ", text.strip())
    for m in markers:  # "&File" and "File" are the same words
        text = re.sub(re.escape(m) + r"(?=\w)", "", text)
    return text


def _loose(text: str) -> str:
    from translate_cmp.rules.terminology.matching import blank_markup

    return _LOOSE.sub(" ", blank_markup(text)).strip().casefold()


def check_units(units: Iterable[UnitText], codes: Sequence[str] = CODES, scope: str = "project",
                accelerators: str = "") -> dict[str, tuple[tuple[str, str], ...]]:
    """doc_id -> ((code, message), ...), for the units ``codes`` report."""
    by_source: dict[tuple, list[UnitText]] = defaultdict(list)
    by_target: dict[tuple, list[UnitText]] = defaultdict(list)
    for u in units:
        area = (u.lang, u.file if scope == "file" else "")
        if "Q670" in codes:
            by_source[(*area, u.context, u.plural, _same(u.source, accelerators))].append(u)
        if "Q671" in codes:
            by_target[(*area, _same(u.target, accelerators))].append(u)
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group in by_source.values():
        for u, reference, others in _odd_ones(group, lambda u: _same(u.target, accelerators)):
            out[u.doc_id].append(("Q670", f"the same source {u.source[:60]!r} is translated {reference.target[:60]!r} "
                                          f"in {others} other unit{'s' if others != 1 else ''} "
                                          f"(first: {reference.where})"))
    for group in by_target.values():
        for u, reference, others in _odd_ones(group, lambda u: _loose(u.source)):
            out[u.doc_id].append(("Q671", f"the same translation {u.target[:60]!r} is given for another source, "
                                          f"{reference.source[:60]!r}, in {others} unit{'s' if others != 1 else ''} "
                                          f"(first: {reference.where})"))
    return {k: tuple(v) for k, v in out.items()}


def _odd_ones(group: list[UnitText], key):
    """(unit, reference unit, how many units share the reference's key) for each unit whose key is not the
    group's majority key; on a tie for the majority, every unit (each against the first unit of another key)."""
    if len(group) < 2:
        return
    counts = Counter(key(u) for u in group)
    if len(counts) < 2:
        return
    first: dict[str, UnitText] = {}
    for u in group:
        first.setdefault(key(u), u)
    ranked = sorted(counts, key=lambda k: (-counts[k], group.index(first[k])))
    top = ranked[0]
    tie = counts[ranked[1]] == counts[top]
    for u in group:
        k = key(u)
        if k == top and not tie:
            continue
        ref_key = top if k != top else ranked[1]
        yield u, first[ref_key], counts[ref_key]


def project_findings(paths: Sequence[str], read_options, rules, scope: str = "project",
                     accelerators: str = "") -> dict[str, tuple[tuple[str, str], ...]]:
    """Read the inputs and check their units' consistency, when a consistency rule is selected ({} otherwise)."""
    codes = [r.code for r in rules if r.code in CODES]
    if not codes:
        return {}
    from translate_cmp.readers import read_documents

    units = (unit_text(d) for d in read_documents(paths, read_options, on_error=lambda error: None))
    return check_units((u for u in units if u is not None), codes, scope, accelerators)
