"""S1xx: spacing and casing artefacts.

Words run together, missing spaces at quotes and punctuation, capitals in the middle of a
sentence, sentences starting in lower case, doubled or stray punctuation, unbalanced quotes and
brackets, doubled words, and typography each language prints its own way (quotation marks, French spacing,
dashes, digit grouping). One rule per module, ``<CODE>_<name>.py``, each declaring what it serves:
rules that rely on word lists run on the languages that have them (English by
:mod:`translate_cmp.lang.lexicon`, the others by :mod:`translate_cmp.lang.wordlists`); the others run
on any language, some only on languages written with spaces. Helpers shared by several rules are in
:mod:`translate_cmp.rules.spacing.helpers`.
"""

from __future__ import annotations

from translate_cmp.rules.spacing.S101_run_together_words import RunTogetherWords
from translate_cmp.rules.spacing.S102_missing_space_at_quote import MissingSpaceAtQuote
from translate_cmp.rules.spacing.S103_missing_space_after_punctuation import MissingSpaceAfterPunctuation
from translate_cmp.rules.spacing.S104_mid_sentence_capital import MidSentenceCapital
from translate_cmp.rules.spacing.S105_lowercase_sentence_start import LowercaseSentenceStart
from translate_cmp.rules.spacing.S106_doubled_punctuation import DoubledPunctuation
from translate_cmp.rules.spacing.S107_unbalanced_quotes import UnbalancedQuotes
from translate_cmp.rules.spacing.S108_unbalanced_brackets import UnbalancedBrackets
from translate_cmp.rules.spacing.S109_doubled_word import DoubledWord
from translate_cmp.rules.spacing.S110_straight_quotes import StraightQuotes
from translate_cmp.rules.spacing.S111_french_spacing import FrenchSpacing
from translate_cmp.rules.spacing.S112_space_inside_quotes import SpaceInsideQuotes
from translate_cmp.rules.spacing.S113_typewriter_dash import TypewriterDash
from translate_cmp.rules.spacing.S114_english_digit_grouping import EnglishDigitGrouping
from translate_cmp.rules.spacing.S115_run_together_lower_case import RunTogetherLowerCase
from translate_cmp.rules.spacing.S116_capitalised_verb import CapitalisedVerb
from translate_cmp.rules.spacing.S117_numbers_side_by_side import NumbersSideBySide
from translate_cmp.rules.spacing.S118_raised_decimal_point import RaisedDecimalPoint

RULES = (
    RunTogetherWords(),
    MissingSpaceAtQuote(),
    MissingSpaceAfterPunctuation(),
    MidSentenceCapital(),
    LowercaseSentenceStart(),
    DoubledPunctuation(),
    UnbalancedQuotes(),
    UnbalancedBrackets(),
    DoubledWord(),
    StraightQuotes(),
    FrenchSpacing(),
    SpaceInsideQuotes(),
    TypewriterDash(),
    EnglishDigitGrouping(),
    RunTogetherLowerCase(),
    CapitalisedVerb(),
    NumbersSideBySide(),
    RaisedDecimalPoint(),
)
