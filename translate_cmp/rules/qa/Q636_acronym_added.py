"""Q636 acronym-added: an acronym of the translation ('AUC', 'COVID') where its source has no acronym at all: the
translation of another segment, or words the source does not have."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, at, blanked, in_prose_table, unit_source_lang
from translate_cmp.rules.qa.unit_rule import UnitRule

_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table
# a source's acronym: a word with two capitals or more ("WHO", "CoV", "SARS-CoV-2" read as "SARS" and "CoV")
_SOURCE_ACRONYM = re.compile(r"(?<![\w])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w])")


# a translation's acronym: a Latin word of two to eight characters with two capitals or more ("AUC", "CoV"); longer
# runs of capitals are words written in capitals ("RÉSULTATS" is not read: its É ends the word)
_WORD = re.compile(r"(?<![\w])[A-Za-z][A-Za-z0-9]{1,7}(?![\w])")


# a capitalised word of the source: a name, which a translation may abbreviate ("East Germany" -> "DDR", "the World
# Health Organization" -> "l'OMS")
_CAPITALISED = re.compile(r"(?<![\w])[A-Z][a-z]+")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]\s*)$")


def _names_something(source: str) -> bool:
    """``source`` has a capitalised word that does not start a sentence."""
    return any(not _SENTENCE_END.search(source[:m.start()].rstrip()) for m in _CAPITALISED.finditer(source))


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def added_acronyms(source: str, target: str) -> list[tuple[int, int, str]]:
    """``(start, end, acronym)`` of each acronym of ``target`` (a word of two to eight characters with two capitals or
    more) when ``source`` has no acronym and no name at all (a capitalised word inside a sentence), and not that one in
    any case ("Covid" for "COVID")."""
    plain_source = blanked(source)
    if _SOURCE_ACRONYM.search(plain_source) or _names_something(plain_source):
        return []  # the translation's acronyms may be the source's, localised ("OMS" for "WHO"), or a name's
    lowered = plain_source.lower()
    found = []
    for m in _WORD.finditer(blanked(target)):
        word = m.group()
        if _is_acronym(word) and word.lower() not in lowered:
            found.append((m.start(), m.end(), word))
    return found


class AcronymAdded(UnitRule):
    code = "Q636"
    name = "acronym-added"
    severity = Severity.WARNING
    summary = ("An acronym of the translation ('AUC', 'COVID') where its source has no acronym at all: the "
               "translation of another segment, or words the source does not have.")
    why = ("A translation may write an acronym its source has in another language ('OMS' for 'WHO'), but one whose "
           "source has none names something the source does not: machine translation of documents puts a "
           "neighbouring segment's translation in a unit's place ('Based on variables routinely collected, we "
           "obtained a multiple model' -> 'L'aire sous la courbe ... (AUC) et les indicateurs de précision ont été "
           "utilisés'), and the unit's own text is lost. Raters mark these rows as Major mistranslations.")
    instead = ("Translate the unit's own source. Only a source with no acronym (a word with two capitals or more: "
               "'WHO', 'CoV') and no name (a capitalised word inside a sentence) is read, so neither a localised "
               "acronym nor a name abbreviated ('East Germany' -> 'DDR') counts; the translation's word is an "
               "acronym when it has two capitals or more and eight characters at most (not a word written in "
               "capitals, 'RÉSULTATS'), and not when the source has it in any case ('Covid-19' -> 'COVID-19'). "
               "Bitext tables from an alphabetic source only: software catalogues write a program's terms as their "
               "translators choose.")
    examples = (
        Example("Based on variables routinely collected, we obtained a model.",
                translation="L'aire sous la courbe (AUC) a été utilisée pour la validation.", lang="fr",
                trip=_TABLE),
    )
    counter_examples = (
        Example("It was published by the World Health Organization (WHO).",
                translation="Il a été publié par l'Organisation mondiale de la Santé (OMS).", lang="fr", trip=_TABLE),
        Example("Covid-19 cases rose.", translation="Les cas de COVID-19 ont augmenté.", lang="fr", trip=_TABLE),
        Example("The last leader of East Germany died.", translation="Der letzte Führer der DDR ist gestorben.",
                lang="de", trip=_TABLE),
        Example("Based on variables routinely collected, we obtained a model.",
                translation="L'aire sous la courbe (AUC) a été utilisée pour la validation.", lang="fr"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_table(ctx) or unit_source_lang(ctx) in CJK:
            return
        for start, end, word in added_acronyms(source, target):
            yield from at(ctx, start, end, f"the acronym {word} is not in the source, which has none")


RULES = (AcronymAdded(),)
