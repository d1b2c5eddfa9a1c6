"""C5xx comparison rules: bilingual mode, a source article against its given translation.

They read ``ctx.counterpart``, which ``translate-cmp compare`` fills from the sentence aligner
(translate_cmp/align.py); outside compare mode they never run, except C506, which also reads
localisation units (a unit's source against its target, and each target sentence against its round trip).

One rule per module (``C501_omitted_in_translation.py``, ...); helpers shared by several rules in
``helpers.py``.
"""

from __future__ import annotations

from translate_cmp.rules.base import Rule
from translate_cmp.rules.comparison.C501_omitted_in_translation import OmittedInTranslation
from translate_cmp.rules.comparison.C502_added_in_translation import AddedInTranslation
from translate_cmp.rules.comparison.C503_divergent_pair import DivergentPair
from translate_cmp.rules.comparison.C504_length_mismatch import LengthMismatch
from translate_cmp.rules.comparison.C505_merged_or_split import MergedOrSplit
from translate_cmp.rules.comparison.C506_placeholder_mismatch import PlaceholderMismatch
from translate_cmp.rules.comparison.C507_number_not_kept import NumberMismatch
from translate_cmp.rules.comparison.C508_negation_mismatch import NegationMismatch
from translate_cmp.rules.comparison.C509_name_mismatch import NameMismatch

RULES: tuple[Rule, ...] = (
    OmittedInTranslation(),
    AddedInTranslation(),
    DivergentPair(),
    LengthMismatch(),
    MergedOrSplit(),
    PlaceholderMismatch(),
    NumberMismatch(),
    NegationMismatch(),
    NameMismatch(),
)
