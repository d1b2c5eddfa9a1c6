"""C5xx comparison rules: bilingual mode, a source article against its given translation.

They read ``ctx.counterpart``, which ``translate-cmp compare`` fills from the sentence aligner
(translate_cmp/align.py); outside compare mode they never run.
"""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext

# Examples pair a source with a translation already in the source's language (as the back-translation
# a reviewer reads), so they run without any model.
_S = "The minister resigned on Monday. Prices rose by 3 percent in March. Talks will resume next week."
_T_FULL = "The minister stepped down on Monday. Prices went up 3 percent in March. Talks resume next week."
_T_OMIT = "The minister stepped down on Monday. Talks resume next week."
_T_ADD = (
    "The minister stepped down on Monday. Click here to subscribe to our daily newsletter. "
    "Prices went up 3 percent in March. Talks resume next week."
)
_S_LONG = (
    "The minister resigned on Monday. The minister, who had been under pressure for weeks over the housing "
    "scandal that shook the coalition, resigned on Monday evening. Talks will resume next week."
)
_T_SHORT = "The minister resigned on Monday. The minister quit. Talks will resume next week."
MIN_CHARS = 12  # sentences shorter than this are too short to judge by length or chrF


class OmittedInTranslation(Rule):
    code = "C501"
    name = "omitted-in-translation"
    severity = Severity.ERROR
    summary = "A source sentence has no counterpart in the translation."
    why = "Content that silently disappears is the costliest translation error: nobody reading the translation sees it."
    instead = "Translate the sentence, or mark the omission as deliberate."
    needs_counterpart = True
    examples = (Example(_S, translation=_T_OMIT),)
    counter_examples = (Example(_S, translation=_T_FULL),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is not None and cp.kind == "1:0" and len(ctx.text) >= MIN_CHARS:
            yield Hit(0, len(ctx.text), "no counterpart in the translation: this sentence was left out")


class AddedInTranslation(Rule):
    code = "C502"
    name = "added-in-translation"
    severity = Severity.WARNING
    summary = "The translation has a sentence with no counterpart in the source (reported on the sentence before it)."
    why = "Additions carry content the author never wrote: boilerplate, hallucinations, or a sentence from elsewhere."
    instead = "Remove the added sentence, or check that the source is complete."
    needs_counterpart = True
    examples = (Example(_S, translation=_T_ADD),)
    counter_examples = (Example(_S, translation=_T_FULL),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None:
            return
        for added in cp.added:
            if len(added.strip()) >= MIN_CHARS:
                yield Hit(0, len(ctx.text), f"the translation adds after this sentence: {added[:120]!r}")


class DivergentPair(Rule):
    code = "C503"
    name = "divergent-pair"
    severity = Severity.WARNING
    summary = "An aligned pair says different things: the translation, translated back, is far from the source."
    why = "A pair that aligns by position but not by content is a mistranslation or a misplaced sentence."
    instead = "Retranslate the sentence so its back-translation keeps the source's content words."
    needs_counterpart = True
    CHRF_FLOOR = 30.0
    examples = (
        Example("Prices rose by 3 percent in March.", translation="Prices fell sharply in June, officials said."),
    )
    counter_examples = (
        Example("Prices rose by 3 percent in March.", translation="Prices rose 3 percent in March."),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.back is None or cp.kind == "1:0" or ctx.scores is None or len(ctx.text) < MIN_CHARS:
            return
        if ctx.scores.chrf < self.CHRF_FLOOR:
            yield Hit(0, len(ctx.text), f"back-translated counterpart scores chrF {ctx.scores.chrf:.0f} against it")


class LengthMismatch(Rule):
    code = "C504"
    name = "length-mismatch"
    severity = Severity.WARNING
    summary = "An aligned pair's lengths disagree far more than the document's overall length ratio allows."
    why = "A translation much shorter than its source usually lost a clause; much longer, it gained one."
    instead = "Compare the pair clause by clause; translate what is missing, drop what was added."
    needs_counterpart = True
    FACTOR = 2.2
    examples = (Example(_S_LONG, translation=_T_SHORT),)
    counter_examples = (Example(_S, translation=_T_FULL),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.kind == "1:0" or len(ctx.text) < 2 * MIN_CHARS:
            return
        if cp.length_ratio > self.FACTOR or cp.length_ratio < 1 / self.FACTOR:
            word = "shorter" if cp.length_ratio < 1 else "longer"
            yield Hit(0, len(ctx.text), f"translation is {max(cp.length_ratio, 1 / cp.length_ratio):.1f}x {word} "
                                        "than the document's usual ratio")


class MergedOrSplit(Rule):
    code = "C505"
    name = "merged-or-split"
    severity = Severity.INFO
    summary = "Two source sentences became one translated sentence, or one became two."
    why = "Merges and splits are often fine, but they are where clauses get lost or duplicated."
    instead = "Nothing, if the pair still says the same; otherwise keep the source's sentence boundaries."
    needs_counterpart = True
    examples = (
        Example(
            "The minister resigned on Monday. He had been under pressure for weeks. Talks will resume next week.",
            translation="The minister, under pressure for weeks, resigned on Monday. Talks will resume next week.",
        ),
    )
    counter_examples = (Example(_S, translation=_T_FULL),)

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is not None and cp.kind in ("2:1", "1:2"):
            what = "merged with its neighbour" if cp.kind == "2:1" else "split in two"
            yield Hit(0, len(ctx.text), f"{what} in the translation ({cp.kind})")


RULES = (OmittedInTranslation(), AddedInTranslation(), DivergentPair(), LengthMismatch(), MergedOrSplit())
