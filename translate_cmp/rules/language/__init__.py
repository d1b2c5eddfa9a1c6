"""L3xx: language artefacts.

Sentences left in another language than their document (untranslated leftovers), words that mix
alphabets (a Cyrillic letter inside a Latin word), text in a script the document's language does
not use, a source-language article read as an English pronoun, familiar and polite address mixed in
one document, words that lost an accented letter, and English medical terms the language writes its
own way. Each rule declares the languages it serves; what it knows about languages and scripts comes
from :mod:`translate_cmp.lang`.
One rule per module, ``<CODE>_<name>.py``; helpers shared by several rules are in ``helpers.py``.
"""

from __future__ import annotations

from translate_cmp.rules.language.L301_other_language_sentence import OtherLanguageSentence
from translate_cmp.rules.language.L302_mixed_script_word import MixedScriptWord
from translate_cmp.rules.language.L303_foreign_script_text import ForeignScriptText
from translate_cmp.rules.language.L304_article_read_as_pronoun import ArticleReadAsPronoun
from translate_cmp.rules.language.L305_mixed_register import MixedRegister
from translate_cmp.rules.language.L306_lost_accented_letter import LostAccentedLetter
from translate_cmp.rules.language.L307_english_term_kept import EnglishTermKept

RULES = (
    OtherLanguageSentence(),
    MixedScriptWord(),
    ForeignScriptText(),
    ArticleReadAsPronoun(),
    MixedRegister(),
    LostAccentedLetter(),
    EnglishTermKept(),
)
