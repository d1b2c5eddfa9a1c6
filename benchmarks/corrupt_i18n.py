"""Seeded synthetic corruptions of clean sentences in es, de, fr, pt, it, nl and ru.

The multilingual counterpart of corrupt.py (English): each maker injects one artefact into one clean
sentence, the way a broken MT engine, segmenter or scraper leaves it in that language, and returns
the corrupted text with the character span of the artefact.

Kinds:

- ``joined-words``: a word and the next lose their space and the second gets a capital, preferring a
  capitalised word (a name) and a junction at an accented or non-Latin letter
  (``Pedro Sánchez dijo`` -> ``Pedro SánchezDijo``, ``Nancy Faeser erklärte`` -> ``Nancy FaeserErklärte``).
- ``moved-capital``: a closed-class word of the language (``translate_cmp.lang.wordlists.closed_class``)
  capitalised mid-sentence (``acuerdo entre ambos`` -> ``acuerdo Entre ambos``, ``Ende nach`` -> ``Ende Nach``).
- ``lowercase-start``: the sentence's first letter in lower case (``el Gobierno aprobó``).
- ``one-word-fragment``: a closed-class word of the sentence, capitalised, left as a sentence of its own
  after it (``... tanto. Fue.``); the last word is split off when it is itself closed-class
  (``... fortgesetzt. Werden.``). Words that make a sentence on purpose ("Ja.", "Sí.") are never used.
- ``doubled-punctuation``: a doubled comma, a stray full stop after the end, a space before a comma, a
  comma before the final stop; in Spanish also a doubled ``¿``/``¡``, in French a doubled ``;`` or ``:``
  (the space French puts before ``; : ! ?`` and inside ``« »`` is correct and never injected).
- ``caption-credit``: a picture credit, caption, byline or link line as news sites of that language print
  them (BBC Mundo, DW, Le Monde, Folha, Corriere, NOS, RIA Novosti and their like), on its own line.
- ``doubled-word``: a word repeated (``el el``), never one the language doubles on purpose.
- ``foreign-sentence``: a clean sentence in another language (another article, or English) left
  untranslated after the sentence.

Deterministic: the same sentences, language and seed give the same corruptions on every machine.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corrupt import Corruption  # noqa: E402
from corrupt import _words as corrupt_words  # noqa: E402

from translate_cmp.lang.wordlists import closed_class, deliberate_one_word  # noqa: E402

LANGS = ("es", "de", "fr", "pt", "it", "nl", "ru")

KINDS = (
    "joined-words",
    "moved-capital",
    "lowercase-start",
    "one-word-fragment",
    "doubled-punctuation",
    "caption-credit",
    "doubled-word",
    "foreign-sentence",
)

# Caption, credit, byline and link lines, written for this benchmark after the way each language's big
# news sites print them (not copied from any page).
CAPTIONS: dict[str, tuple[str, ...]] = {
    "es": (
        "Fuente de la imagen, EFE",
        "Pie de foto, Manifestantes frente al Congreso de los Diputados",
        "Foto: EFE/Juan Carlos Hidalgo",
        "Lee también: Las claves del nuevo plan del Gobierno",
        "Por Redacción BBC News Mundo",
        "Suscríbete a nuestro boletín",
        "Publicidad",
    ),
    "de": (
        "Bildquelle: picture alliance/dpa",
        "Bildunterschrift: Demonstranten vor dem Bundestag in Berlin",
        "Foto: dpa",
        "Lesen Sie auch: Was das neue Gesetz für Mieter bedeutet",
        "Mehr zum Thema",
        "Anzeige",
        "Von unserer Redaktion",
    ),
    "fr": (
        "Crédit photo : Reuters",
        "Légende de l'image : Des manifestants devant l'Assemblée nationale",
        "Photo : AFP",
        "Lire aussi : Les clés de la réforme des retraites",
        "Publicité",
        "Par notre correspondant à Bruxelles",
        "Abonnez-vous à notre newsletter",
    ),
    "pt": (
        "Crédito da foto, Reuters",
        "Legenda da foto, Manifestantes em frente ao Congresso Nacional",
        "Foto: Agência Brasil",
        "Leia também: O que muda com o novo plano",
        "Publicidade",
        "Por Redação",
        "Assine a nossa newsletter",
    ),
    "it": (
        "Foto: ANSA",
        "Didascalia: Manifestanti davanti a Montecitorio",
        "Credit: LaPresse",
        "Leggi anche: Cosa cambia con la riforma",
        "Pubblicità",
        "Di Redazione",
        "Iscriviti alla newsletter",
    ),
    "nl": (
        "Foto: ANP",
        "Beeld: ANP / Remko de Waal",
        "Bijschrift: Demonstranten bij het Binnenhof",
        "Lees ook: Wat het plan betekent voor huurders",
        "Advertentie",
        "Door onze redactie",
        "Schrijf je in voor onze nieuwsbrief",
    ),
    "ru": (
        "Фото: РИА Новости",
        "Фото: ТАСС",
        "Подпись к фото, Протестующие у здания парламента",
        "Читайте также: Что изменится с нового года",
        "Реклама",
        "Автор: Иван Петров",
        "Подписывайтесь на наш канал",
    ),
}

# Untranslated English leftovers (written for this benchmark); other-language sentences come from the
# other articles.
ENGLISH_SENTENCES = (
    "The government said the new rules would come into force at the start of next year.",
    "Officials confirmed that the bridge would stay closed for the rest of the week.",
    "The company reported its first loss in a decade and announced hundreds of job cuts.",
    "Police said three people had been taken to hospital after the accident on Sunday.",
)

# Words a language may write twice on purpose ("nous nous", "die die"); never doubled here.
_DELIBERATE_DOUBLES = frozenset({"nous", "vous", "die", "der", "das", "sich", "se", "si", "le", "la", "les", "que",
                                 "che", "ее", "её", "его", "их"})

_WORD = re.compile(r"[^\W\d_]+")
_ACCENTED = re.compile(r"[^a-zA-Z]")


def _words(text: str) -> list[re.Match]:
    """Letter-only words in any script with their offsets, skipping parts of hyphenated, elided or numeric tokens."""
    return corrupt_words(text, _WORD)


def _initial(text: str, pos: int) -> bool:
    head = text[:pos].rstrip()
    return not head or head[-1] in ".!?¿¡:;\"“”„'‘’«»([-—"


def _title(word: str) -> str:
    return word[0].upper() + word[1:]


def _joined(text: str, lang: str, rng: random.Random) -> Corruption | None:
    words = _words(text)
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False)
             if text[a.end():b.start()] == " " and b.group().islower() and len(a.group()) >= 3
             and (a.group().islower() or a.group()[0].isupper() and a.group()[1:].islower())]
    if not pairs:
        return None
    # a name before a lower-case word ("Sánchez dijo") first, then junctions at an accented letter
    names = [p for p in pairs if p[0].group()[0].isupper() and not _initial(text, p[0].start())]
    accented = [p for p in pairs if _ACCENTED.search(p[0].group()[-1] + p[1].group()[0])]
    pool = names or accented or pairs
    a, b = rng.choice(pool)
    joined = a.group() + _title(b.group())
    return Corruption("joined-words", text[: a.start()] + joined + text[b.end():], a.start(), a.start() + len(joined))


def _moved_capital(text: str, lang: str, rng: random.Random) -> Corruption | None:
    closed = closed_class(lang)
    words = [m for m in _words(text) if m.group() in closed and not _initial(text, m.start())]
    if not words:
        return None
    m = rng.choice(words)
    return Corruption("moved-capital", text[: m.start()] + _title(m.group()) + text[m.end():], m.start(), m.end())


def _lowercase_start(text: str, lang: str, rng: random.Random) -> Corruption | None:
    words = _words(text)
    if not words or not _initial(text, words[0].start()) or not words[0].group()[0].isupper():
        return None
    first = words[0]
    if first.group().isupper() and len(first.group()) > 1:
        return None  # an acronym ("ONU") is not lower-cased by a broken split
    low = first.group()[0].lower() + first.group()[1:]
    return Corruption("lowercase-start", text[: first.start()] + low + text[first.end():], first.start(), first.end())


def _fragment(text: str, lang: str, rng: random.Random) -> Corruption | None:
    words = _words(text)
    if len(words) < 5 or not text.endswith("."):
        return None
    closed, deliberate = closed_class(lang), deliberate_one_word(lang)
    usable = [m for m in words[1:] if m.group() in closed and m.group() not in deliberate and len(m.group()) >= 2]
    if not usable:
        return None
    last = words[-1]
    if last in usable and text[last.end():] == ".":
        new = f"{text[: last.start()].rstrip()}. {_title(last.group())}."
    else:
        new = f"{text} {_title(rng.choice(usable).group())}."
    return Corruption("one-word-fragment", new, new.rfind(" ") + 1, len(new))


def _doubled_punctuation(text: str, lang: str, rng: random.Random) -> Corruption | None:
    options: list[Callable[[], Corruption]] = []
    kind = "doubled-punctuation"
    if text.endswith("."):
        options.append(lambda: Corruption(kind, text + " .", len(text), len(text) + 2))
        options.append(lambda: Corruption(kind, text[:-1] + ",.", len(text) - 1, len(text) + 1))
    commas = [m.start() + 1 for m in re.finditer(r"[^\W\d_], [^\W\d_]", text)]
    if commas:
        at = rng.choice(commas)
        options.append(lambda at=at: Corruption(kind, text[:at] + "," + text[at:], at, at + 2))
        options.append(lambda at=at: Corruption(kind, text[:at] + " " + text[at:], at, at + 2))
    if lang == "es":
        for mark in "¿¡":
            at = text.find(mark)
            if at >= 0:
                options.append(lambda at=at, mark=mark: Corruption(kind, text[:at] + mark + text[at:], at, at + 2))
    if lang == "fr":
        for m in re.finditer(r" [;:] ", text):  # "choix ; ils" -> "choix ; ; ils"
            at, mark = m.start() + 2, m.group()[1]
            options.append(lambda at=at, mark=mark: Corruption(kind, f"{text[:at]} {mark}{text[at:]}", at - 1, at + 2))
    if not options:
        return None
    return rng.choice(options)()


def _caption(text: str, lang: str, rng: random.Random) -> Corruption | None:
    line = rng.choice(CAPTIONS[lang])
    new = f"{text}\n{line}"
    return Corruption("caption-credit", new, len(text) + 1, len(new))


def _doubled_word(text: str, lang: str, rng: random.Random) -> Corruption | None:
    words = [m for m in _words(text) if m.group().lower() not in _DELIBERATE_DOUBLES and len(m.group()) > 1]
    if not words:
        return None
    m = rng.choice(words)
    new = text[: m.end()] + " " + m.group() + text[m.end():]
    return Corruption("doubled-word", new, m.start(), m.end() + 1 + len(m.group()))


def _foreign(text: str, lang: str, rng: random.Random, pool: Sequence[str]) -> Corruption | None:
    if not pool:
        return None
    foreign = rng.choice(pool)
    joint = " " if re.search(r"[.!?][\"”’»)]?$", text) else "\n"
    new = f"{text}{joint}{foreign}"
    return Corruption("foreign-sentence", new, len(text) + 1, len(new))


MAKERS: dict[str, Callable[[str, str, random.Random], Corruption | None]] = {
    "joined-words": _joined,
    "moved-capital": _moved_capital,
    "lowercase-start": _lowercase_start,
    "one-word-fragment": _fragment,
    "doubled-punctuation": _doubled_punctuation,
    "caption-credit": _caption,
    "doubled-word": _doubled_word,
}


def corrupt(text: str, lang: str, kind: str, rng: random.Random,
            foreign_pool: Sequence[str] = ENGLISH_SENTENCES) -> Corruption | None:
    """One artefact of ``kind`` injected into the ``lang`` sentence ``text``, or None where it has no place."""
    if kind == "foreign-sentence":
        return _foreign(text, lang, rng, foreign_pool)
    return MAKERS[kind](text, lang, rng)


def corruptions(
    sentences: Sequence[str], lang: str, seed: int = 13, kinds: Sequence[str] = KINDS,
    foreign_pool: Sequence[str] = ENGLISH_SENTENCES,
) -> Iterator[tuple[int, Corruption]]:
    """``(sentence index, corruption)`` for every sentence and kind; each pair has its own seeded generator."""
    for i, text in enumerate(sentences):
        for k, kind in enumerate(kinds):
            found = corrupt(text, lang, kind, random.Random(f"{seed}:{lang}:{i}:{k}"), foreign_pool)
            if found is not None:
                yield i, found
