"""Q640 first-person-added: the translation speaks in the first person ('we', 'I', 'our') where its Chinese source
has no first person at all ('要增强战略的前瞻性' became 'we need to enhance the foresight of the strategy')."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.profile import language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, unit_source_lang
from translate_cmp.rules.qa.pronouns import pronoun_spans
from translate_cmp.rules.qa.unit_rule import UnitRule

# Source languages read: those that leave a clause's subject out where the context gives it, so that a system
# fills one in. Measured on Chinese into English only (WMT23 news, docs/rules/measurements.md); Japanese and
# Korean leave out subjects even more often, but a translator there must choose one, so an added "I" is no error.
SOURCES = frozenset({"zh"})
_TABLE = {"fmt": "table"}


def added_first_person(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each first-person pronoun of ``target`` when ``source`` has no first person at all;
    empty when either language's record lists none."""
    src, tgt = language(source_lang).first_person, language(target_lang).first_person
    if not src or not tgt or pronoun_spans(source, src, source_lang):
        return []
    return pronoun_spans(target, tgt, target_lang)


class FirstPersonAdded(UnitRule):
    code = "Q640"
    name = "first-person-added"
    severity = Severity.WARNING
    summary = ("The translation speaks in the first person ('we', 'I', 'our') where its Chinese source has no first "
               "person at all: '要增强战略的前瞻性' became 'we need to enhance the foresight of the strategy'.")
    why = ("Chinese leaves out a clause's subject where the context gives it: a news report's '要增强...' ('... must "
           "be strengthened', said by the official it quotes), '持续运行...' (a plan's next step), "
           "'这与前几次参与的会议感受不同' (a person named in the sentence before). "
           "A machine translation system fills in 'we' or 'I', and the "
           "report now speaks for its writer: professional raters mark three in four of these pronouns as a Major "
           "mistranslation or an addition (WMT23 Chinese-English news).")
    instead = ("Say who the source means (the official, the ministry, 'he'), or use a form that needs no subject "
               "('... must be strengthened'); keep 'we' and 'I' for a source that says 我, 我们, 咱们 (or 本报, 笔者). "
               "A capital 'I' after a capitalised word that does not start its sentence is a Roman numeral ('World "
               "War I'), and 'US' is no pronoun. Chinese sources only, into languages whose record lists the first "
               "person (English).")
    examples = (
        Example("要增强战略的前瞻性。", translation="We need to enhance the foresight of the strategy.", lang="en",
                trip={"source_lang": "zh", **_TABLE}),
        Example("赵春山分析，这与前几次参与的会议感受不同。",
                translation="This is different from the meetings I attended.", lang="en",
                trip={"source_lang": "zh", **_TABLE}),
    )
    counter_examples = (
        Example("我们要增强战略的前瞻性。", translation="We need to enhance the foresight of the strategy.", lang="en",
                trip={"source_lang": "zh", **_TABLE}),
        Example("要增强战略的前瞻性。", translation="The foresight of the strategy must be enhanced.", lang="en",
                trip={"source_lang": "zh", **_TABLE}),
        Example("第一次世界大战后，美国经济增长。", translation="After World War I, the US economy grew.", lang="en",
                trip={"source_lang": "zh", **_TABLE}),
        Example("Enhance the strategy.", translation="Wir müssen die Strategie stärken.", lang="de", trip=_TABLE),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        source_lang = unit_source_lang(ctx)
        if source_lang not in SOURCES:
            return
        for start, end, word in added_first_person(source, target, source_lang, ctx.doc_lang):
            yield from at(ctx, start, end, f"'{word}': the source has no first person (我, 我们)")


RULES = (FirstPersonAdded(),)
