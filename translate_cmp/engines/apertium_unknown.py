"""Which words of each sentence an Apertium mode does not know: its analyser's ``*`` words.

The translation itself runs with ``-u`` (no marks), because marks change more than the marks: an
unmarked run writes "An upheaval" where a marked one writes "A *upheaval", "de l'Elysée" where it
writes "del *Elysée", and drops ``#``/``@`` debris ("move#"). Measured on the 1,485 leg outputs of
benchmarks/roundtrip_sample.tsv, removing the marks from a marked run gave the ``-u`` text in only
1,416 (95%). So the unknown words come from a second, cheap pass: only the mode's first stage, its
morphological analyser (``apertium-destxt | lt-proc X.automorf.bin``, read from the mode file),
whose output marks every word it has no analysis for: ``^Kyiv/*Kyiv$``. Cost: see
benchmarks/apertium_speed.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from pathlib import Path

from translate_cmp.lang.analyser import analyser_command

DEFORMATTER = "apertium-destxt"
_UNKNOWN = re.compile(r"\^((?:[^\\/$^]|\\.)+)/\*")
_UNESCAPE = re.compile(r"\\(.)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def parse_analysis(analysis: str) -> list[tuple[str, ...]]:
    """Unknown surface forms per blank-line-separated sentence of lt-proc output, each once, in order."""
    parts = _BLANK_LINE.split(analysis.strip("\n"))
    return [tuple(dict.fromkeys(_UNESCAPE.sub(r"\1", m.group(1)) for m in _UNKNOWN.finditer(p))) for p in parts]


def _pipe(commands: list[list[str]], payload: str) -> str:
    """Run ``commands`` as a shell-less pipeline over ``payload``; stdin is written from a thread."""
    procs: list[subprocess.Popen] = []
    for i, cmd in enumerate(commands):
        procs.append(subprocess.Popen(cmd, stdin=subprocess.PIPE if i == 0 else procs[-1].stdout,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                      encoding="utf-8"))
        if i:
            procs[-2].stdout.close()  # the next process owns it now

    def feed() -> None:
        try:
            procs[0].stdin.write(payload)
        finally:
            procs[0].stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = procs[-1].stdout.read()
    writer.join()
    codes = [p.wait() for p in procs]
    if any(codes):
        raise RuntimeError(f"{' | '.join(c[0] for c in commands)} failed ({codes})")
    return out


def unknown_words(mode_file: Path, sentences: list[str]) -> list[tuple[str, ...]] | None:
    """Per sentence (one line each), the words the mode's analyser does not know; None when the mode
    has no analyser stage to run or its output does not split back one for one."""
    analyser = analyser_command(mode_file)
    deformatter = shutil.which(DEFORMATTER)
    if analyser is None or deformatter is None or shutil.which(analyser[0]) is None:
        return None
    out = _pipe([[deformatter], analyser], "\n\n".join(sentences) + "\n")
    found = parse_analysis(out)
    return found if len(found) == len(sentences) else None
