"""langdetect's own algorithm, made faster, with the same answers bit for bit.

langdetect (1.0.9) spends its time in two pure-Python loops: extracting character n-grams
(``NGram.normalize`` re-derives each character's Unicode block every time) and multiplying 55
language probabilities per sampled n-gram, one float at a time. This module runs the very same
steps in the same order -- the library's own text clean-up, the same n-gram state machine with the
character normalisation memoised, the same seeded ``random.Random`` draws, the same convergence test
every fifth draw -- with the per-language products done by numpy on float64 arrays. Elementwise
float64 products and quotients are exactly Python's; the normalising sum is taken left to right in
Python as langdetect does. So every probability, and every iteration count, matches the library's;
tests/test_fastdetect.py checks that on documents and sentences in many languages.
"""

from __future__ import annotations

import re

import numpy as np


class _Normalised(dict):
    """``str.translate`` table: each character as ``NGram.normalize`` maps it, computed once."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        out = self[code] = NGram.normalize(chr(code))
        return out


_NORMALISED = _Normalised()


def _word_ngrams(word: str, trailing: bool, known: dict) -> list[str]:
    """The n-grams langdetect's ``NGram`` state machine emits while reading ``word`` (no spaces).

    It starts from a space, keeps the last three characters, and emits nothing on a character that
    is upper case after an upper-case one; ``trailing``: a space follows, which emits the word's end.
    """
    padded = " " + word + (" " if trailing else "")
    out = []
    for j in range(1, len(padded)):
        ch = padded[j]
        if ch.isupper() and padded[j - 1].isupper():
            continue  # a capitalised word ("NATO"): skipped, as langdetect does
        grams = padded[max(0, j - 2):j + 1]
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w != " " and w in known:
                out.append(w)
    return out


def extract_ngrams(text: str, known: dict) -> list[str]:
    """``Detector._extract_ngrams`` of the cleaned ``text``: every 1-3 gram that has a profile entry.

    The state machine restarts at every space, so these are the n-grams of each space-separated
    word in turn.
    """
    words = text.translate(_NORMALISED).split(" ")
    last = len(words) - 1
    result: list[str] = []
    for k, word in enumerate(words):
        if word:
            result.extend(_word_ngrams(word, k < last, known))
    return result


_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's own test: 'A' <= ch <= 'z'
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")  # >= U+0300, not Latin Extended Additional


def cleaned(text: str, max_length: int) -> str:
    """``Detector.append`` then ``cleaning_text``: URLs and e-mail addresses out, Vietnamese marks
    composed, cut at ``max_length``, runs of spaces made one; Latin letters dropped from text that is
    mostly another script."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    text = Detector.URL_RE.sub(" ", text)
    text = Detector.MAIL_RE.sub(" ", text)
    text = _SPACES.sub(" ", NGram.normalize_vi(text)[:max_length])
    if 2 * len(_LATIN.findall(text)) < len(_NON_LATIN.findall(text)):
        text = _LATIN.sub("", text)
    return text


class FastDetector:
    """``DetectorFactory.create()`` + ``append`` + ``get_probabilities`` in one call, same results."""

    _MEMO_LIMIT = 200_000  # words whose n-gram rows are remembered

    def __init__(self, factory):
        self.factory = factory
        self.known = factory.word_lang_prob_map
        self.langlist = list(factory.langlist)
        self._ids: dict[str, int] = {}  # n-gram -> its row in ``_matrix``
        self._matrix = np.empty((4096, len(self.langlist)))
        self._words: dict[tuple[str, bool], list[int]] = {}

    def _id(self, gram: str) -> int:
        found = self._ids.get(gram)
        if found is None:
            found = self._ids[gram] = len(self._ids)
            if found >= len(self._matrix):
                self._matrix = np.concatenate((self._matrix, np.empty_like(self._matrix)))
            self._matrix[found] = self.known[gram]
        return found

    def _rows(self, text: str) -> list[int]:
        """The n-grams of cleaned ``text`` as rows of ``_matrix``, in langdetect's order."""
        words = text.translate(_NORMALISED).split(" ")
        last = len(words) - 1
        if len(self._words) > self._MEMO_LIMIT:
            self._words.clear()
        out: list[int] = []
        for k, word in enumerate(words):
            if not word:
                continue
            key = (word, k < last)
            rows = self._words.get(key)
            if rows is None:
                rows = self._words[key] = [self._id(g) for g in _word_ngrams(word, k < last, self.known)]
            out.extend(rows)
        return out

    def probabilities(self, text: str) -> list:
        """langdetect's ``get_probabilities()``: ``Language`` objects above 0.1, most probable first.

        Raises langdetect's ``LangDetectException`` where it would (no features in the text).
        """
        from langdetect.detector import Detector
        from langdetect.lang_detect_exception import ErrorCode, LangDetectException
        from langdetect.language import Language

        detector = self.factory.create()  # for its settings and its random generator
        rows = self._rows(cleaned(text, detector.max_text_length))
        if not rows:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        distinct, where = np.unique(np.asarray(rows), return_inverse=True)
        table = self._matrix[distinct]
        index = where.tolist()  # the sampled list, as rows of ``table``
        n_langs = len(self.langlist)
        langprob = [0.0] * n_langs
        rng = detector.random
        rng.seed(detector.seed)
        n_trial = detector.n_trial
        choose = rng._randbelow  # what random.choice draws with, for a non-empty sequence
        n = len(index)
        for _ in range(n_trial):
            prob = np.full(n_langs, 1.0 / n_langs) if detector.prior_map is None else np.array(detector.prior_map)
            alpha = detector.alpha + rng.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
            factors = (alpha / Detector.BASE_FREQ) + table  # weight + p(ngram | lang), as langdetect adds them
            i = 0
            while True:
                prob *= factors[index[choose(n)]]
                if i % 5 == 0:
                    prob /= sum(prob.tolist())  # summed left to right, as langdetect sums
                    if prob.max() > Detector.CONV_THRESHOLD or i >= Detector.ITERATION_LIMIT:
                        break
                i += 1
            for j, p in enumerate(prob.tolist()):
                langprob[j] += p / n_trial
        result = [Language(lang, p) for lang, p in zip(self.langlist, langprob) if p > Detector.PROB_THRESHOLD]
        result.sort(reverse=True)
        return result
