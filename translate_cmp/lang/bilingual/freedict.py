"""FreeDict bilingual dictionaries in dictd format (Debian's ``dict-freedict-<src>-<tgt>`` packages).

A dictd dictionary is two files: ``<name>.index``, one line per entry, ``headword<TAB>offset<TAB>length`` with the
numbers in dictd's base-64 digits, and ``<name>.dict.dz``, the entries' text (dictzip: gzip with a random-access
table, which plain gzip reads whole). An entry is its headword line (with a pronunciation), then the translations:
FreeDict's English-German (Ding) writes one unindented line of comma-separated translations per sense, with
grammar in angle brackets and domains in square brackets, then indented examples, notes and cross-references;
the smaller English-French/Spanish/Russian dictionaries number their senses ("1. maison, logis").

Only one-word headwords are read (what a word of a sentence is looked up by), and a verb's headword with its object
("say sth", whose entry holds "etw. sagen"; "say" alone is the noun "Mitspracherecht"); their translations are
kept as written, phrases too ("erhöht werden"). Reading English-German whole takes a few seconds (about 6 s on a
loaded machine), so what is read is kept in a cache file under the user's cache folder (:mod:`.store`); later
processes read that in a fraction of the time.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from translate_cmp.lang.bilingual import store

DICTD_DIR = Path("/usr/share/dictd")
_DIGITS = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
CACHE_VERSION = 3  # raise when what parse() keeps changes
# What a translation line carries beside its words: grammar <fem>, domains [med.], cross-references {...},
# explanations (...)
_ASIDES = re.compile(r"<[^<>]*>|\[[^\[\]]*\]|\{[^{}]*\}|\([^()]*\)")
_SENSE_NUMBER = re.compile(r"^\d+\.\s*")
# A verb's headword with its object (the index writes "say sth." as "say sth"): the verb's own entry
_WITH_OBJECT = re.compile(r"^(\S+) (?:sth|sb|sb/sth|sth/sb|oneself)$")


def _number(digits: str) -> int:
    n = 0
    for c in digits:
        n = n * 64 + _DIGITS[c]
    return n


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process, a key of lookups cached per word
class FreeDict:
    """One dictionary's one-word headwords (lower-cased) and their translations (tab-joined: a hundred thousand
    strings take a fraction of the memory of as many sets)."""

    name: str
    entries: dict[str, str]

    def glosses(self, word: str) -> frozenset[str] | None:
        """The translations of ``word`` (any case), None when the dictionary does not have it."""
        found = self.entries.get(word.lower())
        return frozenset(found.split("\t")) if found else None

    def __len__(self) -> int:
        return len(self.entries)


def paths(name: str, folder: Path = DICTD_DIR) -> tuple[Path, Path]:
    return folder / f"{name}.index", folder / f"{name}.dict.dz"


def installed(name: str, folder: Path = DICTD_DIR) -> bool:
    index, data = paths(name, folder)
    return index.is_file() and data.is_file()


def translations(entry: str) -> Iterator[str]:
    """The translations an entry's text gives (its unindented lines after the headword line, split at commas and
    semicolons, asides left out)."""
    for line in entry.split("\n")[1:]:
        if not line or line[0].isspace():
            continue  # examples, notes, synonyms, cross-references
        line = _SENSE_NUMBER.sub("", line)
        line = _ASIDES.sub(" ", _ASIDES.sub(" ", line))
        for part in re.split(r"[,;]", line):
            gloss = " ".join(part.split())
            if gloss:
                yield gloss


def parse(name: str, folder: Path = DICTD_DIR) -> dict[str, str]:
    """Read a dictionary from its dictd files: one-word headwords (lower-cased) -> translations."""
    index, data_path = paths(name, folder)
    with gzip.open(data_path) as handle:
        data = handle.read()
    found: dict[str, set[str]] = {}
    with open(index, encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            headword = parts[0]
            if " " in headword:
                verb = _WITH_OBJECT.match(headword)
                if verb is None:
                    continue
                headword = verb.group(1)
            start, length = _number(parts[1]), _number(parts[2])
            entry = data[start:start + length].decode("utf-8", "replace")
            glosses = found.setdefault(headword.lower(), set())
            glosses.update(translations(entry))
    return {word: "\t".join(sorted(glosses)) for word, glosses in found.items() if glosses}


def load(name: str, folder: Path = DICTD_DIR, cache_dir: Path | None = None) -> FreeDict:
    """The dictionary ``name`` ("freedict-eng-deu"); with ``cache_dir``, parsed once and kept there (:mod:`.store`)."""
    if cache_dir is None:
        return FreeDict(name, parse(name, folder))
    path = store.file_for(paths(name, folder)[1], name, CACHE_VERSION, cache_dir)
    return FreeDict(name, store.cached(path, lambda: parse(name, folder), lambda found: isinstance(found, dict)))
