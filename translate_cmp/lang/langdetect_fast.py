"""langdetect's own algorithm, made faster, with the same answers bit for bit.

langdetect (1.0.9) spends its time in two pure-Python loops: extracting character n-grams
(``NGram.normalize`` re-derives each character's Unicode block every time) and multiplying 55
language probabilities per sampled n-gram, one float at a time. This module runs the very same
steps in the same order -- the library's own text clean-up, the same n-gram state machine with the
character normalisation memoised, the same seeded ``random.Random`` draws, the same convergence test
every fifth draw -- with the per-language products done by numpy on float64 arrays, or, for a few
thousand texts and more, in one compiled loop (:mod:`translate_cmp.lang.walk`, which then also reads a whole batch's
n-grams in one call). Elementwise float64
products and quotients are exactly Python's; the normalising sum is taken as Python's ``sum()`` takes
it in langdetect. So every probability, and every iteration count, matches the library's;
tests/test_fastdetect.py checks that on documents, sentences and words in many languages.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence
from itertools import islice

import numpy as np

COMPENSATED = sys.version_info >= (3, 12)  # this Python's sum() adds floats compensated (langdetect's sum(prob))


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


_CLEANING: tuple | None = None  # langdetect's URL and e-mail patterns, its Vietnamese marks, its normalize_vi


def _cleaning() -> tuple:
    """:data:`_CLEANING`, set on first use (langdetect imported then)."""
    global _CLEANING
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    _CLEANING = (Detector.URL_RE, Detector.MAIL_RE, re.compile("[" + re.escape(NGram.DMARK_CLASS) + "]"),
                 NGram.normalize_vi)
    return _CLEANING


def cleaned(text: str, max_length: int) -> str:
    """``Detector.append`` then ``cleaning_text``: URLs and e-mail addresses out, Vietnamese marks
    composed, cut at ``max_length``, runs of spaces made one; Latin letters dropped from text that is
    mostly another script."""
    url, mail, marks, normalize_vi = _CLEANING or _cleaning()
    # each step only where what it changes can be there (what every match holds: "http", "@", a Vietnamese mark,
    # two spaces, a letter of another script); the library's text, a fraction of the time (tests/test_fastdetect.py)
    if "http" in text:
        text = url.sub(" ", text)
    if "@" in text:
        text = mail.sub(" ", text)
    if not text.isascii() and marks.search(text) is not None:
        text = normalize_vi(text)
    text = text[:max_length]
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if not text.isascii() and _NON_LATIN.search(text) is not None:
        others = len(_NON_LATIN.findall(text))
        need = (others + 1) // 2  # Latin letters from which 2 * latin < others fails: counted up to there
        if len(list(islice(_LATIN.finditer(text), need))) < need:
            text = _LATIN.sub("", text)
    return text


class ProfileMap(dict):
    """``DetectorFactory.word_lang_prob_map`` held as one matrix: each n-gram maps to its row, and reading an
    entry (``map[gram]`` or ``map.get(gram)``, as langdetect's ``Detector`` does) gives langdetect's list of
    per-language probabilities, the same floats (``values()`` and ``items()`` give the rows)."""

    def __init__(self, rows: dict[str, int], matrix: np.ndarray):
        super().__init__(rows)
        self.matrix = matrix

    def __getitem__(self, gram: str) -> list[float]:
        return self.matrix[dict.__getitem__(self, gram)].tolist()

    def get(self, gram: str, default=None):
        return self[gram] if gram in self else default  # noqa: SIM401 (dict.get would give the row)

    def row(self, gram: str) -> int:
        return dict.__getitem__(self, gram)


def load_profiles(factory, directory: str) -> None:
    """``factory.load_profile(directory)`` in under half the time: the same languages in the same order and
    the same probabilities, ``word_lang_prob_map`` a :class:`ProfileMap`.

    langdetect fills a list of 55 floats per n-gram in a Python loop (about 0.25 s, paid again by every worker
    process); here each profile's frequencies are divided by its n-gram counts in one numpy operation, the
    very IEEE quotients ``1.0 * freq / n_words[length - 1]`` gives."""
    import json
    import os

    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    listed = os.listdir(directory)
    if not listed:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Not found profile: " + directory)
    langsize = len(listed)  # langdetect's list length: every entry of the folder, as it counts them
    profiles: list[tuple[str, dict, list]] = []
    for name in listed:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            lang, freq, n_words = data["name"], dict(data.get("freq") or {}), list(data.get("n_words") or [0, 0, 0])
        except OSError:
            raise LangDetectException(ErrorCode.FileLoadError, f'Cannot open "{path}"') from None
        except Exception:
            raise LangDetectException(ErrorCode.FormatError, f'Profile format error in "{path}"') from None
        if lang in factory.langlist or any(lang == other for other, _, _ in profiles):
            raise LangDetectException(ErrorCode.FormatError, f'Profile format error in "{path}"')
        profiles.append((lang, freq, n_words))
    rows: dict[str, int] = {}  # every n-gram in langdetect's order (first profile first), zeros for the others
    for _, freq, _ in profiles:
        for gram in freq:
            if gram not in rows:
                rows[gram] = len(rows)
    matrix = np.zeros((len(rows), langsize))
    for index, (lang, freq, n_words) in enumerate(profiles):
        where = np.fromiter(map(rows.__getitem__, freq), np.int64, len(freq))
        length = np.fromiter(map(len, freq), np.int64, len(freq))
        counts = np.fromiter(freq.values(), np.float64, len(freq))
        scored = (length >= 1) & (length <= 3)  # langdetect leaves longer n-grams at 0
        totals = np.array([0.0, *map(float, n_words[:3])])[np.where(scored, length, 0)]
        if (totals[scored] == 0).any():  # langdetect's division fails here
            raise LangDetectException(ErrorCode.FormatError, f'Profile format error in "{lang}"')
        matrix[where[scored], index] = counts[scored] / totals[scored]
        factory.langlist.append(lang)
    factory.word_lang_prob_map = ProfileMap(rows, matrix)


def gauss_pairs(words: np.ndarray) -> np.ndarray:
    """For each place ``p`` in ``words`` (all but the last three), ``random.gauss``'s two values computed from the
    words ``p`` to ``p + 3``: two ``random()`` calls of two words each, then Box-Muller as CPython computes it.

    ``random()`` (``(a >> 5) * 2**26 + (b >> 6)``, times ``2**-53``), ``* 2 pi``, ``1 - u``, ``-2 * log``, the
    square root and the products are exact IEEE operations, the same in numpy; cos, sin and log are Python's
    ``math`` functions, called on each value."""
    w = np.asarray(words, dtype=np.int64)
    if len(w) < 4:
        return np.empty((0, 2))
    first = ((w[:-3] >> 5) * 67108864.0 + (w[1:-2] >> 6)) * (1.0 / 9007199254740992.0)
    second = ((w[2:-1] >> 5) * 67108864.0 + (w[3:] >> 6)) * (1.0 / 9007199254740992.0)
    x2pi = (first * (2 * math.pi)).tolist()
    logs = np.fromiter(map(math.log, (1.0 - second).tolist()), np.float64, len(second))
    g2rad = np.sqrt(-2.0 * logs)
    out = np.empty((len(first), 2))
    out[:, 0] = np.fromiter(map(math.cos, x2pi), np.float64, len(x2pi)) * g2rad
    out[:, 1] = np.fromiter(map(math.sin, x2pi), np.float64, len(x2pi)) * g2rad
    return out


class _Stream:
    """The 32-bit words a ``random.Random`` seeded with ``seed`` returns, in order, grown on demand, and the
    Gaussian pair ``random.gauss`` draws at each place (:func:`gauss_pairs`): for every place (:attr:`gauss`, what
    the compiled walk reads; ~40 ms for the first 65,536), or place by place (:meth:`pair`, the numpy walk).

    Every detection re-seeds its generator with the factory's seed, so every document draws from the
    same stream of words; what differs is how many each draw uses (rejection sampling) and where the
    Gaussian draws fall."""

    START = 1 << 16  # words drawn at first: far more than any sentence's walk reads

    def __init__(self, seed):
        import random

        self.seed = seed
        self.rng = random.Random(seed)
        self.words = np.empty(0, dtype=np.int64)
        self._gauss = np.empty((0, 2))
        self._pairs: dict[int, tuple[float, float]] = {}
        self.grow()

    @property
    def gauss(self) -> np.ndarray:
        """The Gaussian pair of every place but the last three's, row ``p`` for place ``p``."""
        if len(self._gauss) < len(self.words) - 3:
            self._gauss = np.concatenate((self._gauss, gauss_pairs(self.words[len(self._gauss):])))
        return self._gauss

    def pair(self, p: int) -> tuple[float, float]:
        """The Gaussian pair of place ``p`` (the words there drawn)."""
        if p < len(self._gauss):
            return tuple(self._gauss[p].tolist())
        found = self._pairs.get(p)
        if found is None:
            found = self._pairs[p] = tuple(gauss_pairs(self.words[p:p + 4])[0].tolist())
        return found

    def upto(self, n: int) -> np.ndarray:
        """The words, at least ``n`` of them."""
        while len(self.words) < n:
            self.grow()
        return self.words

    def grow(self) -> None:
        """Twice the words (at first :attr:`START`)."""
        more = max(len(self.words), self.START)
        raw = self.rng.getrandbits(32 * more).to_bytes(4 * more, "little")  # words in order, low first
        self.words = np.concatenate((self.words, np.frombuffer(raw, dtype="<u4").astype(np.int64)))


class FastDetector:
    """``DetectorFactory.create()`` + ``append`` + ``get_probabilities`` in one call, same results.

    The text's n-grams are found in Python (words memoised); :meth:`probabilities` walks them with numpy, one
    document at a time, :class:`BatchDetector` compiled."""

    _MEMO_LIMIT = 200_000  # words whose n-gram rows are remembered

    def __init__(self, factory):
        self.factory = factory
        self.known = factory.word_lang_prob_map
        self.langlist = list(factory.langlist)
        self._ids: dict[str, int] = {}  # n-gram -> its row in ``_matrix``
        self._matrix = np.empty((4096, len(self.langlist)))
        if isinstance(self.known, ProfileMap):  # the rows are there already
            self._matrix, self._id = self.known.matrix, self.known.row  # type: ignore[method-assign]
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

    def _languages(self, langprobs: np.ndarray) -> list[list]:
        """``get_probabilities()``'s list for each ``langprob`` row: ``Language`` objects above 0.1, most probable
        first."""
        from langdetect.detector import Detector
        from langdetect.language import Language

        rows, langs = np.nonzero(langprobs > Detector.PROB_THRESHOLD)
        out: list[list] = [[] for _ in range(len(langprobs))]
        langlist = self.langlist
        for r, j, p in zip(rows.tolist(), langs.tolist(), langprobs[rows, langs].tolist()):
            out[r].append(Language(langlist[j], p))
        for found in out:
            if len(found) > 1:
                found.sort(reverse=True)
        return out

    def probabilities(self, text: str) -> list:
        """langdetect's ``get_probabilities()``: ``Language`` objects above 0.1, most probable first.

        Raises langdetect's ``LangDetectException`` where it would (no features in the text). The walk runs
        with numpy, a step a call (about 0.4 ms a sentence): what a few texts cost less than loading the
        compiled walk (:class:`BatchDetector`)."""
        from langdetect.detector import Detector
        from langdetect.lang_detect_exception import ErrorCode, LangDetectException

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
        return self._languages(np.array([langprob]))[0]


class BatchDetector(FastDetector):
    """:meth:`FastDetector.probabilities` for many texts at once, the same answers bit for bit: one compiled walk
    over all of them (:func:`translate_cmp.lang.walk.walk`, about 10 us of CPU a sentence), their n-grams found by
    one compiled call too (:meth:`_rows_many`, about 1 us a sentence, where Python takes some 20).

    Loading the compiled walk (importing numba, its code from numba's cache) costs about a second of CPU, which
    fewer than some 2,000 texts do not repay: until a detector has been asked for :attr:`COMPILED_FROM` texts
    it walks them side by side with numpy (:meth:`_side_by_side`, about 0.7 ms of CPU a sentence);
    :meth:`load_compiled` loads it at once (a process about to fork workers for a large input). ``compiled``:
    True or False forces either walk. ``compensated``: sum as Python 3.12's ``sum()`` does (default: as this
    Python's does, which langdetect's ``sum(prob)`` calls)."""

    COMPILED_FROM = 2000  # texts (distinct n-gram sequences) from which the compiled walk pays
    ALONE = 4  # documents left that finish one at a time in the numpy walk

    def __init__(self, factory, compiled: bool | None = None, compensated: bool | None = None):
        super().__init__(factory)
        self.compiled = compiled
        self._stream: _Stream | None = None
        self._asked = 0  # texts walked so far
        self._table: tuple[np.ndarray, np.ndarray, int] | None = None  # the n-grams' hash table (_gram_table)
        self.compensated = COMPENSATED if compensated is None else compensated

    def load_compiled(self) -> None:
        """Load the compiled walk now (from numba's cache, or compiled) and use it from now on."""
        from translate_cmp.lang.walk import compiled

        self._stream_for(self.factory.seed).gauss  # noqa: B018 (computed now, before a fork)
        compiled()
        if isinstance(self.known, ProfileMap):
            self._rows_many(["a"])  # the n-grams' table built, their compiled reader loaded, before a fork too
        if self.compiled is None:
            self.compiled = True

    def probabilities_many(self, texts: list[str]) -> list[list | None]:
        """Per text, what :meth:`FastDetector.probabilities` returns, or None where it raises (no features).

        Texts with the same n-grams in the same order (a table's repeated cells; texts that differ only in
        digits, punctuation or what the clean-up drops) draw the same samples and multiply the same rows: their
        probabilities are computed once, the same floats."""
        max_length = self.factory.create().max_text_length
        texts = [cleaned(t, max_length) for t in texts]
        if self.compiled and isinstance(self.known, ProfileMap):
            return self._compiled_many(texts)
        first: dict[tuple[int, ...], int] = {}
        which = [first.setdefault(tuple(self._rows(t)), len(first)) for t in texts]
        todo = [rows for rows in first if rows]
        self._asked += len(todo)
        if self.compiled is None and self._asked >= self.COMPILED_FROM:
            self.load_compiled()
        if not todo:
            languages: list[list] = []
        elif self.compiled:
            languages = self._languages(self._langprobs(todo))
        else:  # numpy, side by side: each distinct sequence as the first text that has it
            firsts = {u: k for k, u in reversed(list(enumerate(which)))}
            languages = self._side_by_side([texts[firsts[first[rows]]] for rows in todo], todo)
        found: list[list | None] = [None] * len(first)  # per distinct sequence; None: no n-grams
        for rows, langs in zip(todo, languages):
            found[first[rows]] = langs
        return self._per_text(found, which)

    @staticmethod
    def _per_text(found: list[list | None], which: list[int]) -> list[list | None]:
        """Each text's answer from its distinct sequence's (``which``): a list of its own."""
        if len(found) == len(which):
            return found
        return [None if found[u] is None else list(found[u]) for u in which]

    def _compiled_many(self, texts: list[str]) -> list[list | None]:
        """:meth:`probabilities_many` of cleaned ``texts`` with the compiled code throughout: the n-grams of all of
        them found in one call (:meth:`_rows_many`), the distinct sequences walked in another."""
        flat, length = self._rows_many(texts)
        start = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(length[:-1], out=start[1:])
        raw = flat.astype(np.int32).tobytes()  # each text's rows as bytes: its key among the distinct sequences
        first: dict[bytes, int] = {}
        which = [first.setdefault(raw[a:b], len(first))
                 for a, b in zip((4 * start).tolist(), (4 * (start + length)).tolist())]
        firsts = np.unique(which, return_index=True)[1] if len(first) < len(texts) else np.arange(len(texts))
        walked = np.flatnonzero(length[firsts] > 0)  # the distinct sequences with n-grams, by their first text
        todo = firsts[walked]
        self._asked += len(todo)
        found: list[list | None] = [None] * len(first)
        if len(todo):
            for u, langs in zip(walked.tolist(), self._languages(self._walk(flat, start[todo], length[todo]))):
                found[u] = langs
        return self._per_text(found, which)

    def _rows_many(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_rows` of each of cleaned ``texts``, all of them at once (compiled: :func:`walk.ngram_rows`): the
        rows one after the other, and how many each text has."""
        from translate_cmp.lang.walk import ngram_rows

        keys, values, bits = self._gram_table()
        cps = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")
        ends = np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)))
        if len(cps) and not self._norm[cps].all():  # characters not seen before: NGram.normalize them
            for code in np.unique(cps[self._norm[cps] == 0]).tolist():
                ch = _NORMALISED[code]
                self._norm[code], self._upper[code] = ord(ch), ch.isupper()
        out = np.empty(3 * len(cps), dtype=np.int64)
        length = np.empty(len(texts), dtype=np.int64)
        written = ngram_rows(cps, ends, self._norm, self._upper, keys, values, bits, out, length)
        return out[:written], length

    def _gram_table(self) -> tuple[np.ndarray, np.ndarray, int]:
        """The profiles' 1-3 grams as a hash table for :func:`walk.ngram_rows` (built once, 3 MB): keys, rows, its
        size as a power of two. Each gram's key is its code points, 21 bits each, first highest: no two grams share
        one, and none is 0 (no gram holds U+0000, which the clean-up makes a space)."""
        if self._table is None:
            from translate_cmp.lang.walk import gram_table

            grams = [g for g in self.known if 1 <= len(g) <= 3 and "\0" not in g]
            size = np.fromiter(map(len, grams), np.int64, len(grams))
            codes = np.frombuffer("".join(grams).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
            at = np.cumsum(size) - size
            key = np.zeros(len(grams), dtype=np.int64)
            for k in range(3):
                has = size > k
                key[has] = (key[has] << 21) | codes[at[has] + k]
            bits = max(4, (2 * len(grams)).bit_length())  # at most half full
            keys, index = gram_table(key, bits)
            rows = np.fromiter(map(self.known.row, grams), np.int32, len(grams))
            self._table = (keys, rows[index], bits)
            # NGram.normalize of each code point once seen (0 before: it makes no character U+0000), and whether that
            # character is upper case; zeroed pages, only those of the code points read take memory
            self._norm = np.zeros(0x110000, dtype=np.int32)
            self._upper = np.zeros(0x110000, dtype=np.bool_)
        return self._table

    def _langprobs(self, rows_of: Sequence[Sequence[int]]) -> np.ndarray:
        """langdetect's ``langprob`` for each list of n-gram rows (none empty): one row per list."""
        from itertools import chain

        length = np.fromiter(map(len, rows_of), np.int64, len(rows_of))
        start = np.zeros(len(rows_of), dtype=np.int64)
        np.cumsum(length[:-1], out=start[1:])
        return self._walk(np.fromiter(chain.from_iterable(rows_of), np.int64, int(length.sum())), start, length)

    def _walk(self, flat: np.ndarray, start: np.ndarray, length: np.ndarray) -> np.ndarray:
        """langdetect's ``langprob`` of each document whose n-gram rows are ``flat[start[d]:start[d] + length[d]]``
        (none empty), compiled (:func:`walk.walk`): one row per document."""
        from langdetect.detector import Detector

        from translate_cmp.lang.walk import walk

        detector = self.factory.create()  # for its settings
        self._stream_for(detector.seed)
        n_langs = len(self.langlist)
        prior = np.full(n_langs, 1.0 / n_langs) if detector.prior_map is None else np.array(detector.prior_map, float)
        out = np.zeros((len(length), n_langs))
        done = 0
        while done < len(length):
            stream = self._stream
            done = walk(self._matrix, flat, start, length, stream.words, stream.gauss, prior, float(detector.alpha),
                        float(Detector.ALPHA_WIDTH), float(Detector.BASE_FREQ), float(Detector.CONV_THRESHOLD),
                        int(Detector.ITERATION_LIMIT), int(detector.n_trial), self.compensated, out, done)
            if done < len(length):  # a document read past the words drawn so far: more, and that one again
                stream.grow()
        return out

    def _stream_for(self, seed) -> _Stream:
        """The random stream of ``seed``, drawn once per detector."""
        if self._stream is None or self._stream.seed != seed:
            self._stream = _Stream(seed)
        return self._stream

    def _side_by_side(self, texts: list[str], rows_of: list[Sequence[int]]) -> list[list]:
        """:meth:`FastDetector.probabilities` of each text (its n-gram rows ``rows_of``, none empty), the documents
        walked side by side with numpy: each keeps its own place in the shared random stream, its own trial,
        iteration count and probabilities, and every step multiplies one sampled n-gram row into every document's
        probabilities with one numpy call. Between two convergence tests a document multiplies five rows (one
        right after a trial starts), in the order it draws them, so each product is the one langdetect computes
        (the sum as :meth:`FastDetector.probabilities` takes it, left to right, so only below Python 3.12, where
        ``sum()`` does the same; from 3.12 on, one by one). The last few slow documents finish one at a time,
        where a step for all would cost more."""
        from langdetect.detector import Detector
        from langdetect.language import Language

        detector = self.factory.create()
        out: list[list | None] = [None] * len(texts)
        todo = list(range(len(texts)))
        if len(todo) <= self.ALONE or detector.prior_map is not None or COMPENSATED:
            return [self.probabilities(t) for t in texts]
        stream = self._stream_for(detector.seed)
        n_langs, n_trial = len(self.langlist), detector.n_trial
        flat = np.concatenate([np.asarray(rows_of[k], dtype=np.int64) for k in todo])
        n = np.array([len(rows_of[k]) for k in todo], dtype=np.int64)
        start = np.concatenate(([0], np.cumsum(n)[:-1]))
        shift = 32 - np.array([int(v).bit_length() for v in n.tolist()], dtype=np.int64)
        matrix = self._matrix
        docs = np.array(todo, dtype=np.int64)  # which text each active row is
        pos = np.zeros(len(todo), dtype=np.int64)  # each document's place in the random stream
        prob = np.full((len(todo), n_langs), 1.0 / n_langs)
        langprob = np.zeros((len(todo), n_langs))
        checked = np.full(len(todo), -1, dtype=np.int64)  # the iteration of the last test (-1: trial starts)
        trial = np.zeros(len(todo), dtype=np.int64)
        weight = np.empty(len(todo))  # alpha / BASE_FREQ of each document's trial
        kept: list[float | None] = [None] * len(todo)  # random.gauss's second value, per document
        words = stream.upto(1 << 16)

        def start_trials(which: np.ndarray) -> None:
            """A new trial for each of ``which``: ``random.gauss`` (four words every second call), fresh
            probabilities."""
            nonlocal words
            needs = which[[kept[r] is None for r in which.tolist()]]
            if needs.size:
                words = stream.upto(int(pos[needs].max()) + 4)
                for r, p in zip(needs.tolist(), pos[needs].tolist()):
                    kept[r] = stream.pair(p)
                pos[needs] += 4
            z = []
            for r in which.tolist():
                pair = kept[r]
                if isinstance(pair, tuple):  # drawn just now: the first value, the second kept
                    z.append(pair[0])
                    kept[r] = pair[1]
                else:
                    z.append(pair)
                    kept[r] = None
            weight[which] = [(detector.alpha + g * Detector.ALPHA_WIDTH) / Detector.BASE_FREQ for g in z]
            prob[which] = 1.0 / n_langs
            checked[which] = -1

        def draw(rows: np.ndarray) -> np.ndarray:
            """``random._randbelow(n)`` for each of ``rows``: its sample, its stream moved on."""
            nonlocal words
            if int(pos[rows].max()) + 64 >= len(words):
                words = stream.upto(int(pos.max()) + (1 << 16))
            p = pos[rows]
            sh, limit = shift[rows], n[rows]
            v = words[p] >> sh
            bad = np.flatnonzero(v >= limit)
            while bad.size:
                p[bad] += 1
                if int(p[bad].max()) >= len(words):
                    words = stream.upto(int(p.max()) + (1 << 16))
                v[bad] = words[p[bad]] >> sh[bad]
                bad = bad[v[bad] >= limit[bad]]
            pos[rows] = p + 1
            return v

        start_trials(np.arange(len(todo)))
        buf = np.empty_like(prob)
        while len(docs) > self.ALONE:
            if len(buf) != len(docs):
                buf = np.empty_like(prob)
            fresh = np.flatnonzero(checked < 0)  # a trial starts: one draw before the test
            going = np.flatnonzero(checked >= 0)  # mid-trial: five draws before the next test
            picked = np.empty(len(docs), dtype=np.int64)
            for step in range(5):
                if step == 0:
                    picked = flat[start + draw(np.arange(len(docs)))]
                elif not going.size:
                    break
                else:
                    picked[going] = flat[start[going] + draw(going)]
                np.take(matrix, picked, axis=0, out=buf)
                buf += weight[:, None]  # alpha / BASE_FREQ + p(ngram | lang), as langdetect adds them
                if step and fresh.size:
                    buf[fresh] = 1.0  # those tested after their first draw
                prob *= buf
            checked += np.where(checked >= 0, 5, 1)
            prob /= np.cumsum(prob, axis=1)[:, -1:]  # summed left to right, as langdetect sums
            ended = np.flatnonzero((prob.max(axis=1) > Detector.CONV_THRESHOLD)
                                   | (checked >= Detector.ITERATION_LIMIT))
            if not ended.size:
                continue
            langprob[ended] += prob[ended] / n_trial
            trial[ended] += 1
            start_trials(ended[trial[ended] < n_trial])
            done = trial >= n_trial
            for r in np.flatnonzero(done).tolist():
                above = np.flatnonzero(langprob[r] > Detector.PROB_THRESHOLD).tolist()
                found = [Language(self.langlist[j], p) for j, p in zip(above, langprob[r, above].tolist())]
                found.sort(reverse=True)
                out[int(docs[r])] = found
            if done.any():
                keep = ~done
                docs, pos, prob, langprob, checked, trial, weight = (
                    a[keep] for a in (docs, pos, prob, langprob, checked, trial, weight))
                n, start, shift = n[keep], start[keep], shift[keep]
                kept = [g for g, k in zip(kept, keep.tolist()) if k]
        for k in docs.tolist():
            out[k] = self.probabilities(texts[k])
        return out
