"""S101 run-together-words: two words written with no space between them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import itemgetter, methodcaller, not_

from translate_cmp.lang.lexicon import FUNCTION_WORDS, GLUE_TAILS, KNOWN_CAMEL
from translate_cmp.lang.tokens import has_frequencies
from translate_cmp.lang.wordlists import closed_class, is_real_word, zipf_at_least
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import looks_like_code
from translate_cmp.rules.text import LETTERS, ascii_words, cased_after_first, is_title, no_capital_inside


class RunTogetherWords(SurfaceRule):
    code = "S101"
    name = "run-together-words"
    severity = Severity.WARNING
    languages = None  # every language written with spaces; English by its word lists, others by their frequencies
    requires = frozenset({"spaced"})
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
        Example("Innenministerin Nancy FaeserErklärte am Montag, es gebe keine Pläne.", lang="de"),
        Example("Le président MacronA déclaré que la France enverrait des munitions.", lang="fr"),
        Example("Quando viene eseguito un nuovo programmaQuando viene creato un processo figlio.", lang="it"),
        Example("Es war so antiWashingtonisch wie es nur geht.", lang="de"),
    )
    counter_examples = (
        Example("She watched the speech on YouTube with her new iPhone at McDonald's."),
        Example("The slides were made in PowerPoint and shared on LinkedIn and eBay."),
        Example("The ATACMS (Army TACtical Missile System) has a range of 300 km."),
        Example("Sie kaufte ein neues iPhone und verkaufte das alte bei eBay.", lang="de"),
        # identifiers: a left part that is no word of the language, more capitals than one word has
        Example("Les lettres rwxXst sélectionnent les bits de mode.", lang="fr"),
        Example("Zusätzlich wird im Verzeichnis devName gesucht, siehe die Ressource brokenLinuxOSC.", lang="de"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not (unit_policy.punctuation_only(ctx) or unit_policy.source_has(ctx, hit))  # a name: "TerMaat"

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        english = ctx.doc_lang == "en"
        text = ctx.text
        if no_capital_inside(text) or not _may_glue(text):
            return  # every finding has a capital inside a word ("troopsMacron", "takenA", "MacronA")
        # only the tokens not all small after their first letter are read (the rest passed over in C; with ASCII
        # letters one scan finds them)
        for m in (_GLUE_TOKEN_ASCII.finditer(text) if ascii_words(text) else _cased_after_first_matches(text)):
            token = m.group()
            if len(token) < 3 or token[1:].islower():
                continue  # every finding below has a capital after the token's first letter (most words have none)
            if not english and _glued_letter(token, ctx.doc_lang) and not looks_like_code(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), f"'{token[:-1]}' and '{token[-1]}' run together")  # "MacronA déclaré"
                continue
            glued_a = english and token[-1] == "A" and _GLUED_ARTICLE.fullmatch(token) is not None
            if glued_a and not looks_like_code(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), f"'{token[:-1]}' and 'A' run together")  # "takenA number"
                continue
            cuts = _junctions(token)
            if not cuts or token.lower() in KNOWN_CAMEL:
                continue
            if len(cuts) > 1 or looks_like_code(text, m.start(), m.end()) or sum(ch.isupper() for ch in token[1:]) > 1:
                continue  # "docSegId", "ReadTheDocs", "wmt23.zhen.<globalSegId>", "brokenLinuxOSC": identifiers
            bounds = [0, *cuts, len(token)]
            for n, cut in enumerate(cuts):
                left, right = token[bounds[n] : cut], token[cut : bounds[n + 2]]
                if (self._glued(left, right, n == 0, english) and (english or _is_word(left, ctx.doc_lang))) or (
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


# in ASCII, a token of three letters or more with a capital after its first letter: the capital after two letters,
# or second and followed by a letter ("troopsMacron", "iPhone", "NATO"; not "EU")
# (asked from the capital, which the scan looks for first: capitals are few, letters many)
_CAPITAL_AFTER_LETTER = re.compile(r"[A-Z](?:(?<=[A-Za-z]{2}[A-Z])|(?<=[A-Za-z][A-Z])(?=[A-Za-z]))")
# in ASCII (where LETTERS' tokens are runs of [A-Za-z]), the whole tokens with a capital after their first letter
_GLUE_TOKEN_ASCII = re.compile(r"(?<![A-Za-z])[A-Za-z][a-z]*[A-Z][A-Za-z]*")


def _may_glue(text: str) -> bool:
    """What every token the loop of :meth:`RunTogetherWords.find` reads holds: three letters or more, not all small
    after the first (a capital, or no cased letter: "Mc" + "Donald", "中国"). In ASCII that is a capital right after a
    letter in such a token, one quick scan; else the tokens are read as strings, with no match objects (most sentences
    have none)."""
    if ascii_words(text):  # its letters are ASCII's (its marks may not be: “, ’)
        return _CAPITAL_AFTER_LETTER.search(text) is not None
    return any(len(token) >= 3 for token in cased_after_first(LETTERS.findall(text)))


def _cased_after_first_matches(text: str) -> Iterator[re.Match[str]]:
    """LETTERS' matches in ``text`` whose letters after the first are not all lower case, in order (the others passed
    over in C)."""
    found = list(LETTERS.finditer(text))
    return compress(found, map(not_, map(str.islower, map(_TAIL, map(_GROUP, found)))))


_GROUP, _TAIL = methodcaller("group"), itemgetter(slice(1, None))
_FREQUENT = 4.0  # Zipf: ten times in a million words
_GLUED_ARTICLE = re.compile(r"[a-z]{2,}A")  # a lower-case word and the article "A": "buildingA", "ofA"


@lru_cache(maxsize=65536)
def _junctions(token: str) -> tuple[int, ...]:
    """Positions in ``token`` where a lower-case letter is followed by ``Xy`` (a Title-case start); remembered per
    token (the tokens the loop reads, "NATO", "ATACMS", "TACtical", come back row after row)."""
    if len(token) < 3 or token[1:].islower():
        return ()  # no upper-case letter after the first: most words of prose, decided in C
    return tuple(
        i
        for i in range(1, len(token) - 1)
        if token[i - 1].islower() and token[i].isupper() and token[i + 1].islower()
    )


def _is_word(left: str, lang: str) -> bool:
    """A capitalised left part is a name; a lower-case one must be a frequent word of the language (ten in a million
    words): "programmaQuando", "antiWashingtonisch", not the identifiers "devName" (dev: 3.3) or "rwxXst"."""
    # (asked of wordfreq's small list, where that decides it: a Zipf of 4 is above its rarest word, so no full list)
    return not left.islower() or zipf_at_least(left, lang, _FREQUENT) or not has_frequencies(lang)


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
