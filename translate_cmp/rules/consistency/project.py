"""The project pass: every localisation unit of the run at once, before the per-document work.

Consistency (Q670, Q671) cannot be judged one unit at a time: it compares a unit with every other unit of its
file or project. The run reads its inputs once more, before the pipeline, keeping only what the checks compare
(each unit's id, language, context, source and target: a few hundred bytes a unit), groups the units, and hands
the findings, keyed by document id, to the rules through :class:`~translate_cmp.rules.settings.RuleSettings`.
The per-document work then reports them like any other rule's: every executor gets the same findings, the
outputs stay byte-identical across executors, and the result memos key on the findings' digest.

Grouping (both checks): units of the same target locale (``pt_BR`` apart from ``pt``), never across locales;
with ``scope = "file"``
only units of the same file. Fuzzy, empty and template (POT) units take no part: they are not translations.
- Q670 (same source, different translations): units with the same source, context (``msgctxt``) and plural
  form. The translation most units use is the reference; the others are reported, each naming the reference's
  first unit. On a tie (most often two units), the rest of the project decides: the translation that the
  units whose source holds this source as words ("Password reset" in "Password reset complete") use more
  often, then the translation more other units' translations hold, then the one whose word pairs the other
  translations use more (the project's phrasing), then, for a source that starts with a capital, the one that
  starts with a capital where the locale does so for 90% of such sources or more ("contraseña Restablecer",
  "(URL) Adresse" break the locale's own convention); when that ties too, there is no reference and every
  unit of the group is reported.
- Q672 (an acronym written two ways): within one file always, how each unit writes an acronym of its source
  (rules/consistency/acronyms.py); the units that write it otherwise than most units do are reported.
- Q671 (different sources, same translation): units with the same context whose translations are the same
  and whose sources differ in more than case, punctuation, markup, word order and inflection (the set of the
  sources' words of three letters or more, each by its stem; the forms of one plural entry are one source).
  The source most units use is the reference, as above (a tie: the source whose translation the rest of the
  project supports, else every unit). Not compared: units with different contexts
  (``msgctxt`` says they mean different things: "F" for Friday, "Fri"); two one-word sources (a language
  may have one word for "Delete" and "Remove", "Show" and "View"); a source and its abbreviation ("jan",
  "January").
Translations are compared with runs of whitespace as one space, case and quote typography aside (other checks
report those); accelerator markers may be given to ignore.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate_cmp.records import Document

CODES = ("Q670", "Q671", "Q672")
_LOOSE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class UnitText:
    """What the consistency checks keep of one unit."""

    doc_id: str
    where: str  # "locale/de/django.po:120"
    file: str
    lang: str  # the locale (locale_of): units of different locales are never compared
    context: str
    plural: int | None
    source: str  # the form this unit translates (a plural entry: msgid_plural for msgstr[1..])
    target: str
    entry: str = ""  # the entry's own source (msgid): the forms of one plural entry are one source for Q671
    source_lang: str = ""


_LOCALE = re.compile(r"[a-z]{2,3}(?:[_@-][A-Za-z0-9]+)*")


def locale_of(file: str, lang: str) -> str:
    """The unit's locale, finer than its language: ``pt_BR`` and ``pt``, ``sr`` and ``sr_Latn``, ``zh_Hans`` and
    ``zh_Hant`` are different translations. From the gettext layout (``locale/pt_BR/LC_MESSAGES/x.po``), else
    a file or folder named for the locale (``po/pt_BR.po``, ``pt_BR/x.xlf``), else the language."""
    path = Path(file)
    parts = path.parts
    candidates = [parts[parts.index("LC_MESSAGES") - 1]] if "LC_MESSAGES" in parts[1:] else []
    candidates += [path.stem, path.parent.name]
    for name in candidates:
        if _LOCALE.fullmatch(name) and name.split("_")[0].split("-")[0].split("@")[0].lower() == lang.split("-")[0]:
            return name.replace("-", "_").lower()
    return lang


def unit_text(document: Document) -> UnitText | None:
    unit = document.unit
    if unit is None or unit.fuzzy or unit.fmt == "pot" or not unit.source.strip() or not document.text.strip():
        return None
    source = unit.source if unit.plural_index in (None, 0) else (unit.source_plural or unit.source)
    where = f"{unit.file or document.path}:{unit.line}" if unit.line else (unit.file or document.path)
    lang = unit.target_lang.lower()
    return UnitText(document.doc_id, where, unit.file or document.path, locale_of(unit.file, lang), unit.context,
                    unit.plural_index, source, document.text, unit.source, unit.source_lang.lower())


_QUOTE_MARKS = re.compile("[’‘ʼ“”„«»]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def _same(text: str, markers: str, fold: bool = True) -> str:
    """A translation as Q670 compares it: runs of spaces as one, case and the quote marks' typography aside
    ("Janvier" as a calendar's heading, "janvier" in a date; "Aujourd’hui", "Aujourd'hui"), accelerator
    markers removed when given. Sources keep their case (``fold=False``): "Choose a Time" (a heading) and
    "Choose a time" (a label) may be translated differently."""
    text = " ".join(text.split())
    if _QUOTE_MARKS.search(text):
        text = text.translate(_QUOTES)
    text = text.casefold() if fold else text
    for m in markers:  # "&File" and "File" are the same words
        text = re.sub(re.escape(m) + r"(?=\w)", "", text)
    return text


def _source_words(u: UnitText) -> list[str]:
    from translate_cmp.rules.terminology.matching import blank_markup

    return [w for w in _LOOSE.split(blank_markup(u.entry or u.source).casefold()) if w]


def _loose(u: UnitText) -> str:
    """The source as Q671 compares it: markup, case, punctuation and spaces aside ("a.m." is "AM"), and with
    more than one word, the set of its words of three letters or more, each by its stem (its lemma's first six
    letters: "Password changed successfully." is "Password change successful"; "Change my password" is
    "Password change")."""
    from translate_cmp.rules.terminology.matching import lemmatiser

    words = _source_words(u)
    if len(words) < 2 or len("".join(words)) <= 4:  # a word, or an abbreviation written with dots
        return "".join(words)
    lemma = lemmatiser(u.source_lang or "en")
    stems = set()
    for word in words:
        if len(word) < 3:
            continue
        if lemma is not None:
            word = lemma(word)
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        stems.add(word[:6])
    return " ".join(sorted(stems))


def _abbreviates(a: list[str], b: list[str]) -> bool:
    """Each word of one source starts the same word of the other ("jan" and "January", "Tue" and "Tuesday")."""
    return len(a) == len(b) and all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b))


def check_units(units: Iterable[UnitText], codes: Sequence[str] = CODES, scope: str = "project",
                accelerators: str = "") -> dict[str, tuple[tuple[str, str], ...]]:
    """doc_id -> ((code, message), ...), for the units ``codes`` report."""
    by_source: dict[tuple, list[UnitText]] = defaultdict(list)
    by_target: dict[tuple, list[UnitText]] = defaultdict(list)
    norms: dict[int, tuple[str, str]] = {}  # id(unit) -> (source, translation) as compared, case aside
    kept = []
    for u in units:
        area = (u.lang, u.file if scope == "file" else "")
        source, target = _same(u.source, accelerators, fold=False), _same(u.target, accelerators)
        norms[id(u)] = (source.casefold(), target)
        kept.append(u)
        if "Q670" in codes:
            by_source[(*area, u.context, u.plural, source)].append(u)
        if "Q671" in codes:
            by_target[(*area, u.context, target)].append(u)
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    project = _Project(kept, norms)
    for group in by_source.values():
        def evidence(target: str, group=group) -> tuple[int, ...]:
            unit = next(u for u in group if norms[id(u)][1] == target)
            return (*project.evidence(group, norms[id(group[0])][0], target), project.starts_as_source(unit))

        for u, reference, others in _odd_ones(group, lambda u: norms[id(u)][1], evidence):
            out[u.doc_id].append(("Q670", f"the same source {u.source[:60]!r} is translated {reference.target[:60]!r} "
                                          f"in {others} other unit{'s' if others != 1 else ''} "
                                          f"(first: {reference.where})"))
    for group in by_target.values():
        def evidence_source(source_key: str, group=group) -> tuple[int, int]:
            unit = next(u for u in group if _loose(u) == source_key)
            return project.evidence(group, *norms[id(unit)])

        for u, reference, others in _odd_ones(group, _loose, evidence_source):
            mine, theirs = _source_words(u), _source_words(reference)
            if (len(mine) < 2 and len(theirs) < 2) or _abbreviates(mine, theirs):
                continue  # one-word labels (a language may have one word for "Delete" and "Remove"); abbreviations
            out[u.doc_id].append(("Q671", f"the same translation {u.target[:60]!r} is given for another source, "
                                          f"{reference.source[:60]!r}, in {others} unit{'s' if others != 1 else ''} "
                                          f"(first: {reference.where})"))
    if "Q672" in codes:  # an acronym of the source written otherwise than in most units of the file
        from translate_cmp.rules.consistency.acronyms import acronym_findings

        for doc_id, found in acronym_findings(kept).items():
            out[doc_id].extend(found)
    return {k: tuple(v) for k, v in out.items()}


def _word_pairs(text: str) -> list[tuple[str, str]]:
    words = _WORDS.findall(text)
    return list(zip(words, words[1:]))


_WORDS = re.compile(r"\w+")


def _start(text: str) -> str:
    """How a text starts: "upper", "lower" (a letter of a cased script), "letter" (of an uncased one: 保存),
    "digit" or "mark" (a bracket, a quote, a placeholder's "%")."""
    for ch in text:
        if ch.isspace():
            continue
        if ch.isalpha():
            return "upper" if ch.isupper() else "lower" if ch.islower() else "letter"
        return "digit" if ch.isdigit() else "mark"
    return "mark"


def _capital(text: str) -> bool:
    """Starts with a capital, or a letter of an uncased script."""
    return _start(text) in ("upper", "letter")


# the share of a locale's units with a source that starts with a capital whose translation starts with one too,
# from which that is the locale's convention, and a tie-break (Q670)
START_CONVENTION = 0.9


class _Project:
    """Every unit's source and translation as the checks compare them, per language: computed once, read by
    the tie-breaks."""

    def __init__(self, units: list[UnitText], norms: dict[int, tuple[str, str]]):
        self.by_lang: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self.pairs: dict[str, Counter] = defaultdict(Counter)  # per locale: word pairs of the translations
        alike: Counter = Counter()
        total: Counter = Counter()
        for u in units:
            self.by_lang[u.lang].append((id(u), *norms[id(u)]))
            self.pairs[u.lang].update(_word_pairs(norms[id(u)][1]))
            if _start(u.source) == "upper":
                total[u.lang] += 1
                alike[u.lang] += _capital(u.target)
        self.start_convention = {lang: alike[lang] / total[lang] >= START_CONVENTION for lang in total}

    def starts_as_source(self, unit: UnitText) -> int:
        """1 when ``unit``'s source starts with a capital, the locale starts such a source's translation with a
        capital (START_CONVENTION of its units or more) and ``unit``'s translation does: a variant that breaks the
        locale's own convention ("contraseña Restablecer", "(URL) Adresse") is the odd one."""
        return int(self.start_convention.get(unit.lang, False) and _start(unit.source) == "upper"
                   and _capital(unit.target))

    def evidence(self, group: list[UnitText], source: str, target: str) -> tuple[int, int, int]:
        """How the rest of the project translates the phrase: how many other units whose source holds
        ``source`` as words ("Password reset" in "Password reset complete") hold ``target`` in their
        translation; then, how many other units' translations hold ``target`` at all; then, how often the
        other translations use the word pairs of ``target`` (the project's phrasing: "Passwort ändern", not
        "ändern Passwort")."""
        if not source or not target:
            return (0, 0, 0)
        inside = re.compile(rf"(?<!\w){re.escape(source)}(?!\w)")
        members = {id(u) for u in group}
        in_source = anywhere = 0
        for key, unit_source, translation in self.by_lang[group[0].lang]:
            if target in translation and key not in members:
                anywhere += 1
                in_source += bool(inside.search(unit_source))
        pairs = self.pairs[group[0].lang]
        own = Counter(p for u in group for p in _word_pairs(_same(u.target, "")))  # the group's own, not evidence
        phrasing = sum(pairs[p] - own[p] for p in set(_word_pairs(target)))
        return (in_source, anywhere, phrasing)


def _odd_ones(group: list[UnitText], key, evidence=None):
    """(unit, reference unit, how many units share the reference's key) for each unit whose key is not the
    reference key: the key most units of the group have; on a tie, the one ``evidence`` (the rest of the
    project) supports most; if that ties too, there is no reference and every unit is reported, each against
    the first unit of another key."""
    if len(group) < 2:
        return
    counts = Counter(key(u) for u in group)
    if len(counts) < 2:
        return
    first: dict[str, UnitText] = {}
    for u in group:
        first.setdefault(key(u), u)
    best = max(counts.values())
    tied = [k for k in counts if counts[k] == best]
    if len(tied) > 1 and evidence is not None:
        support = {k: evidence(k) for k in tied}
        most = max(support.values())
        tied = [k for k in tied if support[k] == most]
    top = min(tied, key=lambda k: group.index(first[k]))
    for u in group:
        k = key(u)
        if k != top:
            yield u, first[top], counts[top]
        elif len(tied) > 1:  # no reference: this unit too, against the first unit of the next key
            other = min((x for x in counts if x != top), key=lambda x: group.index(first[x]))
            yield u, first[other], counts[other]


UNIT_SUFFIXES = frozenset({".po", ".xlf", ".xliff", ".tmx"})


def has_units(paths: Sequence[str], read_options) -> bool:
    """Whether the inputs hold localisation units (a catalogue, or tables read as bitext): a run over articles
    skips the project pass, and reads its inputs once."""
    from translate_cmp.readers import input_files

    if getattr(read_options, "target_column", None):
        return True
    follow = getattr(read_options, "follow_links", False)
    return any(path.suffix.lower() in UNIT_SUFFIXES for path, _ in input_files(paths, follow))


def project_findings(paths: Sequence[str], read_options, rules, scope: str = "project",
                     accelerators: str = "") -> dict[str, tuple[tuple[str, str], ...]]:
    """Read the inputs and check their units' consistency, when a consistency rule is selected ({} otherwise)."""
    codes = [r.code for r in rules if r.code in CODES]
    if not codes or not has_units(paths, read_options):
        return {}
    from translate_cmp.readers import read_documents

    units = (unit_text(d) for d in read_documents(paths, read_options, on_error=lambda error: None))
    return check_units((u for u in units if u is not None), codes, scope, accelerators)
