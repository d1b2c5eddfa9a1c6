"""Q650 glossary-term-not-used: the source has a glossary term and the translation has none of its approved
translations."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit
from translate_cmp.rules.terminology.base import GlossaryRule, Pair
from translate_cmp.rules.terminology.glossary import Term
from translate_cmp.rules.terminology.matching import find_term, words


class TermNotUsed(GlossaryRule):
    code = "Q650"
    name = "glossary-term-not-used"
    severity = Severity.WARNING
    summary = "The source uses a glossary term; the translation uses none of the glossary's translations of it."
    why = ("A product's words are chosen once and kept: a user who learnt \"Ordner\" in one dialog looks for it in "
           "the next. A translation that says it another way reads as a different thing. " + GlossaryRule.example_note)
    instead = ("Use the glossary's translation, inflected as the sentence needs (\"Dateien\" for \"Datei\" is fine); "
               "if the glossary is wrong for this context, fix the glossary or ignore Q650 for the file.")
    examples = (
        Example("Delete the selected file?", translation="Die ausgewählte Unterlage löschen?", lang="en"),
        Example("Create a pull request.", translation="Einen Änderungsantrag erstellen.", lang="en"),
    )
    counter_examples = (
        Example("Delete the selected files?", translation="Die ausgewählten Dateien löschen?", lang="en"),
        Example("Open the folder.", translation="Den Ordner öffnen.", lang="en"),
        Example("Open the folder.", translation="Ouvrir le dossier.", lang="en"),
    )

    def compare(self, pair: Pair, terms: tuple[Term, ...]) -> Iterator[Hit]:
        if not pair.first:
            return
        target_words = words(pair.target)
        for term in terms:
            if term.dnt or not term.targets or not self.in_source(pair, term):
                continue
            if any(find_term(target_words, t, pair.target_lang, loose=True) for t in term.targets):
                continue
            if any(find_term(target_words, v, pair.target_lang) for v in term.forbidden):
                continue  # a forbidden variant stands in for it: Q651 reports that
            expected = " or ".join(repr(t) for t in term.targets)
            if hit := self.unit_hit(pair, f"{term.source!r} should be translated {expected} (glossary: {term.where})"):
                yield hit


RULES = (TermNotUsed(),)
