"""Words a language writes with a capital, read from its Hunspell dictionary (Debian's ``hunspell-<lang>``).

German writes every noun with a capital, so a capital in the middle of a German sentence says nothing by
itself: "ist Teil des Pakets", "um acht Uhr", "heute Morgen" are correct, although "teil", "uhr" and
"morgen" are among the language's most frequent small words. The Hunspell dictionaries keep nouns as they
are written (igerman98, packaged by Debian as ``hunspell-de-de``: ``Teil/ESMTmij``, ``Weg/ESTPmij``), their
inflected forms as suffix rules in the ``.aff`` file. This module reads both files directly (a dictionary
entry and one suffix, as Hunspell itself does for a plain word; no compounds), so asking whether a German
word is also a noun costs a set look-up and a few string tests, and nothing is loaded for a language whose
rules never ask.

Entries Hunspell marks as no word of their own are left out: ``NEEDAFFIX`` (igerman98's pseudo-roots such as
``Drei/hij``, there only to start compounds), ``ONLYINCOMPOUND`` and ``FORBIDDENWORD``, and suffixed forms
that carry those flags. Where the dictionary is not installed, :func:`available` is False and the rules that
need it say so (``Rule.requires``; run.json's ``rules_not_run``). The dictionary is GPL-licensed data read at
run time, never copied into this project.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from translate_cmp.lang.profile import language

# Where Debian (and most Linux distributions) install Hunspell dictionaries; TRANSLATE_CMP_HUNSPELL_PATH
# (folders separated by os.pathsep) is searched first.
SEARCH = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
_NO_WORD_FLAGS = ("NEEDAFFIX", "ONLYINCOMPOUND", "FORBIDDENWORD")


@dataclass(frozen=True)
class _Suffix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str]
    no_word: bool  # the suffixed form is a compound part only, or forbidden


@dataclass(frozen=True)
class CapitalisedWords:
    """The capitalised entries of one dictionary (word -> flags) and the suffix rules that inflect them."""

    path: Path
    entries: dict[str, str]
    suffixes: dict[str, tuple[_Suffix, ...]]  # by the last two letters of what the suffix adds
    needs_affix: str = "\0"  # the flag of entries that are no word without a suffix (igerman98's pseudo-roots)
    compound_only: str = "\0"  # the flag of entries that are only parts of compounds, suffixed or not

    def __contains__(self, word: str) -> bool:
        return _lookup(self, word)


def search_path() -> list[Path]:
    extra = os.environ.get("TRANSLATE_CMP_HUNSPELL_PATH", "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [Path(p) for p in SEARCH]


@lru_cache(maxsize=64)
def dictionary_file(code: str) -> Path | None:
    """The ``.dic`` file of langdetect code ``code``: its record's ``hunspell`` name (``de_DE``) in the search path."""
    name = language(code).hunspell
    if not name:
        return None
    for folder in search_path():
        path = folder / f"{name}.dic"
        if path.is_file() and path.with_suffix(".aff").is_file():
            return path
    return None


@lru_cache(maxsize=1)
def dictionary_fingerprints() -> dict[str, str]:
    """Per language whose record names a dictionary: a digest of its installed .dic and .aff ("" when absent), so
    that results stored before a dictionary was installed or updated stop matching (run/signature.py)."""
    from translate_cmp.lang.profile import MODULES

    out = {}
    for code in sorted(MODULES):
        if not language(code).hunspell:
            continue
        path = dictionary_file(code)
        digest = hashlib.sha256()
        for part in (path, path.with_suffix(".aff")) if path is not None else ():
            digest.update(part.read_bytes())
        out[code] = digest.hexdigest() if path is not None else ""
    return out


def available(code: str) -> bool:
    """Whether the Hunspell dictionary of ``code`` is installed."""
    return dictionary_file(code) is not None


def _read_aff(path: Path) -> tuple[dict[str, str], list[_Suffix]]:
    """The flags that mark no word (``NEEDAFFIX`` -> ``h``) and the suffix rules, from a one-letter-flag .aff."""
    special: dict[str, str] = {}
    suffixes: list[_Suffix] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        lines = [line.split() for line in handle if line.strip() and not line.startswith("#")]
    for parts in lines:
        if parts[0] in (*_NO_WORD_FLAGS, "FLAG") and len(parts) >= 2:
            special[parts[0]] = parts[1]
    no_word = set(special.values())
    for parts in lines:
        if parts[0] != "SFX" or len(parts) < 5:
            continue  # the header line of a rule group has 4 fields
        flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
        add, _, add_flags = add.partition("/")
        suffixes.append(_Suffix(
            flag, "" if strip == "0" else strip, "" if add == "0" else add,
            re.compile(("" if condition == "." else f"(?:{condition})") + r"\Z"),
            bool(no_word & set(add_flags))))
    return special, suffixes


@lru_cache(maxsize=8)
def capitalised_words(code: str) -> CapitalisedWords | None:
    """The words ``code`` writes with a capital (its Hunspell dictionary's), or None without the dictionary."""
    path = dictionary_file(code)
    if path is None:
        return None
    special, suffixes = _read_aff(path.with_suffix(".aff"))
    if special.get("FLAG", "UTF-8") not in ("UTF-8", "char"):
        return None  # two-letter or numbered flags (some dictionaries): not read here
    entries: dict[str, str] = {}
    forbidden = special.get("FORBIDDENWORD", "\0")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:  # after the entry count
        if line[:1].isupper():  # lower-case entries, and comment lines that start with a tab, are not read
            word, _, flags = line.partition("/")
            flags = flags.split(None, 1)[0] if flags else ""
            if forbidden not in flags:
                entries[word.rstrip()] = flags
    by_end: dict[str, list[_Suffix]] = {}
    for suffix in suffixes:
        by_end.setdefault(suffix.add[-2:], []).append(suffix)
    return CapitalisedWords(path, entries, {end: tuple(group) for end, group in by_end.items()},
                            special.get("NEEDAFFIX", "\0"), special.get("ONLYINCOMPOUND", "\0"))


def _lookup(words: CapitalisedWords, word: str) -> bool:
    flags = words.entries.get(word)
    if flags is not None and words.needs_affix not in flags and words.compound_only not in flags:
        return True
    for end in {word[-2:], word[-1:], ""}:
        for suffix in words.suffixes.get(end, ()):
            if suffix.no_word or not word.endswith(suffix.add) or len(word) <= len(suffix.add):
                continue
            stem = word[: len(word) - len(suffix.add)] + suffix.strip
            stem_flags = words.entries.get(stem)
            if (stem_flags is not None and suffix.flag in stem_flags and words.compound_only not in stem_flags
                    and suffix.condition.search(stem)):
                return True
    return False


@lru_cache(maxsize=65536)
def writes_capitalised(word: str, code: str) -> bool:
    """Whether ``word`` (as written, ``Teil``, ``Wegen``) is a form the dictionary of ``code`` writes with a capital:
    in German, a noun. False without the dictionary (ask :func:`available` first)."""
    words = capitalised_words(code)
    return words is not None and word in words
