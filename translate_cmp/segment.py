"""Split a document into sentences with exact character offsets.

Paragraphs are lines: a newline always ends a sentence (headings, captions and bylines stay their
own sentence). Inside a line, sentencex finds the boundaries; its segments concatenate back to
the exact input, so offsets are exact and nothing is dropped. Sentences are trimmed of
surrounding whitespace: every non-space character of the document lies in exactly one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sentencex import segment as sentencex_segment

from translate_cmp.records import Document, Sentence

_LINE = re.compile(r"[^\n]+")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_spans(text: str, lang: str = "en") -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph_index)`` of every sentence of ``text``."""
    para = -1
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        para += 1
        offset = line.start()
        for piece in sentencex_segment(lang or "en", line.group()):
            start, end = _trimmed(text, offset, offset + len(piece))
            offset += len(piece)
            if start < end:
                yield start, end, para
        if offset != line.end():  # sentencex promises exact concatenation; never lose text
            raise AssertionError(f"segmenter lost text in line at {line.start()}")


def segment(document: Document, lang: str = "en") -> list[Sentence]:
    """Sentences of a document, in order, ``text == document.text[start:end]``."""
    return [
        Sentence(document.doc_id, i, start, end, document.text[start:end], para)
        for i, (start, end, para) in enumerate(split_spans(document.text, lang))
    ]
