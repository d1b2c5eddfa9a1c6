"""L307 english-term-kept: an English term of medicine or clinical statistics whose own form the language has
established, kept in English ('La odds ratio fue de 14', 'limitaciones para la ADL')."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from operator import and_

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

# Not part of a longer token: a path, an address, an identifier, a hyphenated or dotted name ("HIV-1" is kept: a
# virus's name, written so in Spanish too; "who.int").
_BEFORE = r"(?<![\w./@\\-])"
_AFTER = r"(?![\w/@\\-]|\.\w)"


def _terms(code: str) -> Mapping[str, tuple[str, ...]]:
    terms = language(code).extra.get("english_terms", {})
    return terms if isinstance(terms, Mapping) else {}


def _acronym(term: str) -> bool:
    return re.fullmatch(r"[A-Za-z0-9]+", term) is not None and any(c.isupper() for c in term)


@cache
def _pattern(code: str) -> re.Pattern[str] | None:
    """One pattern for the language's English terms: an acronym in capitals (a plural "s" after it: "ADLs"), a term
    in any case, its words apart by any spaces (a plural "s" on its last word: "odds ratios")."""
    parts = []
    for term in sorted(_terms(code), key=len, reverse=True):
        if _acronym(term):
            parts.append(f"(?-i:{re.escape(term)})s?")
        else:
            parts.append(r"\s+".join(re.escape(w) for w in term.split()) + "s?")
    return re.compile(f"{_BEFORE}(?i:{'|'.join(parts)}){_AFTER}") if parts else None


def _key(found: str, code: str) -> str | None:
    """The list's entry for what was found ("ADLs" -> "ADL", "Odds  ratios" -> "odds ratio")."""
    norm = " ".join(found.split())
    for form in (norm, norm[:-1] if norm.endswith("s") else ""):
        for term in _terms(code):
            if form == term if _acronym(term) else form.lower() == term:
                return term
    return None


def _glossed(text: str, own: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """The sentence writes the language's own form too, or says the term is English: a gloss, not a term kept."""
    low = text.lower()
    if any(s in low for s in said):
        return True
    for form in own:
        if form.isupper() or any(c.isupper() for c in form):  # an acronym: as written
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                return True
        elif re.search(rf"(?<!\w){re.escape(form)}", low):
            return True
    return False


def _shouting(text: str) -> bool:
    """A heading or a notice in capitals ("HEARING AIDS"): an acronym cannot be told from a word there."""
    letters = sum(map(str.isalpha, text))  # each character asked in C, not in a loop here
    return letters >= 12 and sum(map(and_, map(str.isalpha, text), map(str.isupper, text))) > letters / 2


class EnglishTermKept(SurfaceRule):
    code = "L307"
    name = "english-term-kept"
    severity = Severity.WARNING
    languages = frozenset(code for code in MODULES if _terms(code))
    summary = "An English medical term or acronym the language writes its own way, kept: 'la odds ratio', 'la ADL'."
    why = (
        "Medicine and clinical statistics have established terms and acronyms in each language: Spanish writes "
        "'OMS' for 'WHO', 'VIH' for 'HIV', 'AVD' for 'ADL' (activities of daily living), 'razón de posibilidades' "
        "for 'odds ratio'. An engine that meets the English term without context copies it, and a reader of a "
        "Spanish abstract meets an English acronym that stands for nothing in Spanish. Professional raters of "
        "Spanish biomedical translations mark 'odds ratio' and 'ADL' left so as Major errors (untranslated). The "
        "list is closed and per language (lang/<code>.py, extra['english_terms']); a sentence that writes the "
        "language's own form too, or says the term is English ('por sus siglas en inglés'), glosses it and is "
        "left alone."
    )
    instead = (
        "The language's own form: 'razón de posibilidades (OR)', 'actividades de la vida diaria (AVD)', 'OMS', "
        "'VIH'. Where the English term must stay, gloss it: 'razón de posibilidades (odds ratio, OR)'."
    )
    examples = (
        Example("La odds ratio diagnóstica (DOR) fue de 14,12 (IC del 95 %: 11,17 a 17,84).", lang="es"),
        Example("La edad se asoció con limitaciones funcionales en la ADL.", lang="es"),
        Example("Según la WHO, el HIV afecta a 38 millones de personas.", lang="es"),
    )
    counter_examples = (
        Example("La razón de posibilidades diagnóstica (OR) fue de 14,12.", lang="es"),
        Example("Edad inferior a 60 años (razón de posibilidades (odds ratio, OR) 1,34).", lang="es"),
        Example("Se midieron las actividades de la vida diaria (ADL, por sus siglas en inglés).", lang="es"),
        Example("Según la OMS, el VIH-1 y el HIV-2 se detectan en el 2 % de los casos.", lang="es"),
        Example("The odds ratio was 14.12 according to the WHO.", lang="en"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        pattern = _pattern(ctx.doc_lang)
        if pattern is None or _shouting(ctx.text) or not reads_as_its_language(ctx):
            return
        terms = _terms(ctx.doc_lang)
        said = tuple(language(ctx.doc_lang).extra.get("english_said", ()))  # type: ignore[arg-type]
        for m in pattern.finditer(ctx.text):
            term = _key(m.group(), ctx.doc_lang)
            if term is None or _glossed(ctx.text, terms[term], said):
                continue
            name = language(ctx.doc_lang).name or ctx.doc_lang
            yield Hit(m.start(), m.end(), f"'{m.group()}' is English: {name} writes '{terms[term][0]}'")
