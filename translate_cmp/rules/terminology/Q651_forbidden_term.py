"""Q651 forbidden-term: the translation uses a variant the glossary forbids."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit
from translate_cmp.rules.terminology.base import GlossaryRule, Pair
from translate_cmp.rules.terminology.glossary import Term
from translate_cmp.rules.terminology.matching import find_term, words


class ForbiddenTerm(GlossaryRule):
    code = "Q651"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "The translation uses a variant the glossary forbids for a term of the source (or anywhere)."
    why = ("Forbidden variants are the team's recorded decisions: an outdated name, a competitor's word, a "
           "translation users misread. They keep coming back from translation memories and machine translation. "
           + GlossaryRule.example_note)
    instead = ("Use the glossary's approved translation. A glossary row with forbidden variants and no source term "
               "forbids them in every translation.")
    examples = (
        Example("Open the folder.", translation="Das Verzeichnis öffnen.", lang="en"),
        Example("Save the file.", translation="Die Akte speichern.", lang="en"),
    )
    counter_examples = (
        Example("Open the folder.", translation="Den Ordner öffnen.", lang="en"),
        Example("Search the directory.", translation="Das Verzeichnis durchsuchen.", lang="en"),
    )

    def compare(self, pair: Pair, terms: tuple[Term, ...]) -> Iterator[Hit]:
        target_words = words(pair.target)
        for term in terms:
            if not term.forbidden or (term.source and not self.in_source(pair, term)):
                continue
            for variant in term.forbidden:
                # exact or by lemma only: a loose match would flag words that merely start alike
                for start, end in find_term(target_words, variant, pair.target_lang):
                    approved = f"; use {' or '.join(repr(t) for t in term.targets)}" if term.targets else ""
                    what = f" for {term.source!r}" if term.source else ""
                    hit = self.sentence_hit(pair, start, end, f"{pair.target[start:end]!r} is a forbidden "
                                                              f"variant{what}{approved} (glossary: {term.where})")
                    if hit:
                        yield hit


RULES = (ForbiddenTerm(),)
