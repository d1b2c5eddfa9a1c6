"""Q6xx localisation QA: a unit's source against its target, the checks localisers know from pofilter, Okapi
CheckMate and Xbench (Q601-Q649; Q650-Q699 are glossary/terminology and consistency).

Each rule reads ``ctx.document.unit`` (PO, XLIFF, TMX, bitext rows: :class:`~translate_cmp.rules.base.Rule`'s
``needs_unit``) and never runs on articles. One rule per module (``Q601_unchanged_translation.py``, ...); the base
class in ``unit_rule.py``, shared pieces (punctuation under each language's typography, numbers under each
locale's format, URLs, paths, options ...) in ``helpers.py``, the project's settings in ``options.py``.
"""

from __future__ import annotations

from translate_cmp.rules.base import Rule
from translate_cmp.rules.qa.Q601_unchanged_translation import UnchangedTranslation
from translate_cmp.rules.qa.Q602_blank_translation import BlankTranslation
from translate_cmp.rules.qa.Q603_accelerator_mismatch import AcceleratorMismatch
from translate_cmp.rules.qa.Q604_escape_mismatch import EscapeMismatch
from translate_cmp.rules.qa.Q605_newline_mismatch import NewlineMismatch
from translate_cmp.rules.qa.Q606_tab_mismatch import TabMismatch
from translate_cmp.rules.qa.Q607_leading_whitespace_mismatch import LeadingWhitespaceMismatch
from translate_cmp.rules.qa.Q608_trailing_whitespace_mismatch import TrailingWhitespaceMismatch
from translate_cmp.rules.qa.Q609_double_space_mismatch import DoubleSpaceMismatch
from translate_cmp.rules.qa.Q610_start_punctuation_mismatch import StartPunctuationMismatch
from translate_cmp.rules.qa.Q611_end_punctuation_mismatch import EndPunctuationMismatch
from translate_cmp.rules.qa.Q612_bracket_mismatch import BracketMismatch
from translate_cmp.rules.qa.Q613_quote_mismatch import QuoteMismatch
from translate_cmp.rules.qa.Q614_number_mismatch import NumberMismatch
from translate_cmp.rules.qa.Q615_url_mismatch import UrlMismatch
from translate_cmp.rules.qa.Q616_email_mismatch import EmailMismatch
from translate_cmp.rules.qa.Q617_file_path_mismatch import FilePathMismatch
from translate_cmp.rules.qa.Q618_acronym_missing import AcronymMissing
from translate_cmp.rules.qa.Q619_translation_too_long import TranslationTooLong
from translate_cmp.rules.qa.Q620_translation_too_short import TranslationTooShort
from translate_cmp.rules.qa.Q621_max_width_exceeded import MaxWidthExceeded
from translate_cmp.rules.qa.Q622_sentence_count_mismatch import SentenceCountMismatch
from translate_cmp.rules.qa.Q623_function_name_changed import FunctionNameChanged
from translate_cmp.rules.qa.Q624_option_changed import OptionChanged
from translate_cmp.rules.qa.Q625_invalid_markup import InvalidMarkup
from translate_cmp.rules.qa.Q626_invalid_character import InvalidCharacter
from translate_cmp.rules.qa.Q627_doubled_word_in_translation import DoubledWordInTranslation
from translate_cmp.rules.qa.Q628_icu_message_structure import IcuMessageStructure
from translate_cmp.rules.qa.Q629_untranslated_word import UntranslatedWord
from translate_cmp.rules.qa.Q630_symbol_not_kept import SymbolNotKept
from translate_cmp.rules.qa.Q631_plural_form_missing import PluralFormMissing
from translate_cmp.rules.qa.Q632_plural_form_extra import PluralFormExtra
from translate_cmp.rules.qa.Q633_name_lower_cased import NameLowerCased
from translate_cmp.rules.qa.Q634_number_added import NumberAdded
from translate_cmp.rules.qa.Q635_negation_dropped import NegationDropped
from translate_cmp.rules.qa.Q636_acronym_added import AcronymAdded
from translate_cmp.rules.qa.Q637_word_in_capitals import WordInCapitals
from translate_cmp.rules.qa.Q638_unit_not_converted import UnitNotConverted
from translate_cmp.rules.qa.Q640_person_added import PersonAdded
from translate_cmp.rules.qa.Q643_name_misread import NameMisread
from translate_cmp.rules.qa.Q644_sentence_not_translated import SentenceNotTranslated
from translate_cmp.rules.qa.Q645_clause_untranslated import ClauseUntranslated
from translate_cmp.rules.qa.Q646_name_untraced import NameUntraced
from translate_cmp.rules.qa.Q647_site_name_as_network import SiteNameAsNetwork
from translate_cmp.rules.qa.Q648_dateline_word_for_word import DatelineWordForWord
from translate_cmp.rules.qa.Q649_agency_added import AgencyAdded

RULES: tuple[Rule, ...] = (
    UnchangedTranslation(), BlankTranslation(), AcceleratorMismatch(), EscapeMismatch(), NewlineMismatch(),
    TabMismatch(), LeadingWhitespaceMismatch(), TrailingWhitespaceMismatch(), DoubleSpaceMismatch(),
    StartPunctuationMismatch(), EndPunctuationMismatch(), BracketMismatch(), QuoteMismatch(), NumberMismatch(),
    UrlMismatch(), EmailMismatch(), FilePathMismatch(), AcronymMissing(), TranslationTooLong(), TranslationTooShort(),
    MaxWidthExceeded(), SentenceCountMismatch(), FunctionNameChanged(), OptionChanged(), InvalidMarkup(),
    InvalidCharacter(), DoubledWordInTranslation(), IcuMessageStructure(), UntranslatedWord(),
    SymbolNotKept(), PluralFormMissing(), PluralFormExtra(), NameLowerCased(), NumberAdded(), NegationDropped(),
    AcronymAdded(), WordInCapitals(), UnitNotConverted(), PersonAdded(), NameMisread(), SentenceNotTranslated(),
    ClauseUntranslated(), NameUntraced(), SiteNameAsNetwork(), DatelineWordForWord(), AgencyAdded(),
)
