"""Which words of an English source a translation has a gloss of: a bilingual lexicon's translations of each
content word, looked for in the target's words.

English side: content words only (not spaCy's English stop words, not names or acronyms, not words with an
apostrophe, not among English's most frequent words, whose translations are too many to look for: "like", "time",
"get"); each word is looked up as written and as the lemmas its endings allow ("studies" -> "study", "increased" ->
"increase"), the glosses of all of them together. Target side (German, the lexicon measured): lower-cased, umlauts
and ß folded ("Häuser" reads "hauser"), a gloss cut to its stem (one inflection ending off: "Patienten" ->
"patient") and found anywhere in a target word of four letters or more (German compounds: "Sterblichkeit" in
"Kindersterblichkeit"), at its start otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from translate_cmp.lang.bilingual import Lexicon
from translate_cmp.lang.wordlists import stop_words, zipf

# An English word that frequent has a translation in nearly every sentence, or none (measured: docs/rules/
# measurements.md, issue 25)
MAX_ZIPF = 5.5
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_TARGET_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# Words of a gloss that are no translation of the word: Ding's placeholders (etw., jdn., jdm.) and German articles,
# reflexive and auxiliaries ("sich erhöhen", "erhöht werden")
_GLUE = ("etw jdn jdm jds sich ein eine einen einer eines einem der die das den dem des und oder von mit auf fur aus "
         "bei nach uber unter vor zum zur nicht sein haben werden wird ist sind")
_GLOSS_GLUE = frozenset(_GLUE.split())
_ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s", "t")
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
             ("er", ""), ("est", ""))


def fold(word: str) -> str:
    return word.lower().translate(_FOLD)


def stem(word: str) -> str:
    """``word`` (folded) less one inflection ending, three letters kept at least."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def lemmas(word: str) -> Iterator[str]:
    """``word`` (lower case) and what its English endings allow it to be the form of."""
    yield word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: -len(suffix)] + replacement


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    covered: bool


def content_words(source: str) -> Iterator[tuple[int, int, str]]:
    """The English content words of ``source``: (start, end, lower-cased word)."""
    stops = stop_words("en")
    for m in _WORD.finditer(source):
        word = m.group()
        low = word.lower()
        if len(word) < 3 or "'" in word or "’" in word or low in stops or word.isupper():
            continue
        if word[0].isupper() and m.start() > 0 and source[: m.start()].rstrip()[-1:] not in ".!?:\"“‘(":
            continue  # a name (a capital in mid-sentence)
        if zipf(low, "en") > MAX_ZIPF:
            continue
        yield m.start(), m.end(), low


@lru_cache(maxsize=65536)
def _stems(lexicon: Lexicon, word: str) -> frozenset[str]:
    found: set[str] = set()
    for lemma in lemmas(word):
        for gloss in lexicon.glosses(lemma) or ():
            for part in _TARGET_WORD.findall(gloss):
                folded = fold(part)
                if len(folded) >= 3 and folded not in _GLOSS_GLUE:
                    found.add(stem(folded))
    return frozenset(found)


def target_words(target: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _TARGET_WORD.findall(target))


def is_covered(stems: frozenset[str], word: str, targets: tuple[str, ...]) -> bool:
    """Whether a target word holds one of the gloss ``stems`` (or the source ``word`` itself, kept as it is)."""
    if word in targets:
        return True
    return any(s in t if len(s) >= 4 else t.startswith(s) for s in stems for t in targets)


def words(source: str, target: str, lexicon: Lexicon) -> list[Word]:
    """The content words of ``source`` the lexicon has, each with whether the target has a gloss of it."""
    targets = target_words(target)
    out = []
    for start, end, word in content_words(source):
        stems = _stems(lexicon, word)
        if stems:
            out.append(Word(start, end, word, is_covered(stems, word, targets)))
    return out
