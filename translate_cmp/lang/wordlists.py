"""Per-language word knowledge for the surface rules, from two well-kept data sets.

- Closed-class (function) words: spaCy's per-language ``STOP_WORDS`` (MIT licence), read straight from
  the ``stop_words.py`` files without importing spaCy (importing it takes seconds), intersected with
  the language's most frequent words in wordfreq, so rare or odd entries drop out, minus the content
  words the stop lists carry (``_CONTENT``: nouns and adjectives such as 'acuerdo', 'Ende', 'governo').
- Word frequencies: wordfreq's Zipf scale (code Apache-2.0, data CC-BY-SA 4.0, inside the wheel),
  used to tell whether the tail of a glued token ("SánchezDijo") is a real word of the language.

Everything is cached; a language without data yields empty sets and Zipf 0.
"""

from __future__ import annotations

import importlib.util
import math
import os
from functools import lru_cache

LANGS = frozenset({"en", "es", "de", "fr", "pt", "it", "nl", "ru"})
TOP_N = 400  # a closed-class word is among the language's 400 most frequent words

# Content words that spaCy's stop lists include; they are not closed-class and may be capitalised.
_CONTENT = {
    "es": "acuerdo cuenta día días embargo estado estados fin final gran grandes lado manera medio parte pasado "
    "tiempo vez veces año años casa gobierno mundo país vida trabajo claro bien mal bueno buena buen nuevo nueva",
    "de": "ende jahr jahre jahren recht richtig gut gute neue neuen grosse grossen zeit tag tage leben welt",
    "fr": "effet gens merci personne nouveau premier première reste fait",
    "pt": "coisa estado fim final forma grupo local lugar momento número sistema tempo tipo tarde grande "
    "maior boa bom nova novo lado",
    "it": "anni anno casa caso città esempio fine generale giorni giorno governo grande gruppo lavoro male meglio "
    "momento mondo nazionale paese parte persone posto tempo volta vita",
    "nl": "klaar weg lang beter",
    "ru": "",
    "en": "",
}


# One-word sentences each language writes on purpose ("Ja.", "Sí.", "Non."): never fragments.
_DELIBERATE_ONE_WORD = {
    "es": "sí si no nunca claro bueno vale gracias nada jamás también tampoco quizá quizás exacto",
    "de": "ja nein doch genau danke bitte natürlich nie niemals nichts also gut klar vielleicht eben",
    "fr": "oui non si merci jamais voilà rien bien bon peut-être exactement certes enfin",
    "pt": "sim não nunca claro obrigado obrigada nada também talvez exato bem",
    "it": "sì si no mai certo grazie ecco niente nulla bene forse esatto appunto",
    "nl": "ja nee nooit dank niets precies misschien goed zeker inderdaad",
    "ru": "да нет конечно спасибо никогда ничего хорошо ладно возможно именно",
}


def deliberate_one_word(lang: str) -> frozenset[str]:
    """Words that make a sentence on their own in ``lang`` ('Ja.', 'Sí.')."""
    return frozenset(_DELIBERATE_ONE_WORD.get(lang, "").split())


def _stop_words_file(lang: str) -> str | None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return None
    path = os.path.join(os.path.dirname(spec.origin), "lang", lang, "stop_words.py")
    return path if os.path.exists(path) else None


@lru_cache(maxsize=64)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang`` (empty where spaCy has none)."""
    path = _stop_words_file(lang)
    if path is None:
        return frozenset()
    namespace: dict[str, object] = {}
    with open(path, encoding="utf-8") as handle:
        exec(compile(handle.read(), path, "exec"), namespace)  # a module that only defines a set
    found = namespace.get("STOP_WORDS", set())
    return frozenset(str(w).lower() for w in found) if isinstance(found, (set, frozenset)) else frozenset()


@lru_cache(maxsize=1)
def _wordfreq_langs() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def load_wordfreq() -> None:
    """Import wordfreq and read which languages it has (what every word-list lookup needs first): a process about
    to fork workers calls it so that they inherit the loaded module instead of each importing it."""
    _wordfreq_langs()


# wordfreq needs jieba / MeCab for these (found by the encoding fuzzer)
NEEDS_TOKENIZER = frozenset({"zh", "ja", "ko"})
# Western European languages written in cp1252 / Latin-1: whose words tell a right single-byte decoding from a
# wrong one when a file's own language cannot be told
SINGLE_BYTE_LANGS = ("en", "fr", "es", "de", "it", "pt", "nl")


def has_word_list(lang: str) -> bool:
    """Whether wordfreq has a word list for ``lang`` that it can read without an optional tokenizer."""
    return lang in _wordfreq_langs() and lang not in NEEDS_TOKENIZER


@lru_cache(maxsize=64)
def frequent_words(lang: str, n: int = TOP_N) -> frozenset[str]:
    """The ``n`` most frequent words of ``lang`` in wordfreq (empty where it has no list)."""
    from wordfreq import top_n_list

    if lang not in _wordfreq_langs():
        return frozenset()  # wordfreq would fall back to a "nearest" language ('af' -> 'nl')
    try:
        return frozenset(top_n_list(lang, n))
    except LookupError:
        return frozenset()


def top_words(lang: str, n: int) -> list[str]:
    """wordfreq's ``top_n_list(lang, n)`` (the ``n`` most frequent words, multi-digit numbers left out), read from
    the frequency list its Zipf lookups have already loaded: only a word that starts with a digit is tried as a
    number (top_n_list tries each; a tenth of the time for 20,000 words)."""
    from wordfreq import get_frequency_list
    from wordfreq.numbers import has_digit_sequence

    out: list[str] = []
    for bucket in get_frequency_list(lang, "best"):  # positional, as wordfreq's own calls: one cached list
        for word in bucket:
            if word[:1].isdigit() and has_digit_sequence(word):  # every \d is a digit: no number is let through
                continue
            out.append(word)
            if len(out) >= n:
                return out
    return out


@lru_cache(maxsize=64)
def closed_class(lang: str) -> frozenset[str]:
    """Function words of ``lang``: frequent stop words that are not content words."""
    content = frozenset(_CONTENT.get(lang, "").split())
    return (stop_words(lang) & frequent_words(lang)) - content


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (0 for unknown words or languages)."""
    from wordfreq import zipf_frequency

    if lang not in _wordfreq_langs():
        return 0.0
    try:
        return float(zipf_frequency(word, lang))
    except (LookupError, ImportError):  # ja/ko tokenise with MeCab, an optional wordfreq extra
        return 0.0


@lru_cache(maxsize=1)
def _small_langs() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages("small"))


@lru_cache(maxsize=64)
def _small_floor(lang: str) -> float:
    """The Zipf frequency of the rarest word in wordfreq's small list of ``lang``. The small list is the full one
    cut there: the same words with the same values, and every word it leaves out rarer
    (``tests/test_wordlists_small.py`` holds wordfreq to that)."""
    from wordfreq import get_frequency_dict

    return math.log10(min(get_frequency_dict(lang, "small").values())) + 9


@lru_cache(maxsize=65536)
def zipf_at_least(word: str, lang: str, threshold: float) -> bool:
    """``zipf(word, lang) >= threshold``, read from wordfreq's small list of the language where that decides it
    (a twentieth of the full list's 0.4 s to load, once a process): a word the small list has, with its value; a
    word it has not, rarer than its rarest, below a threshold at that rarest or above. Only a rare word asked
    against a lower threshold loads the full list. A check that asks whether a word is common ("B" a word of
    German? "aus" a common one?) need not load 600,000 words for it."""
    from wordfreq import zipf_frequency

    if lang not in _wordfreq_langs() or lang not in _small_langs():
        return zipf(word, lang) >= threshold
    try:
        common = zipf_frequency(word, lang, "small")  # tokenises first: a missing tokenizer loads no list
    except (LookupError, ImportError):  # as zipf: ja/ko tokenise with MeCab, an optional wordfreq extra
        return threshold <= 0.0
    if common > 0:  # every token of the word in the small list, with the full list's frequency
        return common >= threshold
    return False if threshold >= _small_floor(lang) else zipf(word, lang) >= threshold


def is_real_word(word: str, lang: str, threshold: float = 3.0) -> bool:
    """``word`` is a common word of ``lang`` and more common there than in English (brand tails are English).

    ``zipf(low, lang) >= threshold and (lang == "en" or zipf(low, lang) > zipf(low, "en"))``, asked through
    :func:`zipf_at_least` (the small lists where they decide it): a word the small list of ``lang`` has needs no full
    list, of ``lang`` nor of English, where it is commoner than English's small list holds (a worker that meets
    "MeloniHa" in Dutch need not load Dutch's 0.2 s list for it)."""
    low = word.lower()
    if not zipf_at_least(low, lang, threshold):
        return False
    if lang == "en":
        return True
    here = _small_zipf(low, lang)  # the full list's value where the small list has the word
    if here <= 0:
        here = zipf(low, lang)  # (zipf_at_least has loaded the full list for it)
    return not zipf_at_least(low, "en", here)  # here > zipf(low, "en")


@lru_cache(maxsize=65536)
def _small_zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in the small list of ``lang``: the full list's where it is above 0 (every
    token of the word in the small list, with the full list's frequency); 0 where the small list cannot tell."""
    if lang not in _wordfreq_langs() or lang not in _small_langs():
        return 0.0
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang, "small"))
    except (LookupError, ImportError):
        return 0.0
