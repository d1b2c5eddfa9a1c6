"""Q649 agency-added: a news agency or wire service named in the English ('(Xinhua)', '/PRNewswire/') that the
Chinese source does not name: a dateline formula filled in from memory, often for another agency's story."""

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

# The agencies and wire services that Chinese news quotes, each with its English names (as a dateline or a credit
# writes them) and the Chinese names a source uses for it (the full name, its short form, a transliteration). A closed
# list of language knowledge: these are the names the agencies go by in each language. Ambiguous short forms are left
# out (AP, CNS, CNA: other things in English); a source with the English name itself names the agency too.
AGENCIES: tuple[tuple[str, str, str], ...] = (
    # (agency, English names, Chinese names)
    ("Xinhua", r"Xinhua", r"新华"),
    ("China News Service", r"China News Service|Chinanews", r"中新|中国新闻"),
    ("Reuters", r"Reuters", r"路透"),
    ("Associated Press", r"Associated Press|\(AP\)", r"美联社|美国联合通讯社"),
    ("AFP", r"AFP|Agence France-Presse", r"法新|法国新闻社|甲胎"),  # 甲胎蛋白: alpha-fetoprotein, AFP too
    ("Kyodo", r"Kyodo", r"共同社|共同通讯|共同通信"),
    ("Yonhap", r"Yonhap", r"韩联|联合通讯|联合社"),
    ("Central News Agency", r"Central News Agency", r"中央社|中央通讯社"),
    ("Bloomberg", r"Bloomberg", r"彭博|布隆伯格|布隆博格"),
    ("PR Newswire", r"PR ?Newswire|USNewswire", r"美通社"),
    ("Business Wire", r"Business ?Wire", r"美国商业资讯"),
    ("TASS", r"TASS|ITAR-TASS", r"塔斯|俄通社"),
)
# an English name is a whole Latin word: a Chinese character may touch it (据Reuters报道)
_ENGLISH = tuple((agency, re.compile(rf"(?<![A-Za-z0-9-])(?:{en})(?![A-Za-z0-9])"),
                  re.compile(rf"{zh}|(?<![A-Za-z0-9-])(?:{en})(?![A-Za-z0-9])", re.IGNORECASE))
                 for agency, en, zh in AGENCIES)


def added_agencies(source: str, target: str) -> list[tuple[int, int, str]]:
    """``(start, end, agency)`` of the first mention in ``target`` of each agency of ``AGENCIES`` that ``source``
    does not name (neither by a Chinese name nor by an English one)."""
    found = []
    for agency, english, named in _ENGLISH:
        if (m := english.search(target)) and not named.search(source):
            found.append((m.start(), m.end(), agency))
    return sorted(found)


class AgencyAdded(UnitRule):
    code = "Q649"
    name = "agency-added"
    severity = Severity.WARNING
    languages = frozenset({PAIR[1]})
    summary = ("A news agency or wire service is named in the English ('(Xinhua)', '/PRNewswire-USNewswire/') "
               "that the Chinese source does not name.")
    why = ("A Chinese news story names its agency in its dateline (中新网北京2月11日电: China News Service) or its "
           "credit (据路透社报道: according to Reuters). Machine translation has seen thousands of 'BEIJING, Feb. 11 "
           "(Xinhua) --' datelines and writes one from memory: the China News Service story becomes Xinhua's, a "
           "headline credit '-中新网' becomes '- Xinhua', a dateline gains '/PRNewswire-USNewswire/'. The reader "
           "is told the wrong source for the news. Raters mark it a Major error: in WMT23 Chinese-English news, 21 "
           "rows with a Major error and no clean row name an agency their source does not, from 14 source segments.")
    instead = ("Name the agency the source names ('BEIJING, Feb. 11 (China News Service) --'), or none. Not read: an "
               "agency the source names in Chinese (新华, 中新, 路透, 美联社, 法新, 共同社, 韩联社, 中央社, 彭博, "
               "美通社, 美国商业资讯, 塔斯) or in English; short forms that are other things in English (AP, CNS, "
               "CNA); agencies outside the list. Chinese sources into English, in bitext tables of prose.")
    examples = (
        Example("中新网北京2月11日电 近日发布的报告显示，留学生规模同比增长。", translation="BEIJING, Feb. 11 "
                "(Xinhua) -- A recently released report shows that the number of students grew.", lang="en",
                trip=_ZH),
        Example("中新网2月11日电 深圳市工业和信息化局近日印发行动计划。", translation="China News Service, February 11 "
                "/PRNewswire-USNewswire/ -- The Shenzhen bureau recently issued an action plan.", lang="en",
                trip=_ZH),
    )
    counter_examples = (
        Example("新华社北京2月10日电 会议在北京闭幕。", translation="BEIJING, Feb. 10 (Xinhua) -- The meeting closed "
                "in Beijing.", lang="en", trip=_ZH),
        Example("中新网北京2月11日电 近日发布的报告显示，留学生规模同比增长。", translation="BEIJING, Feb. 11 (China "
                "News Service) -- A recently released report shows that the number of students grew.", lang="en",
                trip=_ZH),
        Example("据彭博社报道，公司计划裁员。", translation="According to Bloomberg, the company plans layoffs.",
                lang="en", trip=_ZH),
        Example("中新网北京2月11日电 近日发布的报告显示，留学生规模同比增长。", translation="BEIJING, Feb. 11 "
                "(Xinhua) -- A recently released report shows that the number of students grew.", lang="en",
                trip={"source_lang": "zh", "fmt": "po"}),  # not prose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_pair(ctx, PAIR):
            return
        for start, end, agency in added_agencies(source, target):
            yield from at(ctx, start, end, f"'{target[start:end]}' names {agency}, which the source does not name")


RULES = (AgencyAdded(),)
