"""Q633 name-lower-cased: a name the source writes with a capital inside a sentence ('Canada', 'Karachi') stands in
the translation only in lower case ('du canada', 'à karachi, pakistan')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, blanked, in_prose_table
from translate_cmp.rules.qa.unit_rule import UnitRule

_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table
# a capitalised word of three letters or more (a possessive "'s" apart) that is no part of a hyphenated or dotted
# token; what stands before and after it is read by _inside_sentence
_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][a-z]{2,}(?=(?:['’]s)?(?![\w-]))")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+ $")
# a label before a number or a letter ("Type 2", "Grade III", "Group A", "Phase II"): English capitalises it, other
# languages may not ("diabète de type 2")
_LABEL_FOLLOWS = re.compile(r"(?:['’]s)? +(?:\d|[IVX]+\b|[A-Z]\b)")
_CAPITAL_FOLLOWS = re.compile(r"(?:['’]s)? +[A-Z]")


def _inside_sentence(source: str, start: int, end: int) -> bool:
    """The word at ``source[start:end]`` stands after a word in lower case (or a comma or semicolon), so neither at a
    sentence's start nor inside a Title Case run ("Simple Shoulder Test", "Canadian News Media"), nor before another
    capitalised word or a number ("Ontario Works", "Type 2")."""
    before = source[max(0, start - 40):start]
    if not (_LOWER_WORD.search(before) or before.endswith((", ", "; "))):
        return False
    after = source[end:end + 8]
    return not (_CAPITAL_FOLLOWS.match(after) or _LABEL_FOLLOWS.match(after))


def lower_cased_names(source: str, target: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each name of ``source`` (a capitalised word inside a sentence: after a word in lower
    case, before none in capitals) that ``target`` has only in lower case, where it stands in ``target``."""
    plain_source, plain_target = blanked(source), blanked(target)
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for m in _CAPITALISED.finditer(plain_source):
        name = m.group()
        if name in seen or not _inside_sentence(plain_source, m.start(), m.end()):
            continue
        seen.add(name)
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", plain_target):
            continue  # the name as the source writes it is there
        low = re.search(r"(?<![\w.'’-])" + re.escape(name.lower()) + r"(?![\w-])", plain_target)
        if low:
            found.append((low.start(), low.end(), name))
    return found


class NameLowerCased(UnitRule):
    code = "Q633"
    name = "name-lower-cased"
    severity = Severity.WARNING
    summary = ("A name the source writes with a capital inside a sentence ('Canada', 'Karachi') stands in the "
               "translation only in lower case ('du canada').")
    why = ("Machine translation that lower-cases a sentence loses the capitals of its names: 'la région de hamilton', "
           "'à karachi, pakistan', 'le convoi united we roll'. The name is then misspelt in every language that "
           "writes names with a capital, and professional raters mark it as a spelling error; the system that does "
           "it to names does it to the rest of the sentence too.")
    instead = ("Write the name with its capital ('du Canada'). Only a capitalised word of three letters or more that "
               "stands inside a sentence of the source is read: after a word in lower case or a comma, not before "
               "another capitalised word (a Title Case heading, 'Simple Shoulder Test'; a name of several words "
               "'Ontario Works' is read by its last word), nor before a number or a letter ('Type 2', "
               "'Grade III', which other languages write in lower case). It is flagged where the translation has "
               "the same letters in lower case and nowhere with the capital. Bitext tables only: software "
               "catalogues write a program's terms as their translators choose.")
    examples = (
        Example("Media coverage in Canada was uncritical.",
                translation="La couverture médiatique au canada était peu critique.", lang="fr", trip=_TABLE),
        Example("A survey of women in Karachi, Pakistan",
                translation="Une enquête auprès des femmes de karachi, pakistan", lang="fr", trip=_TABLE),
    )
    counter_examples = (
        Example("Media coverage in Canada was uncritical.",
                translation="La couverture médiatique au Canada était peu critique.", lang="fr", trip=_TABLE),
        Example("Scores on the Simple Shoulder Test were recorded.",
                translation="Les scores au test simple de l'épaule ont été relevés.", lang="fr", trip=_TABLE),
        Example("Patients with diabetes mellitus Type 2 were included.",
                translation="Les patients atteints de diabète de type 2 ont été inclus.", lang="fr", trip=_TABLE),
        Example("Patients from Canada and canada geese.", translation="Des patients du Canada et des oies canada.",
                lang="fr", trip=_TABLE),
        Example("Media coverage in Canada was uncritical.",
                translation="La couverture médiatique au canada était peu critique.", lang="fr"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_table(ctx) or not any("A" <= ch <= "Z" for ch in source):
            return
        for start, end, name in lower_cased_names(source, target):
            yield from at(ctx, start, end, f"the source's name {name} written in lower case")


RULES = (NameLowerCased(),)
