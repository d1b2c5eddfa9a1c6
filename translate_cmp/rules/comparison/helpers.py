"""Helpers shared by several C5xx rules: the length below which a sentence is not judged, and the article
pair their examples share.

Examples pair a source with a translation already in the source's language (as the back-translation a
reviewer reads), so they run without any model.
"""

from __future__ import annotations

MIN_CHARS = 12  # sentences shorter than this are too short to judge by length or chrF

# a source of three sentences and a full translation of it: every C5xx rule stays silent on the pair
SOURCE = "The minister resigned on Monday. Prices rose by 3 percent in March. Talks will resume next week."
TRANSLATION = "The minister stepped down on Monday. Prices went up 3 percent in March. Talks resume next week."
