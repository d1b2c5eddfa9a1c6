"""Parts of speech of single words, from a language's Apertium morphological analyser (Debian's apertium-* pairs).

A pair such as ``apertium-eng-spa`` installs, for each of its languages, an analyser (``spa-eng.automorf.bin``)
that gives every reading of a surface form: ``^Ascendió/ascender<vblex><ifi><p3><sg>$``, ``^Rosa/rosa<n>...
/Rosa<np><ant><f><sg>$``, and ``^Lagarde/*Lagarde$`` for a word it does not know. The language record names the
mode whose first stage is the analyser (``Language.analyser``: ``spa-eng`` for Spanish); this module reads the
mode file, starts ``lt-proc -z`` once per process and language (null-flush mode: one process answers every
batch) and keeps each word's readings in a cache. Nothing is loaded for a language no rule asks about, and where
the pair is not installed :func:`available` is False and the rule that needs it does not run (run.json's
``rules_not_run``).

Apertium's analysers are not used for grammar (measured in issue 25: they duplicate the dictionaries with more
gaps); only to tell a word that can be nothing but a verb from one that can be a name or a noun (S116), and a
word in capitals that is a common word of the language from a name or an acronym (R403's name_survival).
"""

from __future__ import annotations

import hashlib
import shlex
import shutil
import subprocess
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from translate_cmp.lang.profile import MODULES, language

MODES = Path("/usr/share/apertium/modes")
VERB_TAGS = ("vblex", "vbser", "vbhaver", "vbmod", "vaux")


def analyser_command(mode_file: Path) -> list[str] | None:
    """The first stage of a mode (``lt-proc [-w] X.automorf.bin``), or None when it is not an analyser."""
    try:
        first = mode_file.read_text(encoding="utf-8").split("|")[0]
    except OSError:
        return None
    words = shlex.split(first)
    if not words or words[0] != "lt-proc" or not words[-1].endswith(".bin"):
        return None
    return words


@cache
def _command(code: str) -> tuple[str, ...] | None:
    mode = language(code).analyser
    if not mode or shutil.which("lt-proc") is None:
        return None
    command = analyser_command(MODES / f"{mode}.mode")
    if command is None or not Path(command[-1]).is_file():
        return None
    return tuple(command)


def available(code: str) -> bool:
    """Whether the analyser of language ``code`` is installed."""
    return _command(code) is not None


@cache
def analyser_fingerprints() -> dict[str, str]:
    """Per language whose record names an analyser: a digest of its installed ``.bin`` ("" when absent), so that
    results stored before a pair was installed or updated stop matching (run/signature.py)."""
    out = {}
    for code in sorted(MODULES):
        if not language(code).analyser:
            continue
        command = _command(code)
        out[code] = hashlib.sha256(Path(command[-1]).read_bytes()).hexdigest()[:16] if command else ""
    return out


class _Analyser:
    """One ``lt-proc -z`` process: a batch of words in, one line of readings per word out."""

    def __init__(self, command: tuple[str, ...]) -> None:
        self._command = [command[0], "-z", *command[1:]]
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.readings: dict[str, tuple[str, ...]] = {}

    def _start(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL)
        return self._proc

    def analyse(self, words: Iterable[str]) -> None:
        todo = list(dict.fromkeys(w for w in words if w not in self.readings and "\n" not in w and "\0" not in w))
        if not todo:
            return
        with self._lock:
            proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(("\n".join(todo) + "\n\0").encode("utf-8"))
            proc.stdin.flush()
            out = bytearray()
            while not out.endswith(b"\0"):
                chunk = proc.stdout.read1(65536)
                if not chunk:
                    raise RuntimeError("lt-proc stopped answering")
                out += chunk
        lines = [line for line in out[:-1].decode("utf-8").split("\n") if line.strip()]
        if len(lines) != len(todo):  # a word the analyser split or joined: read none of this batch
            for word in todo:
                self.readings.setdefault(word, ())
            return
        for word, line in zip(todo, lines, strict=True):
            self.readings[word] = _readings(line)


def _readings(line: str) -> tuple[str, ...]:
    """``^Marcha/marcha<n><f><sg>/marchar<vblex>...$`` -> ("marcha<n><f><sg>", "marchar<vblex>..."); () unknown."""
    body = line.strip().removeprefix("^").removesuffix("$")
    parts = body.split("/")[1:]
    return () if not parts or parts[0].startswith("*") else tuple(parts)


@cache
def _analyser(code: str) -> _Analyser | None:
    command = _command(code)
    return _Analyser(command) if command else None


def readings(words: Iterable[str], code: str) -> dict[str, tuple[str, ...]]:
    """Every reading of each word in language ``code`` (``()`` for a word the analyser does not know, and for
    every word where no analyser is installed)."""
    words = list(words)
    analyser = _analyser(code)
    if analyser is None:
        return dict.fromkeys(words, ())
    analyser.analyse(words)
    return {w: analyser.readings.get(w, ()) for w in words}


# Verb forms no label or heading takes: past, imperfect, future and conditional, and the past participle. A
# capitalised infinitive, present or imperative is a button or a menu item as often as a mistake ("Haga clic en
# Aceptar", "presione Entrar", "le bouton Envoyer"), and analysers give many nouns only their verb readings
# ("Guida", "Meta", "Archive"): measured in docs/rules/measurements.md (S116).
NARRATIVE_TENSES = ("ifi", "pii", "fti", "cni", "pis", "pp")


def only_verb(reading: tuple[str, ...], tenses: tuple[str, ...] = NARRATIVE_TENSES) -> bool:
    """Every reading is a verb form in one of ``tenses`` (Apertium's tags): no name, noun, adjective or other form."""
    return bool(reading) and all(
        any(f"<{tag}>" in r for tag in VERB_TAGS) and any(f"<{t}>" in r for t in tenses) for r in reading)
