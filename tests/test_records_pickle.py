"""Results cross process boundaries pickled (a pool's workers, Ray): as tuples of their values (records.__reduce_ex__),
they come back equal, field for field, with the same types."""

from __future__ import annotations

import pickle

from translate_cmp.records import (
    Document,
    DocumentResult,
    Flag,
    RoundTrip,
    Scores,
    Sentence,
    SentenceResult,
    Severity,
    Unit,
)


def _result() -> DocumentResult:
    doc = Document("d:1", "t.csv:1", "Hello there. Bonjour.", "utf-8",
                   unit=Unit("u1", "Hallo", source_lang="de", target_lang="en", fmt="po", flags=("fuzzy",)))
    first = Sentence("d:1", 0, 0, 12, "Hello there.", 0, "en", 0.99)
    second = Sentence("d:1", 1, 13, 21, "Bonjour.", 1, "fr", 0.5)
    flags = [Flag("d:1", 0, code, severity, 0, 5, f"{code} message") for code, severity in
             (("S101", Severity.WARNING), ("L304", Severity.ERROR), ("C501", Severity.INFO))]
    trip = RoundTrip("es", "Hola.", "Hello.", -1.5, None, False, 3, 2, ((0, 5, 1.25),), (0,), ("there",), True)
    return DocumentResult(doc, "en", 0.875, [
        SentenceResult(first, trip, Scores(51.2, 30.0, 0.4), "[-there-]", flags, 0.75),
        SentenceResult(first, None, None, "", list(flags[:1]), 0.25),
        SentenceResult(second),
    ], prepared=(None, {"doc_id": "d:1"}, ["fp"], {"csv": ("a", "b")}))


def test_results_come_back_equal_with_their_types():
    result = _result()
    for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(result, protocol))
        assert back == result
        assert back.prepared == result.prepared  # not part of the value (compare=False): carried all the same
        assert vars(back.sentences[0].sentence) == vars(result.sentences[0].sentence)
        severities = [f.severity for f in back.sentences[0].flags]
        assert severities == [Severity.WARNING, Severity.ERROR, Severity.INFO]
        assert all(type(s) is Severity for s in severities)
        assert type(back.sentences[0].sentence) is Sentence and type(back.sentences[0]) is SentenceResult


def test_a_result_without_a_document_keeps_none():
    # a pool worker sends a batch's results without their documents: the main process sets them again
    result = _result()
    result.document = None
    back = pickle.loads(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    assert back.document is None and back.sentences == result.sentences


def test_frozen_records_stay_frozen():
    back = pickle.loads(pickle.dumps(_result(), pickle.HIGHEST_PROTOCOL))
    sentence, flag = back.sentences[0].sentence, back.sentences[0].flags[0]
    for record, name in ((sentence, "text"), (flag, "code")):
        try:
            setattr(record, name, "changed")
        except AttributeError:
            continue
        raise AssertionError(f"{type(record).__name__} could be changed after unpickling")
    original = _result().sentences[0]
    assert hash(sentence) == hash(original.sentence) and hash(flag) == hash(original.flags[0])
