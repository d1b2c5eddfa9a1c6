"""The apertium engine: Debian's rule-based Apertium modes, many sentences per process.

Measured (NOTES.md): each ``apertium`` call costs ~170 ms on its own, so sentences are batched,
joined by blank lines, which come back one for one. ``-u`` drops the unknown-word marks (``*``,
``#``, ``@``) so the rules never see them. stdin is written from a thread while stdout is read
(a pipe written without reading deadlocks). The words each sentence's mode did not know come from
a second pass of the mode's analyser alone (translate_cmp/engines/apertium_unknown.py), carried as
``Translated.unknown``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from translate_cmp.engines.apertium_unknown import unknown_words
from translate_cmp.engines.base import Engine
from translate_cmp.errors import InputError
from translate_cmp.records import Translated

BINARY = "apertium"
MODES_DIR = Path("/usr/share/apertium/modes")
DEFAULT_CHUNK = 500  # sentences per process
SEPARATOR = "\n\n"
# Apertium codes -> the ISO 639-1 codes the pipeline uses
ISO = {"eng": "en", "en": "en", "spa": "es", "es": "es", "cat": "ca", "ca": "ca", "glg": "gl", "gl": "gl",
       "fra": "fr", "fr": "fr", "por": "pt", "pt": "pt", "ita": "it", "it": "it", "rus": "ru", "ru": "ru",
       "ukr": "uk", "uk": "uk", "afr": "af", "af": "af", "nld": "nl", "nl": "nl", "ron": "ro", "ro": "ro",
       "eus": "eu", "eu": "eu", "isl": "is", "is": "is"}
_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")  # variants (eng-cat_valencia, spa-eng_US) do not match


def parse_modes(listing: str) -> dict[tuple[str, str], str]:
    """``(src, tgt)`` ISO codes -> Apertium mode name, from the output of ``apertium -l``."""
    out: dict[tuple[str, str], str] = {}
    for line in listing.split():
        m = _MODE.match(line.strip())
        if m and m.group(1) in ISO and m.group(2) in ISO:
            out[(ISO[m.group(1)], ISO[m.group(2)])] = line.strip()
    return out


def clean(text: str, source: str = "") -> str:
    """Collapse the engine's runs of spaces and trim the ends; drop the unknown-word marks (``*`` before a
    word) some pairs print despite ``-u`` (Debian's apertium-afr-nld, both ways: "__PH0__" came back as
    "__**PH0__", "hoogstens" as "**hoogstens"), unless the source itself has a ``*``."""
    if "*" in text and "*" not in source:
        text = re.sub(r"\*+(?=\w)", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _package_version(mode: str) -> str:
    """The Debian package (and its version) that ships ``mode``, ``pkg=version`` ('?' when unknown)."""
    return _package_versions().get(mode, "?")


@lru_cache(maxsize=1)
def _package_versions() -> dict[str, str]:
    """Every installed mode's ``pkg=version``: one ``dpkg-query -S`` over all mode files and one ``-W`` over
    their packages (each call scans dpkg's file lists: ~0.7 s a mode when asked one by one)."""
    files = sorted(MODES_DIR.glob("*.mode"))
    if not files:
        return {}
    try:
        owners = subprocess.run(["dpkg-query", "-S", *map(str, files)], capture_output=True, text=True,
                                timeout=60).stdout
        by_mode = {}
        for line in owners.splitlines():
            package, sep, path = line.partition(": ")
            if sep and package and "," not in package:
                by_mode[Path(path.strip()).stem] = package.strip()
        packages = sorted(set(by_mode.values()))
        listing = subprocess.run(["dpkg-query", "-W", "-f=${Package}\t${Version}\n", *packages],
                                 capture_output=True, text=True, timeout=60).stdout if packages else ""
    except (OSError, subprocess.SubprocessError):
        return {}
    versions = dict(line.split("\t", 1) for line in listing.splitlines() if "\t" in line)
    return {mode: f"{pkg}={versions.get(pkg) or '?'}" for mode, pkg in by_mode.items()}


class ApertiumEngine(Engine):
    """Translate with installed Apertium modes, ``chunk`` sentences per ``apertium -u MODE`` process."""

    name = "apertium"

    def __init__(self, binary: str = BINARY, chunk: int = DEFAULT_CHUNK, **_ignored):
        self.binary = shutil.which(binary)
        self.chunk = max(1, chunk)
        self.modes: dict[tuple[str, str], str] = {}
        if self.binary:
            listing = subprocess.run([self.binary, "-l"], capture_output=True, text=True, timeout=60).stdout
            self.modes = parse_modes(listing)

    def directions(self) -> set[tuple[str, str]]:
        return set(self.modes)

    def version(self) -> str:
        return _package_version_of("apertium")

    def rule_based(self, src: str, tgt: str) -> bool:
        return True

    def model_id(self, src: str, tgt: str) -> str:
        mode = self._mode(src, tgt)
        patched = ":tagger=cg-first" if self._command(mode)[0] == "sh" else ""
        return f"apertium:{mode}:apertium={self.version()}:{_package_version(mode)}{patched}"

    def settings(self) -> dict:
        return {"unknown_marks": False, "stray_marks": "dropped", "unknown_words": "analyser",
                "separator": "blank line", "clean_spaces": True}

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        results = [Translated("") for _ in texts]
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        mode = self._mode(src, tgt)
        for start in range(0, len(todo), self.chunk):
            part = todo[start:start + self.chunk]
            lines = [_one_line(texts[i]) for i in part]
            outputs = self._run(mode, lines)
            unknown = unknown_words(MODES_DIR / f"{mode}.mode", lines) or [()] * len(lines)
            for i, line, out, words in zip(part, lines, outputs, unknown, strict=True):
                results[i] = Translated(clean(out, line), unknown=words)
        return results

    def _mode(self, src: str, tgt: str) -> str:
        if not self.binary:
            raise InputError(BINARY, "the apertium binary is not installed; run scripts/install-engines")
        mode = self.modes.get((src, tgt))
        if mode is None:
            raise InputError(BINARY, f"no apertium mode for {src} -> {tgt}; installed: "
                             f"{', '.join(sorted(self.modes.values())) or 'none'} (see scripts/install-engines)")
        return mode

    def _command(self, mode: str) -> list[str]:
        """``apertium -u MODE``, or for a mode whose tagger fails here, the mode's own pipeline without it."""
        if _tagger_fails(self.binary, mode) and (pipeline := untagged_pipeline(MODES_DIR / f"{mode}.mode")):
            return ["sh", "-c", pipeline]
        return [self.binary, "-u", mode]

    def _run(self, mode: str, sentences: list[str]) -> list[str]:
        """One process over ``sentences``; stdin written from a thread while stdout is read."""
        proc = subprocess.Popen(self._command(mode), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
        payload = SEPARATOR.join(sentences) + "\n"

        def feed() -> None:
            try:
                proc.stdin.write(payload)
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        stderr_lines: list[str] = []
        reader = threading.Thread(target=lambda: stderr_lines.append(proc.stderr.read()), daemon=True)
        reader.start()
        out = proc.stdout.read()
        writer.join()
        reader.join()
        if proc.wait() != 0:
            raise RuntimeError(f"apertium -u {mode} failed ({proc.returncode}): {''.join(stderr_lines).strip()}")
        parts = [p for p in re.split(r"\n[ \t]*\n", out.strip("\n"))]
        if len(parts) != len(sentences):
            raise RuntimeError(f"apertium -u {mode} returned {len(parts)} outputs for {len(sentences)} inputs")
        return parts


_TAGGER = re.compile(r"\|\s*apertium-tagger\s+-g\s+\$2\s+'[^']*'\s*")


def untagged_pipeline(mode_file: Path) -> str | None:
    """The mode's shell pipeline with its statistical tagger left out and Constraint Grammar keeping the first
    reading instead (``cg-proc -1 -n``), with the text (de)formatters and ``-u``'s generator flag; None when
    the mode has no such tagger stage.

    Why: Debian's apertium 3.8.3 tagger crashes on the perceptron models of apertium-rus-ukr (segmentation
    fault, rus->ukr; an assertion, ukr->rus) and the ``apertium`` script then prints nothing and exits 0.
    """
    try:
        text = mode_file.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not _TAGGER.search(text) or "cg-proc -w" not in text:
        return None
    body = _TAGGER.sub("", text, count=1).replace("cg-proc -w", "cg-proc -1 -n -w", 1)
    body = body.replace("$1", "-n").replace("$2", "")
    return f"apertium-destxt | {body} | apertium-retxt"


# A few words each mode's tagger must see (a number or a word no dictionary holds passes through untagged).
# Both crashed Debian's tagger (3.8.3) with apertium-rus-ukr 0.2.1 ("Я живу в доме." did not).
PROBES = {"ru": "Привет мир. Как дела?", "uk": "Привіт світ. Як справи?"}


@lru_cache(maxsize=64)
def _tagger_fails(binary: str, mode: str) -> bool:
    """Whether the mode's tagger crashes on a short sentence (see :func:`untagged_pipeline`): the mode's stages up
    to its tagger, run on :data:`PROBES` (a fraction of the whole mode's cost). Only modes from a language in
    :data:`PROBES` are tried."""
    src = ISO.get(mode.split("-")[0], "")
    if src not in PROBES:
        return False
    try:
        stages = (MODES_DIR / f"{mode}.mode").read_text(encoding="utf-8").strip().split("|")
    except OSError:
        return False
    upto = next((i for i, stage in enumerate(stages) if "apertium-tagger" in stage), None)
    if upto is None:
        return False
    head = "|".join(stages[:upto + 1]).replace("$1", "-n").replace("$2", "")
    try:
        proc = subprocess.run(["sh", "-c", f"apertium-destxt | {head}"], input=PROBES[src] + "\n",
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode != 0 or not proc.stdout.strip()


def _one_line(text: str) -> str:
    """A sentence on one line: inner newlines would split it."""
    return " ".join(text.split())


@lru_cache(maxsize=4)
def _package_version_of(package: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                              timeout=10).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"
