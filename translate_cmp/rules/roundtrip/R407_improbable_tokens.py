"""R407 improbable-tokens: words the backward model finds very unlikely given the pivot (``--surprisal``)."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.engines.surprisal import Threshold, improbable, words
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import excerpt, round_trip

SURPRISAL_RULE = "R407"  # the one rule that needs the surprisal pass

# (start, end, bits) per word of "The talks between Moscow and Kyiv resumed.", as the backward model scores it
# given its pivot: "Moscow" is 19.5 bits where the pivot says "París", a few bits where it says "Moscú".
_TALKS = "The talks between Moscow and Kyiv resumed."
_SPANS = ((0, 3), (4, 9), (10, 17), (18, 24), (25, 28), (29, 33), (34, 42))
_PARIS = tuple((s, e, b) for (s, e), b in zip(_SPANS, (2.1, 5.3, 3.0, 19.5, 1.2, 6.4, 4.0)))
_MOSCU = tuple((s, e, b) for (s, e), b in zip(_SPANS, (2.1, 5.3, 3.0, 4.2, 1.2, 6.4, 4.0)))


class ImprobableTokens(Rule):
    code = SURPRISAL_RULE
    name = "improbable-tokens"
    severity = Severity.INFO
    summary = (
        "Words of the sentence that the backward model finds very unlikely given the pivot translation "
        "(runs with --surprisal)."
    )
    why = (
        "Scoring the original sentence against its own pivot translation shows which words the "
        "translation does not support: glued or garbled words, wrong names, words from another "
        "language. It points at the word, where chrF only says 'somewhere in this sentence'. Apertium "
        "cannot score: through it the rule never fires (0 of 209 clean sentences)."
    )
    instead = "Check the marked words: spelling, spacing, casing, the right name or figure."
    examples = (
        Example(_TALKS, back="The talks between Paris and Kyiv resumed.",
                trip={"pivot_text": "Las conversaciones entre París y Kiev se reanudaron.", "surprisal": _PARIS}),
    )
    counter_examples = (
        Example(_TALKS, back="The talks between Moscow and Kyiv resumed.",
                trip={"pivot_text": "Las conversaciones entre Moscú y Kiev se reanudaron.", "surprisal": _MOSCU}),
    )
    needs_round_trip = True

    threshold = Threshold()
    max_words = 3  # report at most this many words per sentence, most surprising first

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None or not rt.surprisal:
            return
        hits, mid = improbable(words(ctx.text, rt.surprisal), self.threshold)
        for w in sorted(hits[: self.max_words], key=lambda w: w.start):
            yield Hit(w.start, w.end, f"{ctx.text[w.start:w.end]!r}: {w.bits:.1f} bits given the {rt.pivot_lang} "
                                      f"translation (sentence median {mid:.1f}); pivot: {excerpt(rt.pivot_text)!r}")
