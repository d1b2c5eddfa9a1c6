"""Which names of a sentence a real engine lost in its round trips (R403's evidence).

Measured on real Apertium round trips (benchmarks/roundtrip_quality.py), a name an engine changes
on clean text is usually one of: a name that is also a word, translated on one leg and not back
("Mark Rutte" -> "Marca", "Duda" -> "Doubt", "Cape Town" -> "City of Cape"); an acronym expanded
("US" -> "USA"); a capitalised function word ("Between", "About"); or one pivot's own accident. So a
name counts as lost only when, in the round trips:

- neither the back-translation nor the pivot text has it (a name copied into the pivot survived
  the forward leg: what the backward leg makes of it is the engine's doing, not the text's);
- for an ALL-CAPS name, no ALL-CAPS back word starts with it ("US" -> "USA") and no run of
  capitalised back words spells it ("UK" -> "United Kingdom");
- it is lost through at least two pivots, when the sentence went through two or more;
- it is not a closed-class word of the document language, nor a word English capitalises by
  convention (months, days, compass points);
- no other part of the same name survived (parts joined by whitespace, a hyphen, of/for/de/del/la/
  der/des/du/di or capitalised function words): "Doctors Without Borders" -> "Doctors Without
  Brinks" is a kept name, partly translated;
- in a byline or a segment under four words, it is not a common word of the document language
  (wordfreq Zipf at least 4, and more common there than in English): such a line capitalises its
  words by convention ("Por Redacción" -> "By Editorial" -> "Por Editorial"), and the defects the
  rule is after (glued or broken words) are not common words;
- in capitals, it is not a word written in capitals: one whose lower-case form the document
  language's Apertium analyser knows, as common words only (no name ``<np>``, no acronym ``<acr>``,
  as written or in lower case). A manual page's placeholders (nl COMMANDO, fr CIBLE, it NOTE) are
  words of its language, which the engine translates as words (COMMANDO -> BEVEL); a name or an
  acronym is unknown to the analyser (LIGA) or read as one (NATO: ``<acr>``; "nato" alone is an
  Italian participle). wordfreq cannot tell them apart (nato and commando both Zipf 4.0).

A pivot identical to the original (no translation at all) is no evidence that a name survived.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from translate_cmp.lang.analyser import readings
from translate_cmp.lang.furniture import is_byline
from translate_cmp.lang.lexicon import NAME_CONNECTORS
from translate_cmp.lang.profile import language
from translate_cmp.lang.wordlists import closed_class, is_real_word
from translate_cmp.records import RoundTrip

_PART = re.compile(r"[^\W_]+")

Span = tuple[int, int, str]



SHORT_SEGMENT_WORDS = 4  # fewer words than this: a heading, a credit or a byline, capitalised by convention
COMMON_ZIPF = 4.0


def conventional_capitals(text: str, lang: str) -> frozenset[str]:
    """Capitalised words of a byline or a very short segment that are common words of ``lang``
    ("Redacción" in "Por Redacción"): capitalised there by convention, not as names."""
    parts = _PART.findall(text)
    if len(parts) >= SHORT_SEGMENT_WORDS and not is_byline(text.strip(), lang):
        return frozenset()
    return frozenset(w for w in parts if w[0].isupper() and is_real_word(w, lang, COMMON_ZIPF))


_NAME_TAGS = ("<np>", "<acr>")


def words_in_capitals(words: Sequence[str], lang: str) -> frozenset[str]:
    """The ALL-CAPS ``words`` that are words of ``lang`` written in capitals (COMMANDO, CIBLE), not names or
    acronyms: the analyser reads the lower-case form as common words only, and neither form as a name (``<np>``)
    or an acronym (``<acr>``). Empty where ``lang`` has no analyser installed."""
    caps = [w for w in dict.fromkeys(words) if len(w) > 1 and w.isupper()]
    if not caps:
        return frozenset()
    read = readings([*caps, *(w.lower() for w in caps)], lang)

    def common(reading: tuple[str, ...]) -> bool:
        return bool(reading) and not any(tag in r for r in reading for tag in _NAME_TAGS)

    return frozenset(w for w in caps if common(read[w.lower()])
                     and not any(tag in r for r in read[w] for tag in _NAME_TAGS))


def _words(text: str) -> list[str]:
    return _PART.findall(text)


# Cost bound: a name is compared by spelling (``kept``) only with the distinct words of a window this
# wide around its place in the other text (proportional position); exact matches count anywhere.
# Sentences shorter than the window compare with every word, as before; long ones stay linear.
WINDOW_WORDS = 200
_MAX_ACRONYM = 24  # longest ALL-CAPS name looked up in the precomputed initials


def acronym_kept(name: str, back_words: Sequence[str]) -> bool:
    """An ALL-CAPS name survives when an ALL-CAPS back word starts with it ("US" -> "USA") or capitalised
    back words spell it ("UK" -> "United Kingdom")."""
    return _Words(list(back_words)).acronym(name)


class _Words:
    """The words of one text, indexed once so that each name costs about the same however long the
    text is (was: every name rescanned every word, quadratic in a long sentence)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.lower = [w.lower() for w in words]
        self.lower_set = frozenset(self.lower)
        self._prefixes: set[str] | None = None
        self._initials: str | None = None
        self._spelled: set[str] | None = None

    def near(self, where: float) -> list[str]:
        """The distinct lower-case words of the window around relative position ``where`` (0..1)."""
        if len(self.lower) <= WINDOW_WORDS:
            return list(dict.fromkeys(self.lower))
        mid = int(where * len(self.lower))
        lo = max(0, min(mid - WINDOW_WORDS // 2, len(self.lower) - WINDOW_WORDS))
        return list(dict.fromkeys(self.lower[lo:lo + WINDOW_WORDS]))

    def acronym(self, name: str) -> bool:
        if not name.isupper() or len(name) < 2:
            return False
        if self._prefixes is None:
            self._prefixes = {w[:k] for w in self.words if w.isupper()
                              for k in range(2, min(len(w), _MAX_ACRONYM) + 1)}
            capitals = [w for w in self.words if w.lower() not in NAME_CONNECTORS]
            self._initials = "".join(w[0] if w[0].isupper() else " " for w in capitals)
            self._spelled = {run[i:j] for run in self._initials.split(" ")
                             for i in range(len(run)) for j in range(i + 2, min(len(run), i + _MAX_ACRONYM) + 1)}
        if len(name) <= _MAX_ACRONYM:
            return name in self._prefixes or name in (self._spelled or set())
        return any(w.isupper() and w.startswith(name) for w in self.words) or name in (self._initials or "")


class TripIndex:
    """One round trip's back-translation and pivot words, indexed for :func:`survives`."""

    def __init__(self, trip: RoundTrip, original: str) -> None:
        self.back = _Words(_words(trip.back_text))
        # A pivot identical to the original is no translation: it carries no evidence.
        self.pivot = _Words(_words(trip.pivot_text)) if trip.pivot_text.strip() != original.strip() else None


def _kept_in(name: str, words: _Words, where: float, kept: Callable[[str, Sequence[str]], bool]) -> bool:
    return name.lower() in words.lower_set or kept(name, words.near(where))


def survives(name: str, trip: RoundTrip | TripIndex, original: str,
             kept: Callable[[str, Sequence[str]], bool], where: float = 0.0) -> bool:
    """``name`` is in the back-translation or in the pivot text (``kept`` decides what matches; it sees
    the words near relative position ``where`` of a long text, every word of a short one).

    A pivot identical to the original is no translation: it carries no evidence.
    """
    index = trip if isinstance(trip, TripIndex) else TripIndex(trip, original)
    if _kept_in(name, index.back, where, kept) or index.back.acronym(name):
        return True
    return index.pivot is not None and _kept_in(name, index.pivot, where, kept)


def _joined(text: str, left: Span, right: Span, skipped: set[int]) -> bool:
    """Two capitalised words of one name: only whitespace, a hyphen, a connector or capitalised
    function words ("Doctors Without Borders") between them."""
    gap = text[left[1]:right[0]]
    if not gap.strip() or gap == "-":
        return True
    if not (gap.startswith(" ") and gap.endswith(" ")):
        return False
    inner = list(_PART.finditer(gap))
    return bool(inner) and not _PART.sub("", gap).strip() and all(
        m.group().lower() in NAME_CONNECTORS or left[1] + m.start() in skipped for m in inner)


def name_runs(text: str, candidates: Sequence[Span], skipped: set[int]) -> list[list[Span]]:
    """Candidates grouped into names: runs of words joined as :func:`_joined` says."""
    runs: list[list[Span]] = []
    for span in candidates:
        if runs and _joined(text, runs[-1][-1], span, skipped):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def lost_names(text: str, candidates: Sequence[Span], trips: Sequence[RoundTrip], lang: str,
               kept: Callable[[str, Sequence[str]], bool]) -> list[Span]:
    """The ``candidates`` (capitalised words of ``text``) that the round ``trips`` lost, by the rules above.

    Capitalised words that are not candidates (capitalised by position: "Doctors Without Borders" at
    the start, "Military-Law") still belong to a name: when one survives, so does its name.
    """
    ignored = closed_class(lang) | language(lang).conventional_capitals
    common = conventional_capitals(text, lang) | words_in_capitals([c[2] for c in candidates], lang)
    candidates = [c for c in candidates if c[2] not in common]
    reported = {c[0] for c in candidates}
    capitals = [(m.start(), m.end(), m.group()) for m in _PART.finditer(text)
                if m.group()[0].isupper() and (len(m.group()) > 1 or m.start() in reported)]
    parts = [c for c in capitals if c[2].lower() not in ignored]
    skipped = {c[0] for c in capitals if c[2].lower() in ignored}
    need = min(2, len(trips))
    indexes = [TripIndex(t, text) for t in trips]
    size = max(len(text), 1)
    # positions on a grid a quarter window apart: a name seen again in the same stretch is decided once
    steps = max(1, 4 * len(_PART.findall(text)) // WINDOW_WORDS)
    memo: dict[tuple[str, int], bool] = {}

    def lost_in(c: Span) -> bool:
        key = (c[2], c[0] * steps // size)
        if key not in memo:
            where = (key[1] + 0.5) / steps
            memo[key] = sum(not survives(c[2], t, text, kept, where) for t in indexes) >= need
        return memo[key]

    out = []
    for run in name_runs(text, parts, skipped):
        lost = [c for c in run if lost_in(c)]
        if len(lost) == len(run):  # a name with one surviving part survived, partly translated
            out.extend(c for c in lost if c[0] in reported)
    return out
