"""Q672 acronym-written-two-ways: an acronym of the source written otherwise than in most units of the file."""

from __future__ import annotations

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example
from translate_cmp.rules.consistency.base import ConsistencyRule


class AcronymWrittenTwoWays(ConsistencyRule):
    code = "Q672"
    name = "acronym-written-two-ways"
    severity = Severity.WARNING
    summary = ("An acronym of the source is written otherwise than in most units of the file: 'VF' as 'ВФ' in one "
               "sentence and 'ВН' in two others.")
    why = ("An acronym names one thing throughout a text. Engines that translate one sentence at a time choose its "
           "form again in every sentence (keep 'VF', write 'ВН', 'ВФ', even 'ЧСС'), and the reader meets three names "
           "for one thing, most of them wrong. Professional raters mark each as a mistranslation.")
    instead = ("Write the acronym one way throughout: the source's own, or the language's, introduced once with what "
               "it stands for. Read within each file: an acronym of the source (two to seven capitals, not an "
               "English word in capitals such as 'METHODS') is written as itself where the translation has it, else, "
               "where the source has only that acronym and the translation only one word in capitals the source has "
               "not, as that word; the form most units use (two units at least) is the reference, and on a tie "
               "nothing is reported. Only where one of the two forms is in another script than the source's (a "
               "translation into Russian): a translation in the source's script mixes the source's acronym and "
               "its language's own ('PTG' and 'CPT' in Spanish), as its medical writing does. Each line of an "
               "example is one unit.")
    examples = (
        Example("in women with VF\nin two or more VF\nwith a single VF",
                translation="у женщин с ВН\nу двух и более ВН\nс одним ВФ", lang="en"),
        Example("the CHI program\nthe CHI system\nfor CHI",
                translation="программа ОМС\nсистема ОМС\nдля CHI", lang="en"),
    )
    counter_examples = (
        Example("in women with VF\nin two or more VF\nwith a single VF",
                translation="у женщин с ПП\nу двух и более ПП\nс одним ПП", lang="en"),
        Example("in women with VF\nwith a single VF", translation="у женщин с ВН\nс одним ВФ", lang="en"),  # a tie
        Example("METHODS\nMETHODS\nMETHODS", translation="МЕТОДЫ\nМЕТОДЫ\nМетоды исследования", lang="en"),
        Example("the CNS (VF) and VF\nthe CNS\nthe CNS", translation="ЦНС и ПП\nЦНС\nЦНС", lang="en"),
        Example("the PTG\nthe PTG\nthe PTG", translation="el CPT\nel CPT\nla PTG", lang="en"),
    )


RULES = (AcronymWrittenTwoWays(),)
