"""The artefact-rule interface: one rule, one stable code, docs in four parts (as ruff does)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from translate_cmp.records import Document, RoundTrip, Scores, Sentence, Severity


@dataclass(frozen=True)
class Example:
    """A short document on which a rule fires (or, as a counter-example, does not).

    ``back`` is the back-translation of the (single-sentence) document, for round-trip rules.
    """

    text: str
    back: str | None = None
    translation: str | None = None  # bilingual (C5xx) examples: the translation of ``text``
    lang: str = "en"  # the document's language: every example runs in its own
    # round-trip examples: what else the engine reported, as RoundTrip fields (forward_score, truncated,
    # surprisal, ...), plus "pivot", "pivot_text", "other_backs" ((pivot, back) of further pivots or engines)
    # and "stats" (DocStats fields of the document); unit (Q6xx) examples: further Unit fields ({"max_width": 6})
    trip: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Hit:
    """What a rule reports: offsets relative to the sentence text, and a message."""

    start: int
    end: int
    message: str


@dataclass(frozen=True)
class DocStats:
    """Per-document figures that rules compare a sentence against."""

    median_chrf: float | None = None
    mad_chrf: float | None = None  # median absolute deviation of chrF
    median_engine_gap: float | None = None  # engines side by side: median spread of their chrF (R410)
    mad_engine_gap: float | None = None


@dataclass(frozen=True)
class Counterpart:
    """Bilingual mode: what the aligner paired with this source sentence in the given translation."""

    kind: str  # link shape, source:translation sentences: "1:1", "1:0", "2:1", "1:2"
    text: str  # the aligned translation sentence(s), joined with a space ("" for 1:0)
    back: str | None = None  # ``text`` translated back into the source language, when an engine could
    added: tuple[str, ...] = ()  # translation sentences with no source counterpart, right after this one
    length_ratio: float = 1.0  # len(text) / len(source sentence), divided by the document's overall ratio


class _FromSentence:
    """What a :class:`RuleContext` reads from its sentence, computed when asked; a value the context holds itself (in
    its ``__dict__``: this descriptor defines no ``__set__``) is read instead."""

    def __init__(self, get):
        self.get = get

    def __get__(self, ctx, owner=None):
        return self if ctx is None else self.get(ctx)


def rule_context(document: Document, doc_lang: str, sentences: Sequence[Sentence], index: int,
                 round_trip: RoundTrip | None, scores: Scores | None, stats: DocStats,
                 extra_round_trips: Sequence[RoundTrip], counterpart: Counterpart | None) -> RuleContext:
    """``RuleContext(...)`` with every field given, and its sentence and text held: the flag stage makes one per
    sentence (the frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``)."""
    ctx = object.__new__(RuleContext)
    sentence = sentences[index]
    ctx.__dict__.update(document=document, doc_lang=doc_lang, sentences=sentences, index=index, round_trip=round_trip,
                        scores=scores, stats=stats, extra_round_trips=extra_round_trips, counterpart=counterpart,
                        sentence=sentence, text=sentence.text)
    return ctx


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at for one sentence."""

    document: Document
    doc_lang: str
    sentences: Sequence[Sentence]  # every sentence of the document, in order
    index: int  # position of this sentence in ``sentences``
    round_trip: RoundTrip | None = None
    scores: Scores | None = None
    stats: DocStats = DocStats()
    extra_round_trips: Sequence[RoundTrip] = ()  # further pivots, when several were asked for
    counterpart: Counterpart | None = None  # bilingual mode only

    # ``sentence`` and ``text``: computed when asked, unless the context holds them already (the flag stage sets
    # both when it makes a context: rules ask for the text many times a sentence)
    sentence: ClassVar[Sentence] = _FromSentence(lambda ctx: ctx.sentences[ctx.index])  # type: ignore[assignment]
    text: ClassVar[str] = _FromSentence(lambda ctx: ctx.sentences[ctx.index].text)  # type: ignore[assignment]

    @property
    def prev(self) -> Sentence | None:
        return self.sentences[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> Sentence | None:
        return self.sentences[self.index + 1] if self.index + 1 < len(self.sentences) else None


class Rule:
    """Base class for artefact rules.

    Subclasses set the class attributes and implement :meth:`check`, which yields :class:`Hit`
    objects with offsets relative to ``ctx.text``. Rules must be precise before they are eager:
    a flag on a clean sentence costs a reviewer time.
    """

    code: ClassVar[str]  # e.g. "S101"; stable, never reused
    name: ClassVar[str]  # kebab-case, e.g. "run-together-words"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line: what it flags
    why: ClassVar[str] = ""  # why it matters
    instead: ClassVar[str] = ""  # what the text should look like instead
    examples: ClassVar[tuple[Example, ...]] = ()  # the rule fires on each
    counter_examples: ClassVar[tuple[Example, ...]] = ()  # the rule stays silent on each
    needs_round_trip: ClassVar[bool] = False
    needs_counterpart: ClassVar[bool] = False  # bilingual (compare) rules: skipped outside compare mode
    reads_unit: ClassVar[bool] = False  # a bilingual rule that also runs on localisation units (their source)
    # a localisation-unit rule (Q6xx): runs only on documents with a ``unit`` (its source against its target);
    # its examples are units: ``text`` the English source, ``translation`` the target, ``lang`` the target's language
    needs_unit: ClassVar[bool] = False
    # The languages it serves: ``languages`` (None: every language) written in a way ``requires`` names
    # ("spaced": words between spaces; "latin": letters in the Latin script; "nouns": where the language writes
    # its nouns with a capital, its Hunspell dictionary, lang/hunspell.py; "analyser": the language's Apertium
    # morphological analyser, lang/analyser.py). The flag stage runs a rule only
    # on documents it serves, and run.json lists what it did not run where; ``translate-cmp rules`` shows both.
    languages: ClassVar[frozenset[str] | None] = None
    requires: ClassVar[frozenset[str]] = frozenset()
    # (source, target): the bilingual lexicon (lang/bilingual) a source-vs-target rule reads; the rule is silent
    # where it is not installed (it asks itself), its tests skip with the reason (tests/helpers_rules.py)
    lexicon_pair: ClassVar[tuple[str, str] | None] = None
    except_languages: ClassVar[frozenset[str]] = frozenset()
    # its evidence is the engine's choice of words (a name or word not given back): with a rule-based
    # engine (RoundTrip.rule_based) that is the engine's dictionary, so its findings are INFO unless a
    # finding of another kind of rule overlaps them (translate_cmp/rules/flag.py)
    engine_choice: ClassVar[bool] = False
    off_for_units: ClassVar[bool] = False  # localisation units (one UI string each): this rule reads articles only

    def check(self, ctx: RuleContext) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError
        yield

    @classmethod
    def serves(cls, lang: str) -> bool:
        """Whether the rule runs on documents in langdetect language ``lang``."""
        fits, needs_dictionary = _serves(cls, lang)
        if needs_dictionary and fits:
            from translate_cmp.lang.hunspell import available

            return available(lang)  # German capitals say nothing without the dictionary that knows its nouns
        return fits

    @classmethod
    def languages_label(cls) -> str:
        """``any``, ``any spaced`` or the codes, as ``translate-cmp rules`` shows them."""
        label = " ".join(["any" if cls.languages is None else " ".join(sorted(cls.languages)),
                          *sorted(cls.requires - {"nouns", "analyser"})])
        if "nouns" in cls.requires:
            from translate_cmp.lang.profile import language

            needs = [f"{code}: with its {language(code).hunspell} Hunspell dictionary"
                     for code in sorted(cls.languages or ()) if language(code).capitalises_nouns]
            label += f" ({'; '.join(needs)})" if needs else ""
        if "analyser" in cls.requires:
            label += " (with the language's Apertium analyser)"
        if cls.lexicon_pair:
            label += f" (from {cls.lexicon_pair[0]}, with a {'-'.join(cls.lexicon_pair)} lexicon)"
        return label + (f" except {' '.join(sorted(cls.except_languages))}" if cls.except_languages else "")

    def configured(self, settings: Any) -> Rule:
        """This rule for a run with ``settings`` (translate_cmp/rules/settings.py: the glossary, the project
        pass's findings); a rule that reads no settings is itself."""
        return self

    @classmethod
    def example_settings(cls) -> Any:
        """The settings the rule's examples run with (its glossary, say), or None."""
        return None

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        """Whether a finding stands on a localisation unit (translate_cmp/rules/unit_policy.py)."""
        return not self.off_for_units

    @property
    def family(self) -> str:
        return self.code[0]


class SurfaceRule(Rule):
    """A rule on the text alone; :meth:`Rule.serves` says on which documents it runs."""

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        if not self.serves(ctx.doc_lang):
            return
        yield from self.find(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError
        yield


@lru_cache(maxsize=4096)
def _serves(rule: type[Rule], lang: str) -> tuple[bool, bool]:
    """What :meth:`Rule.serves` decides from the rule's declarations and the language's record alone (asked
    for every sentence: cached), and whether it needs the language's Hunspell dictionary besides."""
    if (rule.languages is not None and lang not in rule.languages) or lang in rule.except_languages:
        return False, False
    if not rule.requires:
        return True, False
    from translate_cmp.lang.profile import language

    record = language(lang)
    fits = ("spaced" not in rule.requires or record.spaced) and (
        "latin" not in rule.requires or record.script == "LATIN")
    if fits and "analyser" in rule.requires:
        from translate_cmp.lang.analyser import available as analyser_available

        fits = analyser_available(lang)  # the language's Apertium analyser (lang/analyser.py) is installed
    return fits, "nouns" in rule.requires and record.capitalises_nouns
