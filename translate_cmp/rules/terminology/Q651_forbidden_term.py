"""Q651 forbidden-term: the translation uses a variant the glossary forbids."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit
from translate_cmp.rules.terminology.base import GlossaryRule, Pair
from translate_cmp.rules.terminology.glossary import Term
from translate_cmp.rules.terminology.matching import COMPOUNDING, find_term, words

COMPOUND_REST = 4  # letters the compound's other element has at least ("Verzeichnisname"; not "Mailand" for "Mail")


def in_compounds(target_words: list[tuple[int, int, str]], variant: str, approved: tuple[str, ...],
                 lang: str) -> list[tuple[int, int]]:
    """Where a one-word forbidden ``variant`` is the first or last element of a compound ("Verzeichnisname",
    "Benutzerverzeichnis"), in a language that writes compounds as one word, and not inside the approved
    term ("Nutzer" in "Benutzername" is the approved "Benutzer"'s)."""
    v = variant.lower()
    if lang.split("-")[0] not in COMPOUNDING or " " in v or len(v) < 5:
        return []
    out = []
    for start, end, word in target_words:
        w = word.lower()
        if w == v or len(w) - len(v) < COMPOUND_REST or not (w.startswith(v) or w.endswith(v)):
            continue
        if any(v in a.lower() and a.lower() in w for a in approved):
            continue
        out.append((start, end))
    return out


class ForbiddenTerm(GlossaryRule):
    code = "Q651"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "The translation uses a variant the glossary forbids for a term of the source (or anywhere)."
    why = ("Forbidden variants are the team's recorded decisions: an outdated name, a competitor's word, a "
           "translation users misread. They keep coming back from translation memories and machine translation. "
           + GlossaryRule.example_note)
    instead = ("Use the glossary's approved translation. A glossary row with forbidden variants and no source term "
               "forbids them in every translation. In a language that writes compounds as one word, a variant that "
               "starts or ends a compound counts ('Verzeichnisname'), not one inside the approved term.")
    examples = (
        Example("Open the folder.", translation="Das Verzeichnis öffnen.", lang="en"),
        Example("Save the file.", translation="Die Akte speichern.", lang="en"),
        Example("Rename the folder.", translation="Den Verzeichnisnamen ändern.", lang="en"),  # a compound's head
    )
    counter_examples = (
        Example("Open the folder.", translation="Den Ordner öffnen.", lang="en"),
        Example("Search the directory.", translation="Das Verzeichnis durchsuchen.", lang="en"),
        Example("Rename the folder.", translation="Den Ordnernamen ändern.", lang="en"),
    )

    def compare(self, pair: Pair, terms: tuple[Term, ...]) -> Iterator[Hit]:
        target_words = words(pair.target)
        for term in terms:
            if not term.forbidden or (term.source and not self.in_source(pair, term)):
                continue
            for variant in term.forbidden:
                # exact or by lemma only: a loose match would flag words that merely start alike
                found = find_term(target_words, variant, pair.target_lang)
                found += [span for span in in_compounds(target_words, variant, term.targets, pair.target_lang)
                          if span not in found]
                for start, end in found:
                    approved = f"; use {' or '.join(repr(t) for t in term.targets)}" if term.targets else ""
                    what = f" for {term.source!r}" if term.source else ""
                    hit = self.sentence_hit(pair, start, end, f"{pair.target[start:end]!r} is a forbidden "
                                                              f"variant{what}{approved} (glossary: {term.where})")
                    if hit:
                        yield hit


RULES = (ForbiddenTerm(),)
