"""Q612 bracket-mismatch: the brackets of the source and the translation differ in number."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import bracket_counts, once
from translate_cmp.rules.qa.unit_rule import UnitRule

# a set or range a help text gives in brackets: "{ascii,ebcdic,ibm}", "[doxn]", "[5..8]", "{big|little}"
_SET = re.compile(r"([\[{])([\w.|,-]+(?:\([\w]+\))?(?:[,|][\w.|-]+)*)([\]}])")


def _items(content: str) -> list[str]:
    """The items of a set; a note in brackets on one ("separate(default)") is a word a translation translates, not
    an item."""
    content = re.sub(r"\(\w+\)", "", content)
    parts = [p for p in re.split(r"[,|]|\.\.|\(|\)", content) if p]
    if len(parts) == 1 and re.fullmatch(r"[a-z]{2,5}", content):
        return list(content)  # "[doxn]": one letter an item
    return parts


def spelled_out(source: str, target: str) -> Counter:
    """The brackets of the sets and ranges the source gives in brackets and the translation writes out, every
    item a word of its own ("{ascii,ebcdic,ibm}" -> "ascii, ebcdic et ibm"; "N in [5..8]" -> "entre 5 et 8")."""
    out: Counter = Counter()
    for m in _SET.finditer(source):
        if m.group() in target or BRACKET_PAIRS.get(m.group(1)) != m.group(3):
            continue
        items = _items(m.group(2))
        if len(items) >= 2 and all(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", target) for i in items):
            out.update({m.group(1): 1, m.group(3): 1})
    return out


BRACKET_PAIRS = {"[": "]", "{": "}"}
_ANY_BRACKET = re.compile(r"[()\[\]{}（）［］｛｝【】]")


class BracketMismatch(UnitRule):
    code = "Q612"
    name = "bracket-mismatch"
    severity = Severity.WARNING
    summary = "The translation's brackets do not pair up where the source's do, or its '[' ']' '{' '}' differ " \
              "in number from the source's (placeholders apart, full-width brackets read as ASCII)."
    why = "A lost closing bracket leaves an aside open; a lost '[' or ']' breaks the syntax a help text shows " \
          "('[OPTION]...')."
    instead = ("Close every bracket and keep the source's square brackets and braces (syntax in a usage line). A "
               "parenthesis added or left out in pairs is the translator's call; a bracket inside a placeholder "
               "('{0}', '%(name)s') is not counted, nor a set or range the translation writes out ('{ascii,ebcdic}' "
               "-> 'ascii ou ebcdic', '[5..8]' -> 'entre 5 et 8'; a note on an item, '(default)', may be "
               "translated), nor square brackets around an aside written as round ones ('[deprecated]' -> "
               "'(устарел)').")
    examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]... DATEI]...", lang="de"),
        Example("(optional)", translation="(facultatif", lang="fr"),
        Example("RADIX is one of [doxn]", translation="RADIX est d, o ou n", lang="fr"),  # an item lost
        Example("  --mode[=HOW]   HOW={fast(default),slow}", translation="  --mode[=WIE]   WIE: 'none' (Vorgabe) "
                "oder 'slow'", lang="de"),  # an item lost
        Example("Usage: %s [OPTION]... [FILE]", translation="Aufruf: %s (OPTION)... DATEI", lang="de"),
    )
    counter_examples = (
        Example("Usage: %s [OPTION]... [FILE]...", translation="Aufruf: %s [OPTION]… [DATEI]…", lang="de"),
        Example("Hello {name} (admin)", translation="Hallo {name}（管理者）", lang="ja"),
        Example("else /tmp [deprecated]", translation="иначе /tmp (устарел)", lang="ru"),
        Example("cannot combine any two of {ascii,ebcdic,ibm}", translation="impossible de combiner deux options "
                "parmi ascii, ebcdic et ibm", lang="fr"),
        Example("set character size to N bits, N in [5..8]", translation="taille à N bits, N entre 5 et 8", lang="fr"),
        Example("RADIX is one of [doxn]", translation="RADIX est d, o, x ou n", lang="fr"),
        Example("  --mode[=HOW]   HOW={fast(default),slow}", translation="  --mode[=WIE]   WIE: 'fast' (schnell, "
                "Vorgabe) oder 'slow' (langsam)", lang="de"),
        Example("use the folder [optional]", translation="la carpeta (sin el nombre de archivo) (opcional)", lang="es"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not _ANY_BRACKET.search(source) and not _ANY_BRACKET.search(target):
            return  # no bracket on either side (most units)
        s, t = bracket_counts(source), bracket_counts(target)
        if s == t or not target.strip():
            return
        s = s - spelled_out(source, target)  # a set written out: "{ascii,ebcdic,ibm}" -> "ascii, ebcdic et ibm"
        if s == t:
            return
        unbalanced = [o + c for o, c in ("()", "[]", "{}") if t[o] != t[c] and s[o] == s[c]]
        # square brackets and braces are syntax in a usage line; "[deprecated]" -> "(устарел)" keeps the aside
        lost = s["["] - t["["]  # "[deprecated]" -> "(устарел)": each lost pair of square brackets became round ones
        syntax = [b for b in "{}" if s[b] != t[b]] or ([1] if s["["] != t["["] and not (
            lost > 0 and t["("] - s["("] >= lost) else [])
        if unbalanced or syntax:
            diff = ", ".join(f"'{b}' {s[b]} -> {t[b]}" for b in "()[]{}" if s[b] != t[b])
            yield from once(ctx, f"brackets differ (source -> translation): {diff}")


RULES = (BracketMismatch(),)
