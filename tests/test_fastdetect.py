"""translate_cmp.lang.langdetect_fast gives langdetect's own answers, bit for bit, on real text in many languages."""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np
import pytest
from langdetect import DetectorFactory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

from translate_cmp.lang.detect import _factory, detect, detect_many
from translate_cmp.lang.langdetect_fast import BatchDetector, FastDetector, ProfileMap, _Stream, cleaned, load_profiles
from translate_cmp.segment import split_spans

ROOT = Path(__file__).resolve().parents[1]

EDGE_CASES = [
    "NATO and the EU met in BRUSSELS on Monday; the UN said NOTHING.",
    "See https://example.com/a?b=c and write to press@example.org   today.",
    "Hà Nội là thủ đô của Việt Nam, một quốc gia ở Đông Nam Á.",  # Vietnamese, composed and not
    "Ha\u0300 No\u0323i la\u0300 thu\u0309 đô",
    "Москва заявила, что ATACMS и F-16 не изменят ход войны.",  # mostly Cyrillic with Latin names
    "東京都は月曜日に新しい計画を発表した。NHKが報じた。",
    "北京时间周一，中国外交部发言人表示反对。",
    "وقال المتحدث باسم الحكومة إن المحادثات ستستمر.",
    "Ist.",
    "«Oui», a-t-il dit ; « non » !",
    "a  b   c    d\t\te\n\nf",
    "Ελλάδα και Κύπρος",
    "123 456 789 !!!",
]


@functools.lru_cache(maxsize=1)
def _library_factory():
    """langdetect's own factory, its profiles loaded by langdetect itself: the reference."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def _reference(text: str):
    detector = _library_factory().create()
    detector.append(text)
    try:
        return [(lang.lang, lang.prob) for lang in detector.get_probabilities()]
    except LangDetectException as exc:
        return type(exc).__name__


def _fast(detector: FastDetector, text: str):
    try:
        return [(lang.lang, lang.prob) for lang in detector.probabilities(text)]
    except LangDetectException as exc:
        return type(exc).__name__


def _texts() -> list[str]:
    out = list(EDGE_CASES)
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out.append(text)
        out += [text[s:e] for s, e, _ in split_spans(text)][::2]  # every second sentence: short and long ones
    return out


def test_profiles_load_to_the_very_probabilities_langdetect_loads():
    ours = DetectorFactory()
    load_profiles(ours, PROFILES_DIRECTORY)
    theirs = _library_factory()
    assert isinstance(ours.word_lang_prob_map, ProfileMap)
    assert ours.langlist == theirs.langlist and len(ours.langlist) == 55
    assert list(ours.word_lang_prob_map) == list(theirs.word_lang_prob_map)  # the same n-grams, in the same order
    expected = np.array(list(theirs.word_lang_prob_map.values()))
    assert np.array_equal(ours.word_lang_prob_map.matrix.view(np.int64), expected.view(np.int64))  # bit for bit
    assert ours.word_lang_prob_map["the"] == theirs.word_lang_prob_map["the"]  # as langdetect's Detector reads it
    assert _factory().word_lang_prob_map.keys() == theirs.word_lang_prob_map.keys()


def test_same_probabilities_as_langdetect_on_documents_and_sentences():
    detector = FastDetector(_factory())
    texts = _texts()
    assert len(texts) > 200
    different = [(t[:60], _reference(t), _fast(detector, t)) for t in texts if _reference(t) != _fast(detector, t)]
    assert different == []


def test_no_features_raises_like_langdetect():
    detector = FastDetector(_factory())
    with pytest.raises(LangDetectException):
        detector.probabilities("123 456 !!!")
    assert detect("123 456 !!!").lang == "und"


def test_cleaning_matches_the_library():
    for text in EDGE_CASES:
        detector = _library_factory().create()
        detector.append(text)
        detector.cleaning_text()
        assert cleaned(text, detector.max_text_length) == detector.text


def test_long_text_is_cut_where_langdetect_cuts_it():
    text = "The minister said the talks would continue next week. " * 400  # 22,000 characters
    detector = FastDetector(_factory())
    assert _fast(detector, text) == _reference(text)


@pytest.mark.parametrize("compiled", [False, True])
def test_many_documents_side_by_side_give_the_same_probabilities(compiled):
    """BatchDetector's walks (numpy side by side, compiled) take each document from the start of the shared
    random stream; every probability must be the one FastDetector (and so langdetect) gives the document alone."""
    texts = _texts() + ["123 456 !!!", ""]  # no features: None, where FastDetector raises
    one = FastDetector(_factory())
    alone = [_fast(one, t) for t in texts]
    together = BatchDetector(_factory(), compiled=compiled).probabilities_many(texts)
    together = [type(LangDetectException(0, "")).__name__ if found is None else [(x.lang, x.prob) for x in found]
                for found in together]
    assert [k for k, (a, b) in enumerate(zip(alone, together)) if a != b] == []
    assert detect_many(texts[:40]) == [detect(t) for t in texts[:40]]


def test_cleaning_matches_the_library_on_every_text_and_sentence():
    """cleaned() takes each step only where it can change something: the library's text on every article,
    every sentence of them, and each cut short (where Latin letters are counted against the others)."""
    folders = ("seeds", "benchmarks/articles", "benchmarks/roundtrip_articles")
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted((ROOT / folder).glob("*.txt"))]
    sentences = [t[a:b] for t in texts for a, b, _ in split_spans(t)]
    assert any(not s.isascii() for s in sentences) and any("  " in t for t in texts)
    for text in [*EDGE_CASES, *texts, *sentences]:
        for length in (None, 40):
            detector = _library_factory().create()
            if length:
                detector.max_text_length = length
            detector.append(text)
            detector.cleaning_text()
            assert cleaned(text, detector.max_text_length) == detector.text, text[:60]


def test_a_batch_finds_the_ngrams_langdetect_extracts_from_each_text():
    """The compiled n-gram reader (walk.ngram_rows over a whole batch) against langdetect's own ``_extract_ngrams``:
    the same n-grams in the same order, on every text and sentence, capitals ("NATO", "ＮＡＴＯ", "ǅ"), scripts the
    clean-up maps to one character (kana, hangul), characters beyond the BMP, a lone surrogate, empty texts."""
    extra = ["", " ", "ＮＡＴＯ ＡＢＣ ｄｅｆ", "ǅemal ǅEMAL", "ABC DEF ghi AbC aBC", "ひらがな カタカナ 한국어 ㄅㄆ",
             "𝐀𝐁𝐂 𝐚𝐛𝐜 \U0001F600 ok 𐐀𐐨", "bad \ud800 surrogate", " lead", "trail ", "ﬁne", "\u0219i \u021b"]
    texts = _texts() + extra
    batch = BatchDetector(_factory(), compiled=True)
    flat, length = batch._rows_many([cleaned(t, 10000) for t in texts])
    assert len(length) == len(texts)
    expected = []
    for text in texts:
        detector = _library_factory().create()
        detector.append(text)
        detector.cleaning_text()  # as _detect_block does first
        expected.append([batch.known.row(g) for g in detector._extract_ngrams()])
    ends = np.cumsum(length).tolist()
    assert [flat[end - n:end].tolist() for end, n in zip(ends, length.tolist())] == expected
    assert sum(map(len, expected)) > 10000 and expected[len(_texts())] == []


@pytest.mark.parametrize("compiled", [False, True])
def test_texts_with_the_same_ngrams_are_computed_once_with_the_library_answers(compiled):
    """A batch computes each distinct n-gram sequence once (a table's repeated cells; cells that differ only in
    digits or punctuation, which langdetect reads as spaces): every text still gets langdetect's own answer, in
    a list of its own, and a second batch reads the same random stream."""
    base = [s for s in _texts() if 20 < len(s) < 200][:60]
    assert len(base) == 60
    varied = [f"{s} ({k})" for k in range(3) for s in base] + base + ["123 456 !!!", "7 8 9"]
    batch = BatchDetector(_factory(), compiled=compiled)
    distinct = {tuple(batch._rows(cleaned(t, 10000))) for t in varied}
    assert len(distinct) < len(varied) / 3  # the digits add no n-gram: the three variants of a sentence share one
    for _ in range(2):
        found = batch.probabilities_many(varied)
        got = ["LangDetectException" if f is None else [(x.lang, x.prob) for x in f] for f in found]
        assert got == [_reference(t) for t in varied]
    assert found[0] is not found[len(base)]  # equal answers, separate lists


class _Counting(Detector):
    """langdetect's own detector, counting the trials that run to ITERATION_LIMIT (201 convergence tests)."""

    limited = 0

    def _init_probability(self):  # a trial starts
        self.tests = 0
        return super()._init_probability()

    def _normalize_prob(self, prob):
        self.tests += 1
        self.limited += self.tests == self.ITERATION_LIMIT // 5 + 1
        return super()._normalize_prob(prob)


def _reference_and_limited(text: str):
    detector = _Counting(_library_factory())
    detector.append(text)
    try:
        return [(lang.lang, lang.prob) for lang in detector.get_probabilities()], detector.limited
    except LangDetectException as exc:
        return type(exc).__name__, 0


def test_compiled_walk_matches_langdetect_on_every_sentence_and_on_words_that_never_converge():
    """The compiled walk (translate_cmp/lang/walk.py) against langdetect itself: every sentence of the project's
    articles (eleven languages), the localisation fixtures' file text, and single words from them, which the
    library often walks to ITERATION_LIMIT (1,001 draws a trial, far into the random stream)."""
    folders = ("seeds", "benchmarks/articles", "benchmarks/roundtrip_articles")
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted((ROOT / folder).glob("*.txt"))]
    sentences = [t[a:b] for t in texts for a, b, _ in split_spans(t)]
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "l10n_files").iterdir())]
    words = sorted({w for s in sentences for w in s.split()})
    words = [w for w in words if len(w) <= 4] + words[::12]  # short words walk longest
    cases = sentences + fixtures + words
    expected = [_reference_and_limited(t) for t in cases]
    assert sum(limited == 7 for _, limited in expected) >= 3  # texts whose every trial reaches the limit
    assert sum(limited for _, limited in expected) >= 100  # trials that reach it
    found = BatchDetector(_factory(), compiled=True).probabilities_many(cases)
    got = ["LangDetectException" if f is None else [(x.lang, x.prob) for x in f] for f in found]
    assert [k for k, (g, (e, _)) in enumerate(zip(got, expected)) if g != e] == []
    one = FastDetector(_factory())
    assert [_fast(one, t) for t in words] == [e for e, _ in expected[-len(words):]]


@pytest.mark.parametrize("compiled", [False, True])
def test_a_walk_past_the_drawn_words_draws_more_and_starts_that_document_again(monkeypatch, compiled):
    """The stream starts at 16 words here: every document outruns it (a Gaussian pair takes four words, every
    sample at least one): the stream doubles (the compiled walk stops there and goes on from that document)."""
    monkeypatch.setattr(_Stream, "START", 16)
    texts = [s for s in _texts() if 20 < len(s) < 200][:20] + ["op", "ЦСКА"]
    batch = BatchDetector(_factory(), compiled=compiled)
    found = batch.probabilities_many(texts)
    assert len(batch._stream.words) > 7 * 1000  # the words' walks: seven trials of 1,001 draws
    assert len(batch._stream.gauss) == len(batch._stream.words) - 3
    got = ["LangDetectException" if f is None else [(x.lang, x.prob) for x in f] for f in found]
    assert got == [_reference(t) for t in texts]


_CHILD = """
import json, sys
from translate_cmp.lang.detect import _fast, detect_many
_fast().load_compiled()
print(json.dumps([[d.lang, d.prob] for d in detect_many(sys.argv[1:])]))
"""


def test_the_compiled_walk_caches_where_numba_may_write_and_runs_where_it_may_not(tmp_path):
    """numba's cache goes under NUMBA_CACHE_DIR when it is set (a read-only install sets it, or numba falls back to
    the user's cache folder); where no locator can write, the walk is compiled in the process. Same answers."""
    import json
    import os
    import subprocess
    import sys

    texts = ["Der Minister sagte, die Gespräche würden fortgesetzt.", "op", "El gobierno anunció nuevas medidas."]
    expected = [[d.lang, d.prob] for d in detect_many(texts)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NUMBA_CACHE_DIR": str(tmp_path / "numba")}
    for extra in ({}, {"NUMBA_CACHE_LOCATOR_CLASSES": "IPythonCacheLocator"}):  # the second: no locator applies
        out = subprocess.run([sys.executable, "-c", _CHILD, *texts], env={**env, **extra}, cwd=tmp_path,
                             capture_output=True, text=True, check=True)
        assert json.loads(out.stdout) == expected
    cached = {p.suffix for p in (tmp_path / "numba").rglob("walk.walk-*")}
    assert cached == {".nbi", ".nbc"}


def test_a_detector_walks_with_numpy_until_the_compiled_walk_pays(monkeypatch):
    """Loading the compiled walk costs about a second: a detector walks its first COMPILED_FROM texts with numpy
    (side by side), then loads it and uses it for every batch after; the answers are the same."""
    monkeypatch.setattr(BatchDetector, "COMPILED_FROM", 100)
    texts = [s for s in _texts() if 20 < len(s) < 300]
    assert len(texts) > 160
    batch = BatchDetector(_factory())
    first = batch.probabilities_many(texts[:60])
    assert batch.compiled is None  # numpy so far
    second = batch.probabilities_many(texts[60:160])
    assert batch.compiled is True
    third = batch.probabilities_many(texts[160:])
    got = [[(x.lang, x.prob) for x in f] for f in first + second + third]
    assert got == [_reference(t) for t in texts]


def _sum_as_python_312(values):
    """CPython 3.12's ``sum()`` of floats (Python/bltinmodule.c): Neumaier's compensated sum, from ``0 + values[0]``."""
    total, c = 0 + values[0], 0.0
    for x in values[1:]:
        t = total + x
        c += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + c if c and math.isfinite(c) else total


def test_the_compiled_walk_sums_as_python_3_12_does_where_it_runs_on_3_12(monkeypatch):
    """From Python 3.12 on, ``sum()`` compensates (langdetect's ``sum(prob)`` with it): langdetect run with that
    sum here, and the compiled walk told to sum so, agree bit for bit; on these texts the two sums differ."""
    import langdetect.detector

    texts = [s for s in _texts() if len(s) < 400][:150]
    compensated = BatchDetector(_factory(), compiled=True, compensated=True).probabilities_many(texts)
    plain = BatchDetector(_factory(), compiled=True, compensated=False).probabilities_many(texts)
    monkeypatch.setattr(langdetect.detector, "sum", _sum_as_python_312, raising=False)
    got = ["LangDetectException" if f is None else [(x.lang, x.prob) for x in f] for f in compensated]
    assert got == [_reference(t) for t in texts]
    assert [[x.prob for x in f] for f in compensated if f] != [[x.prob for x in f] for f in plain if f]


def test_a_process_about_to_fork_for_many_documents_loads_the_compiled_walk(tmp_path):
    """The pool calls load_shared(documents) before it forks: from COMPILED_FROM documents the compiled walk is
    loaded there (the workers inherit it), below it not (numba stays unimported)."""
    import os
    import subprocess
    import sys

    child = ("import sys; from translate_cmp.lang.detect import _fast, load_shared; load_shared({n}); "
             "print(_fast().compiled, 'numba' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    answers = [subprocess.run([sys.executable, "-c", child.format(n=n)], env=env, cwd=tmp_path, capture_output=True,
                              text=True, check=True).stdout.split() for n in (10, BatchDetector.COMPILED_FROM)]
    assert answers == [["None", "False"], ["True", "True"]]
