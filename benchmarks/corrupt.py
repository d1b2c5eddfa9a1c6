"""Seeded synthetic corruptions: inject one known artefact into a clean sentence.

Each kind imitates an artefact seen in machine-translated articles (see the artefact taxonomy in
DESIGN.md); every corrupted copy carries exactly one artefact and the character span where it was
put, so a benchmark can check that the expected rule fires *there*.

Kinds (and how each is made):

- ``joined-words``: two neighbouring words lose their space and the second gets a capital
  (``troops Macron`` -> ``troopsMacron``, ``Scholz said`` -> ``ScholzSaid``).
- ``moved-capital``: a lower-case function word inside the sentence gets a capital
  (``begin between Moscow`` -> ``begin Between Moscow``).
- ``split-fragment``: the sentence is broken before its last word, which becomes a one-word
  sentence (``direct conflict.`` -> ``direct. Conflict.``).
- ``doubled-word``: a word is repeated (``the the``).
- ``stray-punctuation``: a stray full stop after the end (``Russia. .``), a doubled comma (``,,``)
  or a space before a comma (``Moscow , and``).
- ``foreign-sentence``: an untranslated sentence in another language follows the sentence (on
  its own line when the sentence is a heading without a final stop).
- ``boilerplate``: a line of scraper or CMS debris (byline, image credit, "read more") follows.

Deterministic: the same sentences and seed give the same corruptions on every machine.
The same kinds for es, de, fr, pt, it, nl and ru, done each language's way: corrupt_i18n.py.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

KINDS = (
    "joined-words",
    "moved-capital",
    "split-fragment",
    "doubled-word",
    "stray-punctuation",
    "foreign-sentence",
    "boilerplate",
)

_FUNCTION_WORDS = (
    "the of and to in for on with at by from about between after before during against into over under "
    "that which while but or as has have had was were is are will would said says also not its their this these "
    "than because since until"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

# Untranslated leftovers: ordinary news sentences in other languages (written for this benchmark).
FOREIGN_SENTENCES = (
    "El gobierno anunció nuevas medidas para proteger a los trabajadores del sector turístico.",
    "Las autoridades locales confirmaron que el puente permanecerá cerrado durante toda la semana.",
    "Le ministre a déclaré que les négociations reprendront au début du mois prochain.",
    "Les habitants de la région ont été invités à rester chez eux jusqu'à nouvel ordre.",
    "Die Regierung will die Steuern für kleine Unternehmen im kommenden Jahr senken.",
    "Nach Angaben der Polizei wurden bei dem Unfall drei Menschen schwer verletzt.",
    "Il presidente ha incontrato i rappresentanti dei sindacati per discutere la riforma.",
    "Secondo gli esperti, i prezzi dell'energia continueranno a salire nei prossimi mesi.",
    "O governo prometeu investir mais dinheiro na saúde pública e na educação.",
    "A empresa informou que os lucros caíram pela primeira vez em dez anos.",
    "De gemeente heeft besloten om het oude stadhuis volgend jaar te renoveren.",
    "Volgens de weerdienst wordt er morgen veel regen en harde wind verwacht.",
)

# Scraper and CMS debris as it appears in scraped articles.
BOILERPLATE = (
    "By admin",
    "Image source, Getty Images",
    "Image caption, Rescue workers at the scene",
    "Read more: The latest news from the region",
    "Share this article",
    "Advertisement",
    "Photo: Reuters",
    "*** Translated by the Newsroom Team ***",
    "Subscribe to our newsletter",
    "Click here to read the full story",
    "Source: Xinhua",
    "date 2023-02-14 image Source, AFP",
)

_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Corruption:
    """A corrupted copy of a sentence: ``text[start:end]`` is the injected artefact."""

    kind: str
    text: str
    start: int
    end: int


def _words(text: str, word: re.Pattern = _WORD) -> list[re.Match]:
    """Purely alphabetic words (``word``; no digits, apostrophes or hyphens inside) with their offsets."""
    out = []
    for m in word.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before in "'-’" or after in "'-’" or before.isdigit() or after.isdigit():
            continue
        out.append(m)
    return out


def _joined(text: str, rng: random.Random) -> Corruption | None:
    words = _words(text)
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False)
             if text[a.end():b.start()] == " " and b.group().islower() and len(a.group()) > 1]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    joined = a.group() + b.group()[0].upper() + b.group()[1:]
    return Corruption("joined-words", text[: a.start()] + joined + text[b.end():], a.start(), a.start() + len(joined))


def _sentence_initial(text: str, pos: int) -> bool:
    head = text[:pos].rstrip()
    return not head or head[-1] in ".!?:;\"“”'‘’([-—"


def _moved_capital(text: str, rng: random.Random) -> Corruption | None:
    words = [m for m in _words(text) if m.group() in FUNCTION_WORDS and not _sentence_initial(text, m.start())]
    if not words:
        return None
    m = rng.choice(words)
    word = m.group()[0].upper() + m.group()[1:]
    return Corruption("moved-capital", text[: m.start()] + word + text[m.end():], m.start(), m.end())


def _split_fragment(text: str, rng: random.Random) -> Corruption | None:
    match = re.search(r"(\S) ([A-Za-z]{3,})\.$", text)
    if not match or len(_words(text)) < 5:
        return None
    last = match.group(2)
    fragment = last[0].upper() + last[1:] + "."
    head = text[: match.start(2) - 1]
    new = f"{head}. {fragment}"
    return Corruption("split-fragment", new, len(new) - len(fragment), len(new))


def _doubled(text: str, rng: random.Random) -> Corruption | None:
    words = [m for m in _words(text) if m.group().lower() not in ("had", "that") and len(m.group()) > 1]
    if not words:
        return None
    m = rng.choice(words)
    new = text[: m.end()] + " " + m.group() + text[m.end():]
    return Corruption("doubled-word", new, m.start(), m.end() + 1 + len(m.group()))


def _stray_punctuation(text: str, rng: random.Random) -> Corruption | None:
    options: list[Callable[[], Corruption]] = []
    if text.endswith("."):
        options.append(lambda: Corruption("stray-punctuation", text + " .", len(text), len(text) + 2))
    commas = [m.start() for m in re.finditer(r"\w, \w", text)]
    if commas:
        at = rng.choice(commas) + 1
        options.append(lambda: Corruption("stray-punctuation", text[:at] + "," + text[at:], at, at + 2))
        options.append(lambda: Corruption("stray-punctuation", text[:at] + " " + text[at:], at, at + 2))
    if not options:
        return None
    return rng.choice(options)()


def _foreign(text: str, rng: random.Random) -> Corruption | None:
    foreign = rng.choice(FOREIGN_SENTENCES)
    # after a complete sentence it follows on the same line; after a heading (no final stop) on its own line
    joint = " " if re.search(r"[.!?][\"”’)]?$", text) else "\n"
    new = f"{text}{joint}{foreign}"
    return Corruption("foreign-sentence", new, len(text) + 1, len(new))


def _boilerplate(text: str, rng: random.Random) -> Corruption | None:
    line = rng.choice(BOILERPLATE)
    new = f"{text}\n{line}"
    return Corruption("boilerplate", new, len(text) + 1, len(new))


MAKERS: dict[str, Callable[[str, random.Random], Corruption | None]] = {
    "joined-words": _joined,
    "moved-capital": _moved_capital,
    "split-fragment": _split_fragment,
    "doubled-word": _doubled,
    "stray-punctuation": _stray_punctuation,
    "foreign-sentence": _foreign,
    "boilerplate": _boilerplate,
}


def corrupt(text: str, kind: str, rng: random.Random) -> Corruption | None:
    """One artefact of ``kind`` injected into ``text``, or None when the sentence offers no place for it."""
    return MAKERS[kind](text, rng)


def corruptions(
    sentences: Sequence[str], seed: int = 13, kinds: Sequence[str] = KINDS
) -> Iterator[tuple[int, Corruption]]:
    """``(sentence index, corruption)`` for every sentence and kind; each pair has its own seeded generator."""
    for i, text in enumerate(sentences):
        for k, kind in enumerate(kinds):
            found = corrupt(text, kind, random.Random(f"{seed}:{i}:{k}"))
            if found is not None:
                yield i, found
