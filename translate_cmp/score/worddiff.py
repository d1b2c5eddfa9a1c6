"""A word-level diff of an original sentence and its back-translation, ``[-old-]{+new+}`` style."""

from __future__ import annotations

from difflib import SequenceMatcher

MAX_DIFF_WORDS = 1000  # SequenceMatcher without autojunk is quadratic: longer middles become one block


def word_diff(original: str, back: str) -> str:
    """Words of ``original`` with removed words in ``[-...-]`` and added ones in ``{+...+}``.

    Equal words are kept, so the diff reads as a sentence (as ``git diff --word-diff`` shows it).
    """
    old, new = original.split(), back.split()
    if max(len(old), len(new)) > MAX_DIFF_WORDS:
        return _long_diff(old, new)
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


def _long_diff(old: list[str], new: list[str]) -> str:
    """Linear time: the common leading and trailing words kept, the middle diffed only when short."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    mid_old, mid_new = old[p:len(old) - q], new[p:len(new) - q]
    if max(len(mid_old), len(mid_new)) <= MAX_DIFF_WORDS:
        middle = word_diff(" ".join(mid_old), " ".join(mid_new))
    else:
        middle = " ".join(filter(None, ("[-" + " ".join(mid_old) + "-]" if mid_old else "",
                                        "{+" + " ".join(mid_new) + "+}" if mid_new else "")))
    return " ".join(filter(None, (" ".join(old[:p]), middle, " ".join(old[len(old) - q:]))))
