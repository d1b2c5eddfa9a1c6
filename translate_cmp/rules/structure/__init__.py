"""F2xx: structure artefacts.

Fragments left by a broken sentence split, lines and titles that appear twice, and text that a
scraper kept from the page around the article: image captions and credits, bylines, desk codes,
"Read more" links. Each rule declares the languages it serves; the page furniture it looks for is
language knowledge, in :mod:`translate_cmp.lang.furniture` and :mod:`translate_cmp.lang.lexicon`.
One rule per module, ``<CODE>_<name>.py``; helpers shared by several rules are in ``helpers.py``.
"""

from __future__ import annotations

from translate_cmp.rules.structure.F201_sentence_fragment import SentenceFragment
from translate_cmp.rules.structure.F202_duplicated_line import DuplicatedLine
from translate_cmp.rules.structure.F203_self_repeated_text import SelfRepeatedText
from translate_cmp.rules.structure.F204_image_caption import ImageCaption
from translate_cmp.rules.structure.F205_scraper_debris import ScraperDebris

RULES = (
    SentenceFragment(),
    DuplicatedLine(),
    SelfRepeatedText(),
    ImageCaption(),
    ScraperDebris(),
)
