"""Q648 dateline-word-for-word: a Chinese news dateline formula ('（综合11日电）', '新华社北京2月10日电') rendered
word by word in English: 综合 ('compiled from reports') as 'Comprehensive', 电 ('dispatch') as 'telegram'."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, in_prose_pair
from translate_cmp.rules.qa.unit_rule import UnitRule

# The language pair read: Chinese into English, measured on WMT23 news (docs/rules/measurements.md).
PAIR = ("zh", "en")
_ZH = {"source_lang": "zh", "fmt": "table"}

# the formulas, at the start of the source: 综合N日电 / 综合…报道 (a story compiled from several reports), and a
# dateline ending in N日电 (agency, place, date, 电: 'dispatch')
_COMPILED = re.compile(r"^\s*[（(]?综合(?:\d{1,2}日电|[^。！？]{0,40}?报[道导])")
_DISPATCH = re.compile(r"^\s*[（(]?[^。！？，,]{0,20}?\d{1,2}日电")
# where the English dateline sits: its first characters
HEAD = 60
# the word-for-word renderings: 综合 read as 'comprehensive, composite', 电 as 'electric, telegram'
_COMPILED_WORDS = re.compile(r"\b(?:comprehensive(?:ly)?|composite|consolidated|synthesis|synthesi[sz]ed|"
                             r"integrated)\b", re.IGNORECASE)
_DISPATCH_WORDS = re.compile(r"\b(?:telegrams?|telegraph(?:ed)?|electric(?:al|ity)?)\b", re.IGNORECASE)
# sources that say telegram or electric in so many words: those English words may be theirs
_OTHER_DIAN = re.compile(r"电[报讯文令力动气器子能车池厂网]")


def formula_words(source: str, target: str) -> list[tuple[int, int, str]]:
    """``(start, end, formula)`` of the first word-for-word rendering of each dateline formula that starts
    ``source`` (one word for 综合, one for 电), among the first ``HEAD`` characters of ``target``; nothing when
    ``source`` starts with no formula."""
    found = []
    head = target[:HEAD]
    if (m := _COMPILED.match(source)) and (w := _COMPILED_WORDS.search(head)):
        found.append((w.start(), w.end(), m.group().strip()))
    if (m := _DISPATCH.match(source)) and not _OTHER_DIAN.search(source) and (w := _DISPATCH_WORDS.search(head)):
        found.append((w.start(), w.end(), m.group().strip()))
    return sorted(found)


class DatelineWordForWord(UnitRule):
    code = "Q648"
    name = "dateline-word-for-word"
    severity = Severity.WARNING
    languages = frozenset({PAIR[1]})
    summary = ("A Chinese news dateline ('（综合11日电）', '新华社北京2月10日电') is rendered word by word: 综合 "
               "('compiled from reports') as 'Comprehensive', 电 ('dispatch') as 'telegram' or 'electric'.")
    why = ("Chinese news opens a story with a fixed formula: agency, place, date and 电 (a dispatch: "
           "'BEIJING, Feb. 10 (Xinhua) --'), or 综合N日电 / 综合…报道 for a story compiled from several reports. "
           "Machine translation reads each character for its first dictionary sense and writes '(Comprehensive "
           "11th)', '(Composite 11)', 'February 10th telegram', 'electric title', which says nothing to an English "
           "reader. Raters mark it a Major mistranslation: in WMT23 Chinese-English news, 22 rows with a Major "
           "error and no clean row have such a rendering, in six source segments.")
    instead = ("Write the dateline the English way ('BEIJING, Feb. 10 (Xinhua) --', '(Compiled from reports, Feb. "
               "11)') or leave the formula out. Not read: these words after the first 60 characters of the "
               "translation (the dateline's place) or after the first one there, a source that does not start with "
               "the formula (综合 in 综合论坛 is a 'comprehensive forum'), a source that has 电报, 电力, 电动 and the "
               "like (a telegram, electric power of its own). Chinese sources into English, in bitext tables of "
               "prose.")
    examples = (
        Example("（综合11日电）新加坡旅游局近日公布了新的数字。", translation="(Comprehensive 11th) The Singapore "
                "Tourism Board recently published new figures.", lang="en", trip=_ZH),
        Example("新华社北京2月10日电会议在北京闭幕。", translation="Xinhua Beijing February 10th telegram: the "
                "meeting closed in Beijing.", lang="en", trip=_ZH),
    )
    counter_examples = (
        Example("（综合11日电）新加坡旅游局近日公布了新的数字。", translation="(Compiled from reports, Feb. 11) The "
                "Singapore Tourism Board recently published new figures.", lang="en", trip=_ZH),
        Example("第十六届中日节能环保综合论坛在北京举办。", translation="The 16th China-Japan Comprehensive Forum on "
                "Energy Conservation was held in Beijing.", lang="en", trip=_ZH),
        Example("新华社北京2月10日电国家电力公司宣布涨价。", translation="BEIJING, Feb. 10 -- The State Electric "
                "Power Company announced higher prices.", lang="en", trip=_ZH),
        Example("（综合11日电）新加坡旅游局近日公布了新的数字。", translation="(Comprehensive 11th) The Singapore "
                "Tourism Board recently published new figures.", lang="en",
                trip={"source_lang": "zh", "fmt": "po"}),  # not prose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_pair(ctx, PAIR):
            return
        for start, end, formula in formula_words(source, target):
            yield from at(ctx, start, end, f"'{target[start:end]}' renders the dateline formula {formula} word by "
                                           "word (综合: compiled from reports; 电: a dispatch)")


RULES = (DatelineWordForWord(),)
