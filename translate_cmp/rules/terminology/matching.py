"""Finding a glossary term in a unit's text, with the language's inflection in mind.

A term matches a run of words of the text when each word matches the term's word:

- ``exact``: the same word, ignoring case (do-not-translate terms: the same characters, case included);
- ``lemma``: the same lemma under simplemma (https://github.com/adbar/simplemma, MIT code; its data is
  ODbL/CC BY), when it is installed (``pip install translate-cmp[terms]``) and serves the language:
  "Dateien" is "Datei", "fichiers" is "fichier";
- ``loose`` (accepting a translation only, never to flag; with or without a lemmatiser): a word that
  starts with the term word's stem (the word less its last two letters, at least four kept; diacritics
  aside) and is at most four letters longer ("Dateien" for "Datei", "Passwörter" for "Passwort"); in
  languages that write compounds as one word (German, Dutch, the Scandinavian languages, Finnish,
  Hungarian, Estonian), a word that contains the term ("Dateiname").

Markup and placeholders (``%(name)s``, ``<b>``, ``{0}``) are blanked first: a term inside them is not text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from translate_cmp.l10n.placeholders import PATTERN

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "nn", "no", "fi", "hu", "et", "is", "af", "lb"})


def blank_markup(text: str) -> str:
    """``text`` with placeholders and tags replaced by spaces (offsets kept)."""
    return PATTERN.sub(lambda m: " " * (m.end() - m.start()), text)


def words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(blank_markup(text))]


@lru_cache(maxsize=64)
def lemmatiser(lang: str) -> Callable[[str], str] | None:
    """simplemma's lemmatiser for ``lang`` ("pt-br" -> "pt"), or None (not installed, or not a language it has)."""
    try:
        import simplemma
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:
        return None
    code = lang.split("-")[0]
    code = {"no": "nb", "sr": "hbs", "hr": "hbs", "bs": "hbs"}.get(code, code)
    if code not in SUPPORTED_LANGUAGES:
        return None

    @lru_cache(maxsize=65536)
    def lemma(word: str) -> str:
        return simplemma.lemmatize(word, lang=code).lower()

    return lemma


def _bare(word: str) -> str:
    """``word`` without diacritics: a plural's umlaut ("Passwörter" for "Passwort") does not hide its stem."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _loose(word: str, term_word: str, lang: str) -> bool:
    word, term_word = _bare(word), _bare(term_word)
    if len(term_word) < 4:
        return False
    stem = term_word[: max(4, len(term_word) - 2)]
    if word.startswith(stem) and len(word) <= len(term_word) + 4:
        return True
    return lang.split("-")[0] in COMPOUNDING and len(term_word) >= 5 and term_word in word


def _word_match(word: str, term_word: str, lang: str, loose: bool) -> bool:
    a, b = word.lower(), term_word.lower()
    if a == b:
        return True
    lemma = lemmatiser(lang) if lang else None
    if lemma is not None and lemma(word) == lemma(term_word):
        return True
    if lemma is None and not loose and lang.split("-")[0] in ("en", ""):
        # English sources without a lemmatiser: a regular plural ("files" for "file")
        return a in (b + "s", b + "es") or (b.endswith("y") and a == b[:-1] + "ies")
    return loose and _loose(a, b, lang)


def find_term(text_words: list[tuple[int, int, str]], term: str, lang: str, *, loose: bool = False,
              exact_case: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) where ``term`` occurs in the text whose words are ``text_words``."""
    term_words = [w for _, _, w in words(term)]
    if not term_words:
        return []
    out = []
    n = len(term_words)
    for i in range(len(text_words) - n + 1):
        run = text_words[i:i + n]
        if exact_case:
            ok = all(w == t for (_, _, w), t in zip(run, term_words))
        else:
            ok = all(_word_match(w, t, lang, loose) for (_, _, w), t in zip(run, term_words))
        if ok:
            out.append((run[0][0], run[-1][1]))
    return out
