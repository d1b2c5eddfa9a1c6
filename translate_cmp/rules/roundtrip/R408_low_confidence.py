"""R408 low-confidence: the engine was unsure of its own translations of the sentence."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.roundtrip.helpers import round_trip


class LowConfidence(Rule):
    code = "R408"
    name = "low-confidence"
    severity = Severity.INFO
    summary = "The engine was unsure of its own translations of this sentence (low mean token log-probability)."
    why = (
        "Engines are confident on fluent text in their domain; a low mean log-probability over the "
        "round trip marks text the model has not seen the like of: garbled, mixed, or not a sentence. "
        "Threshold: below -1.5 nats per token. Apertium gives no probabilities: through it the rule never "
        "fires (0 of 209 clean sentences)."
    )
    instead = "Fluent, complete sentences."
    examples = (
        # both legs' log-probabilities: (-30.0 - 25.0) / (12 + 10 tokens) = -2.5 nats per token
        Example("Zelensky“Words important the of conflict Is.”", back="Zelensky words are important in the conflict.",
                trip={"forward_score": -30.0, "backward_score": -25.0, "forward_tokens": 12, "backward_tokens": 10}),
    )
    counter_examples = (
        # (-2.2 - 1.8) / (5 + 5 tokens) = -0.4 nats per token: a fluent sentence
        Example("A short sentence.", back="A short sentence.",
                trip={"forward_score": -2.2, "backward_score": -1.8, "forward_tokens": 5, "backward_tokens": 5}),
    )
    needs_round_trip = True

    floor = -1.5  # nats per token, averaged over both legs

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        rt = round_trip(ctx)
        if rt is None:
            return
        value = rt.mean_logprob
        if value is not None and value < self.floor:
            yield Hit(0, len(ctx.text), f"mean log-probability {value:.2f} per token over the round trip "
                                        f"(flagged below {self.floor})")
