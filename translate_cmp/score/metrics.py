"""Sentence scores of a back-translation against its original, with sacrebleu.

The back-translation is the hypothesis and the original sentence the reference. BLEU uses
``effective_order`` (the sentence-level setting sacrebleu recommends). Each metric's sacrebleu
signature is kept for run.json, so every number can be reproduced.

Bounded cost: TER's edit distance with shifts is super-linear in sentence length (a 100,000-word
sentence took 283 s and 8.9 GB; on random seed words, sacrebleu's TER took 0.12 s at 100 words, 1.3 s
at 400 and minutes at 1,000), so sentences longer than :data:`MAX_TER_WORDS` words on either side
get TER = NaN (an empty cell); chrF and BLEU are computed from n-gram counts, linear in length.
With the cap, a sentence's TER costs at most that of a 100-word one: per word, the cost is bounded.
"""

from __future__ import annotations

import math
from functools import cache, cached_property

from translate_cmp.records import Scores

MAX_TER_WORDS = 100


class SentenceScorer:
    """chrF, BLEU and TER of one sentence; sacrebleu (a quarter second to import) loads on first use,
    so a run that scores nothing (``--engine none``, a re-run from the cache) never loads it."""

    @cached_property
    def chrf(self):
        from sacrebleu.metrics import CHRF

        return CHRF()  # sacrebleu's defaults: chrF2 (beta 2), character 6-grams, no word n-grams

    @cached_property
    def bleu(self):
        from sacrebleu.metrics import BLEU

        return BLEU(effective_order=True)

    @cached_property
    def ter(self):
        from sacrebleu.metrics import TER

        return TER()

    def chrf_score(self, hypothesis: str, reference: str) -> float:
        """Sentence chrF of ``hypothesis`` against ``reference``, rounded to 2 decimals."""
        return round(self.chrf.sentence_score(hypothesis, [reference]).score, 2)

    def score(self, hypothesis: str, reference: str) -> Scores:
        return Scores(
            chrf=self.chrf_score(hypothesis, reference),
            bleu=round(self.bleu.sentence_score(hypothesis, [reference]).score, 2),
            ter=self._ter(hypothesis, reference),
        )

    def _ter(self, hypothesis: str, reference: str) -> float:
        if max(len(hypothesis.split()), len(reference.split())) > MAX_TER_WORDS:
            return math.nan
        return round(self.ter.sentence_score(hypothesis, [reference]).score, 2)

    def signatures(self) -> dict[str, str]:
        metrics = (("chrf", self.chrf), ("bleu", self.bleu), ("ter", self.ter))
        for _, metric in metrics:  # sacrebleu learns this when it scores; results from a cache never do
            if getattr(metric, "num_refs", None) is None:
                metric.num_refs = 1  # every score here has exactly one reference: the original sentence
        return {name: str(m.get_signature()) for name, m in metrics}


@cache
def _scorer() -> SentenceScorer:
    return SentenceScorer()


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF alone (the rules compare pivots and engines with it): the number
    ``SentenceScorer().score(hypothesis, reference).chrf`` reports, without BLEU and TER."""
    return _scorer().chrf_score(hypothesis, reference)
