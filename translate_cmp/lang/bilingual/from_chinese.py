"""Which content words of a Chinese source have a translation in an English target, by CC-CEDICT's glosses.

A source word is *covered* when one of its glosses is a word of the target, up to inflection (both sides cut to
the same stem: "women" and "woman", "economic" and "economy"; a gloss that starts a target word counts too:
"chat" in "chatbot"). Segmentation is longest match over CEDICT's headwords; so that a wrong cut ("在地" in
在地震, "in the earthquake") does not read as a gap, a word is also covered by any headword that holds it or that
it holds (a character of its own included: 妇女 "women" by 女 "woman"). What is not read as a content word: the
function words the language record lists (``extra["function_words"]`` of lang/zh.py), words whose glosses are all
English function words, single characters, numbers and the words touching a digit or a numeral (上世纪80年代 is
"the 1980s": the number rules read those), and a proper noun that has no gloss in the target (a name is spelt many
ways; CEDICT's glosses of 美国 are "United States, USA, US", of a person the person's description).

Measured on WMT23 Chinese-English news (docs/rules/measurements.md): a content word inside the source text raters
marked as left out has no gloss in the target 47% of the time, one in a clean translation 11%.

Names are read apart (``untraced_names``, Q646): a proper noun of the source is *traced* when the target writes one
of its glosses or its spellings (``Cedict.spellings``: the pinyin as English writes names, the entries' upper-case
words), its first four letters starting a target word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from translate_cmp.lang.bilingual.cedict import Cedict
from translate_cmp.lang.lexicon import FUNCTION_WORDS
from translate_cmp.lang.profile import language
from translate_cmp.lang.wordlists import stop_words

# a clause: what lies between two marks of Chinese (or Western) punctuation, brackets and quotes
CLAUSE = re.compile(r"[^，。；：！？、,;:!?（）()“”\"「」『』《》\n]+")
NUMERALS = frozenset("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两几半第")
_TARGET_WORD = re.compile(r"[A-Za-z]+")
_DOTTED = re.compile(r"\b([A-Z])\.([A-Z])\.")  # "U.S." -> "US"
_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ness", "ities", "ity", "ically", "ical",
             "ies", "ied", "ying", "ing", "ed", "es", "s", "ly", "al", "ive", "ous", "er", "ic", "y", "e")
STEM = 5  # characters of the stem compared: "econom" ~ "economy", "economic"
NEIGHBOURS = 8  # characters of the longest headword read around a word (CEDICT's longer ones are set phrases)
COMPOUND = 4  # a gloss of at least this many letters that starts a target word covers it ("chat" -> "chatbot")


# English plurals that no suffix makes
_IRREGULAR = {"children": "child", "people": "person", "feet": "foot", "teeth": "tooth", "mice": "mouse"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: one common suffix cut (at least three letters left), then the first STEM letters;
    "-men" read as "-man" ("women")."""
    word = word.lower()
    word = _IRREGULAR.get(word, word[:-3] + "man" if word.endswith("men") else word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:STEM]


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return FUNCTION_WORDS | stop_words("en")


@lru_cache(maxsize=1)
def _chinese_function_words() -> frozenset[str]:
    return frozenset(language("zh").extra.get("function_words", ()))


@dataclass(frozen=True)
class SourceWord:
    start: int
    end: int
    word: str
    covered: bool


@dataclass(frozen=True)
class Gap:
    """A clause of the source (``start:end``) whose content words all lack a translation in the target."""

    start: int
    end: int
    words: tuple[str, ...]


class Target:
    """The words of an English target, as stems, and as lower-case words for the compound test."""

    def __init__(self, text: str):
        self.words = [w.lower() for w in _TARGET_WORD.findall(_DOTTED.sub(r"\1\2", text))]
        # "died" is "die" + "d": a stem of the word less its last letter too
        self.stems = {stem(w) for w in self.words} | {stem(w[:-1]) for w in self.words if w[-1:] in ("d", "s")}

    def has(self, gloss: str) -> bool:
        if stem(gloss) in self.stems:
            return True
        return len(gloss) >= COMPOUND and any(w.startswith(gloss) for w in self.words)


def _covered_by_neighbours(lex: Cedict, source: str, start: int, end: int, target: Target) -> bool:
    """A headword that holds the span ``start:end`` of ``source`` or lies inside it has a gloss in ``target``."""
    longest = min(lex.longest, NEIGHBOURS)
    for i in range(max(0, start - longest + 1), end):
        for j in range(i + 1, min(len(source), i + longest) + 1):
            inside, holds = start <= i and j <= end, i <= start and j >= end
            if (inside or holds) and (i, j) != (start, end) and any(map(target.has, lex.glosses(source[i:j]))):
                return True
    return False


def source_words(source: str, target: str, lex: Cedict) -> list[SourceWord]:
    """The content words of ``source`` (see the module's docstring), each with whether ``target`` translates it."""
    english_function, chinese_function = _english_function_words(), _chinese_function_words()
    seen = Target(target)
    found = []
    for start, end, word in lex.words(source):
        if len(word) < 2 or word in chinese_function or any(ch in NUMERALS for ch in word):
            continue
        if start > 0 and source[start - 1] in NUMERALS or end < len(source) and source[end] in NUMERALS:
            continue
        glosses = lex.glosses(word)
        if not glosses - english_function:
            continue
        covered = any(map(seen.has, glosses)) or _covered_by_neighbours(lex, source, start, end, seen)
        if covered or not lex.is_proper(word):
            found.append(SourceWord(start, end, word, covered))
    return found


_OPENING_QUOTES = frozenset("“「『\"")
_CLOSING_QUOTES = frozenset("”」』\"")


def quoted(source: str, start: int, end: int) -> bool:
    """The clause ``source[start:end]`` is the whole of a quotation: a quote mark just before it, one just after."""
    return start > 0 and source[start - 1] in _OPENING_QUOTES and end < len(source) and source[end] in _CLOSING_QUOTES


def untranslated_clauses(source: str, target: str, lex: Cedict, min_words: int = 2,
                         min_quoted: int | None = None) -> list[Gap]:
    """The clauses of ``source`` with at least ``min_words`` content words (``min_quoted`` for a clause that is a
    whole quotation, "“暴雷”"), none of which ``target`` translates."""
    words = source_words(source, target, lex)
    gaps = []
    for clause in CLAUSE.finditer(source):
        inside = [w for w in words if clause.start() <= w.start < clause.end()]
        least = min_words if min_quoted is None or not quoted(source, clause.start(), clause.end()) else min_quoted
        if len(inside) >= least and not any(w.covered for w in inside):
            text = clause.group()
            lead = len(text) - len(text.lstrip())
            gaps.append(Gap(clause.start() + lead, clause.start() + len(text.rstrip()), tuple(w.word for w in inside)))
    return gaps


# Proper nouns: is a name of the source written in the target at all?
NAME_PREFIX = 4  # letters of a spelling or gloss that must start a target word ("iran" in "Iranian", "phil...")
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2}")  # a source with no two characters side by side has no name to read
_SEPARATOR = frozenset("·•・")  # between the parts of a foreign name written in characters (易卜拉欣·莱西)
_FOLD = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ", "aaaaeeeeiiiioooouuuuuuuuunnn")


@dataclass(frozen=True)
class Name:
    """A proper noun of the source (``start:end``) that the target does not write in any spelling CEDICT gives."""

    start: int
    end: int
    word: str


_SOUNDS = str.maketrans("lx", "rs")


def sounded(spelling: str) -> str:
    """``spelling`` with the letters Chinese writes for sounds it lacks made one with the foreign ones: Chinese has no
    'r' before a vowel and writes a foreign name's 'r' with an l- character (莱西 Laixi is Raisi, 罗 luo for 'ro'),
    and its 'si' with 西 xi (西雅图 Xiyatu is Seattle): "laixi" and "raisi" both read "raisi"."""
    return spelling.translate(_SOUNDS)


def _name_words(target: str) -> tuple[list[str], str]:
    text = _DOTTED.sub(r"\1\2", target).lower().translate(_FOLD)
    words = _TARGET_WORD.findall(text)
    return words, "".join(words)


def _spelt(lex: Cedict, word: str, words: list[str], joined: str) -> bool:
    """``word`` has a trace in the target: a spelling or gloss (its demonym's and its language's too: 荷兰人 "Dutch")
    starts a target word (its first NAME_PREFIX letters; a shorter one is a whole word), or a pinyin spelling of
    five letters or more lies in the target's letters ("Kahramanmaras" holds no pinyin, "Xinjiang" does), or a
    pinyin spelling starts a target word once both are ``sounded`` (莱西 Laixi written "Raisi")."""
    ways = lex.spellings(word) | lex.glosses(word) | lex.glosses(word + "人") | lex.glosses(word + "语")
    long = {w[:NAME_PREFIX] for w in ways if len(w) >= NAME_PREFIX}
    short = {w for w in ways if len(w) < NAME_PREFIX and (w in lex.spellings(word))}
    if any(w[:NAME_PREFIX] in long for w in words) or any(w in short for w in words):
        return True
    if any(len(s) >= 5 and s in joined for s in lex.spellings(word)):
        return True
    heard = {sounded(s)[:NAME_PREFIX] for s in lex.spellings(word) if len(s) >= NAME_PREFIX}
    return any(sounded(w)[:NAME_PREFIX] in heard for w in words if len(w) >= NAME_PREFIX)


def untraced_names(source: str, target: str, lex: Cedict) -> list[Name]:
    """The proper nouns of ``source`` (CEDICT's, two characters or more) of which ``target`` has no trace.

    Not read, as a dictionary cannot tell them: a name cut out of a longer run of characters (a single character
    other than a function word beside it: 岸|田文|雄 is Kishida Fumio, not 田文), a part of a foreign name written in
    characters (beside "·"), a word touching a number (11日电), a currency (美元: "$")."""
    if not HAN_NAME.search(source):
        return []
    words, joined = _name_words(target)
    function = _chinese_function_words()
    cut = lex.words(source)
    ends = {end: word for _, end, word in cut}
    starts = {start: word for start, _, word in cut}

    def whole(neighbour: str | None) -> bool:
        return neighbour is None or len(neighbour) >= 2 or neighbour in function

    found = []
    for start, end, word in cut:
        if len(word) < 2 or not lex.is_proper(word) or word.endswith("元"):
            continue
        before, after = source[start - 1] if start else "", source[end] if end < len(source) else ""
        if before in NUMERALS or after in NUMERALS or before.isdigit() or after.isdigit():
            continue
        if before in _SEPARATOR or after in _SEPARATOR or not (whole(ends.get(start)) and whole(starts.get(end))):
            continue
        if not _spelt(lex, word, words, joined):
            found.append(Name(start, end, word))
    return found



# Names romanised from characters the source does not have (Q643)
# a syllable of Hanyu Pinyin: an initial, then a final (only those CEDICT spells are kept: no "bia", no "fi")
_PINYIN_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|"
                              r"uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u)")
LONGEST_SYLLABLE = 6  # "zhuang", "chuang", "shuang"
_ROMANISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")  # a capitalised word or run of them
COMMON = 3.0  # a target word of English at least this frequent (wordfreq's Zipf scale) is an English word
FOREIGN_PART = 4  # characters read on each side of a "·" as a foreign name's part
_FOREIGN_PART = re.compile(rf"[\u4e00-\u9fff]{{1,{FOREIGN_PART}}}(?=[·•・‧])|"
                           rf"(?<=[·•・‧])[\u4e00-\u9fff]{{1,{FOREIGN_PART}}}")
_syllables: dict[int, tuple[dict, frozenset[str]]] = {}  # by the readings table (kept, so its id stays its own)


@dataclass(frozen=True)
class Misread:
    """A target word (``start:end``) that reads as pinyin none of the source's characters is read as."""

    start: int
    end: int
    word: str


def pinyin_syllables(lex: Cedict) -> frozenset[str]:
    """The syllables of Hanyu Pinyin that CEDICT's characters are read as (about 410; "m", "ng", "hm" left out)."""
    key = id(lex.read)
    if key not in _syllables or _syllables[key][0] is not lex.read:
        _syllables[key] = (lex.read, frozenset(s for found in lex.read.values() for s in found
                                               if _PINYIN_SYLLABLE.fullmatch(s)))
    return _syllables[key][1]


def pinyin_readings(word: str, syllables: frozenset[str]) -> list[tuple[str, ...]]:
    """Every way ``word`` (lower case) splits into pinyin ``syllables``; a syllable after the first does not start
    with a, e or o (pinyin writes an apostrophe there: "Xi'an", so "Fumio" is not fu-mi-o)."""
    found: list[tuple[str, ...]] = []

    def split(rest: str, done: tuple[str, ...]) -> None:
        if not rest:
            found.append(done)
            return
        for size in range(1, min(LONGEST_SYLLABLE, len(rest)) + 1):
            head = rest[:size]
            if head in syllables and not (done and head[0] in "aeo"):
                split(rest[size:], (*done, head))

    split(word, ())
    return found


def misread_names(source: str, target: str, lex: Cedict) -> list[Misread]:
    """The capitalised words of ``target`` that read as pinyin (two syllables or more; one syllable inside a name
    of pinyin words: "Li Kao Feng") of which some syllable is no reading of any character of ``source``: a name
    romanised from characters the source does not have (泛林 Lam Research as "Panlin", 李絮枫 as "Li Shufeng").

    Not read: English words (``COMMON``; a one-syllable word inside a name of pinyin words is read even so: "Jun" in
    "Ma Jun"), a word the source writes in Latin letters, a gloss or spelling of a source word (香港 "Hong Kong"),
    and a word that starts like a part of a foreign name the source writes in characters beside "·" with the sound
    of one of them (``FOREIGN_PART`` characters on each side: 法里巴·阿德尔哈 is
    Fariba Adelkhah, and English restores the name, not its characters)."""
    if not HAN_NAME.search(source):
        return []
    from translate_cmp.lang.wordlists import zipf

    syllables = pinyin_syllables(lex)
    heard = {s for char in source for s in lex.readings(char)}
    traced = {w.lower() for w in _TARGET_WORD.findall(source)}
    for _, _, word in lex.words(source):
        traced |= lex.glosses(word) | lex.spellings(word)
    foreign = {s[0] for part in _FOREIGN_PART.findall(source) for char in part for s in lex.readings(char)}
    found: list[Misread] = []
    seen: set[str] = set()
    for name in _ROMANISED.finditer(target):
        parts = [(m.start() + name.start(), m.group()) for m in re.finditer(r"[A-Za-z]+", name.group())]
        readings = [pinyin_readings(word.lower(), syllables) for _, word in parts]
        for i, (start, word) in enumerate(parts):
            ways = readings[i]
            # a name of pinyin words: this word and a pinyin word beside it ("Reporter Ma Jun": "Ma Jun")
            in_name = bool(ways) and any(0 <= j < len(parts) and readings[j] for j in (i - 1, i + 1))
            low = word.lower()
            if not ways or low in seen or low in traced or low[0] in foreign:
                continue
            if zipf(low, "en") >= COMMON and not (in_name and all(len(way) == 1 for way in ways)):
                continue  # an English word, unless a syllable inside a name of pinyin words ("Ma Jun", "Li Yun")
            if not (any(len(way) >= 2 for way in ways) or in_name):
                continue
            if any(all(s in heard for s in way) for way in ways):
                continue
            seen.add(low)
            found.append(Misread(start, start + len(word), word))
    return found
