"""What the typography rules (S110-S114) share: whether the document reads as its language at all.

A language's typography applies only to text in that language; a short English line that langdetect reads as
French ("Fraud prevention tips:") must not be held to French spacing. The evidence is a closed-class word of
the language (:func:`translate_cmp.lang.wordlists.closed_class`) somewhere in the document; a localisation
unit's language is its file's, not a guess.
"""

from __future__ import annotations

from translate_cmp.lang.wordlists import closed_class
from translate_cmp.rules.base import RuleContext
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.text import WORD

_KEY = "typography:grammar-words"


def reads_as_its_language(ctx: RuleContext) -> bool:
    """The document has a closed-class word of its language (computed once per document), or is a localisation
    unit, whose language its file states."""
    if ctx.document.unit is not None:
        return True
    view = doc_view(ctx)
    known = view.memo.get(_KEY)
    if not isinstance(known, bool):
        grammar = closed_class(ctx.doc_lang)
        known = not grammar or any(
            m.group().lower() in grammar for s in ctx.sentences for m in WORD.finditer(s.text))
        view.memo[_KEY] = known
    return known
