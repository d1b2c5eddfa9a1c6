"""langdetect's random walk for many documents, compiled (numba): the library's floats, bit for bit.

For each document, langdetect (``Detector._detect_block``) re-seeds its ``random.Random`` and runs ``n_trial``
trials: a trial draws ``alpha`` (``random.gauss``), then samples n-grams (``random.choice``), multiplying each
language's probability by ``alpha / BASE_FREQ + p(ngram | lang)``, and every fifth draw (the first right away)
divides by the sum (Python's ``sum()``: left to right, compensated from Python 3.12 on), until a probability
passes ``CONV_THRESHOLD`` or the draws reach ``ITERATION_LIMIT``; the trials' probabilities are averaged.
:func:`walk` runs these very loops in the same order, one float operation for one float operation (numba
compiles without fast-math: no reordering, no fused multiply-add), so every product, sum and quotient is the
library's.

The random numbers come from Python: ``words`` is the stream of 32-bit words the seeded generator returns (every
document starts at its beginning), and ``gauss`` holds, for each place in the stream, the pair ``random.gauss``
computes from the four words there (``langdetect_fast.gauss_pairs``, with Python's own ``math`` functions, so no libm
question arises). ``random.choice(ngrams)`` is ``_randbelow(len)``: a word's top ``len.bit_length()`` bits,
drawn again while they are ``>= len``. A document that would read past the end of ``words`` stops the call,
which returns its index: the caller extends the stream and calls again from there.

:func:`ngram_rows` finds the n-grams of a whole batch of cleaned texts (langdetect's ``NGram`` state machine, its
character normalisation read from a table by code point) and looks them up in a hash table of the profiles' n-grams
(:func:`gram_table`): the rows :func:`walk` multiplies, in langdetect's order.

The first call compiles the loop (a few seconds) or loads it from numba's cache (``cache=True``: under
``NUMBA_CACHE_DIR`` if set, else next to this file in ``__pycache__``, else, where the package is read-only, in the
user's cache folder, ``~/.cache/numba``; where none is writable, no cache: compiled once per process).
:func:`compiled` does that before a process forks its workers, which inherit the compiled code.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit


def _compiled_cached(func):
    """``njit(cache=True)``; where numba finds no folder it can write its cache to, it refuses that (RuntimeError, when
    the module is imported): then the loop is compiled in each process instead."""
    try:
        return njit(cache=True, nogil=True)(func)
    except RuntimeError:
        return njit(nogil=True)(func)


@_compiled_cached
def walk(matrix, flat, start, length, words, gauss, prior, alpha, alpha_width, base_freq,
         conv_threshold, iteration_limit, n_trial, compensated, out, first):
    """Fill ``out[d]`` (langdetect's ``langprob``) for each document ``d`` from ``first`` on: its sampled n-grams
    are the rows ``flat[start[d]:start[d] + length[d]]`` of ``matrix`` (``length[d] > 0``). ``compensated``: sum as
    Python 3.12 and later's ``sum()`` sums floats (Neumaier's compensated sum), else left to right. Returns the number
    of documents done: ``len(length)``, or the first one that needs more of the stream than ``words`` holds."""
    n_langs = matrix.shape[1]
    n_words = words.shape[0]
    prob = np.empty(n_langs)
    for d in range(first, length.shape[0]):
        n = length[d]
        s0 = start[d]
        shift = 32
        while (1 << (32 - shift)) <= n:  # 32 - n.bit_length()
            shift -= 1
        pos = 0
        kept = 0.0
        has_kept = False
        for j in range(n_langs):
            out[d, j] = 0.0
        for _ in range(n_trial):
            if has_kept:  # random.gauss's second value, kept from the previous call
                z = kept
                has_kept = False
            else:
                if pos + 4 > n_words:
                    return d
                z = gauss[pos, 0]
                kept = gauss[pos, 1]
                has_kept = True
                pos += 4
            weight = (alpha + z * alpha_width) / base_freq
            for j in range(n_langs):
                prob[j] = prior[j]
            i = 0
            while True:
                while True:  # random._randbelow(n)
                    if pos >= n_words:
                        return d
                    v = words[pos] >> shift
                    pos += 1
                    if v < n:
                        break
                row = flat[s0 + v]
                for j in range(n_langs):
                    prob[j] *= weight + matrix[row, j]
                if i % 5 == 0:
                    total = prob[0]  # sum(prob): 0 + prob[0], then the rest
                    if compensated:  # CPython 3.12+ (Python/bltinmodule.c, builtin_sum_impl)
                        c = 0.0
                        for j in range(1, n_langs):
                            x = prob[j]
                            t = total + x
                            if abs(total) >= abs(x):
                                c += (total - t) + x
                            else:
                                c += (x - t) + total
                            total = t
                        if c != 0.0 and math.isfinite(c):
                            total += c
                    else:  # left to right
                        for j in range(1, n_langs):
                            total += prob[j]
                    for j in range(n_langs):
                        prob[j] = prob[j] / total
                    passed = False  # langdetect's max(prob) > CONV_THRESHOLD: any one past it
                    for j in range(n_langs):
                        passed |= prob[j] > conv_threshold
                    if passed or i >= iteration_limit:
                        break
                i += 1
            for j in range(n_langs):
                out[d, j] += prob[j] / n_trial
    return length.shape[0]


def compiled() -> None:
    """Compile :func:`walk` (or load it from numba's cache) now, on a tiny input, rather than on first use (any
    Gaussian pairs of the right shape and type do: only the types are compiled for)."""
    matrix = np.full((1, 2), 0.5)
    words = np.arange(64, dtype=np.int64)
    walk(matrix, np.zeros(1, np.int64), np.zeros(1, np.int64), np.ones(1, np.int64), words, np.zeros((61, 2)),
         np.full(2, 0.5), 0.5, 0.05, 10000.0, 0.99999, 10000, 7, False, np.zeros((1, 2)), 0)


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: key * 2**64 / phi, top bits


@_compiled_cached
def gram_table(grams, bits):
    """An open-addressing table of ``2**bits`` places (0 where empty) holding each of ``grams`` (keys, as
    :func:`ngram_rows` reads them, none twice, none 0), and the index of each in ``grams``: the two arrays."""
    mask = (1 << bits) - 1
    keys = np.zeros(1 << bits, dtype=np.int64)
    values = np.zeros(1 << bits, dtype=np.int32)
    for i in range(grams.shape[0]):
        key = grams[i]
        h = np.int64((np.uint64(key) * _GOLDEN) >> np.uint64(64 - bits))
        while keys[h] != 0:
            h = (h + 1) & mask
        keys[h] = key
        values[h] = i
    return keys, values


@_compiled_cached
def ngram_rows(cps, ends, norm, upper, keys, values, bits, out, lengths):
    """langdetect's ``Detector._extract_ngrams`` of many cleaned texts, as rows: the texts are the code points
    ``cps[ends[t - 1]:ends[t]]`` (``ends[-1]`` for text 0 read as 0), each read as ``NGram.normalize`` maps it
    (``norm[cp]``; ``upper[cp]``: that character ``isupper()``); every 1-3 gram found in the table ``keys`` (a gram's
    code points, 21 bits each, first highest; ``values``: its row) is written to ``out`` in order, ``lengths[t]``
    of them per text. Returns the number written.

    ``NGram.add_char``'s state machine: the last three characters since a space, restarted after a space; nothing is
    emitted on an upper-case character after an upper-case one, nor for the lone space."""
    mask = (1 << bits) - 1
    written = 0
    begin = 0
    for t in range(ends.shape[0]):
        before = written
        g0 = 0  # the window: up to three code points, g0 the oldest
        g1 = 0
        g2 = 32
        glen = 1
        last_upper = False
        for k in range(begin, ends[t]):
            ch = norm[cps[k]]
            up = upper[cps[k]]
            if g2 == 32:  # the last character a space: the window restarts
                glen = 1
                if ch == 32:
                    last_upper = False
                    continue
            g0 = g1
            g1 = g2
            g2 = ch
            if glen < 3:
                glen += 1
            capital = up and last_upper
            last_upper = up
            if capital:
                continue
            for n in range(1, glen + 1):
                if n == 1:
                    if ch == 32:
                        continue
                    key = np.int64(ch)
                elif n == 2:
                    key = (np.int64(g1) << 21) | ch
                else:
                    key = (np.int64(g0) << 42) | (np.int64(g1) << 21) | ch
                h = np.int64((np.uint64(key) * _GOLDEN) >> np.uint64(64 - bits))
                while True:
                    found = keys[h]
                    if found == key:
                        out[written] = values[h]
                        written += 1
                        break
                    if found == 0:
                        break
                    h = (h + 1) & mask
        lengths[t] = written - before
        begin = ends[t]
    return written
