"""S104 mid-sentence-capital: a common word capitalised in the middle of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.hunspell import writes_capitalised
from translate_cmp.lang.lexicon import (
    AMBIGUOUS_CAPITALS,
    ARTICLES,
    AUXILIARIES,
    CLAUSE_START_WORDS,
    CLAUSE_VERBS,
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    LABEL_NOUNS,
    MONTHS_AND_DAYS,
    NAME_PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_ADVERBS,
)
from translate_cmp.lang.profile import language, name_openers
from translate_cmp.lang.wordlists import LANGS, closed_class
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import DocView, doc_view
from translate_cmp.rules.text import (
    WORD,
    ascii_words,
    capital_word_matches,
    capitalised_words,
    is_lower,
    is_title,
    next_word,
    no_capital_inside,
    previous_word,
    starts_clause,
    title_chain,
)


class MidSentenceCapital(SurfaceRule):
    code = "S104"
    name = "mid-sentence-capital"
    severity = Severity.WARNING
    languages = LANGS  # the languages with closed-class word lists
    requires = frozenset({"nouns"})  # German: the dictionary that tells its nouns (lang/hunspell.py)
    summary = "A common word capitalised in the middle of a sentence: 'will begin Between Moscow', 'acuerdo Entre'."
    why = (
        "Translation engines carry capitals over from a source clause boundary or from a lost full stop. A "
        "capitalised 'Between', 'But' or 'The' after a lower-case word tells the reader a sentence starts "
        "there when it does not, and often marks a sentence split in the wrong place. To stay clear of names "
        "and titles the rule flags only: an English function word after a lower-case word (an article only "
        "before a lower-case word, a pronoun only before one: 'with He Lifeng' is a name); a reporting verb "
        "that is not also a given name ('General Denied', not 'Edward Said'); a noun in -ility/-ness after a "
        "preposition. Nothing is flagged after a clause end, a colon, an opening quote or bracket, in "
        "title-case headlines, or where the document capitalises the word elsewhere mid-sentence too. In other "
        "languages only the language's closed-class words (langdata) count, before a lower-case word or a "
        "number: after a lower-case word ('acuerdo Entre ambos'), after a closed-class first word ('Selon Le "
        "ministère'), or after a name when the word is no article, pronoun or name particle ('Meloni Ha "
        "detto', not 'Pedro De la Fuente'); a one-letter word only where the language has such a word (Russian 'В', "
        "not the letter 'Х': 'по оси Х'), between lower-case words, before a content word and not after an article "
        "('aprovaram A reforma', not 'grupo A de', 'un O lógico'); in German also before a noun, except the nominative "
        "articles that begin names ('Der Spiegel'). Never a pronoun of polite address, capitalised by rule "
        "(German 'Sie', 'Ihnen', 'Ihr'; Russian 'Вы', 'Вам'). German writes every noun with a capital, so there "
        "a word is never flagged where it is a noun: a form its Hunspell dictionary writes with a capital "
        "('ist Teil des Pakets', 'um acht Uhr'), any word after an article or determiner ('das Ganze', 'jeden "
        "Morgen'), or a word next to a name, which may be part of it ('von Will Patching', 'Sébastien Lange'); "
        "without the dictionary the rule does not run on German (run.json, rules_not_run)."
    )
    instead = "Lower-case the word ('will begin between Moscow'), or restore the full stop that was lost."
    examples = (
        Example("Any deployment of troops will begin Between Moscow and the military alliance."),
        Example("There is no agreement about sending troops, But nothing can be ruled out."),
        Example("The French President uses A strategy to improve its image."),
        Example("NATO Secretary General Denied any presence of troops in Ukraine."),
        Example("No hay acuerdo Entre ambos gobiernos sobre el envío de tropas.", lang="es"),
        Example("Selon Le ministère, les troupes resteront en France.", lang="fr"),
        Example("La premier Giorgia Meloni Ha detto che non invierà truppe.", lang="it"),
        Example("Os deputados aprovaram A reforma no primeiro dia.", lang="pt"),
        Example("Der Kanzler reiste Nach Paris und sprach mit dem Präsidenten.", lang="de"),
        Example("Sie lesen Diese Seite, weil ein Cookie fehlt.", lang="de"),
    )
    counter_examples = (
        Example("French President Emmanuel Macron met NATO leaders in Kyiv and The Hague in May."),
        Example("He said: The war must end. Secretary General Jens Stoltenberg agreed with Theresa May."),
        Example("Macron Announces Coalition To Send Ammunition To Kiev"),
        Example("The report was published by The New York Times, according to the United States."),
        Example("El ministro Pedro De la Fuente habló con el grupo A de la cumbre.", lang="es"),
        Example("Das berichtete Der Spiegel am Montag.", lang="de"),
        Example("Stellen Sie sich vor, ich möchte Ihnen zeigen, wie Ihr Kopf sich dehnt.", lang="de"),
        Example("Der Befehl ist Teil des Pakets und läuft jeden Morgen um acht Uhr.", lang="de"),
        Example("Die Tore schoss er von Will Patching bedient, die Spende kam von Sébastien Lange selbst.", lang="de"),
        Example("Мы благодарим Вас за Ваше письмо и ответим Вам завтра.", lang="ru"),
        Example("Los bits se combinan con un O lógico antes de escribirlos.", lang="es"),
        Example("На графике по оси Х отложено время работы сервера.", lang="ru"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        # "--debug      Das eingelesene Datum ...": a table's cell; "=С ... С секунд": a metavariable
        return not (unit_policy.starts_cell(ctx, hit) or unit_policy.metavariable_word(ctx, hit))

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if ctx.doc_lang != "en":
            yield from _closed_class_capitals(ctx)
            return
        if no_capital_inside(text):
            return  # no candidate: a Title-case word at the start starts a clause (a quarter of English rows)
        capitalised = _capitalised_words(text)
        if _REASON_WORDS.isdisjoint(capitalised) and not any(map(_ABSTRACT_NOUN, capitalised)):
            return  # no capitalised word that :meth:`_reason` could give a reason for (most sentences: names)
        candidates = []
        # only WORD's words that start with a capital are read (the loop passes the others): with ASCII letters one
        # scan finds them
        for m in (_CAPITAL_WORD_ASCII.finditer(text) if ascii_words(text) else capital_word_matches(text)):
            word = m.group()
            if not word[0].isupper() or not (word == "A" or is_title(word)):
                continue  # most words: lower-case, asked first
            start = m.start()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐'’@#_/&.+"):
                continue
            if not starts_clause(text, start):
                candidates.append(m)
        if not candidates:
            return  # nothing capitalised inside a clause (most sentences)
        view = doc_view(ctx)
        headline = None  # a headline's style is capitals: nothing is flagged there (asked at the first reason)
        for m in candidates:
            word = m.group()
            reason = self._reason(text, m, view)
            if reason:
                if headline is None:
                    headline = _is_headline(text)
                if headline:
                    return
                yield Hit(m.start(), m.end(), f"'{word}' capitalised mid-sentence ({reason})")

    @staticmethod
    def _reason(text: str, m: re.Match[str], view: DocView) -> str | None:
        word = m.group()
        low = word.lower()
        function_word = low in FUNCTION_WORDS and low not in AMBIGUOUS_CAPITALS and low not in MONTHS_AND_DAYS
        if not function_word and low not in CLAUSE_VERBS and not (low.endswith(("ility", "ness")) and len(low) >= 9):
            return None  # no reason below can hold (most candidates: names), told before the neighbours are read
        prev = previous_word(text, m.start())
        nxt = next_word(text, m.end())
        prev_low = prev is not None and (is_lower(prev.group()) or _capital_by_position(text, prev))
        next_low = (nxt is not None and is_lower(nxt.group())) or _NUMBER_NEXT.match(text, m.end()) is not None
        next_title = nxt is not None and nxt.group()[0].isupper()
        if function_word:
            if prev is not None and prev.group().lower() in DETERMINERS:
                return None  # "the Very Large Telescope"
            if low in ARTICLES:
                return _article_reason(text, m, prev, nxt, prev_low, view)
            if not prev_low:
                # after a name: only an auxiliary, preposition or conjunction followed by a plain word
                # ("the United States Has dragged"), never a title ("Gone With the Wind")
                if prev is None or not next_low or low in PRONOUNS or low in SENTENCE_ADVERBS:
                    return None
                if low not in AUXILIARIES and nxt is not None and nxt.group() in ARTICLES:
                    return None
                return "a function word after a name"
            if next_title and low not in PREPOSITIONS and low not in CONJUNCTIONS:
                return None  # "with He Lifeng": a surname; prepositions stay ("begin Between Moscow")
            return "a function word after a lower-case word"
        if next_title or view.title_mid_again(word):
            return None  # part of a name, or capitalised on purpose throughout the document
        if low in CLAUSE_VERBS and prev is not None and prev.group().lower() not in DETERMINERS:
            return "a verb, not part of a name"
        if (
            prev_low
            and prev.group().lower() in PREPOSITIONS
            and low.endswith(("ility", "ness"))
            and len(low) >= 9
        ):
            before = previous_word(text, prev.start())
            if before is None or is_lower(before.group()):
                return "an abstract noun after a preposition"
        return None


# A noun in -ility or -ness of nine letters or more (``w.endswith(("ility", "ness")) and len(w) >= 9``), asked in C
_ABSTRACT_NOUN = re.compile(r".{4,}ility|.{5,}ness", re.DOTALL).fullmatch
# The lower-cased words to which :meth:`MidSentenceCapital._reason` may give a reason, besides nouns in -ility/-ness
_REASON_WORDS = (FUNCTION_WORDS - AMBIGUOUS_CAPITALS - MONTHS_AND_DAYS) | CLAUSE_VERBS


def _capitalised_words(text: str) -> set[str]:
    """Lower-cased, the words of ``text`` that start with a capital, less a word at its very start (a clause's start:
    never a finding). WORD's words from the second character on are the text's own after its first word, and at
    most the first word's tail besides: no candidate is missed, one word more may be looked at. In ASCII, WORD's
    words are runs of letters joined by apostrophes, and one that starts with a capital starts after no letter: those
    are scanned for alone (and a capital after an apostrophe inside a word, one word more)."""
    if ascii_words(text):  # its letters are ASCII's (its marks may not be: “, ’)
        return set(map(str.lower, _CAPITALISED_ASCII.findall(text, 1)))
    return set(map(str.lower, capitalised_words(WORD.findall(text, 1))))


# (asked from the capital, which the scan looks for first)
_CAPITALISED_ASCII = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z]*(?:['’][A-Za-z]+)*")
# WORD's words that start with a capital, in a text of ASCII letters: WORD's words start after no letter, and not
# after an apostrophe that follows a letter (WORD goes on through it: "rock'N'Roll" is one word)
_CAPITAL_WORD_ASCII = re.compile(r"[A-Z](?<![A-Za-z][A-Z])(?<![A-Za-z]['’][A-Z])[A-Za-z]*(?:['’][A-Za-z]+)*")


def _is_headline(text: str) -> bool:
    """Title-case text ("Macron Announces Coalition To Send Troops"): capitals are its style."""
    tokens = [t.strip("\"'“”‘’«»()[]{}.,;:!?-–—") for t in text.split()]
    tokens = [t for t in tokens if t[:1].isalpha()]
    capitals = sum(1 for t in tokens if t[0].isupper())
    lower_content = sum(1 for t in tokens if t[0].islower() and t.lower() not in FUNCTION_WORDS)
    return capitals >= 3 and lower_content <= 1


def _closed_class_capitals(ctx: RuleContext) -> Iterator[Hit]:
    """Any language: a Title-case closed-class word between two words, not at a clause start ('acuerdo
    Entre ambos', 'Ende Nach der Wahl'). Only closed-class words count, so German nouns are never flagged.
    The previous word is lower-case, a Title-case noun (German), a closed-class word capitalised as the
    sentence's first, or a name (then not before an article, pronoun or name particle)."""
    text, lang = ctx.text, ctx.doc_lang
    vocab = closed_class(lang)
    if not vocab or no_capital_inside(text) or vocab.isdisjoint(_capitalised_words(text)):
        return  # no candidate: a word at the start starts a clause; no other capitalised word is closed-class
    # the candidates: Title-case closed-class words, and one-letter ones ("aprovaram A reforma", "закон В первом
    # чтении"); most sentences have none, and need neither the headline test nor the document's view
    candidates = [m for m in capital_word_matches(text)  # (both tests below ask for a capital first)
                  if (is_title(word := m.group()) or (len(word) == 1 and word.isupper())) and word.lower() in vocab]
    if not candidates:
        return
    info = language(lang)
    nouns_capitalised = info.capitalises_nouns
    hits = list(_closed_class_hits(ctx, candidates, vocab, info))
    if hits and not (not nouns_capitalised and _is_headline_in(text, vocab)):  # German capitalises every noun
        yield from hits  # (a headline's style is capitals: asked only where there is a finding)


def _closed_class_hits(ctx: RuleContext, candidates: list[re.Match[str]], vocab: frozenset[str], info
                       ) -> Iterator[Hit]:
    """:func:`_closed_class_capitals`' findings among ``candidates``, the headline test apart."""
    text, lang = ctx.text, ctx.doc_lang
    nouns_capitalised = info.capitalises_nouns
    view = doc_view(ctx)
    for m in candidates:
        word = m.group()
        letter = len(word) == 1 and word.isupper()
        if view.title_mid_again(word):
            continue
        if word in info.courtesy:
            continue  # polite address is written capitalised: "Stellen Sie sich vor", "Вы", "Ваш"
        if (m.start() > 0 and not text[m.start() - 1].isspace()) or starts_clause(text, m.start()):
            continue
        prev, nxt = previous_word(text, m.start()), next_word(text, m.end())
        if prev is None:
            continue
        if nouns_capitalised and (prev.group().lower() in info.noun_markers or writes_capitalised(word, lang)):
            continue  # a noun: "ist Teil des Pakets", "um acht Uhr", "das Ganze", "heute Morgen"
        if letter:
            if word.lower() not in info.one_letter_words or prev.group().lower() in info.articles:
                continue  # a letter, no word ('По оси Х'), or a letter's name after an article ('un O lógico')
            # only between two plain words, the second a content word: "grupo A de", "vitamina A es" are labels
            if is_lower(prev.group()) and nxt is not None and is_lower(nxt.group()) and nxt.group() not in vocab:
                yield Hit(m.start(), m.end(), f"'{word}' capitalised mid-sentence (a closed-class word of '{lang}')")
            continue
        low = word.lower()
        before_plain = (nxt is not None and is_lower(nxt.group())) or _NUMBER_NEXT.match(text, m.end()) is not None
        if not (before_plain or (nxt is not None and _german_preposition(word, nxt.group(), lang))):
            continue
        previous = prev.group()
        if is_lower(previous):
            if not before_plain and previous in vocab and _joined(text, m.end(), nxt.start()) \
                    and not writes_capitalised(nxt.group(), lang):
                continue  # German, before a word that is no noun, after a preposition: a name ("von Will Patching")
        elif nouns_capitalised and is_title(previous):
            if previous.lower() in vocab:
                continue  # "Von Der ..." title chains
            if _joined(text, prev.end(), m.start()) and not writes_capitalised(previous, lang):
                continue  # after a name, not a noun: "Sébastien Lange" is a surname
        elif starts_clause(text, prev.start()) and previous.lower() in vocab:
            pass  # the previous word is capitalised only as the sentence's first: "Selon Le ministère"
        elif not before_plain or low in NAME_PARTICLES or low in name_openers():
            continue  # after a name: "Pedro De la Fuente", "Real Madrid La ..." may be names
        elif starts_clause(text, prev.start()):
            continue  # the sentence's first word: "Pedro", "Madrid"
        yield Hit(m.start(), m.end(), f"'{word}' capitalised mid-sentence (a closed-class word of '{lang}')")


_NUMBER_NEXT = re.compile(r"\s+\d")


def _joined(text: str, end: int, start: int) -> bool:
    """Only a space between two words: nothing (a comma, a dash) that would end a name between them."""
    return text[end:start].isspace()


def _german_preposition(word: str, nxt: str, lang: str) -> bool:
    """German writes every noun in Title case, so 'Gesetz Zur Cybersicherheit', 'reiste Nach Paris' are flagged
    before a Title-case word too; articles ('Der Spiegel', 'Die Linke') and name particles ('Von Der') are not."""
    low = word.lower()
    info = language(lang)
    if not info.oblique_articles or not is_title(nxt):
        return False
    if low in info.oblique_articles:
        return True  # dative and genitive articles start no name: "muss Dem Gesetz", "Angaben Des Ministeriums"
    return low not in info.articles and low not in NAME_PARTICLES


def _is_headline_in(text: str, vocab: frozenset[str]) -> bool:
    tokens = [t.strip("\"'“”‘’«»()[]{}.,;:!?¿¡-–—") for t in text.split()]
    tokens = [t for t in tokens if t[:1].isalpha()]
    capitals = sum(1 for t in tokens if t[0].isupper())
    lower_content = sum(1 for t in tokens if t[0].islower() and t.lower() not in vocab)
    return capitals >= 3 and lower_content <= 1


def _capital_by_position(text: str, word: re.Match[str]) -> bool:
    """A capital that only marks a clause start ("Since The ...", "Finally, We ..."), not a name."""
    low = word.group().lower()
    return starts_clause(text, word.start()) and (
        low in FUNCTION_WORDS or low in CLAUSE_START_WORDS or low.endswith("ly")
    )


def _article_reason(text, m, prev, nxt, prev_low: bool, view: DocView) -> str | None:
    """'The'/'A'/'An' mid-sentence: only before a plain word ('uses A strategy'), or before a name the
    document also writes with a lower-case 'the' ('the United States' ... 'and The United States')."""
    if prev is None or nxt is None:
        return None
    if is_lower(nxt.group()):
        if m.group() == "A" and (nxt.group() in FUNCTION_WORDS or prev.group().lower() in LABEL_NOUNS):
            return None  # "from A to Z", "vitamin A deficiency", "plan A"
        if not prev_low and nxt.group() in FUNCTION_WORDS:
            return None
        return "an article before a lower-case word"
    if m.group() == "The" and title_chain(text, nxt.start()) in view.after_the:
        return "the document writes this name with a lower-case 'the'"
    return None  # "The Hague", "A Tale of Two Cities"
