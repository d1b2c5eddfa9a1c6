"""What kind of token a word is, from its letters and word frequencies: a word of the language, an
abbreviation, a term of another language, or an identifier. No per-language tables: the evidence is the
shape of the token (vowels, length, case) and wordfreq's Zipf frequencies (:mod:`translate_cmp.lang.wordlists`).

- :func:`is_abbreviation`: a full stop after it does not end a sentence when a lower-case word follows
  ("657 пац. с", "el disp. raíz", "(см). также", "la M. tuberculosis", "bzw. die"). A token is one when it
  is a single letter (an initial), has no vowel (no word of a language written with vowels lacks one:
  "см", "bzw", "Mr"; not an acronym, "NBC"), or is a short lower-case token that is not a common word of
  the language but begins one (a word cut short: "пац", "disp", "sist"; not a command: "chown"). A full
  word before the stop ("Gesetz. ein", "said. jens") is not.
- :func:`is_known_word`: the token is a word of the language or of English at all (wordfreq lists it); an
  identifier ("imgmath", "systemctl", "crypttab") is not.
- :func:`is_english_term`: in a document of another language, a word ten times as frequent in English as in
  that language ("time", "kill", "setup" in Italian or Spanish prose): a command, option or keyword kept
  verbatim, which keeps the casing it has, not the language's sentence capitals.
- :func:`foreign_script`: a word in another script than the language's ("cgroup" in Russian prose).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import lru_cache

from translate_cmp.lang.wordlists import frequent_words, top_words, zipf, zipf_at_least

_VOWELS = frozenset("aeiouyæøœ" "аеёиоуыэюяіїєө" "αεηιουω")
_VOWEL_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
COMMON = 3.0  # a Zipf frequency at which a token is a common word of the language (once per million words)
KNOWN = 1.5  # wordfreq lists a token at all (its lists stop near 1)
_PREFIX_WORDS = 20000  # the common words whose beginnings an abbreviation may be


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=8192)
def has_vowel(word: str) -> bool:
    """Whether ``word`` has a vowel letter; True for letters of scripts without this notion (CJK, Arabic)."""
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _VOWELS:
            return True
        if ch.isalpha() and _script(ch) not in _VOWEL_SCRIPTS:
            return True
    return False


@lru_cache(maxsize=16)
def _sorted_words(lang: str) -> tuple[str, ...]:
    """The language's common words in order: the ones a token begins are side by side from where it would go
    (a sort of 20,000 words, a tenth of the time a set of their 80,000 beginnings took)."""
    if not has_frequencies(lang):
        return ()
    try:
        words = top_words(lang, _PREFIX_WORDS)
    except LookupError:
        return ()
    # sorted as read (wordfreq's buckets are each in order: half the time of sorting a set); a set only for a list
    # with a word twice
    return tuple(sorted(words) if len(set(words)) == len(words) else sorted(set(words)))


def begins_common_word(token: str, lang: str) -> bool:
    """``token`` (2 to 5 letters) is how one of the language's common words begins, the word two letters
    longer or more ("disp" for "dispositivo")."""
    if not 2 <= len(token) <= 5:
        return False
    words = _sorted_words(lang)
    at = bisect_left(words, token)
    while at < len(words) and words[at].startswith(token):
        if len(words[at]) >= len(token) + 2:
            return True
        at += 1  # the word itself, or one letter longer: ordered before the longer ones
    return False


def abbreviation_by_shape(word: str) -> bool | None:
    """:func:`is_abbreviation` where the token's letters decide it, in any language; None where the language's word
    list decides (a short lower-case token with a vowel: "disp", "it")."""
    if not word or not word.isalpha():
        return False
    if len(word) == 1:
        return True  # an initial: "M. tuberculosis", "V. g."
    if not has_vowel(word):
        return not word.isupper()  # "см", "bzw", "Mr"; an acronym ("NBC") takes no full stop of its own
    return None if word.islower() and len(word) <= 5 else False


def is_abbreviation(word: str, lang: str) -> bool:
    """A token a full stop after which does not end a sentence when a lower-case word follows."""
    shape = abbreviation_by_shape(word)
    if shape is not None:
        return shape
    # a common word cut short ("пац" for пациент, "disp" for dispositivo); not a command ("chown", "gzip")
    return not zipf_at_least(word, lang, COMMON) and begins_common_word(word, lang)


@lru_cache(maxsize=64)
def has_frequencies(lang: str) -> bool:
    """wordfreq has a word list for ``lang``: without one (Afrikaans, Somali, a misread language) a word's absence
    is no evidence of anything."""
    return bool(frequent_words(lang, 10))


def is_known_word(word: str, lang: str) -> bool:
    """wordfreq lists ``word`` in ``lang`` or in English: a word, not an identifier or a code (True where ``lang``
    has no list)."""
    low = word.lower()
    return not has_frequencies(lang) or zipf(low, lang) >= KNOWN or zipf(low, "en") >= KNOWN


def is_english_term(word: str, lang: str) -> bool:
    """In a document in ``lang`` (not English), ``word`` is an English word more than one of ``lang``."""
    if lang == "en" or not has_frequencies(lang):
        return False
    low = word.lower()
    english = zipf(low, "en")
    return english >= KNOWN and english >= zipf(low, lang) + 1.0  # "time" in Italian; not "was" in German


def letter_script(word: str) -> str:
    """The Unicode script of ``word``'s first letter ("LATIN", "CYRILLIC", "CJK", ...; "" for none)."""
    for ch in word:
        if ch.isalpha():
            return _script(ch)
    return ""


def foreign_script(word: str, lang: str) -> bool:
    """``word`` is written in another script than ``lang`` ("cgroup" in Russian, "yes" in Japanese prose)."""
    from translate_cmp.lang.profile import NO_SPACE, language

    script = language(lang).script or ("NOT-LATIN" if lang in NO_SPACE else "")
    found = letter_script(word)
    return bool(script and found) and found != script  # a language of unknown script: no evidence
