"""Q609 double-space-mismatch: two spaces in a row inside the translation where the source has none."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at
from translate_cmp.rules.qa.unit_rule import UnitRule

# not after a stop or colon (aligned labels, GNU spacing), but after a usage line's ellipsis ("[INPUT]...   (without")
_DOUBLE = re.compile(r"(?:(?<=[^\s.:!?])|(?<=[\w\]]\.\.\.))[ \u00a0]{2,}(?=\S)")
_OPENING_QUOTES = "\"'«“„‘‚‹「"
_CLOSING_QUOTES = "\"'»”“’‘›」"


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


def aligned(target: str, m: re.Match) -> bool:
    """The run pads the text after it to a column that another line's run pads to as well: a column the translation
    lines up across its rows ("ZIEL LINK_NAME     (1. Form)" over "ZIEL            (2. Form)")."""
    column = _column(target, m.end())
    return any(o.start() != m.start() and _column(target, o.end()) == column and
               target.count("\n", 0, o.start()) != target.count("\n", 0, m.start()) for o in _DOUBLE.finditer(target))
_OPTION_COLUMN = re.compile(r"[ \t]*-")  # a row of an option table starts with its option


class DoubleSpaceMismatch(UnitRule):
    code = "Q609"
    name = "double-space-mismatch"
    severity = Severity.WARNING
    summary = "Two or more spaces in a row inside the translation, where the source has none."
    why = "A double space inside a line is a slip a reader sees as a gap; HTML swallows it, a terminal does not."
    instead = ("One space between words. Not flagged where the source has runs of spaces too (columns of a help "
               "text), nor after a full stop or colon (two spaces after a sentence, 'Usage:  %s' aligned with the "
               "next line), nor before a colon or between an option and the next column of an option table "
               "(alignment), nor runs that line a column up across rows, nor a quoted space ('« »').")
    examples = (
        Example("Delete the file", translation="Datei  löschen", lang="de"),
        Example("Access: %x, the last access", translation="Accesso: %x, l'ultimo  accesso", lang="it"),
        Example("Delete the file\nand the folder", translation="Datei  löschen\nund den Ordner", lang="de"),
    )
    counter_examples = (
        Example("  -a, --all      do not ignore entries", translation="  -a, --all      nichts ignorieren", lang="de"),
        Example("Done.  Restart.", translation="Fertig. Neu starten.", lang="de"),
        Example("Usage: %s", translation="Gebruik:  %s", lang="nl"),
        Example("Access: %x\nChange: %z\n", translation="Accesso  : %x\nCambio   : %z\n", lang="it"),
        Example("  -n[SEP], --number-lines[=SEP]\n", translation="  -n[SEP],    --number-lines[=SEP]\n", lang="it"),
        Example("a mark ('*' for binary, ' ' for text)",
                translation="un signe («\u00a0*\u00a0» binaire, «\u00a0 \u00a0» texte)", lang="fr"),
        Example("Usage: %s SOURCE DEST\n  or:  %s SOURCE... DIR\n", translation="Aufruf: %s QUELLE ZIEL     (1)\n"
                "  oder: %s QUELLE... VERZ  (2)\n", lang="de"),
        Example("Usage: %s [INPUT]...   (without -G)\n", translation="Gebruik: %s [INVOER...]    (zonder -G)\n",
                lang="nl"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if _DOUBLE.search(source):
            return
        for m in _DOUBLE.finditer(target):
            if target[m.end()] == ":":
                continue  # a label padded to align its colon with the next line's: "Accesso  : %x"
            if target[m.start() - 1] in _OPENING_QUOTES and target[m.end()] in _CLOSING_QUOTES:
                continue  # a quoted space: "« »", '" "' name the blank character
            if aligned(target, m):
                continue  # a column lined up across rows
            line = target[target.rfind("\n", 0, m.start()) + 1 : m.start()]
            if _OPTION_COLUMN.match(line) and " " not in line.strip():
                continue  # between an option and what follows it: the columns of "-n[SEP],    --number-lines"
            yield from at(ctx, m.start(), m.end(), f"{len(m.group())} spaces in a row; the source has none")


RULES = (DoubleSpaceMismatch(),)
