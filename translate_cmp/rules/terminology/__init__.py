"""Q65x terminology: a unit's translation against the project's glossary (CSV or TBX, glossary.py).

Q650 glossary-term-not-used, Q651 forbidden-term, Q652 do-not-translate-altered. They run on localisation units
(PO, XLIFF, TMX, bitext rows) and in compare mode (a source sentence against its aligned translation), and only
when the project configuration names a glossary (``glossary = "terms.csv"``) or ``--glossary`` is given.
Matching is inflection-aware (matching.py).
"""

from __future__ import annotations

from translate_cmp.rules.base import Rule
from translate_cmp.rules.terminology.Q650_term_not_used import TermNotUsed
from translate_cmp.rules.terminology.Q651_forbidden_term import ForbiddenTerm
from translate_cmp.rules.terminology.Q652_do_not_translate import DoNotTranslateAltered

RULES: tuple[Rule, ...] = (TermNotUsed(), ForbiddenTerm(), DoNotTranslateAltered())
