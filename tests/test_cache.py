"""The persistent translation cache: hits and misses, what the key holds, concurrency, crash safety."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from translate_cmp.engines.base import Engine, TokenScore
from translate_cmp.engines.cache import CACHE_FILE, CachingEngine, TranslationCache, context_digest, default_cache_dir
from translate_cmp.records import Translated


class ShoutEngine(Engine):
    """A tiny deterministic engine (upper-cases) that records what it was asked to translate."""

    name = "shout"

    def __init__(self, model: str = "m1", beam: int = 1):
        self.model, self.beam = model, beam
        self.calls: list[list[str]] = []
        self.scored: list[list[tuple[str, str]]] = []

    def directions(self) -> set[tuple[str, str]]:
        return {("en", "es"), ("es", "en")}

    def model_id(self, src: str, tgt: str) -> str:
        return f"{self.model}:{src}-{tgt}"

    def settings(self) -> dict:
        return {"beam_size": self.beam}

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        self.calls.append(list(texts))
        return [Translated(t.upper(), score=-0.5 * len(t) if t else None, truncated=t.endswith("!"), n_tokens=len(t))
                for t in texts]

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        self.scored.append(list(zip(sources, targets, strict=True)))
        return [[TokenScore(w, -len(s) / 8, i, i + len(w)) for i, w in enumerate(t.split())] for s, t in
                zip(sources, targets, strict=True)]


@pytest.fixture
def cache(tmp_path: Path):
    with TranslationCache.in_dir(tmp_path) as c:
        yield c


def test_misses_go_to_the_engine_once_then_hit(cache: TranslationCache):
    inner = ShoutEngine()
    engine = CachingEngine(inner, cache)
    first = engine.translate(["a cat", "a dog!", "a cat"], "en", "es")
    assert [t.text for t in first] == ["A CAT", "A DOG!", "A CAT"]
    assert inner.calls == [["a cat", "a dog!"]]  # one call, each distinct text once
    assert (engine.hits, engine.misses) == (0, 2)

    again = engine.translate(["a dog!", "a cat", "a bird"], "en", "es")
    assert inner.calls[1:] == [["a bird"]]  # only the miss
    assert (engine.hits, engine.misses) == (2, 3)
    assert again[0] == Translated("A DOG!", score=-3.0, truncated=True, n_tokens=6)  # every field survives
    assert again == inner.translate(["a dog!", "a cat", "a bird"], "en", "es")


def test_empty_text_and_none_score_round_trip(cache: TranslationCache):
    engine = CachingEngine(ShoutEngine(), cache)
    engine.translate(["", "x"], "en", "es")
    fresh = CachingEngine(ShoutEngine(), cache)
    assert fresh.translate(["", "x"], "en", "es") == [Translated("", None, False, 0), Translated("X", -0.5, False, 1)]
    assert fresh.misses == 0


def test_entries_persist_across_connections(tmp_path: Path):
    with TranslationCache.in_dir(tmp_path) as c:
        CachingEngine(ShoutEngine(), c).translate(["hello"], "en", "es")
    assert (tmp_path / CACHE_FILE).exists()
    inner = ShoutEngine()
    with TranslationCache.in_dir(tmp_path) as c:
        assert CachingEngine(inner, c).translate(["hello"], "en", "es")[0].text == "HELLO"
    assert inner.calls == []


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(lambda: (ShoutEngine(model="m2"), "en", "es"), id="model id"),
        pytest.param(lambda: (ShoutEngine(beam=4), "en", "es"), id="settings"),
        pytest.param(lambda: (ShoutEngine(), "es", "en"), id="direction"),
    ],
)
def test_key_includes_model_settings_and_direction(cache: TranslationCache, other):
    CachingEngine(ShoutEngine(), cache).translate(["hola"], "en", "es")
    inner, src, tgt = other()
    engine = CachingEngine(inner, cache)
    engine.translate(["hola"], src, tgt)
    assert inner.calls == [["hola"]]
    assert engine.misses == 1


def test_key_includes_engine_name(cache: TranslationCache):
    class Whisper(ShoutEngine):
        name = "whisper"

        def translate(self, texts, src, tgt):
            self.calls.append(list(texts))
            return [Translated(t.lower()) for t in texts]

    CachingEngine(ShoutEngine(), cache).translate(["Hola"], "en", "es")
    assert CachingEngine(Whisper(), cache).translate(["Hola"], "en", "es")[0].text == "hola"


def test_large_batches_span_several_queries(cache: TranslationCache):
    texts = [f"sentence {i}" for i in range(1234)]
    CachingEngine(ShoutEngine(), cache).translate(texts[:700], "en", "es")
    inner = ShoutEngine()
    engine = CachingEngine(inner, cache)
    out = engine.translate(texts, "en", "es")
    assert [t.text for t in out] == [t.upper() for t in texts]
    assert inner.calls == [texts[700:]]
    assert (engine.hits, engine.misses) == (700, 534)


def test_engine_interface_delegates(cache: TranslationCache):
    inner = ShoutEngine()
    engine = CachingEngine(inner, cache)
    assert engine.name == "shout"
    assert engine.directions() == inner.directions() and engine.can_translate("en", "es")
    assert engine.model_id("en", "es") == "m1:en-es" and engine.settings() == {"beam_size": 1}
    assert engine.stats() == {"path": str(cache.path), "hits": 0, "misses": 0}


def test_scores_are_cached_by_pair_and_direction(cache: TranslationCache):
    inner = ShoutEngine()
    engine = CachingEngine(inner, cache)
    first = engine.score(["ab", "ab", "c"], ["x y", "x y", "x y"], "es", "en")
    assert inner.scored == [[("ab", "x y"), ("c", "x y")]]  # one call, each distinct pair once
    assert first[0] == first[1] == [TokenScore("x", -0.25, 0, 1), TokenScore("y", -0.25, 1, 2)]

    again = CachingEngine(ShoutEngine(), cache)
    assert again.score(["c", "ab", "a"], ["x y", "x y", "bx y"], "es", "en") == [
        first[2], first[0], [TokenScore("bx", -0.125, 0, 2), TokenScore("y", -0.125, 1, 2)]]
    assert again.inner.scored == [[("a", "bx y")]]
    # a pair that concatenates the same is another pair; another direction is another context
    again.score(["abx"], [" y"], "es", "en")
    again.score(["ab"], ["x y"], "en", "es")
    assert again.inner.scored[1:] == [[("abx", " y")], [("ab", "x y")]]
    assert again.hits == again.misses == 0  # translation counters only


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "translate-cmp"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "translate-cmp"


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


WRITER = """
    import sys
    from translate_cmp.engines.cache import TranslationCache
    from translate_cmp.records import Translated
    cache = TranslationCache(sys.argv[1])
    tag = sys.argv[2]
    for i in range(150):
        cache.put_many("ctx", "key", [(f"{tag}-{i}-{j}", Translated(f"{tag}{i}{j}")) for j in range(4)])
        cache.get_many("ctx", [f"{tag}-{i}-0", f"other-{i}-0"])
    print("ok")
"""


def test_two_processes_write_at_once(tmp_path: Path):
    path = tmp_path / CACHE_FILE
    TranslationCache(path).close()
    writers = [_python(WRITER, str(path), tag) for tag in ("a", "b")]
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        assert out.strip() == "ok"
    with TranslationCache(path) as c:
        assert c.count("ctx") == 2 * 150 * 4
        assert c.get_many("ctx", ["a-149-3", "b-0-0"]) == {"a-149-3": Translated("a1493"), "b-0-0": Translated("b00")}


def test_reader_sees_a_writers_commits_while_both_are_open(tmp_path: Path):
    path = tmp_path / CACHE_FILE
    with TranslationCache(path) as a, TranslationCache(path) as b:
        assert b.get_many("ctx", ["x"]) == {}
        a.put_many("ctx", "key", [("x", Translated("X"))])
        assert b.get_many("ctx", ["x"]) == {"x": Translated("X")}
        b.put_many("ctx", "key", [("y", Translated("Y"))])
        assert a.count() == 2


CRASHER = """
    import os, signal, sys
    from translate_cmp.engines.cache import TranslationCache
    from translate_cmp.records import Translated
    cache = TranslationCache(sys.argv[1])
    cache.put_many("ctx", "key", [("committed", Translated("C"))])
    db = cache._db
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO translations VALUES ('ctx', ?, 'U', NULL, 0, 0)", [(f"u{i}",) for i in range(5000)])
    print("holding the write lock", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_writer_killed_mid_transaction_leaves_a_usable_cache(tmp_path: Path):
    path = tmp_path / CACHE_FILE
    proc = _python(CRASHER, str(path))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -9, err
    assert "holding the write lock" in out
    with TranslationCache(path) as c:
        assert c.get_many("ctx", ["committed", "u0", "u4999"]) == {"committed": Translated("C")}
        assert c.count() == 1
        c.put_many("ctx", "key", [("after", Translated("A"))])  # the dead writer's lock is gone
        assert c.count() == 2
        assert c._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_context_digest_is_stable():
    assert context_digest("k") == context_digest("k") != context_digest("k2")
    assert len(context_digest("k")) == 32
