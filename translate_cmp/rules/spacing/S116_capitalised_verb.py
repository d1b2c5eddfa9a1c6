"""S116 capitalised-verb: a word that can only be a verb, capitalised in the middle of a sentence ('el capitán
Daniel Ascendió'): an engine translated a name as a word and kept its capital."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.lang import analyser
from translate_cmp.lang.profile import language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.text import capital_word_matches, is_title, next_word, previous_word, starts_clause


def _candidates(text: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """Title-case words of three letters or more inside a clause, after a space: the word, the words before and
    after it when those are capitalised too ("" otherwise), and the word before it in lower case."""
    for m in capital_word_matches(text):  # (one scan from the capitals: the other words are not read)
        word = m.group()
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower():  # not is_title(word), asked in line
            continue
        if m.start() == 0 or not text[m.start() - 1].isspace():
            continue
        if starts_clause(text, m.start()):
            continue
        prev = previous_word(text, m.start())
        before = prev.group() if prev is not None and prev.end() == m.start() - 1 and is_title(prev.group()) else ""
        nxt = next_word(text, m.end())
        after = nxt.group() if nxt is not None and nxt.start() == m.end() + 1 and is_title(nxt.group()) else ""
        yield m.start(), m.end(), word, before, after, prev.group().lower() if prev is not None else ""


_WITH_INFINITIVE = (*analyser.NARRATIVE_TENSES, "inf")
# analyser.only_verb, remembered per reading (the readings of a word are one tuple, read again for each of its rows)
_only_verb = lru_cache(maxsize=8192)(analyser.only_verb)


def _common_word(reading: tuple[str, ...]) -> bool:
    """A noun or an adjective, not a name: "Reino" in "Reino Unido" (a name made of words, United included)."""
    return any("<n>" in r or "<adj>" in r for r in reading) and not any("<np>" in r for r in reading)


class CapitalisedVerb(SurfaceRule):
    code = "S116"
    name = "capitalised-verb"
    severity = Severity.WARNING
    # the languages it was measured on (Romance tense tags); other records name an analyser for R403 only
    languages = frozenset({"es", "ca", "fr", "it", "pt", "gl"})
    requires = frozenset({"analyser"})
    summary = "A past or future verb form capitalised mid-sentence: 'capitán Daniel Ascendió', 'la ribera Unió'."
    why = (
        "A rule-based engine (Apertium) that meets a name it does not know as a name looks it up as a word: "
        "'Rose' becomes 'Ascendió', 'United' 'Unió', 'the Fed' 'el Alimentado', and the capital stays. The sentence "
        "then reads as if the player scored and 'ascended'. S104 flags only closed-class words, because a "
        "capitalised noun or adjective is often a name; a form that the language's morphological analyser reads "
        "only as a verb of a narrative tense (past, imperfect, future, conditional, past participle; in Catalan "
        "also an infinitive after 'va', its periphrastic past) is no name, no button and no heading. Infinitives "
        "and present forms are left alone: 'Haga clic en Aceptar' names a button. The analyser comes with "
        "Debian's Apertium pairs (lang/analyser.py); where none is installed for the language, the rule does not "
        "run."
    )
    instead = "Keep the name as it was ('capitán Daniel Rose', 'Riverside United'), or write the verb in lower case."
    examples = (
        Example("El lado de casa tomó la ventaja con un encabezamiento de capitán Daniel Ascendió.", lang="es"),
        Example("La ribera Unió batió Northfield Rovers 2-1 el sábado.", lang="es"),
        Example("Lagarde ha dicho que el banco no es dependiente en el Alimentado.", lang="es"),
    )
    counter_examples = (
        Example("El capitán Daniel Rosa marcó el gol de la victoria.", lang="es"),
        Example("La selección ganó. Ascendió al primer puesto.", lang="es"),
        Example("Los precios subieron en Marcha y en febrero.", lang="es"),
        Example("Los Estados Unidos y el Reino Unido pagarán un tercio del coste.", lang="es"),
        Example("Em São Paulo, a prefeitura ampliou o horário do metrô.", lang="pt"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        candidates = list(_candidates(ctx.text))
        if not candidates:
            return  # nothing to look up here (the document's readings are read, all at once, where there is)
        if len(ctx.sentences) == 1:  # a table's row: its words are the document's, read without a view to keep them
            words = {w for _, _, *near, _ in candidates for w in near if w}
            found = analyser.readings(words, ctx.doc_lang) if words else {}
        else:
            view = doc_view(ctx)
            found = view.memo.get(self.code)
            if found is None:
                each = (candidates if s is ctx.sentence else _candidates(s.text) for s in ctx.sentences)
                words = {w for found_in in each for _, _, *near, _ in found_in for w in near if w}
                found = analyser.readings(words, ctx.doc_lang) if words else {}
                view.memo[self.code] = found
        auxiliaries = language(ctx.doc_lang).extra.get("past_auxiliaries", frozenset())
        for start, end, word, before, after, prev in candidates:
            reading = found.get(word, ())
            if not reading:
                continue  # a word the analyser does not know (most names): no verb form (analyser.only_verb)
            tenses = _WITH_INFINITIVE if prev in auxiliaries else analyser.NARRATIVE_TENSES
            if not _only_verb(reading, tenses):
                continue
            if before and _common_word(found.get(before, ())):
                continue  # a name made of words: "Reino Unido", "Estados Unidos", "Regne Unit"
            if after and any("<np>" in r for r in found.get(after, ())):
                continue  # the first word of a name the analyser knows: "São Paulo" ("São": also "they are")
            message = f"'{word}' capitalised mid-sentence, and it can only be a verb: a name read as a word?"
            yield Hit(start, end, message)
