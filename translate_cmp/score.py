"""Sentence scores of a back-translation against its original, with sacrebleu.

The back-translation is the hypothesis and the original sentence the reference. BLEU uses
``effective_order`` (the sentence-level setting sacrebleu recommends). Each metric's sacrebleu
signature is kept for run.json, so every number can be reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sacrebleu.metrics import BLEU, CHRF, TER

from translate_cmp.records import Scores


@dataclass
class SentenceScorer:
    chrf: CHRF = field(default_factory=CHRF)
    bleu: BLEU = field(default_factory=lambda: BLEU(effective_order=True))
    ter: TER = field(default_factory=TER)

    def score(self, hypothesis: str, reference: str) -> Scores:
        refs = [reference]
        return Scores(
            chrf=round(self.chrf.sentence_score(hypothesis, refs).score, 2),
            bleu=round(self.bleu.sentence_score(hypothesis, refs).score, 2),
            ter=round(self.ter.sentence_score(hypothesis, refs).score, 2),
        )

    def signatures(self) -> dict[str, str]:
        metrics = (("chrf", self.chrf), ("bleu", self.bleu), ("ter", self.ter))
        for _, metric in metrics:  # sacrebleu learns this when it scores; results from a cache never do
            if getattr(metric, "num_refs", None) is None:
                metric.num_refs = 1  # every score here has exactly one reference: the original sentence
        return {name: str(m.get_signature()) for name, m in metrics}
