"""Q611 end-punctuation-mismatch: the punctuation a unit ends with differs (after each language's typography)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, NO_END_MARK, end_mark, in_prose_table, once
from translate_cmp.rules.qa.unit_rule import UnitRule

# "Oct.", "6 a.m.": a short source that ends with an abbreviation
_ABBREVIATION = re.compile(r"^(?:\S+\s)?[\w.]{0,4}\w\.$")
_ADDED = frozenset("?!:…")  # marks a translation must not add: a full stop, comma or ';' added is the language's style
_NAMES = {".": "a full stop", "!": "'!'", "?": "'?'", ":": "a colon", ";": "';'", ",": "a comma", "…": "an ellipsis",
          "-": "a dash", "": "no punctuation"}


_SYMBOL_END = re.compile(r"[#$%&*/\\=^~|][!?.:;]+\s*$")


_USAGE_ELLIPSIS = re.compile(r"(?<=[\w\]])(?:\.\.\.|…)")  # "FILE...", "[OPTION]...": an argument that repeats


# the end of a sentence that closes on a quotation: the quotation's own '!' or '?' inside its closing quote
# ('..."Death to the Islamic Republic!"'), the quotation and then the sentence's full stop ('...“...去死”。')
_QUOTED_CRY = re.compile(r"[!?！？]\s*[\"'’”»“」』]\s*$")
_QUOTE_THEN_STOP = re.compile(r"[\"'’”»“」』]\s*[.。]\s*$")


def quotation_ends(source: str, target: str, s: str, t: str) -> bool:
    """The source closes on a quotation and then its full stop, the translation on the quotation's own '!' or '?'
    inside the closing quote: English, German, French... let the quoted words' mark end the sentence and write no
    full stop after it ('There was a cry, "Death to the Republic!"')."""
    return s == "." and t in ("!", "?") and bool(_QUOTE_THEN_STOP.search(source)) and bool(
        _QUOTED_CRY.search(target))


def _last_line(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[-1] if lines else ""


def usage_ellipsis_kept(source: str, target: str) -> bool:
    """The source's last line ends with a usage line's ellipsis ("-t DIRECTORY TARGET..."): syntax, an argument
    that repeats, not punctuation; the translation keeps as many on its last line wherever its word order puts
    them ("-t VERZ ZIEL...   (4. Form)")."""
    last = _last_line(source).rstrip()
    if not _USAGE_ELLIPSIS.search(last[-4:] if last.endswith("...") else last[-2:]):
        return False
    return len(_USAGE_ELLIPSIS.findall(_last_line(target))) >= len(_USAGE_ELLIPSIS.findall(last))


def list_separator(source: str, mark: str) -> bool:
    """The source's final ',' or ';' separates the rows of a list (two lines or more end with it: "1K = 1000,\n
    1Ki = 1024,\n"): how a language punctuates a list's rows (none; ';' in French; '...' or '.' after the last)
    is its own, but not a mark a translation must not add ('?', '!', ':')."""
    return bool(mark) and mark in ",;" and sum(line.rstrip().endswith(mark) for line in source.split("\n")) >= 2


class EndPunctuationMismatch(UnitRule):
    code = "Q611"
    name = "end-punctuation-mismatch"
    severity = Severity.WARNING
    summary = "The source ends with one punctuation mark ('.', ':', '?', '...') and the translation with another, " \
              "or with none."
    why = ("A label that lost its colon, a question that became a statement, a menu item that lost its '...' (which "
           "says a dialog follows): each is visible and usually a slip.")
    instead = ("End with the source's mark as the language writes it (a full stop added where the source has none "
               "is the language's style and not flagged, nor a CJK label without its full stop or colon, nor an "
               "abbreviation that ends a short source, 'Oct.'): French spaces before ':;!?', CJK full-width "
               "'。：？', Arabic '؟', Greek ';' for a question, Devanagari '।' all count as the source's mark; "
               "closing quotes and brackets are looked through. Not read as punctuation: the separator that ends "
               "each row of a list ('1K = 1000,'), a usage line's ellipsis ('TARGET...', kept where word order puts "
               "it), the marks of a quoted command line ('-n r/...'). A sentence that closes on a quotation may "
               "end on the quotation's own '!' or '?' where the source has a full stop after the quote ('a cry, "
               "\"Death to the Republic!\"'), and in running prose (bitext tables, not catalogues) a statement may "
               "end with a colon that announces the next sentence ('we set two directions:').")
    examples = (
        Example("File name:", translation="Dateiname", lang="de"),
        Example("Delete this file?", translation="Supprimer ce fichier.", lang="fr"),
        Example("Open...", translation="Öffnen", lang="de"),
        Example("Usage: %s [OPTION]... [USER]...\n", translation="Aufruf: %s [OPTION]... [BENUTZER]\n", lang="de"),
        Example("Add the offset (e.g. 1000,", translation="Ajouter le décalage (p. ex. 1000", lang="fr"),
        Example("He said “go”.", translation="He said: go!", lang="en"),
        Example("最后，我们设定了两个大的战略方向。", translation="Finally, we set two major strategic directions:",
                lang="en", trip={"source_lang": "zh", "fmt": "po"}),  # a catalogue's message: the colon is a label's
    )
    counter_examples = (
        Example("File name:", translation="Nom du fichier\u00a0:", lang="fr"),
        Example("Delete this file?", translation="このファイルを削除しますか？", lang="ja"),
        Example("Delete this file?", translation="Να διαγραφεί αυτό το αρχείο;", lang="el"),
        Example("Delete this file?", translation="هل تريد حذف هذا الملف؟", lang="ar"),
        Example("Open...", translation="Öffnen…", lang="de"),
        Example('Invalid value "%s".', translation="Valeur « %s » non valide.", lang="fr"),
        Example("The base GIS field.", translation="基底GISフィールド", lang="ja"),
        Example("Oct.", translation="10月", lang="ja"),
        Example("Unmatched \\{", translation="\\{ non accoppiata", lang="it"),
        Example("warning: '.' should be ':'", translation="waarschuwing: '.' zou ':' moeten zijn", lang="nl"),
        Example("%s: remove %s? ", translation="%s: ¿borrar %s? (s/n) ", lang="es"),
        Example("?????", translation=" 不明", lang="ja"),
        Example("misaligned [:upper:] and/or [:lower:] construct", translation="costrutto disallineato [:upper:] o "
                "[:lower:]", lang="it"),
        Example("missing character class name '[::]'", translation="Fehlender Zeichenklassename „[::]“", lang="de"),
        Example("Usage: %s [OPTION]... [FILE]...", translation="Gebruik:  %s [OPTIE...] [BESTAND...]", lang="nl"),
        Example("used to pass arguments on shebang lines\n", translation="для аргументов в строках с #!\n",
                lang="ru"),
        Example("  short   sizes:\n     1K = 1000,\n     1M = 1000000,\n", translation="  short   tailles\u00a0:\n"
                "     1K = 1000\u00a0;\n     1M = 1000000\u00a0;\n     ...\n", lang="fr"),
        Example("Usage: %s [OPTION]... SOURCE DEST\n  or:  %s [OPTION]... -t DIR SOURCE...\n",
                translation="Aufruf: %s [OPTION]... QUELLE ZIEL       (1)\n"
                "  oder: %s [OPTION]... -t VERZ QUELLE...  (2)\n", lang="de"),
        Example("  -u      copy input to output with '-x a/...'\n", translation="  -u      mit „-x a/...“ kopieren\n",
                lang="de"),
        Example("还出现有一个声音高喊“伊斯兰共和国去死”。", translation='There was also a cry, "Death to the Islamic '
                'Republic!"', lang="en"),
        Example("最后，我们设定了两个大的战略方向。", translation="Finally, we set two major strategic directions:",
                lang="en", trip={"source_lang": "zh", "fmt": "table"}),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lang = ctx.doc_lang
        if lang in NO_END_MARK or not target.strip() or not any(ch.isalnum() for ch in source):
            return  # "?????": a sign the program prints for an unknown value, not a sentence
        if _SYMBOL_END.search(target) or _SYMBOL_END.search(source):
            return  # the marks belong to a token: "#!" (a shebang line)
        s, t = end_mark(source, "en"), end_mark(target, lang)
        if s == t or not (s or t in _ADDED) or (s == "." and _ABBREVIATION.search(source.strip())):
            return
        if lang in CJK and s in ".:;," and t in ".:;,":
            return  # CJK writes a label without 。 and turns "... are:" into a sentence
        if (list_separator(source, s) and t in ",;.…") or (s == "…" and usage_ellipsis_kept(source, target)):
            return  # a list's rows ("1K = 1000,"); "TARGET..." moved by word order
        if quotation_ends(source, target, s, t) or (s == "." and t == ":" and in_prose_table(ctx)):
            return  # '... "Death to the Republic!"'; in running prose, a statement that announces the next one
        if s != t:
            yield from once(ctx, f"the source ends with {_NAMES.get(s, repr(s))}, the translation with "
                                 f"{_NAMES.get(t, repr(t))}")


RULES = (EndPunctuationMismatch(),)
