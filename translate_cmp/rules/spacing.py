"""S1xx: spacing and casing artefacts.

Words run together, missing spaces at quotes and punctuation, capitals in the middle of a
sentence, sentences starting in lower case, doubled or stray punctuation, unbalanced quotes and
brackets, doubled words. Rules that rely on English word lists run only on English documents
(``languages = {"en"}``); the others run on any language written with spaces and letter case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.lexicon import (
    ABBREVIATIONS,
    AMBIGUOUS_CAPITALS,
    ARTICLES,
    AUXILIARIES,
    CLAUSE_VERBS,
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    GLUE_TAILS,
    KNOWN_CAMEL,
    LABEL_NOUNS,
    MONTHS_AND_DAYS,
    NAME_PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_ADVERBS,
)
from translate_cmp.lang.profile import language
from translate_cmp.lang.wordlists import LANGS, closed_class, is_real_word
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.docview import (
    CLOSING_PUNCT,
    LETTERS,
    OPEN,
    WORD,
    DocView,
    SurfaceRule,
    doc_view,
    is_lower,
    is_title,
    next_word,
    previous_word,
    starts_clause,
    title_chain,
)

ENGLISH = frozenset({"en"})


_CODE_MARKS = frozenset("/@[]{}()=<>_`|\\*#~$%^&+0123456789")


def _chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` around ``text[start:end]``, edge punctuation removed."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right].strip("\"'“”‘’«»()[].,;:!?")


def _looks_like_code(text: str, start: int, end: int) -> bool:
    """Part of an identifier, a path, an address or a file name rather than of prose."""
    chunk = _chunk(text, start, end)
    if any(ch in _CODE_MARKS for ch in chunk) or "www" in chunk:
        return True
    return re.search(r"[a-z]\.[a-z]", chunk) is not None  # "LIGA.net", "report.pdf", "fetch.fsck.badTimezone"


_GLUED_ARTICLE = re.compile(r"[a-z]{2,}A")  # a lower-case word and the article "A": "buildingA", "ofA"


def _junctions(token: str) -> list[int]:
    """Positions in ``token`` where a lower-case letter is followed by ``Xy`` (a Title-case start)."""
    if len(token) < 3 or token[1:].islower():
        return []  # no upper-case letter after the first: most words of prose, decided in C
    return [
        i
        for i in range(1, len(token) - 1)
        if token[i - 1].islower() and token[i].isupper() and token[i + 1].islower()
    ]


class RunTogetherWords(SurfaceRule):
    code = "S101"
    requires = frozenset({"spaced"})
    name = "run-together-words"
    severity = Severity.WARNING
    summary = "Two words written with no space between them: 'Olaf ScholzSaid', 'alliesEspecially'."
    why = (
        "Machine translation and scrapers drop the space between a name and the verb after it, or between "
        "a title and the text that follows. The reader stumbles, search and tokenisers see one unknown word, "
        "and the round trip translates garbage."
    )
    instead = "Put the space back: 'Olaf Scholz said', 'allies, especially'."
    examples = (
        Example("German Chancellor Olaf ScholzSaid that there will be no ground forces."),
        Example("Kiev depends on weapons from its Western alliesEspecially the United States."),
        Example("President Macron met the troops. He will send more troopsMacron announces."),
    )
    counter_examples = (
        Example("She watched the speech on YouTube with her new iPhone at McDonald's."),
        Example("The slides were made in PowerPoint and shared on LinkedIn and eBay."),
        Example("The ATACMS (Army TACtical Missile System) has a range of 300 km."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        english = ctx.doc_lang == "en"
        text = ctx.text
        for m in LETTERS.finditer(text):
            token = m.group()
            if not english and _glued_letter(token, ctx.doc_lang) and not _looks_like_code(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), f"'{token[:-1]}' and '{token[-1]}' run together")  # "MacronA déclaré"
                continue
            glued_a = english and token[-1] == "A" and _GLUED_ARTICLE.fullmatch(token) is not None
            if glued_a and not _looks_like_code(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), f"'{token[:-1]}' and 'A' run together")  # "takenA number"
                continue
            cuts = _junctions(token)
            if not cuts or token.lower() in KNOWN_CAMEL:
                continue
            if len(cuts) > 1 or _looks_like_code(text, m.start(), m.end()):
                continue  # "docSegId", "ReadTheDocs", "wmt23.zhen.<globalSegId>": identifiers, names, files
            bounds = [0, *cuts, len(token)]
            for n, cut in enumerate(cuts):
                left, right = token[bounds[n] : cut], token[cut : bounds[n + 2]]
                if self._glued(left, right, n == 0, english) or (
                    not english and n == 0 and _glued_word(left, right, ctx.doc_lang)
                ):
                    yield Hit(m.start() + bounds[n], m.start() + bounds[n + 2], f"'{left}' and '{right}' run together")

    @staticmethod
    def _glued(left: str, right: str, at_start: bool, english: bool) -> bool:
        tail = right.lower()
        adverb = tail.endswith("ly") and len(tail) >= 6
        tail_is_clause_word = english and len(right) >= 3 and (tail in GLUE_TAILS or adverb)
        if len(left) >= 3 and (left.islower() or is_title(left)) and tail_is_clause_word:
            return True  # "ScholzSaid", "SunakFor", "alliesEspecially"
        if english and len(left) >= 3 and (left.islower() or is_title(left)) and tail in FUNCTION_WORDS:
            return True  # "recoveryOf", "ChinaIs", "risenTo": a short function word does not end a brand
        if english and at_start and left in FUNCTION_WORDS and (len(right) >= 3 or tail in FUNCTION_WORDS):
            return True  # "toDonate", "weHave", "onTechnology": a function word does not start one either
        # "troopsMacron", "regionConquered": a lower-case word, then a capitalised one, in one token. Brands
        # that look like this start with one or two letters ("iPhone", "eBay") or are listed in KNOWN_CAMEL.
        return at_start and len(left) >= 3 and left.islower() and len(right) >= 3


def _glued_word(left: str, right: str, lang: str) -> bool:
    """'SánchezDijo', 'FaeserErklärte': a name or word, then a common word of the document's language."""
    if len(left) < 3 or not (left.islower() or is_title(left)):
        return False
    return (len(right) >= 3 and is_real_word(right, lang)) or right.lower() in closed_class(lang)  # "MeloniHa"


def _glued_letter(token: str, lang: str) -> bool:
    """'MacronA': a Title-case word with a one-letter closed-class word of ``lang`` glued to its end."""
    return (
        len(token) >= 4
        and token[-1].isupper()
        and is_title(token[:-1])
        and token[-1].lower() in closed_class(lang)
    )


_QUOTE_GLUED = re.compile(r"[^\W\d_]+([\"“”„«»])[^\W\d_]+")
_QUOTE_AFTER_STOP = re.compile(r"(?<=[.,!?;:])[”»][^\W\d_]+")


class MissingSpaceAtQuote(SurfaceRule):
    code = "S102"
    requires = frozenset({"spaced"})
    except_languages = frozenset({"he", "yi"})  # Hebrew and Yiddish write acronyms with "
    name = "missing-space-at-quote"
    severity = Severity.WARNING
    summary = "A double quote glued between two words: 'conflict“Words', 'Biden“has', 'evaluate it”said'."
    why = (
        "When a translation moves a quotation mark, the space on one side goes missing and the quote ends up "
        "inside a word; often the quote also points the wrong way. Readers cannot tell where the quotation "
        "starts or ends."
    )
    instead = "One space outside the quotation: 'the conflict.” Words', 'Joe Biden “has', 'evaluate it,” said'."
    examples = (
        Example("Peskov says the move changes US involvement in the conflict“Words are important."),
        Example("“This is how we evaluate it”said Dmitry Peskov."),
    )
    counter_examples = (
        Example("He said “we will not send troops” and left."),
        Example("Macron’s words, Ukraine’s victory and the allies’ plan were discussed."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        for m in _QUOTE_GLUED.finditer(text):
            if m.group(1) == '"' and m.start(1) - m.start() <= 2 and _looks_like_code(text, m.start(), m.end()):
                continue  # f"Hello {name}", b"abc": string literals in code
            yield Hit(m.start(), m.end(), f"quote {m.group(1)} glued between two words: '{m.group()}'")
        for m in _QUOTE_AFTER_STOP.finditer(text):
            yield Hit(m.start() - 1, m.end(), f"no space after the closing quote: '{text[m.start() - 1 : m.end()]}'")


_STOP_GLUED = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_COMMA_GLUED = re.compile(r"(?<=[^\W\d_]{2})[,;](?=[^\W\d_]{2})")
_SPLIT_GLUED = re.compile(r"(?<![A-Z.])[a-z]{2}[.!?]$")


class MissingSpaceAfterPunctuation(SurfaceRule):
    code = "S103"
    requires = frozenset({"spaced"})
    name = "missing-space-after-punctuation"
    severity = Severity.WARNING
    summary = "No space after a full stop, comma or semicolon between two words: 'said.The', 'troops,but'."
    why = (
        "A missing space after punctuation runs two sentences or clauses together; sentence splitters then "
        "miss the boundary and the translation engine sees one long sentence."
    )
    instead = "One space after the punctuation: 'said. The', 'troops, but'."
    examples = (
        Example("The meeting ended late.The leaders left without a statement."),
        Example("Europe will send shells,but not troops."),
    )
    counter_examples = (
        Example("He told LIGA.net and Chinanews.com that U.S. officials agreed."),
        Example("The figure was 1,400 units, up 3.5 percent, e.g. in Kyiv."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx) and not unit_policy.source_glues_same(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        for pattern in (_STOP_GLUED, _COMMA_GLUED):
            for m in pattern.finditer(text):
                chunk_start = text.rfind(" ", 0, m.start()) + 1
                chunk_end = text.find(" ", m.end())
                if _looks_like_code(text, m.start(), m.end()):
                    continue  # addresses, handles, code
                yield Hit(chunk_start, chunk_end if chunk_end >= 0 else len(text), f"no space after '{m.group()}'")
        following = ctx.next
        if (
            following is not None
            and following.start == ctx.sentence.end  # the segmenter split "late.The" in two
            and _SPLIT_GLUED.search(text)
            and re.match(r"[A-Z][a-z]", following.text)
        ):
            last = text.rfind(" ") + 1
            yield Hit(last, len(text), f"no space between '{text[last:]}' and '{following.text.split()[0]}'")


def _is_headline(text: str) -> bool:
    """Title-case text ("Macron Announces Coalition To Send Troops"): capitals are its style."""
    tokens = [t.strip("\"'“”‘’«»()[]{}.,;:!?-–—") for t in text.split()]
    tokens = [t for t in tokens if t[:1].isalpha()]
    capitals = sum(1 for t in tokens if t[0].isupper())
    lower_content = sum(1 for t in tokens if t[0].islower() and t.lower() not in FUNCTION_WORDS)
    return capitals >= 3 and lower_content <= 1




class MidSentenceCapital(SurfaceRule):
    code = "S104"
    name = "mid-sentence-capital"
    severity = Severity.WARNING
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
        "detto', not 'Pedro De la Fuente'); a one-letter word only between lower-case words, before a content "
        "word ('aprovaram A reforma', not 'grupo A de'); in German also before a noun, except the nominative "
        "articles that begin names ('Der Spiegel')."
    )
    instead = "Lower-case the word ('will begin between Moscow'), or restore the full stop that was lost."
    examples = (
        Example("Any deployment of troops will begin Between Moscow and the military alliance."),
        Example("There is no agreement about sending troops, But nothing can be ruled out."),
        Example("The French President uses A strategy to improve its image."),
        Example("NATO Secretary General Denied any presence of troops in Ukraine."),
    )
    counter_examples = (
        Example("French President Emmanuel Macron met NATO leaders in Kyiv and The Hague in May."),
        Example("He said: The war must end. Secretary General Jens Stoltenberg agreed with Theresa May."),
        Example("Macron Announces Coalition To Send Ammunition To Kiev"),
        Example("The report was published by The New York Times, according to the United States."),
    )
    languages = LANGS

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.courtesy_form(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if ctx.doc_lang != "en":
            yield from _closed_class_capitals(ctx)
            return
        if _is_headline(text):
            return
        words = list(WORD.finditer(text))
        view = doc_view(ctx)
        for m in words:
            word = m.group()
            if not (is_title(word) or word == "A"):
                continue
            if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-‐'’@#_/&.+"):
                continue
            if starts_clause(text, m.start()):
                continue
            reason = self._reason(text, m, view)
            if reason:
                yield Hit(m.start(), m.end(), f"'{word}' capitalised mid-sentence ({reason})")

    @staticmethod
    def _reason(text: str, m: re.Match[str], view: DocView) -> str | None:
        word = m.group()
        low = word.lower()
        prev = previous_word(text, m.start())
        nxt = next_word(text, m.end())
        prev_low = prev is not None and (is_lower(prev.group()) or _capital_by_position(text, prev))
        next_low = (nxt is not None and is_lower(nxt.group())) or re.match(r"\s+\d", text[m.end() :]) is not None
        next_title = nxt is not None and nxt.group()[0].isupper()
        if low in FUNCTION_WORDS and low not in AMBIGUOUS_CAPITALS and low not in MONTHS_AND_DAYS:
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
        if next_title or view.title_mid[word] > 1:
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


def _closed_class_capitals(ctx: RuleContext) -> Iterator[Hit]:
    """Any language: a Title-case closed-class word between two words, not at a clause start ('acuerdo
    Entre ambos', 'Ende Nach der Wahl'). Only closed-class words count, so German nouns are never flagged.
    The previous word is lower-case, a Title-case noun (German), a closed-class word capitalised as the
    sentence's first, or a name (then not before an article, pronoun or name particle)."""
    text, lang = ctx.text, ctx.doc_lang
    vocab = closed_class(lang)
    if not vocab or (lang != "de" and _is_headline_in(text, vocab)):  # German capitalises every noun
        return
    view = doc_view(ctx)
    for m in WORD.finditer(text):
        word = m.group()
        letter = len(word) == 1 and word.isupper()  # "aprovaram A reforma", "закон В первом чтении"
        if not (is_title(word) or letter) or word.lower() not in vocab or view.title_mid[word] > 1:
            continue
        if (m.start() > 0 and not text[m.start() - 1].isspace()) or starts_clause(text, m.start()):
            continue
        prev, nxt = previous_word(text, m.start()), next_word(text, m.end())
        if prev is None:
            continue
        if letter:
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
            pass  # "acuerdo Entre ambos", "crescita Dello 0,7%"
        elif lang == "de" and is_title(previous):
            if previous.lower() in vocab:
                continue  # "Von Der ..." title chains
        elif starts_clause(text, prev.start()) and previous.lower() in vocab:
            pass  # the previous word is capitalised only as the sentence's first: "Selon Le ministère"
        elif not before_plain or low in NAME_PARTICLES or low in _ARTICLES_ANY or low in _PRONOUNS_ANY:
            continue  # after a name: "Pedro De la Fuente", "Real Madrid La ..." may be names
        elif starts_clause(text, prev.start()):
            continue  # the sentence's first word: "Pedro", "Madrid"
        yield Hit(m.start(), m.end(), f"'{word}' capitalised mid-sentence (a closed-class word of '{lang}')")


_NUMBER_NEXT = re.compile(r"\s+\d")
# Articles and pronouns of the languages served: after a name ("Giorgia Meloni Ha detto" is an error),
# they may start another name or a title, so only other closed-class words are flagged there.
_ARTICLE_LANGS = ("es", "fr", "it", "pt", "nl", "de")
_ARTICLES_ANY = frozenset().union(*(language(code).articles for code in _ARTICLE_LANGS))
_PRONOUNS_ANY = frozenset().union(*(language(code).pronouns for code in _ARTICLE_LANGS))


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
    return starts_clause(text, word.start()) and (low in FUNCTION_WORDS or low == "according" or low.endswith("ly"))


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


_BULLET_START = re.compile(r"^\s*(?:[-•*–—·>]|\d{1,2}[.)])")


class LowercaseSentenceStart(SurfaceRule):
    code = "S105"
    name = "lowercase-sentence-start"
    severity = Severity.WARNING
    summary = "A sentence or a line that starts with a lower-case word: 'jens stoltenberg,', 'office of Italy’s'."
    why = (
        "A lower-case start marks a sentence split in the wrong place, a name that lost its capitals, or the "
        "tail of a sentence whose beginning went elsewhere."
    )
    instead = "Capitalise the first word ('Jens Stoltenberg'), or join the piece to the sentence it belongs to."
    examples = (
        Example("“There are no plans to send troops,” he said. jens stoltenberg,"),
        Example("office of Italy’s Prime Minister Giorgia Meloni declared its position."),
    )
    counter_examples = (
        Example("iPhone sales fell. eBay and von der Leyen agreed."),
        Example("The measures include:\n- more shells\n- training. The price is approx. five euros... and more."),
        Example("Wait... what happened? @macron posted it at www.example.com today."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.lowercase_start_explained(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        m = WORD.search(text)
        if m is None or not is_lower(m.group()) or any(ch.isalnum() for ch in text[: m.start()]):
            return
        word = m.group()
        if any(ch.isupper() for ch in word[1:]) or self._name_particle(word.lower(), ctx.doc_lang):
            return  # "iPhone", "eBay"; "von der Leyen", "de Gaulle"
        if _BULLET_START.match(text) or "`" in text[: m.start()] or _looks_like_code(text, m.start(), m.end()):
            return
        if len(word) <= 3 and text[m.end() : m.end() + 1] in (")", "."):
            return  # "a)", "iv." list markers
        if self._continues_previous(ctx):
            return
        yield Hit(m.start(), m.end(), f"starts with lower-case '{word}'")

    @staticmethod
    def _name_particle(low: str, lang: str) -> bool:
        """'von', 'de': a name particle; outside English not the language's own articles ('el', 'la', 'der')."""
        return low in NAME_PARTICLES and (lang == "en" or low not in closed_class(lang))

    @staticmethod
    def _continues_previous(ctx: RuleContext) -> bool:
        """The previous sentence does not end a sentence: a colon, a comma, an ellipsis, an abbreviation."""
        prev = ctx.prev
        if prev is None:
            return False
        tail = prev.text.rstrip().rstrip(CLOSING_PUNCT + '"')
        if ctx.document.text.count("\n", prev.end, ctx.sentence.start) >= 2:
            return tail.endswith(":")  # after a blank line only a list after a colon goes on in lower case
        if not tail.endswith((".", "!", "?")) or tail.endswith(("..", "…")):
            return True  # the same paragraph, or the next line of a hard-wrapped one
        if tail.endswith("."):
            last = tail[:-1].rsplit(None, 1)[-1] if tail[:-1].split() else ""
            if last.lower().lstrip("(") in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", last):
                return True
        return False


_DOUBLE_MARKS = re.compile(
    r",[ \t]*,|;[ \t]*;|:[ \t]+:|[,;:][ \t]*\.(?!\.)|(?<![.\d])\.\.(?![./\d])|(?<![.\s])\.[ \t]+\.(?![ \t]*\.)"
    r"|¿[ \t]*¿|¡[ \t]*¡"  # Spanish opening marks doubled: "¿¿Llegarán"
)
_ONLY_PUNCT = re.compile(r"^[\s.,;:!?]+$")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\W_])[ \t]+[,.](?=[ \t]|$)")  # "industry , and", "in Turkey ."
# "“ He esperado", "( el lunes", "¿ Qué": an opening mark, then a space before the word it opens. Not
# « (French spaces it: « nous »), and “ only where it opens a quotation (German „…“ closes with it).
_SPACE_AFTER_OPENER = re.compile(r"(?:^|(?<=\s))([“(\[¿¡])[ \t]+(?=[^\W_])")


class DoubledPunctuation(SurfaceRule):
    code = "S106"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    summary = "Doubled or stray punctuation: 'Russia. .', 'troops,, and', a sentence that is only a full stop."
    why = (
        "Doubled marks are what is left when a translation engine or an editor moved a clause and kept both "
        "ends. A full stop on its own becomes a sentence of its own in every downstream tool."
    )
    instead = "Keep one mark: 'Russia.', 'troops, and'. An ellipsis ('...') and '?!' are fine."
    examples = (
        Example("Macron spoke about the war against Russia. ."),
        Example("The allies,, including France, agreed."),
        Example("The talks ended without a deal,."),
        Example("Exports rose in the region , and imports fell ."),
        Example("“ I have waited twenty years for this,” she said."),
    )
    counter_examples = (
        Example("Wait... what? Really?! He paused. . . and went on."),
        Example("Le président a déclaré : « nous ne céderons pas »."),
        Example("Apple Inc., the U.S. firm, sold 1.5 million units, etc."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx) and not unit_policy.marks_from_source(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if _ONLY_PUNCT.match(text) and text.strip() not in ("...", "…"):
            after = " after the previous sentence" if ctx.prev is not None else ""
            yield Hit(0, len(text), f"stray '{text.strip()}'{after}")
            return
        for m in _DOUBLE_MARKS.finditer(text):
            yield Hit(m.start(), m.end(), f"doubled punctuation '{m.group()}'")
        for m in _SPACE_BEFORE_MARK.finditer(text):
            yield Hit(m.start(), m.end(), f"stray space before '{m.group().strip()}'")
        for m in _SPACE_AFTER_OPENER.finditer(text):
            if m.group(1) == "“" and language(ctx.doc_lang).quote_roles.get("“") != OPEN:
                continue
            yield Hit(m.start(), m.end(), f"stray space after '{m.group(1)}'")


class UnbalancedQuotes(SurfaceRule):
    code = "S107"
    name = "unbalanced-quotes"
    severity = Severity.WARNING
    summary = "A double quote with no partner in its paragraph: a quotation never closed, or closed twice."
    why = (
        "Translations that reorder a quotation lose one of its marks, or add a closing mark to a fragment "
        "that was split off. The reader no longer knows who says what."
    )
    instead = (
        "Open and close every quotation in the same paragraph. A quotation running over several paragraphs "
        "may leave a paragraph open when the next one starts with an opening quote."
    )
    examples = (
        Example("Lavrov also said: “It seems to me that people need to open their minds.” Should be used.”\n\nNo."),
        Example("“We are not planning large-scale deployment of troops. The UK trains Ukrainian troops.\n\nNext line."),
        Example("“Today there is no agreement. “We will do everything possible,” he said."),
    )
    counter_examples = (
        Example("“Logistics should be destroyed. Places where drones are made,” says Sichen."),
        Example("“The first part of a long quotation ends here.\n\n“And it goes on in the next paragraph.”"),
        Example('They spoke of "helmets and sleeping bags," and now of "missiles and tanks.”'),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        start = ctx.sentence.start
        for orphan in doc_view(ctx).quote_orphans[ctx.index]:
            what = {
                "unopened": "closes a quotation that was never opened",
                "unclosed": "is not closed before the next quotation opens",
            }.get(orphan.kind, "is never closed")
            yield Hit(orphan.pos - start, orphan.pos - start + 1, f"quote {orphan.char} {what}")


class UnbalancedBrackets(SurfaceRule):
    code = "S108"
    name = "unbalanced-brackets"
    severity = Severity.WARNING
    summary = "A bracket with no partner in its paragraph: '(of conflict' with no ')'."
    why = "A lost bracket changes what the parenthesis covers; it usually marks text dropped or moved in translation."
    instead = "Close every bracket in the paragraph it opens in. List markers like '1)' and 'a)' are fine."
    examples = (
        Example("We should talk about the inevitability (of conflict. This is how we see it."),
        Example("The missile has a range of 300 km) and high accuracy."),
    )
    counter_examples = (
        Example("The ATACMS (Army TACtical Missile System) was delivered [in secret]."),
        Example("Two options: a) talks, b) more weapons. He smiled :) and left."),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        start = ctx.sentence.start
        for orphan in doc_view(ctx).bracket_orphans[ctx.index]:
            what = "closes nothing" if orphan.kind == "unopened" else "is never closed"
            yield Hit(orphan.pos - start, orphan.pos - start + 1, f"bracket {orphan.char} {what}")


_DOUBLED_WORD = re.compile(r"\b([^\W\d_]+)[ \t]+(\1)\b(?![-'’])", re.IGNORECASE)


class DoubledWord(SurfaceRule):
    code = "S109"
    name = "doubled-word"
    severity = Severity.WARNING
    summary = "The same word twice in a row: 'the the', 'to to', 'de de', 'und und'."
    why = "A doubled word is a slip that a translation engine copies faithfully and a reader notices at once."
    instead = "Drop one. Deliberate doubles ('had had', 'that that') and names ('Bora Bora') are not flagged."
    examples = (
        Example("The leaders discussed the the possibility of sending troops."),
        Example("France wants to to supply missiles."),
    )
    counter_examples = (
        Example("He had had enough, and he said that that was final."),
        Example("They flew to Bora Bora and Walla Walla."),
    )
    languages = LANGS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        lang = ctx.doc_lang
        deliberate = language(lang).deliberate_doubles  # "nous nous sommes", "die die Wahl gewann"
        grammar = FUNCTION_WORDS if lang == "en" else closed_class(lang)
        for m in _DOUBLED_WORD.finditer(ctx.text):
            first, second = m.group(1), m.group(2)
            if first.lower() in deliberate or (
                second[0].isupper() and first.lower() not in grammar and len(first) < 7
            ):
                continue  # names double short words ("Fang Fang", "Bora Bora"); not "The The", "Republic Republic"
            yield Hit(m.start(), m.end(), f"'{first.lower()}' twice in a row")


RULES = (
    RunTogetherWords(),
    MissingSpaceAtQuote(),
    MissingSpaceAfterPunctuation(),
    MidSentenceCapital(),
    LowercaseSentenceStart(),
    DoubledPunctuation(),
    UnbalancedQuotes(),
    UnbalancedBrackets(),
    DoubledWord(),
)
