"""Q652 do-not-translate-altered: a do-not-translate term of the source is not in the translation as written."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit
from translate_cmp.rules.terminology.base import GlossaryRule, Pair
from translate_cmp.rules.terminology.glossary import Term
from translate_cmp.rules.terminology.matching import blank_markup, find_term, words


def as_written(text: str, term: str) -> list[re.Match]:
    """Where ``term`` stands in ``text`` exactly as written, not inside a longer word ("Django-Verwaltung" keeps
    "Django"; "Djangos" does not)."""
    return list(re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", blank_markup(text)))


class DoNotTranslateAltered(GlossaryRule):
    code = "Q652"
    name = "do-not-translate-altered"
    severity = Severity.ERROR
    summary = "A do-not-translate term of the source (a product or brand name) is missing from the translation, " \
              "or is there altered (case, inflection, translated)."
    why = ("Product names, trademarks and commands are kept exactly as written: \"django\" or \"Djangos\" is another "
           "name, and a translated command does not run. " + GlossaryRule.example_note)
    instead = "Keep the term exactly as in the source, character for character (inflect the words around it)."
    examples = (
        Example("Django is running.", translation="django läuft.", lang="en"),
        Example("Powered by Django.", translation="Bereitgestellt von Dschango.", lang="en"),
    )
    counter_examples = (
        Example("Django is running.", translation="Django läuft.", lang="en"),
        Example("The django package.", translation="Das Paket.", lang="en"),
        Example("Django administration", translation="Django-Verwaltung", lang="en"),
    )

    def compare(self, pair: Pair, terms: tuple[Term, ...]) -> Iterator[Hit]:
        if not pair.first:
            return
        target_words = None
        for term in terms:
            if not term.dnt or not term.source:
                continue
            n_source = len(as_written(pair.source, term.source))
            if not n_source or len(as_written(pair.target, term.source)) >= n_source:
                continue
            target_words = target_words if target_words is not None else words(pair.target)
            altered = [pair.target[s:e] for s, e in find_term(target_words, term.source, pair.target_lang, loose=True)
                       if pair.target[s:e] != term.source]
            how = f" (written {', '.join(map(repr, dict.fromkeys(altered)))})" if altered else ""
            if hit := self.unit_hit(pair, f"do-not-translate term {term.source!r} is not in the translation as "
                                          f"written{how} (glossary: {term.where})"):
                yield hit


RULES = (DoNotTranslateAltered(),)
