"""L3xx: language artefacts.

Sentences left in another language than their document (untranslated leftovers), words that mix
alphabets (a Cyrillic letter inside a Latin word), text in a script the document's language does
not use, and a source-language article read as an English pronoun.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.lang.detect import UNDETERMINED, detect, grammar_words
from translate_cmp.lang.lexicon import NATIONALITIES, TITLES
from translate_cmp.lang.profile import language, misread_codes, same_language
from translate_cmp.lang.second_opinion import (
    MIN_LETTERS,
    MIN_WORDS,
    foreign_confidence,
    no_language_evidence,
    plain_words,
    required_confidence,
)
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.docview import LETTERS, SurfaceRule


class OtherLanguageSentence(SurfaceRule):
    code = "L301"
    name = "other-language-sentence"
    severity = Severity.ERROR
    summary = "A sentence in another language than its document: an untranslated leftover (long sentences only)."
    why = (
        "A sentence the engine did not translate is left in the source language. Language identifiers are "
        "unreliable on short text (langdetect: 98% on sentences, 82% on word pairs, 65% on single words) and "
        "report probability 1.0 for code and name lists, so the detector's verdict is only a first filter: "
        "the sentence needs at least 6 words of prose (30 letters), at most half of them capitalised (unless "
        "three or more are grammar words of another language: 'Les Bleus ont battu l'Italie au Stade de "
        "France'), fewer than a quarter English grammar words (in English documents), at least two distinct "
        "grammar words of the detected language (``lexicon.FOREIGN_FUNCTION_WORDS`` and langdata's "
        "closed-class words), and lingua's agreement, deciding between the two languages, with a confidence "
        "that rises for shorter sentences. Dutch that langdetect reads as Afrikaans is judged as Dutch."
    )
    instead = "Translate the sentence, or mark the quotation as deliberately in its original language."
    examples = (
        Example(
            "Macron met European leaders in Paris on Monday. El presidente francés dijo que no descarta el envío "
            "de tropas occidentales a Ucrania. The meeting ended late."
        ),
        Example(
            "The summit ended without a deal. Die Bundesregierung hat am Montag erklärt, dass sie keine Truppen "
            "schicken wird."
        ),
    )
    counter_examples = (
        Example("WHY THIS MATTERS. By admin. jens stoltenberg, Olaf Scholz, Andrzej Duda and Pedro Sánchez."),
        Example("Russian troops have recently made advances into Ukrainian territory, while Ukrainians suffer."),
        Example("The file's metadata: identical for all 3,770 system-segments.\nglobal_seg_id WMT global segment id"),
    )
    _MIN_WORDS = MIN_WORDS
    _MIN_LETTERS = MIN_LETTERS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        doc_lang = ctx.doc_lang
        if not doc_lang or doc_lang == UNDETERMINED:
            return
        sentence = ctx.sentence
        words = plain_words(sentence.text)
        if len(words) < self._MIN_WORDS or sum(len(w) for w in words) < self._MIN_LETTERS:
            return
        lang, prob = sentence.lang, sentence.lang_prob
        if not lang:
            found = detect(sentence.text)
            lang, prob = found.lang, found.prob
        read = lang
        # on one sentence Dutch reads as Afrikaans ("Volgens het ministerie kost het plan ruim twee miljard euro."
        # came back ``af``); lingua, deciding between the document's language and the one read, judges it as Dutch
        misread = misread_codes()
        if doc_lang not in misread:
            lang = misread.get(lang, lang)
        # read as a neighbour, langdetect splits its probability between the two: lingua's judgement
        # between the document's language and ``lang`` (below) is the one that counts then
        sure = prob if read == lang else 1.0
        if lang == UNDETERMINED or same_language(lang, doc_lang) or sure < 0.7:
            return
        if no_language_evidence(words, doc_lang):
            return  # names and headings fool n-gram detectors; English grammar: an English sentence
        lowered = [w.lower() for w in words]
        grammar = grammar_words(lang)  # any pair: "de", "nesta" are Portuguese grammar too
        if not grammar:
            return
        hits = [w for w in lowered if w in grammar]
        if len(set(hits)) < 2 or 100 * len(hits) < 15 * len(words):
            return
        if sure < 0.9 and len(set(hits)) < 3:
            return  # a less certain detection needs more of the language's grammar words
        second = foreign_confidence(sentence.text, doc_lang, lang)
        if second is not None and second < required_confidence(len(words)):
            return  # lingua, deciding between the two languages, is not sure enough for this length
        how = f"p={prob:.2f}" if read == lang else f"read as {read}, p={prob:.2f}"
        yield Hit(0, len(sentence.text), f"sentence looks {lang} ({how}) in a {doc_lang} document")


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """The script of a letter, from its Unicode name: LATIN, CYRILLIC, GREEK, CJK, ARABIC, ..."""
    if ch in "ªº":  # FEMININE/MASCULINE ORDINAL INDICATOR: Latin letters ("1º", "nª")
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


_HOMOGLYPH_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


class MixedScriptWord(SurfaceRule):
    code = "L302"
    name = "mixed-script-word"
    severity = Severity.ERROR
    summary = "A word that mixes alphabets, such as a Latin word with a Cyrillic letter inside ('Кyiv', 'Nаto')."
    why = (
        "Cyrillic and Greek letters look like Latin ones. A word that mixes them looks right but does not "
        "match in search, spell checking, dictionaries or translation models, which see an unknown word."
    )
    instead = "Retype the word in one alphabet. Greek letters used as symbols ('μm', 'β-blocker') are not flagged."
    examples = (
        Example("The president visited \u041ayiv on Monday."),
        Example("The N\u0410TO summit was held in Washington."),
    )
    counter_examples = (
        Example("The cells measured 5 \u03bcm across; \u03b2-blockers and the Київ metro were mentioned."),
        Example("Macron met Zelensky in Kyiv and Scholz in Berlin."),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if ctx.text.isascii():
            return  # ASCII letters are all Latin: nothing to mix
        for m in LETTERS.finditer(ctx.text):
            token = m.group()
            scripts = [script_of(ch) for ch in token]
            present = set(scripts) & _HOMOGLYPH_SCRIPTS
            if len(present) < 2:
                continue
            if present == {"LATIN", "GREEK"} and not any(
                scripts[i] == "GREEK" and scripts[i - 1] == "LATIN" and scripts[i + 1] == "LATIN"
                for i in range(1, len(token) - 1)
            ):
                continue  # "μm": a Greek symbol in front of a Latin unit
            odd = sorted(present - {_majority(scripts)})
            yield Hit(m.start(), m.end(), f"'{token}' mixes {' and '.join(s.title() for s in sorted(present))} letters"
                      f" ({', '.join(odd).lower()} inside)")


def _majority(scripts: list[str]) -> str:
    return max(set(scripts), key=scripts.count)


_IGNORED_SCRIPTS = frozenset({"LATIN", ""})


class ForeignScriptText(SurfaceRule):
    code = "L303"
    name = "foreign-script-text"
    severity = Severity.WARNING
    summary = "Letters of another script in a Latin-script document ('the 中国 market'): an untranslated leftover."
    why = (
        "Characters the engine could not translate (names, rare words) are copied from the source. In an "
        "English article a run of Chinese, Cyrillic or Arabic letters is almost always such a leftover."
    )
    instead = (
        "Translate or transliterate it. Original-script glosses in brackets ('Kyiv (Київ)') and single Greek "
        "letters ('β') are not flagged."
    )
    examples = (
        Example("The 中国 market grew by 5 percent this year."),
        Example("The minister said that the решение was final."),
    )
    counter_examples = (
        Example("He visited Kyiv (Київ) and Beijing (北京) last week."),
        Example("The β coefficient and the Omicron variant were discussed."),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if language(ctx.doc_lang).script != "LATIN" or ctx.text.isascii():
            return  # ASCII letters are all Latin
        text = ctx.text
        runs: list[list[int]] = []
        for m in LETTERS.finditer(text):
            scripts = {script_of(ch) for ch in m.group()}
            if len(scripts) != 1 or scripts <= _IGNORED_SCRIPTS:
                continue  # Latin, or mixed (L302's business)
            if scripts == {"GREEK"} and len(m.group()) <= 2:
                continue
            if runs and not text[runs[-1][1] : m.start()].strip(" ,.;:-–—·'’\"“”«»"):
                runs[-1][1] = m.end()
            else:
                runs.append([m.start(), m.end()])
        for start, end in runs:
            if _in_brackets(text, start, end):
                continue
            script = script_of(text[start]).title()
            yield Hit(start, end, f"{script} text '{text[start:end]}' in a {ctx.doc_lang} document")


def _in_brackets(text: str, start: int, end: int) -> bool:
    opened = text.rfind("(", 0, start)
    return opened >= 0 and text.rfind(")", 0, start) < opened and text.find(")", end) >= 0


_HE_START = re.compile(r"^He\s+(?:(?:too|also)\s+)?([A-Z][A-Za-z.]*)")


class ArticleReadAsPronoun(SurfaceRule):
    code = "L304"
    name = "article-read-as-pronoun"
    severity = Severity.WARNING
    summary = "'He' + a nationality or title starting a sentence: Spanish 'El' read as 'He' (English only)."
    why = (
        "Spanish 'El' and Portuguese 'O' are both an article and (for 'Él') a pronoun; engines translating "
        "'El canciller alemán Olaf Scholz dijo' produce 'He German Chancellor Olaf Scholz said'. The "
        "sentence then has two subjects."
    )
    instead = "Use the article ('The German Chancellor Olaf Scholz said') or none ('German Chancellor Scholz said')."
    examples = (
        Example("He German Chancellor Olaf Scholz said that there will be no ground forces."),
        Example("He too NATO Secretary General denied any presence of troops in Ukraine."),
    )
    counter_examples = (
        Example("He said that the German Chancellor agreed."),
        Example("He Jiankui, a Chinese scientist, spoke. He too said no."),
    )
    languages = frozenset({"en"})

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        m = _HE_START.match(ctx.text)
        if m is None:
            return
        word = m.group(1)
        if word.lower() in NATIONALITIES or word.lower() in TITLES:
            yield Hit(0, 2, f"'He {word}': an article read as a pronoun")


RULES = (
    OtherLanguageSentence(),
    MixedScriptWord(),
    ForeignScriptText(),
    ArticleReadAsPronoun(),
)
