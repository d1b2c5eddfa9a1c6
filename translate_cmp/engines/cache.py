"""A persistent translation cache: SQLite on disk, shared safely by concurrent runs.

Each entry is keyed by (engine name, model id, direction, decoding settings, source text): change
the model, its checksum, the beam size or the quantisation and the old entries simply stop
matching. :class:`CachingEngine` wraps any :class:`~translate_cmp.engines.base.Engine`, so the
pipeline does not know the cache exists: one ``translate`` call looks every text up in a few
batched queries, sends only the misses to the wrapped engine in one call, stores the new
translations and commits. The words an engine did not know (``Translated.unknown``, Apertium's
analyser) are kept beside them in ``unknown_words``. A run that is killed keeps everything committed before it died, so
running it again translates only what is left. Forced-decoding scores (``Engine.score``, the
surprisal pass) are cached the same way.

A second table holds whole document results for :class:`translate_cmp.run.result_memo.ResultMemo`: a re-run on unchanged
input with unchanged settings and code skips detection, scoring and flagging too, so it costs
little more than reading the input and writing the outputs.

The database is in WAL mode with a busy timeout, so two runs (or Ray actors on one machine) can
read and write it at the same time; every write is one transaction, so a writer that crashes
mid-transaction leaves the committed entries intact and the rest is rolled back on next open.

A cache folder may be shared across CI branches, so nothing in it may run code or lead the run elsewhere:
stored results are JSON records (:mod:`translate_cmp.run.result_record`), never pickles; the schema's
``user_version`` is checked (a cache of version 1 has its pickled ``results`` rows dropped, everything
else kept; an unknown version is left untouched and the run goes on without a cache, with a one-line
notice); the database file, and its ``-wal``/``-shm``/``-journal`` companions, must not be symbolic
links (else refused the same way), and the database is opened with ``trusted_schema`` off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from translate_cmp.engines.base import Engine, TokenScore
from translate_cmp.records import Translated
from translate_cmp.user_cache import default_cache_dir

CACHE_FILE = "translations.sqlite3"
SCHEMA_VERSION = 2  # 2: results rows are JSON records; 1 held pickles (dropped on upgrade)
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite writes next to the database
BUSY_TIMEOUT_MS = 60_000
_QUERY_BATCH = 500  # host parameters per query, well below SQLite's limit

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    context   TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    score     REAL,
    truncated INTEGER NOT NULL,
    n_tokens  INTEGER NOT NULL,
    PRIMARY KEY (context, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contexts (
    context TEXT PRIMARY KEY,
    key     TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scores (
    context TEXT NOT NULL,
    pair    TEXT NOT NULL,
    tokens  TEXT NOT NULL,
    PRIMARY KEY (context, pair)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unknown_words (
    context TEXT NOT NULL,
    source  TEXT NOT NULL,
    words   TEXT NOT NULL,
    PRIMARY KEY (context, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS results (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
"""


_LAYOUT = {"translations": ("context", "source", "target", "score", "truncated", "n_tokens"),
           "contexts": ("context", "key"), "scores": ("context", "pair", "tokens"),
           "unknown_words": ("context", "source", "words"), "results": ("key", "value")}


def context_key(engine: str, model_id: str, src: str, tgt: str, settings: dict) -> str:
    """The canonical JSON of everything but the text that decides a translation."""
    return json.dumps(
        {"engine": engine, "model": model_id, "src": src, "tgt": tgt, "settings": settings},
        sort_keys=True, separators=(",", ":"), default=str,
    )


def context_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def pair_digest(source: str, target: str) -> str:
    """The cache key of a (source, target) pair for forced-decoding scores."""
    return hashlib.sha256(f"{len(source)}:{source}\0{target}".encode("utf-8", "surrogatepass")).hexdigest()


class CacheRefused(Exception):
    """A cache this version will not use: another schema version, or a symbolic link in its place. The run goes
    on without a cache (:func:`with_cache` prints ``str(self)`` in a one-line notice); nothing is changed."""


def _refuse_links(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)):
        try:
            mode = os.lstat(candidate).st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode):
            raise CacheRefused(f"{candidate}: a symbolic link (-> {os.readlink(candidate)}); not followed")
        if candidate == path and not stat.S_ISREG(mode):
            raise CacheRefused(f"{candidate}: not a regular file")


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fits_translation(target: object, score: object, truncated: object, n_tokens: object) -> bool:
    return (isinstance(target, str) and (score is None or _number(score)) and isinstance(truncated, int)
            and isinstance(n_tokens, int))


def _fits_score(token: object) -> bool:
    return (isinstance(token, list) and len(token) == 4 and isinstance(token[0], str) and _number(token[1])
            and isinstance(token[2], int) and isinstance(token[3], int))


def _json_or_none(text: object) -> object:
    try:
        return json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        return None


def _text(data: bytes) -> str:
    """SQLite TEXT as str; bytes that are not UTF-8 (an altered file) become U+FFFD instead of an error."""
    return data.decode("utf-8", "replace")


class TranslationCache:
    """The on-disk store. One connection per instance; safe to open from several processes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_links(self.path)
        # Autocommit mode: every write below is one explicit transaction.
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        try:
            self._open()
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        self._db.text_factory = _text
        self._db.execute("PRAGMA trusted_schema = OFF")  # a planted schema's triggers and views run no functions
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, 1, SCHEMA_VERSION):
            raise CacheRefused(f"{self.path}: cache schema {version}, written by another version of translate-cmp "
                               f"(this one reads {SCHEMA_VERSION}); ignored")
        self._db.execute("PRAGMA journal_mode = WAL")
        # Commits survive a killed process; a power cut may lose the last ones but never corrupts the file.
        self._db.execute("PRAGMA synchronous = NORMAL")
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # again, inside the transaction
            if version not in (0, 1, SCHEMA_VERSION):
                raise CacheRefused(f"{self.path}: cache schema {version}, written by another version; ignored")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            try:  # tables of this name but another layout: not this version's cache
                for table, columns in _LAYOUT.items():
                    db.execute(f"SELECT {', '.join(columns)} FROM {table} LIMIT 0")
            except sqlite3.OperationalError as exc:
                raise CacheRefused(f"{self.path}: tables of another layout ({exc}); ignored") from None
            if version == 1:
                db.execute("DELETE FROM results")  # pickles: never read again
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @classmethod
    def in_dir(cls, folder: str | Path | None = None) -> TranslationCache:
        return cls(Path(folder or default_cache_dir()) / CACHE_FILE)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front (BEGIN IMMEDIATE) so concurrent writers queue, not fail."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def get_many(self, context: str, texts: Sequence[str]) -> dict[str, Translated]:
        """The cached translations among ``texts`` (missing texts are absent from the result)."""
        found: dict[str, Translated] = {}
        distinct = list(dict.fromkeys(texts))
        for i in range(0, len(distinct), _QUERY_BATCH):
            part = distinct[i:i + _QUERY_BATCH]
            rows = self._db.execute(
                "SELECT source, target, score, truncated, n_tokens FROM translations "
                f"WHERE context = ? AND source IN ({','.join('?' * len(part))})",
                (context, *part),
            )
            for source, target, score, truncated, n_tokens in rows:
                if _fits_translation(target, score, truncated, n_tokens):  # an altered row is a miss
                    found[source] = Translated(target, score, bool(truncated), n_tokens)
            rows = self._db.execute(
                "SELECT source, words FROM unknown_words "
                f"WHERE context = ? AND source IN ({','.join('?' * len(part))})",
                (context, *part),
            )
            for source, words in rows:
                if source in found:
                    unknown = _json_or_none(words)
                    if isinstance(unknown, list) and all(isinstance(w, str) for w in unknown):
                        found[source] = replace(found[source], unknown=tuple(unknown))
                    else:
                        del found[source]
        return found

    def put_many(self, context: str, key: str, items: Iterable[tuple[str, Translated]]) -> None:
        """Store translations and commit them, all in one transaction."""
        items = list(items)
        rows = [(context, s, t.text, t.score, int(t.truncated), t.n_tokens) for s, t in items]
        unknown = [(context, s, json.dumps(list(t.unknown), ensure_ascii=False)) for s, t in items if t.unknown]
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO contexts (context, key) VALUES (?, ?)", (context, key))
            db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO unknown_words VALUES (?, ?, ?)", unknown)

    def get_scores(self, context: str, pairs: Sequence[str]) -> dict[str, list[TokenScore]]:
        """Cached forced-decoding scores among ``pairs`` (digests of source and target, see :func:`pair_digest`)."""
        found: dict[str, list[TokenScore]] = {}
        distinct = list(dict.fromkeys(pairs))
        for i in range(0, len(distinct), _QUERY_BATCH):
            part = distinct[i:i + _QUERY_BATCH]
            rows = self._db.execute(
                f"SELECT pair, tokens FROM scores WHERE context = ? AND pair IN ({','.join('?' * len(part))})",
                (context, *part),
            )
            for pair, tokens in rows:
                scores = _json_or_none(tokens)
                if isinstance(scores, list) and all(_fits_score(t) for t in scores):
                    found[pair] = [TokenScore(*t) for t in scores]
        return found

    def put_scores(self, context: str, key: str, items: Iterable[tuple[str, list[TokenScore]]]) -> None:
        rows = [(context, pair, json.dumps([[t.token, t.logprob, t.start, t.end] for t in tokens],
                                           ensure_ascii=False)) for pair, tokens in items]
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO contexts (context, key) VALUES (?, ?)", (context, key))
            db.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?)", rows)

    def get_results(self, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored document results among ``keys`` (see :class:`translate_cmp.run.result_memo.ResultMemo`)."""
        found: dict[str, bytes] = {}
        distinct = list(dict.fromkeys(keys))
        for i in range(0, len(distinct), _QUERY_BATCH):
            part = distinct[i:i + _QUERY_BATCH]
            rows = self._db.execute(f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})", part)
            found.update(rows)
        return found

    def put_results(self, items: Iterable[tuple[str, bytes]]) -> None:
        rows = list(items)
        with self._write() as db:
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def count(self, context: str | None = None) -> int:
        if context is None:
            return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM translations WHERE context = ?", (context,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class CachingEngine(Engine):
    """An engine that answers from the cache and sends only the misses to the engine it wraps."""

    def __init__(self, inner: Engine, cache: TranslationCache):
        self.inner = inner
        self.cache = cache
        self.hits = 0
        self.misses = 0
        self._contexts: dict[tuple[str, str, str], tuple[str, str]] = {}

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.inner.name

    def directions(self) -> set[tuple[str, str]]:
        return self.inner.directions()

    def can_translate(self, src: str, tgt: str) -> bool:
        return self.inner.can_translate(src, tgt)

    def model_id(self, src: str, tgt: str) -> str:
        return self.inner.model_id(src, tgt)

    def rule_based(self, src: str, tgt: str) -> bool:
        return self.inner.rule_based(src, tgt)

    def settings(self) -> dict:
        return self.inner.settings()

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        """Forced-decoding scores from the cache; only the missing pairs go to the wrapped engine (one call)."""
        digest, key = self.context(src, tgt, "score")
        pairs = [pair_digest(s, t) for s, t in zip(sources, targets, strict=True)]
        found = self.cache.get_scores(digest, pairs)
        todo = {p: i for i, p in enumerate(pairs) if p not in found}  # first index of each missing pair
        if todo:
            new = self.inner.score([sources[i] for i in todo.values()], [targets[i] for i in todo.values()], src, tgt)
            self.cache.put_scores(digest, key, zip(todo, new, strict=True))
            found.update(zip(todo, new, strict=True))
        return [found[p] for p in pairs]

    def context(self, src: str, tgt: str, kind: str = "translate") -> tuple[str, str]:
        """(digest, key) of a direction (and kind of call) under the current model and settings."""
        if (src, tgt, kind) not in self._contexts:
            key = context_key(self.inner.name, self.inner.model_id(src, tgt), src, tgt, self.inner.settings())
            if kind != "translate":
                key = json.dumps({"kind": kind, "context": key}, sort_keys=True)
            self._contexts[(src, tgt, kind)] = (context_digest(key), key)
        return self._contexts[(src, tgt, kind)]

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        digest, key = self.context(src, tgt)
        found = self.cache.get_many(digest, texts)
        misses = [t for t in dict.fromkeys(texts) if t not in found]
        self.hits += len(found)
        self.misses += len(misses)
        if misses:
            new = self.inner.translate(misses, src, tgt)
            if len(new) != len(misses):
                raise RuntimeError(f"engine {self.name!r} returned {len(new)} outputs for {len(misses)} inputs")
            self.cache.put_many(digest, key, zip(misses, new, strict=True))
            found.update(zip(misses, new, strict=True))
        return [found[t] for t in texts]

    def stats(self) -> dict:
        """For run.json: where the cache is and how much it answered."""
        return {"path": str(self.cache.path), "hits": self.hits, "misses": self.misses}


def with_cache(engine: Engine, cache_dir: str | Path | None = None, enabled: bool = True,
               notify: Callable[[str], None] | None = None) -> Engine:
    """``engine`` behind the on-disk cache in ``cache_dir`` (default: :func:`default_cache_dir`).

    Returned unchanged when caching is off. An engine that translates nothing (``none``) is wrapped
    too: it never asks the cache for a translation, but its runs reuse whole document results
    (:class:`translate_cmp.run.result_memo.ResultMemo`), so a re-run of surface rules on unchanged input skips
    detection and rules.
    A cache that cannot be opened (read-only home, full disk) is skipped with a notice rather than
    failing the run.
    """
    if not enabled:
        return engine
    try:
        cache = TranslationCache.in_dir(cache_dir)
    except CacheRefused as exc:
        if notify:
            notify(f"translate-cmp: translation cache not used: {exc}; translating without it")
        return engine
    except (OSError, sqlite3.Error) as exc:
        if notify:
            notify(f"translate-cmp: translation cache unavailable ({exc}); translating without it")
        return engine
    return CachingEngine(engine, cache)
