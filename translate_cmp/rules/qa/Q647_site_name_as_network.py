"""Q647 site-name-as-network: a Chinese news site's name ('中新网', '经济观察网': 网 as in 网站, a website) written
in English as a '... Network' ('China News Network', 'Economic Observer Network')."""

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

# a name that ends in 网: two characters or more, then 网 not starting a word of its own (网络 network, 网站 website,
# 网友 netizen, 网民, 网点 outlet, 网页, 网上 online, 网购, 网店, 网红, 网球 tennis, 网格 grid)
_SITE = re.compile(r"(?<=[\u4e00-\u9fff]{2})网(?![络站友民点页上购店红球格])")
_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}$")  # the characters before 网, for the message
# words that end in 网 and are networks: the Internet, the Internet of Things, a LAN, Ethernet, a power grid
_NETWORKS = ("互联网", "物联网", "局域网", "以太网", "因特网", "广域网", "电网")
# "Network" (or "Net") as the last word of a name: after a capitalised word
_NETWORK = re.compile(r"\b[A-Z][\w'.&-]*\s+(Network|Net)\b")


def site_names(source: str) -> list[str]:
    """The words of ``source`` that end in 网 and name a website (``_SITE``, less the networks)."""
    found = []
    for m in _SITE.finditer(source):
        name = _RUN.search(source[:m.end()]).group()
        if not name.endswith(_NETWORKS):
            found.append(name)
    return found


def networks(source: str, target: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each 'Network' (or 'Net') that ends a name in ``target`` when ``source`` names a site
    ending in 网; nothing otherwise."""
    if not site_names(source):
        return []
    return [m.span(1) for m in _NETWORK.finditer(target)]


class SiteNameAsNetwork(UnitRule):
    code = "Q647"
    name = "site-name-as-network"
    severity = Severity.WARNING
    languages = frozenset({PAIR[1]})
    summary = ("A Chinese news site's name ending in 网 ('中新网', '经济观察网') is written as a '... Network' "
               "('China News Network', 'Economic Observer Network'): 网 there is a website, not a network.")
    why = ("Chinese names a news website X网, short for X网站 (X's website): 中新网 is Chinanews.com (China News "
           "Service's site), 经济观察网 the Economic Observer's site. Machine translation takes 网 for its first "
           "dictionary sense, 'net, network', and turns a newspaper's site into a broadcaster's network. Raters "
           "mark it a Major mistranslation: in WMT23 Chinese-English news, 35 rows with a Major error and 4 clean "
           "rows (each with one rater's Major mark on the same 'Network') have such a name written as 'Network'.")
    instead = ("Write the site's own English name ('Chinanews.com', 'China News Service', 'Economic Observer "
               "Online'), or 'X website', 'X online'. Not read: words in which 网 is a network or starts a word of "
               "its own (互联网 the Internet, 电网 a power grid, 网络 network, 网友 netizens), 'network' in "
               "lower case, a 'Network' that ends no name. Chinese sources into English, in bitext tables of prose.")
    examples = (
        Example("健身行业应摆脱信任危机-中新网", translation="The fitness industry must escape a crisis of trust - "
                "China News Network", lang="en", trip=_ZH),
        Example("经济观察网记者陈姗报道。", translation="Chen Shan, reporter of Economic Observer Network, reports.",
                lang="en", trip=_ZH),
    )
    counter_examples = (
        Example("健身行业应摆脱信任危机-中新网", translation="The fitness industry must escape a crisis of trust - "
                "Chinanews.com", lang="en", trip=_ZH),
        Example("国家电网提高了电价。", translation="The State Grid Network raised prices.", lang="en", trip=_ZH),
        Example("中国移动网络覆盖全国。", translation="The China Mobile Network covers the country.", lang="en",
                trip=_ZH),
        Example("健身行业应摆脱信任危机-中新网", translation="The fitness industry must escape a crisis of trust - "
                "China News Network", lang="en", trip={"source_lang": "zh", "fmt": "po"}),  # not prose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not in_prose_pair(ctx, PAIR):
            return
        for start, end in networks(source, target):
            yield from at(ctx, start, end, f"'{target[start:end]}' for a site's 网 (网站, a website): "
                                           f"{', '.join(site_names(source))}")


RULES = (SiteNameAsNetwork(),)
