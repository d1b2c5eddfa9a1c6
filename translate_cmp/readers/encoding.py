"""Guess the encoding of a file that is not UTF-8 (and has no byte-order mark): never silent mojibake.

charset-normalizer proposes candidate encodings (plus cp1252, the usual Western legacy encoding); each
candidate's text is judged by what it makes of the words that hold non-ASCII letters: the share of
those words (distinct, up to :data:`MAX_WORDS`) that are known words of the text's language (wordfreq;
the language detected on that candidate's text), times one minus charset-normalizer's mess ratio
(odd symbols, control characters). French Latin-1 read as cp1250 turns ``crème`` into ``crčme``, an
unknown word, so cp1252 wins. The best candidate is taken only when its confidence reaches
:data:`CONFIDENCE_FLOOR`; below it the file is an input error (``pass --encoding``). Candidates that
decode to the very same text are one candidate (cp1252 named first: German Latin-1 is the same text in
cp1250 and cp1252).

Limits: legacy CJK encodings and languages that wordfreq does not know may fall below the floor and be
refused; text whose non-ASCII characters are all outside words (quotes, dashes, the euro sign) is
judged by the mess ratio alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate_cmp.lang.wordlists import SINGLE_BYTE_LANGS, has_word_list

CONFIDENCE_FLOOR = 0.75
SAMPLE_BYTES = 1 << 20  # judged on the first MiB; the whole file is then decoded with the winner
MAX_WORDS = 300
MAX_CANDIDATES = 10
PREFERRED = "cp1252"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Guess:
    encoding: str
    confidence: float  # in [0, 1]


def _language(text: str) -> str:
    from translate_cmp.lang.detect import detect

    return detect(text[:4000]).lang.split("-")[0]


def word_confidence(text: str) -> float:
    """How plausible ``text`` is as a decoding: known share of its non-ASCII words times (1 - mess)."""
    from charset_normalizer.md import mess_ratio
    from wordfreq import zipf_frequency

    mess = mess_ratio(text[:200_000], maximum_threshold=1.0)
    words = sorted({w.lower() for w in _WORD.findall(text) if not w.isascii()})[:MAX_WORDS]
    if not words:
        return max(0.0, 1.0 - mess)
    lang = _language(text)
    langs = (lang,) if has_word_list(lang) else SINGLE_BYTE_LANGS

    def known(word: str) -> bool:
        try:
            return any(zipf_frequency(word, lg) > 0 for lg in langs)
        except (ImportError, LookupError, ValueError):  # a language whose tokenizer is not installed
            return False

    return max(0.0, 1.0 - mess) * sum(1 for w in words if known(w)) / len(words)


def candidates(sample: bytes) -> list[str]:
    """charset-normalizer's candidate encodings, best first, then cp1252."""
    import charset_normalizer

    names: list[str] = []
    for match in charset_normalizer.from_bytes(sample):
        if match.encoding not in names:
            names.append(match.encoding)
    return [*names[:MAX_CANDIDATES], *([PREFERRED] if PREFERRED not in names else [])]


def guess_encoding(data: bytes) -> Guess | None:
    """The most plausible encoding of ``data`` and its confidence; None when nothing decodes it."""
    sample = data[:SAMPLE_BYTES]
    best: Guess | None = None
    best_text = None
    for name in candidates(sample):
        try:
            text = sample.decode(name, errors="strict" if len(sample) == len(data) else "ignore")
        except (UnicodeDecodeError, LookupError):
            continue
        if text == best_text:
            if name == PREFERRED and best is not None:
                best = Guess(name, best.confidence)
            continue
        conf = round(word_confidence(text), 3)
        if best is None or conf > best.confidence:
            best, best_text = Guess(name, conf), text
    return best
