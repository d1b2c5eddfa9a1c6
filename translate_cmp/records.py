"""Typed records that flow one way through the pipeline.

read -> Document; detect -> DocLanguage; segment -> Sentence; translate -> RoundTrip;
score -> Scores; flag -> Flag; everything about one sentence -> SentenceResult.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

RuleDocs = Mapping[str, Any]  # code -> Rule (class or instance) or its one-line summary, to explain flags with


@dataclass(frozen=True)
class Unit:
    """A localisation unit (PO entry, XLIFF unit/segment, TMX tu, bitext row) behind a Document whose text is
    the target. Built by the readers in translate_cmp/readers/ (po, xliff, tmx, bitext)."""

    unit_id: str
    source: str
    source_lang: str = ""
    target_lang: str = ""
    context: str = ""
    notes: str = ""
    fuzzy: bool = False
    plural_index: int | None = None  # which msgstr[n] of a plural entry
    fmt: str = ""  # "po", "pot", "xliff", "tmx", "table"
    flags: tuple[str, ...] = ()  # PO flags (python-format, ...), XLIFF/TMX state
    file: str = ""  # the input file this unit came from
    file_id: str = ""  # that file's id in the run (its path relative to the input folder, no suffix)
    line: int = 0  # 1-based line where the unit starts, when the format gives one
    source_plural: str = ""  # PO: msgid_plural, the source of msgstr[1..]
    max_width: int = 0  # XLIFF maxwidth (size-unit char) / XLIFF 2 slr sizeRestriction: the most characters, 0: none
    plural_forms: int = 0  # PO: how many msgstr[n] the unit's entry has (0: not a plural entry)
    nplurals: int = 0  # PO: the header's Plural-Forms nplurals (0: no header says)
    # PO: on the one unit where Q632 reports its file (the first translated form beyond the header's nplurals), the
    # lines of every entry of the file that translates such a form; () on every other unit
    extra_form_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    text: str
    encoding: str = ""  # how the file's bytes were decoded (utf-8, utf-16, cp1252 ...); "" when not from a file
    unit: Unit | None = field(default=None, kw_only=True)  # set by the PO/XLIFF/TMX readers only


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == document.text[start:end]``, offsets in characters."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    para_id: int = 0
    lang: str = ""
    lang_prob: float = 0.0

    def __reduce_ex__(self, protocol):
        if type(self) is not Sentence:
            return super().__reduce_ex__(protocol)
        return _restore, (Sentence, _SENTENCE_FIELDS, (self.doc_id, self.sent_id, self.start, self.end, self.text,
                                                       self.para_id, self.lang, self.lang_prob))


@dataclass(frozen=True)
class Translated:
    """One engine output for one input segment."""

    text: str
    score: float | None = None  # cumulative log-probability of the output, when the engine has one
    truncated: bool = False  # the engine stopped at its length bound before the end token
    n_tokens: int = 0
    unknown: tuple[str, ...] = ()  # words of the input the engine did not know (Apertium's analyser), in order


@dataclass(frozen=True)
class RoundTrip:
    """A sentence through source -> pivot -> source."""

    pivot_lang: str
    pivot_text: str
    back_text: str
    forward_score: float | None = None
    backward_score: float | None = None
    truncated: bool = False
    forward_tokens: int = 0
    backward_tokens: int = 0
    # (start, end, bits) per piece of the ORIGINAL sentence scored by the backward model given the
    # pivot (forced decoding); empty when the engine cannot score. See translate_cmp/engines/surprisal.py.
    surprisal: tuple[tuple[int, int, float], ...] = ()
    # compare mode only: the given translation's sentence ids (0-based) this sentence is aligned to
    aligned: tuple[int, ...] = ()
    # words of the original the forward leg did not know (Apertium only; copied through untranslated)
    unknown: tuple[str, ...] = ()
    # a rule-based engine (Apertium) made either leg: its word choices ("Verdadero" -> "Cierto") are its
    # dictionary's, no evidence on their own (Rule.engine_choice)
    rule_based: bool = False

    @property
    def mean_logprob(self) -> float | None:
        """Mean per-token log-probability over both legs (None if the engine gives no scores)."""
        if self.forward_score is None or self.backward_score is None:
            return None
        n = max(1, self.forward_tokens) + max(1, self.backward_tokens)
        return (self.forward_score + self.backward_score) / n


@dataclass(frozen=True)
class Scores:
    chrf: float
    bleu: float
    ter: float


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.strip().upper()]

    def __str__(self) -> str:
        return _SEVERITY_NAMES[self]  # asked once a flag by every writer: a look-up, not the enum's name property


_SEVERITY_NAMES = {s: s.name.lower() for s in Severity}


@dataclass(frozen=True)
class Flag:
    """One finding. ``start``/``end`` are character offsets into the document."""

    doc_id: str
    sent_id: int
    code: str
    severity: Severity
    start: int
    end: int
    message: str

    def __reduce_ex__(self, protocol):
        if type(self) is not Flag:
            return super().__reduce_ex__(protocol)
        return _flag, (self.doc_id, self.sent_id, self.code, int(self.severity), self.start, self.end, self.message)


@dataclass
class SentenceResult:
    sentence: Sentence
    round_trip: RoundTrip | None = None
    scores: Scores | None = None
    diff: str = ""
    flags: list[Flag] = field(default_factory=list)
    risk: float = 0.0

    def __reduce_ex__(self, protocol):
        if type(self) is not SentenceResult:
            return super().__reduce_ex__(protocol)
        return SentenceResult, (self.sentence, self.round_trip, self.scores, self.diff, self.flags, self.risk)


@dataclass
class DocumentResult:
    document: Document
    lang: str
    lang_prob: float
    sentences: list[SentenceResult]
    # what a pool worker already made of this result for the writers (translate_cmp.writers.rows.Prepared: groups,
    # summary, fingerprints, the csv and jsonl text); None: the writers make it. Not part of the result's value.
    prepared: Any = field(default=None, compare=False, repr=False)

    def __reduce_ex__(self, protocol):
        if type(self) is not DocumentResult:
            return super().__reduce_ex__(protocol)
        return DocumentResult, (self.document, self.lang, self.lang_prob, self.sentences, self.prepared)


# Pickling (a pool's workers send every result back to the main process, Ray's too): the results above pickle as
# one tuple of their values each, not as a class and a dict of named fields: 15% fewer bytes and about 40% less
# time to load a one-sentence row's (benchmarks/run_overhead.py, from_workers). A frozen record is rebuilt without its
# __init__ (which sets each field through object.__setattr__): _restore fills its __dict__, as pickle's default does;
# a Flag's severity travels as its number (an enum pickles as a call of its class).
_SENTENCE_FIELDS = ("doc_id", "sent_id", "start", "end", "text", "para_id", "lang", "lang_prob")
_FLAG_FIELDS = ("doc_id", "sent_id", "code", "severity", "start", "end", "message")
_SEVERITIES = {int(s): s for s in Severity}


def _restore(cls: type, names: tuple[str, ...], values: tuple):
    obj = object.__new__(cls)
    obj.__dict__.update(zip(names, values))
    return obj


def _flag(doc_id: str, sent_id: int, code: str, severity: int, start: int, end: int, message: str) -> Flag:
    return _restore(Flag, _FLAG_FIELDS, (doc_id, sent_id, code, _SEVERITIES[severity], start, end, message))
