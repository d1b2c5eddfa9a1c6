"""Property tests (hypothesis) over arbitrary Unicode, and a bounded fuzz target for the readers.

Example counts and deadlines are set here so that CI time stays small (a few seconds in all).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from translate_cmp.errors import InputError
from translate_cmp.readers import read_documents
from translate_cmp.records import Document, RoundTrip
from translate_cmp.rules import select_rules
from translate_cmp.rules.flag import flag_document
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.segment import segment

# Text made of words, spaces, punctuation, newlines (LF, CRLF, CR), and any other code point.
_PIECES = st.one_of(
    st.sampled_from([" ", "  ", "\n", "\r\n", "\r", "\t", ". ", "? ", "! ", "…", "”", "«", "»", "¿", "¡", "\u2028",
                     "\u00a0", "Dr. ", "e.g. ", "3.5", "U.S.", "a", "The", "Ölaf", "中文。", "مرحبا", "😀", "e\u0301"]),
    st.text(min_size=1, max_size=12),
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)
LANGS = st.sampled_from(["en", "fr", "de", "es", "zh", "ar", "ja", "xx"])
RULES = select_rules(None, None)
SCORER = SentenceScorer()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@FAST
@given(text=TEXTS, lang=LANGS)
def test_segment_offsets_reconstruct_the_input_every_sentence_once(text, lang):
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, lang)
    pos = 0
    for i, s in enumerate(sentences):
        assert s.sent_id == i
        assert s.text == text[s.start:s.end] and s.text and not s.text[0].isspace() and not s.text[-1].isspace()
        assert s.start >= pos  # in order, never overlapping: each character in at most one sentence
        assert text[pos:s.start].isspace() or pos == s.start  # only whitespace between sentences
        pos = s.end
    assert not text[pos:].strip()
    rebuilt = "".join(text[a.end:b.start] + b.text for a, b in zip([None, *sentences], sentences)
                      if a is not None) if sentences else ""
    if sentences:  # the sentences and the gaps between them give back the input exactly
        assert text[:sentences[0].start] + sentences[0].text + rebuilt + text[sentences[-1].end:] == text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=LANGS, back=TEXTS)
def test_no_rule_raises_and_flags_stay_inside_their_sentence(text, lang, back):
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, lang)
    trips = [RoundTrip("es", s.text, back or s.text) for s in sentences]
    scores = [SCORER.score(t.back_text, s.text) for s, t in zip(sentences, trips)]
    for with_trips in (False, True):
        flags = flag_document(doc, lang, sentences, RULES, round_trips=trips if with_trips else None,
                              scores=scores if with_trips else None)
        assert len(flags) == len(sentences)
        for s, found in zip(sentences, flags):
            for f in found:
                assert s.start <= f.start <= f.end <= s.end, f


SUFFIXES = st.sampled_from([".txt", ".md", ".jsonl", ".csv", ".tsv"])
BYTES = st.one_of(
    st.binary(max_size=300),
    TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b'{"text": "Hi."}', b'{"text": 1}', b'{"id": 2, "text": "x"}', b"[1]", b"{", b"",
                              b"text\n", b"id,text", b'a,"b', b"\xef\xbb\xbf", b"\xff\xfe", b"caf\xe9"]),
             max_size=8).map(b"\n".join),
)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES, suffix=SUFFIXES)
@example(data=b'a,"b\n{"text": "Hi."}', suffix=".csv")  # a column name with a newline: still one line
def test_fuzz_readers_yield_documents_or_one_line_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data)
        try:
            docs = list(read_documents([path]))
        except InputError as exc:
            message = str(exc)
            assert message.startswith(str(path)) and "\n" not in message
            return
        for doc in docs:
            assert isinstance(doc.text, str) and doc.doc_id and doc.encoding
        ids = [d.doc_id for d in docs]
        assert len(ids) == len(set(ids))
        if suffix in (".txt", ".md"):
            assert len(docs) == 1
