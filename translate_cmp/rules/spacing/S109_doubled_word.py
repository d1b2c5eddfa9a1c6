"""S109 doubled-word: the same word twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import eq

from translate_cmp.lang.lexicon import FUNCTION_WORDS
from translate_cmp.lang.profile import language
from translate_cmp.lang.wordlists import LANGS, closed_class
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.text import ascii_words


class DoubledWord(SurfaceRule):
    code = "S109"
    name = "doubled-word"
    severity = Severity.WARNING
    languages = LANGS  # the languages with closed-class word lists
    summary = "The same word twice in a row: 'the the', 'to to', 'de de', 'und und'."
    why = "A doubled word is a slip that a translation engine copies faithfully and a reader notices at once."
    instead = "Drop one. Deliberate doubles ('had had', 'that that') and names ('Bora Bora') are not flagged."
    examples = (
        Example("The leaders discussed the the possibility of sending troops."),
        Example("France wants to to supply missiles."),
        Example("Die Regierung und und die Opposition stimmten zu.", lang="de"),
        Example("El presidente de de Francia habló con los periodistas.", lang="es"),
        Example("Falls diese Variable gesetzt ist, wird sie als als Liste gelesen.", lang="de"),
        Example("Dan vraagt rm de gebruiker of de de map moet verwijderen.", lang="nl"),
    )
    counter_examples = (
        Example("He had had enough, and he said that that was final."),
        Example("They flew to Bora Bora and Walla Walla."),
        Example("Nous nous sommes rencontrés à Paris.", lang="fr"),
        Example("Sie war die Kandidatin, die die Wahl gewann.", lang="de"),
        # a command quoted as typed, a placeholder and its noun, words that are parts of longer tokens
        Example('Teclee "info info" para leer la introducción; lee hasta BYTES bytes cada vez.', lang="es"),
        Example("Utiliser au plus nombre-max-lignes lignes non vides par ligne de commande.", lang="fr"),
        Example("Запись PID в файл cgroup cgroup.procs переносит процесс.", lang="ru"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        # a doubled word is the same slip in a UI string as in an article; not two cells of a table row
        return not unit_policy.across_columns(ctx, hit)  # "eof CHAR      CHAR will send ..."

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if ascii_words(text) and not _may_double(text):
            return
        lang = ctx.doc_lang
        deliberate = language(lang).deliberate_doubles  # "nous nous sommes", "die die Wahl gewann"
        grammar = FUNCTION_WORDS if lang == "en" else closed_class(lang)
        for m in _DOUBLED_WORD.finditer(text):
            first, second = m.group(1), m.group(2)
            if first.lower() in deliberate or (
                second[0].isupper() and first.lower() not in grammar and len(first) < 7
            ):
                continue  # names double short words ("Fang Fang", "Bora Bora"); not "The The", "Republic Republic"
            if len(first) > 1 and first.isupper() != second.isupper():
                continue  # a placeholder and its noun: "up to BYTES bytes"
            quoted = text[m.start() - 1 : m.start()] in _QUOTES and text[m.end() : m.end() + 1] in _QUOTES
            if quoted and first.islower():
                continue  # a command quoted as it is typed: "man man", »zwei zwei«; not «Спартак Спартак»
            yield Hit(m.start(), m.end(), f"'{first.lower()}' twice in a row")


# not a word that ends or starts a longer token: "nombre-max-lignes lignes", "howto/en en", "cgroup cgroup.procs"
# (the word boundary asked before the look behind: the same matches, a sixth quicker to scan, most of all on CJK text)
_DOUBLED_WORD = re.compile(r"\b(?<![-/.'’])([^\W\d_]+)[ \t]+(\1)\b(?![-'’]|[./][^\W\d_])", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»„‚‹›`"
# ASCII's word characters kept, every other byte made a space: the tokens of a text of ASCII word characters (its
# other characters, marks all, encoded as "?") are its \w+ words, split at spaces
_WORD_BYTES = bytes(b if chr(b).isalnum() or b == 95 else 32 for b in range(128)) + b" " * 128
# ... and their capitals made small in the same pass (bytes.lower() of the tokens: A-Z made a-z, nothing else)
_LOWER_WORD_BYTES = _WORD_BYTES.translate(bytes(range(256)).lower())


def _may_double(text: str) -> bool:
    r"""What every match of _DOUBLED_WORD in a ``text`` of ASCII word characters (:func:`ascii_words`: its marks may be
    “, ’, —) holds: two tokens in a row that are the same word in lower case (the pattern's first word is a whole
    token, the second a whole token after spaces; for ASCII letters IGNORECASE is ASCII's lower case). The tokens are
    the text's \w+ words, read as bytes (its other characters are marks, made spaces): tests/test_flag_fastpaths.py.
    One quick look for most sentences, which double no word."""
    tokens = text.encode("ascii", "replace").translate(_LOWER_WORD_BYTES).split()
    return any(map(eq, tokens, tokens[1:]))  # each token against the next, compared in C
