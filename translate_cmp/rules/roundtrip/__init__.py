"""R4xx: what does not survive the round trip (source -> pivot -> source).

Every rule here reads the sentence's :class:`~translate_cmp.records.RoundTrip` (and its scores);
none fires without one. A round trip is evidence about the *original* sentence: text that an
engine cannot carry through a pivot and back (garbled words, broken sentences, run-ons) comes
back changed. Engines also err on clean text, so the rules are deliberately conservative:
relative to the document's own distribution where one exists, with absolute floors, and
length-aware where sentence length changes what a difference means. R409 compares pivots, R410
engines side by side.

One rule per module (``R401_round_trip_divergent.py``, ...); helpers shared by several rules in
``helpers.py``; R403's evidence (which names a round trip lost) in ``name_survival.py``.
"""

from __future__ import annotations

from translate_cmp.rules.base import Rule
from translate_cmp.rules.roundtrip.R401_round_trip_divergent import RoundTripDivergent
from translate_cmp.rules.roundtrip.R402_number_changed import NumberChanged
from translate_cmp.rules.roundtrip.R403_name_changed import NameChanged
from translate_cmp.rules.roundtrip.R404_content_dropped import ContentDropped
from translate_cmp.rules.roundtrip.R405_content_added import ContentAdded
from translate_cmp.rules.roundtrip.R406_truncated_output import TruncatedOutput
from translate_cmp.rules.roundtrip.R407_improbable_tokens import ImprobableTokens
from translate_cmp.rules.roundtrip.R408_low_confidence import LowConfidence
from translate_cmp.rules.roundtrip.R409_pivots_disagree import PivotsDisagree
from translate_cmp.rules.roundtrip.R410_engines_disagree import EnginesDisagree

RULES: tuple[Rule, ...] = (
    RoundTripDivergent(),
    NumberChanged(),
    NameChanged(),
    ContentDropped(),
    ContentAdded(),
    TruncatedOutput(),
    ImprobableTokens(),
    LowConfidence(),
    PivotsDisagree(),
    EnginesDisagree(),
)
