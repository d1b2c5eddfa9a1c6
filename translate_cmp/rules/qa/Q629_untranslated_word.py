"""Q629 untranslated-word: a common word of the source language copied from the source into the translation
('odds' in a Spanish sentence, 'next door' in a German one)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.wordlists import has_word_list, zipf
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, blanked, in_prose_table, paths
from translate_cmp.rules.qa.unit_rule import UnitRule

# A lower-case word of four letters or more standing alone: not part of a path, an identifier, a hyphenated or
# apostrophed token ("x-ray", "l'odds"), nor quoted as a term ("'slug'", "« cookie »").
_WORD = re.compile(r"(?<![\w./@\\'’\"«„“‘-])[^\W\d_A-Z]{4,}(?![\w/@\\'’\"»“”-]|\.\w)")
COMMON = 3.0  # Zipf: the word is seen about once per million words of the source language, or more
FOREIGN = 1.5  # ... and at least 30 times (10^1.5) as often there as in the target language
_GAP = re.compile(r"\s+")
# Units read: bitext tables only (helpers.in_prose_table): catalogue translators keep a program's terms in English
# on purpose (Django's "view" and "model", Sphinx's "directive", "[options]"), 0.0-2.5% of the units of Django's
# and Sphinx's catalogues per language.
_TABLE = {"fmt": "table"}  # the examples are rows of a bitext table


def foreign_words(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each lower-case word of ``target`` that ``source`` has too and that is a common
    word of ``source_lang`` the target language hardly uses; neighbours (separated by spaces only) are one run."""
    plain = blanked(target)
    for m in paths(target):
        plain = plain[:m.start()] + " " * (m.end() - m.start()) + plain[m.end():]
    in_source = {w.lower() for w in re.findall(r"[^\W\d_]+", blanked(source))}
    found: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(plain):
        word = m.group()
        if word not in in_source or not word.islower():
            continue
        own = zipf(word, source_lang)
        if own >= COMMON and own - zipf(word, target_lang) >= FOREIGN:
            if found and not _GAP.sub("", target[found[-1][1]:m.start()]):
                start = found.pop()[0]
                found.append((start, m.end(), target[start:m.end()]))
            else:
                found.append((m.start(), m.end(), word))
    return found


class UntranslatedWord(UnitRule):
    code = "Q629"
    name = "untranslated-word"
    severity = Severity.WARNING
    summary = ("A common word of the source language copied from the source into the translation, where the "
               "target language hardly uses it: 'odds' in Spanish, 'next door' in German.")
    why = ("A machine translation system leaves a word it cannot place as it is: 'la odds ratio', 'der Nachbar next "
           "door', 'le mouvement convoy'. The reader of the translation may not know it, and professional raters "
           "mark it as untranslated text or a mistranslation. Words the target language has borrowed ('online', "
           "'email' in German) are used there about as often as in the source, and are left alone.")
    instead = ("Translate the word ('razón de probabilidades', 'nebenan'), or quote it as the term it is. Only a "
               "lower-case word of four letters or more that the source has too is read: a capitalised word may "
               "be a name or a title, a quoted one a term, a word inside a path, a placeholder or an identifier is "
               "code. It must be common in the source language (Zipf 3 or more in wordfreq's lists) and 30 times "
               "as frequent there as in the target language; the source language is the unit's "
               "(``--source-lang``; English when the file does not say). Bitext tables only: software "
               "catalogues (PO, XLIFF, TMX) keep a program's terms in English on purpose ('view', 'model').")
    examples = (
        Example("The odds ratio was 2.1.", translation="La odds ratio fue de 2,1.", lang="es", trip=_TABLE),
        Example("She lives next door.", translation="Sie wohnt next door.", lang="de", trip=_TABLE),
        Example("the convoy movement", translation="le mouvement convoy", lang="fr", trip=_TABLE),
    )
    counter_examples = (
        Example("The odds ratio was 2.1.", translation="La razón de probabilidades fue de 2,1.", lang="es",
                trip=_TABLE),
        Example("Read it online.", translation="Lesen Sie es online.", lang="de", trip=_TABLE),
        Example("Open the settings file", translation="Öffnen Sie die Datei 'settings'", lang="de", trip=_TABLE),
        Example("Ask Will Smith.", translation="Fragen Sie Will Smith.", lang="de", trip=_TABLE),
        Example("Run make install", translation="Führen Sie make-install aus", lang="de", trip=_TABLE),
        Example("the convoy movement", translation="the convoy movement", lang="en", trip=_TABLE),
        Example("Each page is generated by a view.", translation="Jede Seite wird von einer view erzeugt.",
                lang="de"),  # a PO catalogue: a program's term kept on purpose
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        unit = ctx.document.unit
        if not in_prose_table(ctx):
            return  # software catalogues keep the program's terms in English by choice ("view", "model")
        source_lang = (unit.source_lang or "en").split("-")[0].split("_")[0].lower()
        if source_lang == ctx.doc_lang or not (has_word_list(source_lang) and has_word_list(ctx.doc_lang)):
            return
        for start, end, words in foreign_words(source, target, source_lang, ctx.doc_lang):
            yield from at(ctx, start, end, f"'{words}' is the source's word, untranslated")


RULES = (UntranslatedWord(),)
