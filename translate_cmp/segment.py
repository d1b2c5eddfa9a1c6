"""Split a document into sentences with exact character offsets.

Paragraphs are lines: a newline always ends a sentence (headings, captions and bylines stay their
own sentence). Inside a line, sentencex finds the boundaries; its segments concatenate back to
the exact input, so offsets are exact and nothing is dropped. Corrections on its pieces, all
concatenating back to the same text: an ordinal indicator it split off ("87." + "º minuto.") is joined
back; a split that is no sentence boundary is undone (``_false_split``: after an abbreviation before a
lower-case word, "657 пац. с", "el disp. raíz"; after a mark that is a token of its own, "find . -name";
inside a token, "@/./+/-/_"; a piece of marks alone, ")"); and German pieces are also cut before a
lower-case sentence start (``_split_before_lower``).
Sentences are trimmed of surrounding whitespace: every non-space character of the document lies in
exactly one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sentencex import segment as sentencex_segment

from translate_cmp.lang.tokens import is_abbreviation
from translate_cmp.records import Document, Sentence

_LINE = re.compile(r"[^\n]+")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# German: sentencex never splits before a lower-case word (German abbreviations and ordinals: "z. B. ein",
# "am 3. oktober"), so a sentence that broken MT starts in lower case ("Gesetz. ein Verband warnte") stayed
# inside the one before, where no rule sees its start. A full stop after a word of 3 or more letters that
# is no abbreviation, then a space and a lower-case letter, ends a sentence too.
_ABBREVIATIONS_DE = """
    bzw usw vgl evtl ggf inkl exkl bspw zzgl zzt sog insb ggü hrsg prof dipl ing mio mrd tsd str abs art nr
    bd jh jhd ebd allg ehem eigtl einschl gegr geb gest jun sen min max mind std tel verh vorm nachm zit zus
    etc bzgl betr anm abt abb aufl ausg bearb dgl erg gem lfd mrz okt dez nov sept febr jan aug kap"""
_GERMAN_ABBREVIATIONS = frozenset(_ABBREVIATIONS_DE.split())
_BEFORE_LOWER = re.compile(r"(?<![^\W\d_])([^\W\d_]{3,})\.(\s+)(?=[a-zäöüß])")


def _split_before_lower(piece: str) -> list[str]:
    """``piece`` cut after each full stop that ends a sentence before a lower-case word (German)."""
    parts, last = [], 0
    for m in _BEFORE_LOWER.finditer(piece):
        word = m.group(1)
        if word.lower() in _GERMAN_ABBREVIATIONS or (m.start() > 0 and piece[m.start() - 1] == "."):
            continue  # "bzw. die", "z.Bsp. ein"
        if is_abbreviation(word, "de"):
            continue  # "ggf. die", "Hrn. meier": no vowel, or cut short
        cut = m.end()
        parts.append(piece[last:cut])
        last = cut
    parts.append(piece[last:])
    return [p for p in parts if p]


def _ordinals_kept(pieces) -> list[str]:
    """sentencex's pieces, with a piece that starts with an ordinal indicator joined to the one before:
    it splits the Spanish, Portuguese and Galician ordinal "el 87.º minuto" after "87.", leaving a
    fragment "º minuto." that no translation wrote."""
    out: list[str] = []
    for piece in pieces:
        if out and piece[:1] in "ºª":
            out[-1] += piece
        else:
            out.append(piece)
    return out


_CLOSERS = ")]}»”’\"'"
_QUOTES = "\"'`“”‘’«»„‚‹›()[]"
_LITERAL = re.compile(r"[./]+")  # ".", "./", "..": a path or a dot named as itself; not "%." after a number
_CONTINUING = ",;:)]}-/._+*=|\\~^$%&@#<>!?"  # marks no sentence starts with
_INITIALS = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{0,3}")  # "e.g", "z.B", "m.a.w", "U.S"


def _false_split(before: str, after: str, lang: str, line_start: bool) -> bool:
    """Whether the boundary sentencex put between ``before`` and ``after`` (pieces of one line) ends no sentence;
    ``line_start``: ``before`` starts the line."""
    head = after.lstrip()
    if not head:
        return True
    if not any(ch.isalnum() for ch in before):
        return line_start  # marks that start a line start its sentence: "! はテスト", ".BR Gras"
    tail = before.rstrip()
    chunk = tail.rsplit(None, 1)[-1]
    literal = bool(_LITERAL.fullmatch(chunk.strip(_QUOTES)))  # the piece ends with a dot that is a token: '"."
    if not any(ch.isalnum() for ch in after):
        # ")" after "é melhor." closes that sentence; a stray "." after "Russia." stays apart (S106 reads it)
        return literal or any(ch in _CLOSERS for ch in after)
    first = head[0]
    continues = first.islower() or first in _CONTINUING
    if not before[-1:].isspace() and not after[:1].isspace():
        # glued: "said.The" is a missing space (S103 reads it); "@/./+/-/_", "#!, il", "!?string" are tokens
        return tail[-1] in ".!?" and (continues or literal)  # and " .BR", " .WAV-Datei": a dot that starts a token
    if literal:
        return not first.isupper()  # a mark that is a token: "find . -name", "O ponto . coincide", "`.' ingang"
    if not continues or not tail.endswith("."):
        return False
    word = chunk[:-1].rstrip(_CLOSERS)
    if _INITIALS.fullmatch(word.lstrip("(\"'«“‘„[")):
        return True  # "e.g. the", "m.a.w. niet"
    m = re.search(r"[^\W\d_]+$", word)
    return m is not None and (m.start() == 0 or not word[m.start() - 1].isalnum()) and is_abbreviation(m.group(), lang)


def _joined(pieces: list[str], lang: str) -> list[str]:
    """sentencex's pieces with the false splits (:func:`_false_split`) joined back."""
    out: list[str] = []
    for piece in pieces:
        if out and _false_split(out[-1], piece, lang, len(out) == 1 and out[0] is pieces[0]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def split_spans(text: str, lang: str = "en") -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph_index)`` of every sentence of ``text``."""
    para = -1
    lines = ((0, text),) if "\n" not in text else ((m.start(), m.group()) for m in _LINE.finditer(text))
    for at, line in lines:
        if not line.strip():
            continue
        para += 1
        offset = at
        pieces = sentencex_segment(lang or "en", line)
        if len(pieces) > 1:  # (one piece: nothing to join)
            pieces = _joined(_ordinals_kept(pieces), lang)
        for piece in pieces:
            for part in _split_before_lower(piece) if lang == "de" else (piece,):
                start, end = _trimmed(text, offset, offset + len(part))
                offset += len(part)
                if start < end:
                    yield start, end, para
        if offset != at + len(line):  # sentencex promises exact concatenation; never lose text
            raise AssertionError(f"segmenter lost text in line at {at}")


def segment(document: Document, lang: str = "en") -> list[Sentence]:
    """Sentences of a document, in order, ``text == document.text[start:end]``."""
    return [
        Sentence(document.doc_id, i, start, end, document.text[start:end], para)
        for i, (start, end, para) in enumerate(split_spans(document.text, lang))
    ]
