"""A cache folder shared across CI branches runs no code, writes nowhere else and deletes only its own entries
(issue 23, cases 3, 4 and 5 of the brief: links in the cache, foreign files in ``runs/``, pickled entries).

Real CLI runs with ``--engine none`` on a private ``--cache-dir``; the planted pickles would create a marker
file if anything unpickled them.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.engines.cache import CACHE_FILE, SCHEMA_VERSION, TranslationCache
from translate_cmp.pipeline import run_documents
from translate_cmp.records import Document, Unit
from translate_cmp.run import result_record
from translate_cmp.run.memo import FOLDER, KEEP, MAGIC

ARTICLES = {
    "a.txt": "The committee met on Monday. Prices rose in March. The the report was late.\n",
    "b.txt": "El comité se reunió el lunes. Los precios subieron en marzo.\n",
}


class _Exploit:
    """Unpickling this writes the marker file: proof that a pickle was loaded."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "pwned"))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(tmp: Path, inputs: Path, out: str = "out", cache: Path | None = None, *extra: str):
    args = ["run", str(inputs), "--engine", "none", "--out", str(tmp / out), "--cache-dir",
            str(cache or tmp / "cache"), *extra]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _manifest(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def _computed(out: Path) -> dict[str, bytes]:
    """The files two computed runs agree on (the report's run details hold timings)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name not in ("run.json", "report.html")}


def _notices(stderr: str, text: str) -> list[str]:
    return [line for line in stderr.splitlines() if text in line]


def test_pickled_results_rows_are_never_loaded(tmp_path, inputs):
    marker = tmp_path / "marker"
    assert _run(tmp_path, inputs).exit_code == 0
    cold = _computed(tmp_path / "out")
    for entry in (tmp_path / "cache" / FOLDER).iterdir():
        entry.unlink()  # no run memo: the next run goes to the document results
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM results")]
        assert len(keys) == 2
        db.executemany("UPDATE results SET value = ? WHERE key = ?",
                       [(pickle.dumps(_Exploit(marker)), k) for k in keys])
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert not marker.exists()
    assert _manifest(tmp_path / "out")["cache"]["documents_reused"] == 0  # planted rows are misses
    assert _computed(tmp_path / "out") == cold


def test_a_cache_of_version_1_loses_its_pickles_and_keeps_its_translations(tmp_path, inputs):
    marker = tmp_path / "marker"
    path = tmp_path / "cache" / CACHE_FILE
    TranslationCache(path).close()  # a fresh cache, then made to look like version 1
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO translations VALUES ('ctx', 'Hello.', 'Hola.', NULL, 0, 1)")
        db.execute("INSERT INTO results VALUES ('k', ?)", (pickle.dumps(_Exploit(marker)),))
        db.execute("PRAGMA user_version = 1")
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert not marker.exists() and not _notices(res.stderr, "translation cache")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT target FROM translations WHERE source = 'Hello.'").fetchall() == [("Hola.",)]
        assert db.execute("SELECT count(*) FROM results WHERE key = 'k'").fetchone()[0] == 0


def _old_memo(key: str, marker: Path) -> bytes:
    """A run memo entry as version 1 wrote it (magic, SHA-256, pickle): loading it would run the exploit."""
    magic = b"translate-cmp run memo 1\n"
    body = pickle.dumps({"key": key, "files": {}, "manifest": {}, "stats": {}, "notices": [], "split": {},
                         "x": _Exploit(marker)})
    return magic + hashlib.sha256(body).digest() + body


def test_a_pickled_run_memo_entry_is_never_loaded(tmp_path, inputs):
    marker = tmp_path / "marker"
    assert _run(tmp_path, inputs).exit_code == 0
    cold = _computed(tmp_path / "out")
    (entry,) = (tmp_path / "cache" / FOLDER).iterdir()
    entry.write_bytes(_old_memo(entry.stem, marker))
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert not marker.exists()
    assert _notices(res.stderr, "run memo") == [
        f"translate-cmp: {entry}: a run memo of another version of translate-cmp; ignored"]
    assert not _manifest(tmp_path / "out")["cache"]["run_reused"]
    assert _computed(tmp_path / "out") == cold
    assert entry.read_bytes().startswith(MAGIC)  # the run stored a sound entry in its place
    res = _run(tmp_path, inputs)
    assert _manifest(tmp_path / "out")["cache"]["run_reused"] and _computed(tmp_path / "out") == cold


@pytest.mark.parametrize("version", [3, 99, -1])
def test_a_cache_of_an_unknown_version_is_ignored_with_one_notice(tmp_path, inputs, version):
    path = tmp_path / "cache" / CACHE_FILE
    path.parent.mkdir()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE mine (x)")
        db.execute(f"PRAGMA user_version = {version}")
    before = path.read_bytes()
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert _notices(res.stderr, "translation cache") == [
        f"translate-cmp: translation cache not used: {path}: cache schema {version}, written by another version of "
        f"translate-cmp (this one reads {SCHEMA_VERSION}); ignored; translating without it"]
    assert path.read_bytes() == before
    assert _manifest(tmp_path / "out")["cache"] is None and (tmp_path / "out" / "sentences.csv").exists()


def test_a_linked_database_is_not_written_through(tmp_path, inputs):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "empty.db").write_bytes(b"")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CACHE_FILE).symlink_to(elsewhere / "empty.db")
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert (elsewhere / "empty.db").read_bytes() == b""
    assert sorted(p.name for p in elsewhere.iterdir()) == ["empty.db"]
    assert len(_notices(res.stderr, "a symbolic link")) == 1


@pytest.mark.parametrize("companion", ["-wal", "-shm"])
def test_a_linked_wal_or_shm_file_is_not_written_through(tmp_path, inputs, companion):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "victim").write_bytes(b"keep me")
    assert _run(tmp_path, inputs).exit_code == 0
    (tmp_path / "cache" / (CACHE_FILE + companion)).unlink(missing_ok=True)
    (tmp_path / "cache" / (CACHE_FILE + companion)).symlink_to(elsewhere / "victim")
    (tmp_path / "in" / "a.txt").write_text("A changed text. Quite different now.\n", encoding="utf-8")
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert (elsewhere / "victim").read_bytes() == b"keep me"


def _user_files(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {f"photo{i:02d}.jpg": b"\xff\xd8 user data %d" % i for i in range(10)}
    files["a" * 64 + ".memo"] = b"not a memo: a user file that happens to have a memo's name"
    files["notes.memo"] = b"user notes"
    for i, (name, data) in enumerate(files.items()):
        (folder / name).write_bytes(data)
        os.utime(folder / name, (1_000_000 + i, 1_000_000 + i))  # older than any entry
    return files


def _varied_runs(tmp_path: Path, inputs: Path, n: int) -> None:
    for i in range(n):
        (inputs / "a.txt").write_text(ARTICLES["a.txt"] + f"Line {i}.\n", encoding="utf-8")
        assert _run(tmp_path, inputs).exit_code == 0


def test_the_memo_prunes_only_its_own_entries(tmp_path, inputs):
    runs = tmp_path / "cache" / FOLDER
    files = _user_files(runs)
    _varied_runs(tmp_path, inputs, KEEP + 3)
    for name, data in files.items():
        assert (runs / name).read_bytes() == data, name
    ours = [p for p in runs.iterdir() if p.read_bytes().startswith(MAGIC)]
    assert len(ours) == KEEP


def test_a_linked_runs_folder_is_not_followed(tmp_path, inputs):
    elsewhere = tmp_path / "elsewhere"
    files = _user_files(elsewhere)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / FOLDER).symlink_to(elsewhere, target_is_directory=True)
    _varied_runs(tmp_path, inputs, KEEP + 3)
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == files  # nothing added, nothing deleted
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0 and not _manifest(tmp_path / "out")["cache"]["run_reused"]
    assert _notices(res.stderr, "runs are not reused") == [
        f"translate-cmp: {tmp_path / 'cache' / FOLDER}: a symbolic link (-> {elsewhere}); not followed, runs are "
        "not reused"]


def test_a_linked_or_special_memo_entry_is_not_read(tmp_path, inputs):
    assert _run(tmp_path, inputs).exit_code == 0
    (entry,) = (tmp_path / "cache" / FOLDER).iterdir()
    secret = tmp_path / "secret"
    secret.write_bytes(entry.read_bytes())  # even a valid entry is not read through a link
    entry.unlink()
    entry.symlink_to(secret)
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0 and not _manifest(tmp_path / "out")["cache"]["run_reused"]
    assert _notices(res.stderr, "not a regular file") == [f"translate-cmp: {entry}: not a regular file; ignored"]
    assert not entry.is_symlink() and secret.read_bytes().startswith(MAGIC)  # replaced, not written through
    entry.unlink()
    os.mkfifo(entry)  # would block a plain read
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0 and _notices(res.stderr, "not a regular file")


def test_document_results_round_trip_exactly_through_json(seed_documents):
    unit = Unit("greeting", "Hello %s", "en", "de", notes="n", fuzzy=True, plural_index=1, fmt="po",
                flags=("python-format",), file="x.po", file_id="x", line=3, source_plural="Hellos")
    docs = [*seed_documents, Document("x:greeting", "x.po:3", "Hallo Welt", "utf-8", unit=unit)]
    from translate_cmp.engines.none import NoneEngine
    from translate_cmp.rules import select_rules

    results = list(run_documents(docs, NoneEngine(), select_rules(None, None)))
    assert any(s.flags for r in results for s in r.sentences)
    for result in results:
        assert result_record.loads(result_record.dumps(result)) == result


@pytest.mark.parametrize("blob", [
    b"\x80\x04K\x01.",  # a pickle
    b"translate-cmp result 0\n{}",  # another format
    result_record.PREFIX + b'{"document": 1}',
    result_record.PREFIX + b"[" * 100_000,
    result_record.PREFIX + b'{"document": {"doc_id": 1, "path": "p", "text": "t", "encoding": "", "unit": null}, '
                           b'"lang": "en", "lang_prob": 1.0, "sentences": []}',
])
def test_a_result_record_that_does_not_fit_is_a_miss(blob):
    with pytest.raises(ValueError):
        result_record.loads(blob)


def test_altered_cache_rows_are_misses(tmp_path):
    from translate_cmp.engines.base import TokenScore
    from translate_cmp.records import Translated

    path = tmp_path / CACHE_FILE
    with TranslationCache(path) as cache:
        cache.put_many("ctx", "key", [(t, Translated(t.upper(), -1.5, False, 3)) for t in ("a", "b", "c", "d")])
        cache.put_scores("ctx", "key", [("p", [TokenScore("x", -0.5, 0, 1)]), ("q", [TokenScore("y", -1.0, 0, 1)])])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE translations SET target = x'41' WHERE source = 'a'")  # a blob, not text
        db.execute("UPDATE translations SET target = CAST(x'ff41' AS TEXT) WHERE source = 'b'")  # not UTF-8
        db.execute("INSERT INTO unknown_words VALUES ('ctx', 'c', ?)", ("[" * 100_000,))
        db.execute("UPDATE scores SET tokens = '[[1, 2]]' WHERE pair = 'p'")
    with TranslationCache(path) as cache:
        found = cache.get_many("ctx", ["a", "b", "c", "d"])
        assert set(found) == {"b", "d"} and found["d"].text == "D"
        assert found["b"].text == "\ufffdA"  # undecodable bytes read as U+FFFD, never an error
        assert set(cache.get_scores("ctx", ["p", "q"])) == {"q"}


def test_tables_of_another_layout_are_not_used(tmp_path, inputs):
    path = tmp_path / "cache" / CACHE_FILE
    path.parent.mkdir()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE translations (context TEXT, other TEXT)")
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert len(_notices(res.stderr, "tables of another layout")) == 1


def test_a_cache_file_that_is_not_a_database_is_not_used(tmp_path, inputs):
    path = tmp_path / "cache" / CACHE_FILE
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = path.read_bytes()
    res = _run(tmp_path, inputs)
    assert res.exit_code == 0, res.output
    assert len(_notices(res.stderr, "translation cache unavailable")) == 1 and path.read_bytes() == before
