"""Q637 word-in-capitals: a word of the translation written in capitals that its source has only as a function word
('It is actually not massive enough.' -> 'IT ist eigentlich nicht massiv genug.'): a pronoun read as an acronym."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.wordlists import stop_words
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, at, blanked, in_prose_table, unit_source_lang
from translate_cmp.rules.qa.unit_rule import UnitRule

_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table
# a word in capitals: two to eight Latin capitals, not part of a longer word or of a hyphenated one ("COVID-19")
_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,8}(?![\w-])")
# a translation written in capitals (a heading, a warning): three words in capitals in a row
_SHOUTED = re.compile(r"(?<![\w-])[A-Z]{2,}\W+[A-Z]{2,}\W+[A-Z]{2,}(?![\w-])")


def capitalised_function_words(source: str, target: str, source_lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each word of ``target`` in capitals whose source has the same letters only in lower
    case or capitalised, as one of the source language's function words (spaCy's stop words: 'it', 'us', 'who'),
    never in capitals; none where the translation or the source is written in capitals."""
    plain_target, plain_source = blanked(target), blanked(source)
    if _SHOUTED.search(plain_target) or _SHOUTED.search(plain_source):
        return []
    stops = stop_words(source_lang)
    found = []
    for m in _CAPITALS.finditer(plain_target):
        word = m.group()
        low = word.lower()
        if low not in stops:
            continue
        forms = re.findall(rf"(?<![\w-]){low}(?![\w-])", plain_source, re.IGNORECASE)
        if forms and word not in forms:
            found.append((m.start(), m.end(), word))
    return found


class WordInCapitals(UnitRule):
    code = "Q637"
    name = "word-in-capitals"
    severity = Severity.WARNING
    summary = ("A word of the translation in capitals ('IT') that the source has only as a function word ('It is "
               "actually not massive enough.' -> 'IT ist eigentlich nicht massiv genug.').")
    why = ("A system that reads the pronoun 'It' as the acronym IT (information technology) copies it into the "
           "translation in capitals where the translation's own pronoun belongs ('Es'): the sentence loses its "
           "subject and names something the source does not. Raters mark these rows as Major mistranslations "
           "(German TED talks: ten rows of one system, none clean).")
    instead = ("Translate the pronoun ('Es ist eigentlich nicht massiv genug.'). Only a word the source writes as "
               "one of its language's function words (spaCy's stop words: 'it', 'us', 'who') and never in capitals "
               "is read, so an acronym of the source ('IT department', 'the US') keeps the unit quiet, as does a "
               "translation or source written in capitals (three words in capitals in a row). Bitext tables from an "
               "alphabetic source only: software catalogues write a program's terms as their translators choose.")
    examples = (
        Example("It's actually not massive enough.", translation="IT ist eigentlich nicht massiv genug.", lang="de",
                trip=_TABLE),
    )
    counter_examples = (
        Example("It's actually not massive enough.", translation="Es ist eigentlich nicht massiv genug.", lang="de",
                trip=_TABLE),
        Example("Ask the IT department; it will help.", translation="Fragen Sie die IT-Abteilung, sie hilft.",
                lang="de", trip=_TABLE),
        Example("It's actually not massive enough.", translation="IT ist eigentlich nicht massiv genug.",
                lang="de"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_table(ctx):
            return
        source_lang = unit_source_lang(ctx)
        if source_lang in CJK:
            return
        for start, end, word in capitalised_function_words(source, target, source_lang):
            yield from at(ctx, start, end, f"{word} in capitals: the source has it only as the word "
                                           f"'{word.lower()}'")


RULES = (WordInCapitals(),)
