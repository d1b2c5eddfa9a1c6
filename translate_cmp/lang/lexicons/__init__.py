"""Bilingual lexicons: what a word of the source language may be translated as in the target language.

``lexicon(source_lang, target_lang)`` gives an object with ``glosses(word) -> frozenset[str] | None`` (the
translations of ``word``, None when the lexicon does not have it), or None when no lexicon for the pair is
installed. Each pair is read once per process (the first call pays for it; see each reader for its cost).

Installed readers: FreeDict's dictd files (:mod:`.freedict`, Debian's ``dict-freedict-eng-deu`` and its
English-French/Spanish/Russian siblings; only English-German is read, see ``_FILES``). Another reader plugs in by
adding its pairs to ``_READERS``, and what identifies its installed files to :func:`fingerprints` (run/signature.py
keys stored results by them).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from translate_cmp.lang.lexicons import freedict


class Lexicon(Protocol):
    def glosses(self, word: str) -> frozenset[str] | None: ...


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/translate-cmp/lexicons``, else ``~/.cache/translate-cmp/lexicons``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "translate-cmp" / "lexicons"


def _freedict(name: str) -> Callable[[], Lexicon | None]:
    def read() -> Lexicon | None:
        if not freedict.installed(name):
            return None
        return freedict.load(name, cache_dir=cache_dir())
    return read


# (source, target) -> a reader; FreeDict's English-French, -Spanish and -Russian dictionaries are installed too but
# cover too few of a sentence's words to compare one with its translation (docs/rules/measurements.md, issue 25)
_FILES: dict[tuple[str, str], str] = {("en", "de"): "freedict-eng-deu"}
_READERS: dict[tuple[str, str], Callable[[], Lexicon | None]] = {pair: _freedict(name) for pair, name in _FILES.items()}


def fingerprints() -> dict[str, str]:
    """Per pair: the installed dictionary's size and time ("" when absent), so that results stored before a
    lexicon was installed or updated stop matching (run/signature.py)."""
    out = {}
    for (source, target), name in sorted(_FILES.items()):
        data = freedict.paths(name)[1]
        try:
            stat = data.stat()
        except OSError:
            out[f"{source}-{target}"] = ""
            continue
        out[f"{source}-{target}"] = f"{name}:{stat.st_size}:{int(stat.st_mtime)}"
    return out


def pairs() -> frozenset[tuple[str, str]]:
    """The (source, target) pairs a lexicon may be installed for."""
    return frozenset(_READERS)


@lru_cache(maxsize=16)
def lexicon(source_lang: str, target_lang: str) -> Lexicon | None:
    """The lexicon from ``source_lang`` to ``target_lang``; None when none is installed for the pair."""
    read = _READERS.get((source_lang, target_lang))
    return read() if read is not None else None
