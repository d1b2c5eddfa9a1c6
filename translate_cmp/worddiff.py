"""A word-level diff of an original sentence and its back-translation, ``[-old-]{+new+}`` style."""

from __future__ import annotations

from difflib import SequenceMatcher


def word_diff(original: str, back: str) -> str:
    """Words of ``original`` with removed words in ``[-...-]`` and added ones in ``{+...+}``.

    Equal words are kept, so the diff reads as a sentence (as ``git diff --word-diff`` shows it).
    """
    old, new = original.split(), back.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(old[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(out)
