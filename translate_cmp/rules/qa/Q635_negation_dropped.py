"""Q635 negation-dropped: the source says 'not', 'no', 'never' or 'without' and its French or German translation has no
negation at all ('ne ... pas', 'sans', 'aucun', 'jamais', 'non'; 'nicht', 'kein', 'nie', 'ohne'): the translation says
the opposite, or something else."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.comparison.keep import negations
from translate_cmp.rules.qa.helpers import in_prose_table, once, unit_source_lang
from translate_cmp.rules.qa.unit_rule import UnitRule

# Target languages read: French, measured on biomedical abstracts, and German, on WMT23 news and TED talks
# (docs/rules/measurements.md). Spanish was measured too and not kept: its one new flag is a garbled translation its
# rater left unmarked, which the 2% bound on clean rows counts as a false alarm.
TARGETS = frozenset({"fr", "de"})
_TABLE = {"fmt": "table"}
# French negations beside the record's list (ne, pas, jamais, aucun, rien, ni, sans ...): "non" ("non significatif",
# "non-fumeurs") negates an adjective or a noun
_FRENCH_NON = re.compile(r"(?<![\w-])non(?![\w])", re.IGNORECASE)
# German negations beside the record's list (nicht, kein, nie, nichts, niemand, weder, ohne): "nein", an adjective or
# noun negated by "un-" ("unmöglich" for "not possible"; not "und", "uns", "unser", "unter", "unten") and one made with
# "-los" ("hilflos" for "without help")
_GERMAN_OTHER = re.compile(r"(?<![\w-])(?:nein|un(?!d\b|s\b|ser|ter|ten\b)\w{3,}|\w{3,}los(?:e[nmrs]?)?)(?![\w])",
                           re.IGNORECASE)
_OTHER = {"fr": _FRENCH_NON, "de": _GERMAN_OTHER}


def negation_dropped(source: str, target: str, source_lang: str, target_lang: str) -> bool:
    """``source`` has a negation word of its language and ``target`` has none of its own."""
    if not negations(source, source_lang):
        return False
    other = _OTHER.get(target_lang)
    return not (negations(target, target_lang) or other is not None and other.search(target))


class NegationDropped(UnitRule):
    code = "Q635"
    name = "negation-dropped"
    severity = Severity.WARNING
    languages = TARGETS
    summary = ("The source says 'not', 'no', 'never' or 'without' and the French or German translation has no negation "
               "at all ('ne ... pas', 'sans', 'aucun', 'non'; 'nicht', 'kein', 'nie', 'ohne').")
    why = ("A negation lost turns a finding into its opposite ('laws that restrict abortion do not eliminate its "
           "practice'), and a translation with none of the source's negations is often not its translation at all: "
           "machine translation of documents puts a neighbouring segment's translation in a unit's place, or "
           "leaves out the sentence that held the negation. Raters mark these rows as Major mistranslations or "
           "omissions.")
    instead = ("Keep the negation ('ne ... pas', 'sans', 'aucun', 'jamais', 'non'). Only a unit with no negation "
               "word at all in the translation is flagged: one negation written another way ('no longer' -> 'ne "
               "... plus', 'without' -> 'sans'; 'not possible' -> 'unmöglich', 'without help' -> 'hilflos') keeps the "
               "unit quiet. French and German translations of bitext tables only: Spanish was measured and not kept "
               "(docs/rules/measurements.md), and software catalogues write short messages whose negation may be a "
               "word of the interface ('No' -> 'Annuler').")
    examples = (
        Example("Laws that restrict abortion do not eliminate its practice.",
                translation="Il est important d'évaluer l'évolution du statut juridique de l'avortement.", lang="fr",
                trip=_TABLE),
        Example("Secondary reconstruction is not always required.",
                translation="La reconstruction secondaire est toujours nécessaire.", lang="fr", trip=_TABLE),
        Example("Not only was his claim insensitive, it was also a lie.",
                translation="Er prahlte, das Gebäude sei plötzlich das höchste der Stadt.", lang="de", trip=_TABLE),
    )
    counter_examples = (
        Example("It is not possible to see it.", translation="Es ist unmöglich, es zu sehen.", lang="de",
                trip=_TABLE),
        Example("Secondary reconstruction is not always required.",
                translation="La reconstruction secondaire n'est pas toujours nécessaire.", lang="fr", trip=_TABLE),
        Example("Patients without diabetes were included.", translation="Les patients non diabétiques ont été inclus.",
                lang="fr", trip=_TABLE),
        Example("These discoveries are no longer fortuitous.",
                translation="Ces découvertes ne sont plus fortuites.", lang="fr", trip=_TABLE),
        Example("Secondary reconstruction is not always required.",
                translation="La reconstruction secondaire est toujours nécessaire.", lang="fr"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_table(ctx):
            return
        source_lang = unit_source_lang(ctx)
        if negation_dropped(source, target, source_lang, ctx.doc_lang):
            yield from once(ctx, "the source's negation has none in the translation")


RULES = (NegationDropped(),)
