"""A language's quirks in one record: what rules need to know about how a language is written.

Each language with quirks has its own module, ``translate_cmp/lang/<code>.py``, holding one
:class:`Language` named ``LANGUAGE`` (the way translate-toolkit keeps ``lang/de.py``); :func:`language`
returns it, or a plain :class:`Language` for a code with no module (spaced, cased, Latin-script
defaults, no word lists). Word frequencies and closed-class words come from the shared loaders in
:mod:`translate_cmp.lang.wordlists`; English word lists from :mod:`translate_cmp.lang.lexicon`;
page furniture from :mod:`translate_cmp.lang.furniture`. Rules ask these; they hold no tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

OPEN, CLOSE, EITHER = "open", "close", "either"


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def numerals(text: str, first: int = 2) -> Mapping[str, int]:
    """Number words from ``first`` up, one number a space-separated item, its forms joined by "|" ("два|две|двух
    три|трёх"): each form, lower case, to its value."""
    return MappingProxyType({form: n for n, item in enumerate(text.split(), start=first) for form in item.split("|")})


# The role of each double quote mark where a language's typography says nothing else: “...” and «...».
DEFAULT_QUOTE_ROLES: Mapping[str, str] = MappingProxyType(
    {"“": OPEN, "”": CLOSE, "„": OPEN, '"': EITHER, "«": OPEN, "»": CLOSE})
# „...“ and »...« (German, Czech, ...); „...” and «...» (Polish, Dutch, ...); ”...” and »...» (Swedish, Finnish)
LOW_HIGH_QUOTES: Mapping[str, str] = MappingProxyType(
    {"„": OPEN, "“": CLOSE, "”": CLOSE, '"': EITHER, "»": OPEN, "«": CLOSE})
LOW_RIGHT_QUOTES: Mapping[str, str] = MappingProxyType(
    {"„": OPEN, "”": CLOSE, "“": CLOSE, '"': EITHER, "«": OPEN, "»": CLOSE})
RIGHT_RIGHT_QUOTES: Mapping[str, str] = MappingProxyType(
    {"”": EITHER, "»": EITHER, '"': EITHER, "“": OPEN, "„": OPEN})


@dataclass(frozen=True)
class Language:
    """How one language is written, as far as the rules need to know (langdetect's code)."""

    code: str
    name: str = ""
    spaced: bool = True  # words separated by spaces (not zh, ja, th, lo, km, my)
    script: str = ""  # the script its letters are in ("LATIN", "CYRILLIC", ...; "" unknown)
    capitalises_nouns: bool = False  # German, Luxembourgish: capitals say nothing about names
    quote_roles: Mapping[str, str] = field(default_factory=lambda: DEFAULT_QUOTE_ROLES)  # each double quote's role
    courtesy: frozenset[str] = frozenset()  # pronouns of polite address written capitalised (Sie, Ihnen; Вы)
    articles: frozenset[str] = frozenset()  # lower-case articles
    oblique_articles: frozenset[str] = frozenset()  # articles of a case that starts no name (German dem, einem)
    pronouns: frozenset[str] = frozenset()  # lower-case personal pronouns
    deliberate_doubles: frozenset[str] = frozenset()  # words the language doubles on purpose (nous nous)
    read_as: str | None = None  # langdetect's code for it on one sentence of another (Dutch read as "af")
    conventional_capitals: frozenset[str] = frozenset()  # capitalised by convention, not names (months, days)
    one_letter_words: frozenset[str] = frozenset()  # its words of one letter (Russian в, к, с; not the letter х)
    noun_markers: frozenset[str] = frozenset()  # lower-case words after which the language writes a noun
    accented_letters: str = ""  # its lower-case letters beyond ASCII (á é í ó ú ñ ü): L306 looks for them lost
    negations: frozenset[str] = frozenset()  # its negation words, lower case (French "ne"/"n'" and "pas"): C508
    # its words for the numbers two to twelve, each form, lower case, to its value (zwei -> 2; двух -> 2): Q614
    # reads a number written out as the number
    numerals: Mapping[str, int] = field(default_factory=dict)
    numeral_suffixes: tuple[str, ...] = ()  # what compounds a numeral with ("mal", "fach": "zehnmal"): Q614
    # Q614 on a translation from Chinese or Japanese: how the language writes the numbers of a CJK source. Words
    # that multiply the number before them ("million": "33.06 million"), ordinals written as words ("fifth") and
    # number suffixes ("10th", "1990s"), and the months' names in order ("February", "Feb."; "2月" is February)
    scale_words: Mapping[str, float] = field(default_factory=dict)
    ordinals: Mapping[str, int] = field(default_factory=dict)
    number_suffixes: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    # characters that multiply the number before them in this language's own writing (Chinese 万 10^4, 亿 10^8)
    scale_characters: Mapping[str, float] = field(default_factory=dict)
    numeral_heads: bool = False  # a numeral's form starts a compound ("двухбайтовый", "пятистрочный"): Q614
    analyser: str = ""  # the Apertium mode whose first stage analyses it (spa-eng), read by lang/analyser.py
    hunspell: str = ""  # its Hunspell dictionary's name (de_DE: de_DE.dic, de_DE.aff), read by lang/hunspell.py
    # Typography (S110-S114): what the language prints where a typewriter's marks are not accepted. Each is set
    # only where the convention is clear and clean human text of the language keeps it (docs/rules/measurements.md).
    printed_quotes: str = ""  # its quotation marks where typed straight quotes are wrong in print („“; « »)
    spaced_punctuation: bool = False  # a (no-break) space before ; : ! ? and inside « » (French)
    dash: str = ""  # the dash it prints between clauses ("–"); where set, a typed " -- " is flagged
    # two spaced hyphens around an insertion ("sehr nahe - 30 Kilometer außerhalb - und") are its dash pair typed
    # with the keyboard's hyphen: S113 flags them too, where raters of the language mark them
    hyphen_pairs: bool = False
    decimal_comma: bool = False  # "3,5" is three and a half, so "3,000" and "1,942,514" are English digit groups
    # Register (L305): the forms of address, lower-case; a document that uses both kinds mixes registers
    # The first person (I, we, my; Chinese 我, 咱) and the second (you; 你, 您), which a translation must not make up
    # (Q640). Lower case (English "I" is matched as written); for an unspaced language, the characters or words that
    # hold them, read inside the text
    first_person: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    familiar: frozenset[str] = frozenset()  # familiar address (du, dich, dein, euch; tu, te, ton; ты)
    polite: frozenset[str] = frozenset()  # polite address (Sie, Ihnen; vous, votre; usted; вы, ваш)
    polite_capitalised: bool = False  # the polite forms are the capitalised ones, after a clause start (Sie, sie)
    extra: Mapping[str, object] = field(default_factory=dict)  # room for a language's own quirks


# langdetect codes with a module of their own in this package
MODULES = frozenset({"ca", "de", "en", "es", "fr", "gl", "it", "ja", "lb", "nl", "pt", "ru", "uk", "zh"})
NO_SPACE = frozenset({"zh", "zt", "ja", "th", "lo", "km", "my"})
LATIN_SCRIPT = words(
    """en fr de es it pt nl pl cs sk sl hr ro hu sv da no nb nn fi et lv lt tr id ms vi ca eu gl ga sq af sw tl
    az uz is mt cy lb""")
_LOW_HIGH = frozenset({"de", "cs", "sk", "sl", "lt", "et", "bg", "is", "da"})
_LOW_RIGHT = frozenset({"pl", "hu", "ro", "hr", "sr", "nl"})
_RIGHT_RIGHT = frozenset({"sv", "fi"})


def _quote_roles(code: str) -> Mapping[str, str]:
    if code in _LOW_HIGH:
        return LOW_HIGH_QUOTES
    if code in _LOW_RIGHT:
        return LOW_RIGHT_QUOTES
    if code in _RIGHT_RIGHT:
        return RIGHT_RIGHT_QUOTES
    return DEFAULT_QUOTE_ROLES


def plain(code: str, **known: object) -> Language:
    """A language's record from the facts shared across languages (spacing, script, quotes), plus ``known``."""
    facts: dict[str, object] = {
        "spaced": code not in NO_SPACE,
        "script": "LATIN" if code in LATIN_SCRIPT else "",
        "quote_roles": _quote_roles(code),
    }
    facts.update(known)
    return Language(code, **facts)  # type: ignore[arg-type]


@cache
def language(code: str) -> Language:
    """The :class:`Language` of langdetect code ``code`` (a plain one when there is no module for it)."""
    if code in MODULES:
        return importlib.import_module(f"translate_cmp.lang.{code}").LANGUAGE
    return plain(code)


# Languages whose articles and pronouns may start a name or a title ("Pedro De la Fuente", "Real Madrid La
# ..."): after a name, a capitalised one is no evidence of a casing error, in a document of any language.
NAME_OPENER_LANGS = ("es", "fr", "it", "pt", "nl", "de")


@cache
def name_openers() -> frozenset[str]:
    """The articles and pronouns of :data:`NAME_OPENER_LANGS`, lower-case."""
    return frozenset().union(*(language(code).articles | language(code).pronouns for code in NAME_OPENER_LANGS))


# langdetect codes that are one language, or too close to tell apart on one sentence.
SAME_GROUPS = (
    frozenset({"zh", "zt"}),
    frozenset({"no", "da", "nb", "nn"}),
    frozenset({"hr", "sr", "bs"}),
    frozenset({"id", "ms"}),
)


def same_language(a: str, b: str) -> bool:
    """Whether langdetect codes ``a`` and ``b`` name one language, or two too close to tell apart on a sentence."""
    return a == b or any(a in group and b in group for group in SAME_GROUPS)


@cache
def misread_codes() -> Mapping[str, str]:
    """langdetect's code for a sentence -> the language it is more likely in (``af`` -> ``nl``)."""
    return MappingProxyType({lang.read_as: lang.code for lang in map(language, sorted(MODULES)) if lang.read_as})
