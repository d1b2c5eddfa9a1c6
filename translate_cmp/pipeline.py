"""The pipeline, top to bottom: read -> detect -> segment -> translate -> align -> score -> flag -> write.

Documents stream through in chunks: each chunk's sentences are translated together (one engine
call per leg and language pair), then each document is scored, flagged and handed to the writers,
which append as they go. Memory is bounded by the chunk size, not by the number of documents.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from translate_cmp.align import one_to_one
from translate_cmp.engines.base import Engine
from translate_cmp.engines.round_trip import pivots_for, round_trip
from translate_cmp.errors import InputError
from translate_cmp.lang.detect import Detection, detect, detect_many, with_languages, with_languages_many
from translate_cmp.records import Document, DocumentResult, RoundTrip, Sentence, SentenceResult, Severity
from translate_cmp.rules.base import Rule
from translate_cmp.rules.flag import flag_document, flag_plain
from translate_cmp.rules.settings import rules_for
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.score.risk import risk, text_risk
from translate_cmp.score.worddiff import word_diff
from translate_cmp.segment import segment

INSTALL_HINT = (
    "translate-cmp models install --from-index {src} {tgt}  (or: translate-cmp models install FILE.argosmodel)"
)


@dataclass(frozen=True)
class Analysed:
    """A document after detect and segment: what the translate stage needs."""

    document: Document
    lang: str
    lang_prob: float
    sentences: list[Sentence]


@dataclass
class RunStats:
    documents: int = 0
    sentences: int = 0
    flagged: int = 0
    translated: int = 0
    flag_counts: Counter = field(default_factory=Counter)
    max_severity: Severity | None = None
    gate_failures: Counter = field(default_factory=Counter)  # rule code: findings failing --fail-on (run only)
    timings: Counter = field(default_factory=Counter)
    untranslated_pairs: set[tuple[str, str]] = field(default_factory=set)
    cache: Counter = field(default_factory=Counter)  # translation-cache hits and misses (executors fill it)
    input_errors: list = field(default_factory=list)  # readers.FileError: files skipped, the batch went on
    processes: int = 1  # processes that did the per-document work (executors.pool's workers, when it forked any)
    routes: Counter = field(default_factory=Counter)  # (document language, pivot) -> sentences round-tripped
    unrouted: Counter = field(default_factory=Counter)  # document language -> sentences with no round trip

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        seen: set[int] = set()
        for s in result.sentences:
            if s.round_trip is not None:
                self.routes[(result.lang, s.round_trip.pivot_lang)] += 1
            if s.sentence.sent_id in seen:  # a further pivot's row of the same sentence
                continue
            seen.add(s.sentence.sent_id)
            self.sentences += 1
            self.translated += s.round_trip is not None
            if s.round_trip is None:
                self.unrouted[result.lang] += 1
            self.flagged += bool(s.flags)
            for f in s.flags:
                self.flag_counts[f.code] += 1
                if self.max_severity is None or f.severity > self.max_severity:
                    self.max_severity = f.severity

    def merge(self, part: RunStats) -> None:
        """What :meth:`add` of each of ``part``'s documents would have added (a pool worker's folded batch)."""
        self.documents += part.documents
        self.sentences += part.sentences
        self.flagged += part.flagged
        self.translated += part.translated
        self.flag_counts.update(part.flag_counts)
        self.routes.update(part.routes)
        self.unrouted.update(part.unrouted)
        if part.max_severity is not None and (self.max_severity is None or part.max_severity > self.max_severity):
            self.max_severity = part.max_severity


def analyse(document: Document) -> Analysed:
    """detect + segment: document language, sentences with exact offsets, each sentence's language.

    A localisation unit (PO, XLIFF, TMX) is in its file's declared target language: nothing is detected."""
    if document.unit is not None and document.unit.target_lang:
        from translate_cmp.l10n.analyse import DECLARED_PROB, unit_sentences

        return Analysed(document, document.unit.target_lang, DECLARED_PROB, unit_sentences(document))
    found = detect(document.text)
    sentences = with_languages(segment(document, found.lang), found)
    return Analysed(document, found.lang, found.prob, sentences)


def analyse_many(documents: Sequence[Document]) -> list[Analysed]:
    """:func:`analyse` of each document, the languages of all of them detected together (the same answers:
    :func:`translate_cmp.lang.detect.detect_many`)."""
    plain = [d for d in documents if not (d.unit is not None and d.unit.target_lang)]
    detections = detect_many([d.text for d in plain])
    found = dict(zip(map(id, plain), detections))
    done: dict[int, Analysed] = {}  # by id(document)
    segmented: list[tuple[list[Sentence], Detection]] = []
    rest: list[Document] = []
    for d, doc in zip(plain, detections):
        sentences = segment(d, doc.lang)
        if len(sentences) == 1 and sentences[0].start == 0 and sentences[0].end == len(d.text):
            # one sentence, the whole text: with_languages_many would give it the document's detection (it knows
            # the text's), given here without asking
            only = sentences[0]
            done[id(d)] = Analysed(d, doc.lang, doc.prob, [Sentence(
                only.doc_id, 0, 0, only.end, only.text, only.para_id, doc.lang, doc.prob)])
        else:
            segmented.append((sentences, doc))
            rest.append(d)
    if segmented:
        known = {d.text: doc for d, doc in zip(plain, detections)}
        for d, sentences in zip(rest, with_languages_many(segmented, known)):
            doc = found[id(d)]
            done[id(d)] = Analysed(d, doc.lang, doc.prob, sentences)
    if len(done) == len(documents):
        return [done[id(d)] for d in documents]
    return [done[id(d)] if id(d) in done else analyse(d) for d in documents]


def translate_chunk(
    engine: Engine, chunk: Sequence[Analysed], pivots: Sequence[str], stats: RunStats, strict: bool,
    surprisal: bool = True,
) -> dict[tuple[str, int], list[RoundTrip]]:
    """Round trips for every sentence of a chunk, keyed by (doc_id, sent_id), one per pivot."""
    groups: dict[tuple[str, str, bool], list[Sentence]] = {}
    for a in chunk:
        for pivot in pivots_for(a.lang, pivots):  # localisation units apart: their markup is masked
            groups.setdefault((a.lang, pivot, a.document.unit is not None), []).extend(a.sentences)
    out: dict[tuple[str, int], list[RoundTrip]] = {}
    for (src, pivot, units), sentences in groups.items():
        if not (engine.can_translate(src, pivot) and engine.can_translate(pivot, src)):
            missing = (src, pivot) if not engine.can_translate(src, pivot) else (pivot, src)
            if strict:
                raise InputError(
                    f"--engine {engine.name}",
                    f"no installed model for {missing[0]}->{missing[1]}; install: " + INSTALL_HINT.format(
                        src=missing[0], tgt=missing[1]),
                )
            stats.untranslated_pairs.add((src, pivot))
            continue
        trip = round_trip
        if units:
            from translate_cmp.l10n.masked import masked_round_trip as trip
        for s, rt in zip(sentences, trip(engine, [s.text for s in sentences], src, pivot, surprisal)):
            out.setdefault((s.doc_id, s.sent_id), []).append(rt)
    return out


def _result(sentence: Sentence, trip: RoundTrip | None, scores, flags, lang: str) -> SentenceResult:
    return SentenceResult(
        sentence=sentence,
        round_trip=trip,
        scores=scores,
        diff=word_diff(sentence.text, trip.back_text) if trip else "",
        flags=flags,
        risk=risk(flags, scores, sentence.text, sentence.lang or lang),
    )


def finish(a: Analysed, trips: dict[tuple[str, int], list[RoundTrip]], scorer: SentenceScorer, rules: Sequence[Rule]
           ) -> DocumentResult:
    """align + score + flag + risk for one document."""
    rules = rules_for(rules, a.document)  # less the per-file ignores of the project configuration
    sentences = a.sentences
    if not trips:  # no round trip in the chunk (--engine none): nothing to align, score or diff
        lang = a.lang
        return DocumentResult(a.document, lang, a.lang_prob, [
            SentenceResult(s, None, None, "", fl, text_risk(fl, s.text, s.lang or lang))
            for s, fl in zip(sentences, flag_plain(a.document, lang, sentences, rules))])
    per_sentence = [trips.get((s.doc_id, s.sent_id), _NO_TRIPS) for s in sentences]
    links = one_to_one(sentences, [rts[0] if rts else None for rts in per_sentence])
    scores = [scorer.score(link.round_trip.back_text, link.sentence.text) if link.round_trip else None
              for link in links]
    flags = flag_document(
        a.document, a.lang, sentences, rules,
        round_trips=[link.round_trip for link in links], scores=scores,
        extra_round_trips=[rts[1:] for rts in per_sentence],
    )
    results = []
    for link, sc, fl, rts in zip(links, scores, flags, per_sentence):
        results.append(_result(link.sentence, link.round_trip, sc, fl, a.lang))
        for extra in rts[1:]:  # further pivots: one more row each, next to the first, same flags
            extra_scores = scorer.score(extra.back_text, link.sentence.text)
            results.append(_result(link.sentence, extra, extra_scores, fl, a.lang))
    return DocumentResult(a.document, a.lang, a.lang_prob, results)


_NO_TRIPS: list[RoundTrip] = []  # a sentence with no round trip (read only)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


CHUNK_DOCS = 64  # documents a chunk holds at least (--chunk-docs)
CHUNK_CHARS_PER_DOC = 2_000  # by default a chunk of short documents grows to this much text a document ...
MAX_CHUNK_GROWTH = 128  # ... up to this many times its documents
# ... and one of documents this short on average (table rows of a sentence) grows to that many documents
# whatever its text: detection side by side costs ~600 us a row in batches of 1,000 rows, ~350 in 4,096
SHORT_DOC_CHARS = 250


def document_chunks(documents: Iterable[Document], size: int, chars: int | None = None) -> Iterator[list[Document]]:
    """Chunks of ``size`` documents; with ``chars``, short ones (table rows) are gathered further, up to
    ``chars`` characters of text or ``size * MAX_CHUNK_GROWTH`` documents, so that the per-chunk work (one
    detection pass side by side, one engine call per leg) is shared by many. A chunk whose documents average
    under ``SHORT_DOC_CHARS`` characters grows to ``size * MAX_CHUNK_GROWTH`` documents (under two million
    characters)."""
    if chars is None:
        yield from chunked(documents, size)
        return
    budget, most = chars, size * MAX_CHUNK_GROWTH
    chunk: list[Document] = []
    chars = 0
    for d in documents:
        chunk.append(d)
        chars += len(d.text)
        if len(chunk) >= most or (len(chunk) >= size and chars >= budget and chars >= SHORT_DOC_CHARS * len(chunk)):
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def run_documents(
    documents: Iterable[Document],
    engine: Engine,
    rules: Sequence[Rule],
    pivots: Sequence[str] = ("es",),
    *,
    strict: bool = False,
    chunk_docs: int = 64,
    scorer: SentenceScorer | None = None,
    stats: RunStats | None = None,
    on_chunk: Callable[[int, int], None] | None = None,
    surprisal: bool = True,
) -> Iterator[DocumentResult]:
    """The whole pipeline over a stream of documents, yielding results in input order.

    ``surprisal``: also score each original under the backward model (R407's evidence; one more
    batched model call per chunk and language pair).
    """
    scorer = scorer or SentenceScorer()
    stats = stats if stats is not None else RunStats()
    for chunk in chunked(documents, chunk_docs):
        t0 = time.perf_counter()
        analysed = analyse_many(chunk)
        t1 = time.perf_counter()
        trips = translate_chunk(engine, analysed, pivots, stats, strict, surprisal)
        t2 = time.perf_counter()
        results = [finish(a, trips, scorer, rules) for a in analysed]
        t3 = time.perf_counter()
        stats.timings.update({"detect_segment": t1 - t0, "translate": t2 - t1, "score_flag": t3 - t2})
        for r in results:
            stats.add(r)
            yield r
        if on_chunk:
            on_chunk(len(chunk), sum(len(a.sentences) for a in analysed))
