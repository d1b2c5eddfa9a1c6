"""Q640 person-added: the translation speaks in the first or second person ('we', 'I', 'our'; 'you') where its
Chinese source has no such person at all ('要增强战略的前瞻性' became 'we need to enhance the foresight of the
strategy')."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.profile import language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, unit_source_lang
from translate_cmp.rules.qa.pronouns import pronoun_spans
from translate_cmp.rules.qa.unit_rule import UnitRule

# Source languages read: Chinese, measured into English (WMT23 news, docs/rules/measurements.md). Japanese and
# Korean leave out subjects more often still, and were not measured.
SOURCES = frozenset({"zh"})
_TABLE = {"fmt": "table"}
_ZH = {"source_lang": "zh", **_TABLE}


def added_persons(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each first-person pronoun of ``target`` when ``source`` has no first person at all,
    and of each second-person one when it has no second person; nothing for a person either language's record does
    not list."""
    src, tgt = language(source_lang), language(target_lang)
    found: list[tuple[int, int, str]] = []
    for mine, theirs in ((src.first_person, tgt.first_person), (src.second_person, tgt.second_person)):
        if mine and theirs and not pronoun_spans(source, mine, source_lang):
            found += pronoun_spans(target, theirs, target_lang)
    return sorted(found)


class PersonAdded(UnitRule):
    code = "Q640"
    name = "person-added"
    severity = Severity.WARNING
    summary = ("The translation speaks in the first or second person ('we', 'I', 'our'; 'you') where its Chinese "
               "source has no such person: '要增强战略的前瞻性' became 'we need to enhance the foresight of the "
               "strategy'.")
    why = ("Chinese leaves out a clause's subject where the context gives it: a news report's '要增强...' ('... must "
           "be strengthened', said by the official it quotes), '持续运行...' (a plan's next step), "
           "'这与前几次参与的会议感受不同' (a person named in the sentence before), '总是遗忘...？' (does one forget). "
           "A machine translation system fills in 'we', 'I' or 'you', and the report now speaks for its writer or "
           "to its reader: professional raters mark three in four of these pronouns as a Major mistranslation or "
           "an addition (WMT23 Chinese-English news).")
    instead = ("Say who the source means (the official, the ministry, 'he', 'people'), or use a form that needs no "
               "subject ('... must be strengthened'); keep 'we' and 'I' for a source that says 我, 我们, 咱们 "
               "(or 本报, 笔者), 'you' for one that says 你 or 您. 'Your' is not read: an instruction "
               "needs it ('update your phone' for 定期更新手机). A capital 'I' after a capitalised word "
               "that does not start its sentence is a Roman numeral ('World War I'), and 'US' is no pronoun. "
               "Chinese sources only, into languages whose record lists the persons (English).")
    examples = (
        Example("要增强战略的前瞻性。", translation="We need to enhance the foresight of the strategy.", lang="en",
                trip=_ZH),
        Example("赵春山分析，这与前几次参与的会议感受不同。",
                translation="This is different from the meetings I attended.", lang="en", trip=_ZH),
        Example("总是遗忘“小金库”？", translation="Do you always forget about the little gold box?", lang="en",
                trip=_ZH),
    )
    counter_examples = (
        Example("我们要增强战略的前瞻性。", translation="We need to enhance the foresight of the strategy.", lang="en",
                trip=_ZH),
        Example("要增强战略的前瞻性。", translation="The foresight of the strategy must be enhanced.", lang="en",
                trip=_ZH),
        Example("第一次世界大战后，美国经济增长。", translation="After World War I, the US economy grew.", lang="en",
                trip=_ZH),
        Example("为手机安装防毒软件，并定期更新。", translation="Install antivirus software on your phone.", lang="en",
                trip=_ZH),
        Example("你总是遗忘吗？", translation="Do you always forget?", lang="en", trip=_ZH),
        Example("Enhance the strategy.", translation="Wir müssen die Strategie stärken.", lang="de", trip=_TABLE),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        source_lang = unit_source_lang(ctx)
        if source_lang not in SOURCES:
            return
        for start, end, word in added_persons(source, target, source_lang, ctx.doc_lang):
            yield from at(ctx, start, end, f"'{word}': the source has no such person (我, 我们; 你, 您)")


RULES = (PersonAdded(),)
