"""A battery of bad inputs and faults, each made here: exit code, one stderr line, and what was written."""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.readers.text import TextReader
from translate_cmp.writers.atomic import temp_path_for

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The cat sat on the mat. It was a sunny day.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
OLD = "OLD RESULTS\n"


def _run(*args: str):
    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


def _drop_permission_overrides() -> None:
    """In the child, before exec: drop CAP_DAC_OVERRIDE (1) and CAP_DAC_READ_SEARCH (2) from the bounding set,
    so that root, too, is refused what file permissions forbid (CI runs as root)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), f"prctl(PR_CAPBSET_DROP, {capability})")


def _run_bound_by_permissions(*args: str) -> SimpleNamespace:
    """``translate-cmp run`` in a child process that file permissions bind, whoever runs the tests."""
    done = subprocess.run([sys.executable, "-m", "translate_cmp", "run", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
                          preexec_fn=_drop_permission_overrides if IS_ROOT else None)  # fmt: skip
    return SimpleNamespace(exit_code=done.returncode, stderr=done.stderr, output=done.stdout + done.stderr)


def _one_line(stderr: str) -> str:
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith("translate-cmp: error: "), stderr
    return lines[0]


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _jsonl(tmp: Path, *lines: str) -> list[str]:
    return [str(_write(tmp / "rows.jsonl", "".join(line + "\n" for line in lines)))]


def _fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.txt")
    return [str(tmp / "pipe.txt")]


def _fifo_in_folder(tmp: Path) -> list[str]:
    _write(tmp / "in" / "a.txt", GOOD)
    os.mkfifo(tmp / "in" / "b.txt")
    return [str(tmp / "in")]


def _dangling(tmp: Path) -> list[str]:
    (tmp / "gone.txt").symlink_to(tmp / "nowhere.txt")
    return [str(tmp / "gone.txt")]


def _dangling_in_folder(tmp: Path) -> list[str]:
    _write(tmp / "in" / "a.txt", GOOD)
    (tmp / "in" / "gone.txt").symlink_to(tmp / "nowhere.txt")
    return [str(tmp / "in")]


def _loop(tmp: Path) -> list[str]:
    (tmp / "l1.txt").symlink_to(tmp / "l2.txt")
    (tmp / "l2.txt").symlink_to(tmp / "l1.txt")
    return [str(tmp / "l1.txt")]


def _loop_in_folder(tmp: Path) -> list[str]:
    _write(tmp / "in" / "a.txt", GOOD)
    (tmp / "in" / "l1.txt").symlink_to(tmp / "in" / "l2.txt")
    (tmp / "in" / "l2.txt").symlink_to(tmp / "in" / "l1.txt")
    return [str(tmp / "in")]


def _twice(tmp: Path) -> list[str]:
    p = str(_write(tmp / "a.txt", GOOD))
    return [p, p]


def _twice_via_folder(tmp: Path) -> list[str]:
    _write(tmp / "in" / "a.txt", GOOD)
    return [str(tmp / "in"), str(tmp / "in" / ".." / "in")]


def _unreadable(tmp: Path) -> list[str]:
    p = _write(tmp / "secret.txt", GOOD)
    p.chmod(0)
    return [str(p)]


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    _write(tmp / "empty" / "notes.pdf", b"%PDF")
    return [str(tmp / "empty")]


def _newline_name(tmp: Path) -> list[str]:
    return [str(_write(tmp / "bad\nname.txt", b"\x00\x01binary\x00"))]


def _po(charset: str) -> Callable[[Path], list[str]]:
    body = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: de\\n"\n\n'
            'msgid "Hello %s world"\nmsgstr "Hallo Welt"\n')
    return lambda t: [str(_write(t / "x.po", body))]


def _xliff(encoding: str, target: str) -> bytes:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" '
            'original="a" datatype="plaintext"><body>\n<trans-unit id="1"><source>Hello %s world, € 5</source>'
            f"<target>{target}</target></trans-unit>\n</body></file></xliff>\n").encode(encoding, "xmlcharrefreplace")


# Inputs that crashed a run with a traceback and exit 1 (issue 23, case 3): each is now one line, exit 2 alone
# (here) and exit 3 beside good files (test_issue_23_crashers_in_a_batch_are_skipped_and_the_rest_processed).
CRASHERS: dict[str, tuple[Callable[[Path], list[str]], str, tuple[str, ...]]] = {
    "jsonl lone surrogate in the text": (lambda t: _jsonl(t, '{"text": "Hello \\ud800 world."}'),
                                         r"rows\.jsonl: line 1: 'text' holds a lone surrogate \(\\ud800\), not valid "
                                         r"Unicode$", ()),
    "jsonl lone surrogate in the id": (lambda t: _jsonl(t, '{"id": "\\udc00x", "text": "Hello."}'),
                                       r"rows\.jsonl: line 1: id 'id' holds a lone surrogate \(\\udc00\)",
                                       ("--id-column", "id")),
    "jsonl nested 100,000 levels": (lambda t: _jsonl(t, "[" * 100_000 + "]" * 100_000),
                                    r"rows\.jsonl: line 1: not JSON this tool reads \(nested too deeply\)$", ()),
    "jsonl integer of 5,001 digits": (lambda t: _jsonl(t, '{"text": "ok", "n": ' + "7" * 5001 + "}"),
                                      r"rows\.jsonl: line 1: not JSON this tool reads \(Exceeds the limit", ()),
    "text decoded into a lone surrogate": (lambda t: [str(_write(t / "e.txt", b"Hello \\ud800 world."))],
                                           r"e\.txt: holds a lone surrogate \(\\ud800\), not valid Unicode$",
                                           ("--encoding", "unicode_escape")),
    "po charset x-evil": (_po("x-evil"), r"x\.po: unknown charset 'x-evil' in the header; pass --encoding$", ()),
    "po charset rot13": (_po("rot13"), r"x\.po: charset 'rot13' in the header is not one gettext accepts", ()),
    "po charset utf-7": (_po("utf-7"), r"x\.po: charset 'utf-7' in the header is not one gettext accepts", ()),
    "xliff in a charset Python has no codec for": (
        lambda t: [str(_write(t / "tw.xlf", _xliff("UTF-8", "Hallo Welt").replace(b"UTF-8", b"EUC-TW")
                                                                     .replace("€".encode(), b"EUR")))],
        r"tw\.xlf: encoding 'EUC-TW' is not one translate-cmp reads", ("--format", "csv,xliff")),
}


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]
    code: int
    message: str  # regex searched in the one stderr line
    extra: tuple[str, ...] = ()
    permissions: bool = False  # the case is a permission denied: run where permissions bind root too


CASES = [
    Case("missing path", lambda t: [str(t / "nope.txt")], 2, r"nope\.txt: no such file or directory"),
    Case("fifo", _fifo, 2, r"pipe\.txt: is a FIFO"),
    Case("fifo in folder --strict", _fifo_in_folder, 2, r"b\.txt: is a FIFO", ("--strict",)),
    Case("device", lambda t: ["/dev/null"], 2, r"/dev/null: is a device"),
    Case("dangling symlink", _dangling, 2, r"gone\.txt: dangling symbolic link"),
    Case("dangling symlink in folder --follow-links --strict", _dangling_in_folder, 2,
         r"gone\.txt: dangling symbolic link", ("--follow-links", "--strict")),
    Case("symlink loop", _loop, 2, r"l1\.txt: symbolic link loop"),
    Case("symlink loop in folder --follow-links --strict", _loop_in_folder, 2, r"l1\.txt: symbolic link loop",
         ("--follow-links", "--strict")),
    Case("path given twice", _twice, 2, r"a\.txt: path given twice"),
    Case("folder given twice", _twice_via_folder, 2, r"in: path given twice"),
    Case("binary", lambda t: [str(_write(t / "b.txt", b"\x00\x01\x02PK\x03\x04"))], 2, r"b\.txt: binary data"),
    Case("encoding under the confidence floor", lambda t: [str(_write(t / "l.txt", b"caf\xe9 \x80\x81\x8d\x8f"))], 2,
         r"l\.txt: not UTF-8 \(invalid byte 0xe9 at 3\); best guess \S+ at confidence 0\.\d\d, under 0\.75; "
         r"pass --encoding$"),
    Case("no encoding fits", lambda t: [str(_write(t / "r.txt", bytes(range(0x80, 0x100))))], 2,
         r"r\.txt: not UTF-8 \(invalid byte 0x80 at 0\) and no encoding fits; pass --encoding$"),
    Case("utf-16 without bom", lambda t: [str(_write(t / "u.txt", GOOD.encode("utf-16-le")))], 2,
         r"u\.txt: binary data or UTF-16"),
    Case("bad utf-8 after bom", lambda t: [str(_write(t / "m.txt", b"\xef\xbb\xbfok \xff\xfe"))], 2,
         r"m\.txt: not valid utf-8-sig despite"),
    Case("unknown encoding", lambda t: [str(_write(t / "a.txt", GOOD))], 2, r"a\.txt: unknown encoding 'nope'",
         ("--encoding", "nope")),
    Case("folder without readable files", _empty_folder, 2, r"empty: folder holds no readable files"),
    Case("file name with a newline", _newline_name, 2, r"bad\\nname\.txt: binary data"),
    Case("out is a file", lambda t: [str(_write(t / "a.txt", GOOD))], 2, r"--out .*afile: exists and is not a folder",
         ("--out", "{tmp}/afile")),
    Case("cache-dir is a file", lambda t: [str(_write(t / "a.txt", GOOD))], 2,
         r"--cache-dir .*afile: exists and is not a folder", ("--cache-dir", "{tmp}/afile")),
    Case("unknown format", lambda t: [str(_write(t / "a.txt", GOOD))], 2, r"--format: unknown format xml",
         ("--format", "csv,xml")),
    Case("jsonl not json", lambda t: _jsonl(t, '{"text": "ok"}', '{"text": "ok"}', '{"text": '), 2,
         r"rows\.jsonl: line 3: not JSON", ("--strict",)),
    Case("jsonl text is a list", lambda t: _jsonl(t, '{"text": "ok"}', '{"text": ["a", "b"]}'), 2,
         r"rows\.jsonl: line 2: 'text' is list, not a string", ("--strict",)),
    Case("jsonl text is a number", lambda t: _jsonl(t, '{"text": 5}'), 2,
         r"rows\.jsonl: line 1: 'text' is int, not a string"),
    Case("jsonl without text key", lambda t: _jsonl(t, '{"body": "ok"}'), 2,
         r"rows\.jsonl: line 1: no key 'text' \(pass --text-column\); keys are: body"),
    Case("jsonl line not an object", lambda t: _jsonl(t, '{"text": "ok"}', '["text"]'), 2,
         r"rows\.jsonl: line 2: not a JSON object but list", ("--strict",)),
    Case("jsonl id is a list", lambda t: _jsonl(t, '{"id": [1], "text": "ok"}'), 2,
         r"rows\.jsonl: line 1: id 'id' is list", ("--id-column", "id")),
    Case("jsonl duplicate id", lambda t: _jsonl(t, '{"id": 1, "text": "a"}', '{"id": 1, "text": "b"}'), 2,
         r"rows\.jsonl: line 2: duplicate id '1' \(first on line 1\)", ("--id-column", "id", "--strict")),
    Case("jsonl id is a boolean", lambda t: _jsonl(t, '{"id": true, "text": "a"}'), 2,
         r"rows\.jsonl: line 1: id 'id' is bool", ("--id-column", "id")),
    Case("csv duplicate id", lambda t: [str(_write(t / "r.csv", "id,text\nx,One.\nx,Two.\n"))], 2,
         r"r\.csv: row 2: duplicate id 'x' \(first in row 1\)", ("--id-column", "id", "--strict")),
    Case("csv without text column", lambda t: [str(_write(t / "r.csv", "a,b\n1,2\n"))], 2,
         r"r\.csv: no column 'text'"),
    Case("unreadable file", _unreadable, 2, r"secret\.txt: Permission denied", permissions=True),
    *(Case(f"issue 23: {name}", make, 2, message, extra) for name, (make, message, extra) in CRASHERS.items()),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_one_line_and_leaves_outputs_alone(tmp_path, case):
    out = tmp_path / "out"
    _write(out / "sentences.csv", OLD)
    _write(tmp_path / "afile", "not a folder")
    paths = case.make(tmp_path)
    extra = [a.replace("{tmp}", str(tmp_path)) for a in case.extra]
    if "--out" not in extra:
        extra += ["--out", str(out)]
    res = (_run_bound_by_permissions if case.permissions else _run)(*paths, "--engine", "none", "--no-cache", *extra)
    assert res.exit_code == case.code, res.output
    assert re.search(case.message, _one_line(res.stderr)), res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["sentences.csv"]
    assert (out / "sentences.csv").read_text(encoding="utf-8") == OLD


def _good_run(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    _write(tmp_path / "in" / "a.txt", GOOD)
    _write(tmp_path / "in" / "b.txt", "Another text. With two sentences.\n")
    out = tmp_path / "out"
    res = _run(str(tmp_path / "in"), "--engine", "none", "--out", str(out))
    assert res.exit_code == 0, res.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {"sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl", "report.html", "run.json"} <= set(
        before)
    _write(tmp_path / "in" / "a.txt", "A changed text. Quite different now.\n")
    return out, before


@pytest.mark.parametrize("fail_on_call", [1, 3, 6])
def test_fault_during_publish_leaves_previous_set_byte_identical(tmp_path, monkeypatch, fail_on_call):
    out, before = _good_run(tmp_path)
    real_replace, calls = os.replace, []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == fail_on_call:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    res = _run(str(tmp_path / "in"), "--engine", "none", "--out", str(out))
    assert res.exit_code == 4, res.output
    assert re.search(r"out/\S+: No space left on device$", _one_line(res.stderr))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_folder_in_place_of_an_output_file_is_environment_error(tmp_path):
    out, before = _good_run(tmp_path)
    (out / "report.html").unlink()
    (out / "report.html").mkdir()
    del before["report.html"]
    res = _run(str(tmp_path / "in"), "--engine", "none", "--out", str(out))
    assert res.exit_code == 4, res.output
    assert re.search(r"report\.html: Is a directory", _one_line(res.stderr))
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before


@pytest.mark.parametrize(("error", "code", "message"), [
    (MemoryError, 4, "translate-cmp: error: out of memory"),
    (KeyboardInterrupt, 130, "translate-cmp: error: interrupted"),
], ids=["out-of-memory-exit-4", "ctrl-c-exit-130"])
def test_fault_while_reading_is_one_line_and_leaves_nothing(tmp_path, monkeypatch, error, code, message):
    def fail(self, path, doc_id, options):
        raise error

    monkeypatch.setattr(TextReader, "read", fail)
    res = _run(str(_write(tmp_path / "a.txt", GOOD)), "--engine", "none", "--out", str(tmp_path / "out"))
    assert res.exit_code == code
    assert _one_line(res.stderr) == message
    assert not any((tmp_path / "out").iterdir())


def test_read_only_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        res = _run_bound_by_permissions(str(_write(tmp_path / "a.txt", GOOD)), "--engine", "none", "--out", str(out))
    finally:
        out.chmod(0o755)
    assert res.exit_code == 2
    assert re.search(r"out: cannot write output files \(Permission denied\)", _one_line(res.stderr))
    assert not any(out.iterdir())


def test_stale_temp_files_of_dead_runs_are_removed(tmp_path):
    out = tmp_path / "out"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = _write(out / f".sentences.csv.{dead.stdout.strip()}-abcdef.tmp", "half")
    alive = _write(temp_path_for(out / "flags.jsonl"), "a concurrent run's")
    res = _run(str(_write(tmp_path / "a.txt", GOOD)), "--engine", "none", "--out", str(out))
    assert res.exit_code == 0, res.output
    assert not stale.exists()
    assert alive.exists()


def test_jsonl_ids_kept_as_written(tmp_path):
    rows = _jsonl(tmp_path, '{"id": 1, "text": "One."}', '{"id": "007", "text": "Two."}', '{"text": "Three."}',
                  '{"id": 2.50, "text": "Four."}')
    out = tmp_path / "out"
    res = _run(*rows, "--engine", "none", "--id-column", "id", "--out", str(out))
    assert res.exit_code == 0, res.output
    ids = [json.loads(line)["doc_id"] for line in (out / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["1", "007", "rows:3", "2.50"]


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    from translate_cmp.readers import decode

    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    res = _run(str(_write(tmp_path / "big.txt", "word " * 1000)), "--engine", "none", "--out", str(tmp_path / "out"))
    assert res.exit_code == 2
    assert re.search(r"big\.txt: file is 0 MiB, over the 0 MiB limit", _one_line(res.stderr))


def test_long_sentence_diff_is_linear_and_exact_at_the_edges():
    from translate_cmp.score.worddiff import MAX_DIFF_WORDS, word_diff

    words = ["w" + str(i % 7) for i in range(MAX_DIFF_WORDS * 5)]
    changed = [*words[:10], "NEW", *words[11:]]
    diff = word_diff(" ".join(words), " ".join(changed))
    assert diff == " ".join([*words[:10], "[-" + words[10] + "-]", "{+NEW+}", *words[11:]])
    assert word_diff(" ".join(words), " ".join(words)) == " ".join(words)


def test_issue_23_crashers_in_a_batch_are_skipped_and_the_rest_processed(tmp_path):
    out = tmp_path / "out"
    good = _write(tmp_path / "good" / "a.txt", GOOD)
    bad = []
    for n, (make, message, extra) in enumerate(CRASHERS.values()):
        if extra[:1] == ("--encoding",):
            continue  # --encoding applies to every file of the run
        folder = tmp_path / f"bad{n}"
        folder.mkdir()
        bad += [(path, message) for path in make(folder)]
    res = _run(str(good), *(str(p) for p, _ in bad), "--engine", "none", "--no-cache", "--out", str(out),
               "--id-column", "id", "--format", "csv,xliff,po")
    assert res.exit_code == 3, res.output
    errors = [line for line in res.stderr.splitlines() if line.startswith("translate-cmp: error: ")]
    assert len(errors) == len(bad), res.stderr
    for (path, message), line in zip(bad, errors):
        assert re.search(message, line) and line.startswith(f"translate-cmp: error: {path}: "), (line, message)
    assert "The cat sat on the mat." in (out / "sentences.csv").read_text(encoding="utf-8")
    assert not (out / "annotated").exists()  # no bad file is ever copied


@pytest.mark.parametrize(("encoding", "target"), [("ISO-8859-1", "&#x4E2D;&#x6587; Welt"),
                                                  ("Shift_JIS", "日本語のテキスト")], ids=["iso-8859-1", "shift_jis"])
def test_annotated_xliff_in_a_charset_that_cannot_hold_the_findings(tmp_path, encoding, target):
    from lxml import etree

    original = _write(tmp_path / "in" / "x.xlf", _xliff(encoding, target)).read_bytes()
    out = tmp_path / "out"
    res = _run(str(tmp_path / "in"), "--engine", "none", "--no-cache", "--out", str(out), "--format", "csv,xliff")
    assert res.exit_code == 0, res.output
    copy = (out / "annotated" / "x.xlf").read_bytes()
    notes = [n.text for n in etree.fromstring(copy).iter("{*}note")]
    assert notes and any("€" in n for n in notes)  # the source quoted in C506, written as a character reference
    assert re.sub(rb"<note [^>]*>.*?</note>", b"", copy) == original  # every other byte as it was


def test_a_copy_that_cannot_be_annotated_is_one_line_and_exit_3(tmp_path):
    # U+FF61 may start a name in XML 1.0 fifth edition (libxml2 reads it) but not for expat, the copy's scanner
    odd = _xliff("UTF-8", "Hallo Welt").replace(b'<trans-unit id="1">', '<trans-unit id="1" \uff61x="y">'.encode())
    _write(tmp_path / "in" / "odd.xlf", odd)
    _write(tmp_path / "in" / "x.xlf", _xliff("ISO-8859-1", "Hallo Welt"))
    out = tmp_path / "out"
    res = _run(str(tmp_path / "in"), "--engine", "none", "--no-cache", "--out", str(out), "--format", "csv,xliff")
    assert res.exit_code == 3, res.output
    assert re.search(r"odd\.xlf: annotated xliff copy not written: not well-formed \(invalid token\): line 3",
                     _one_line("\n".join(line for line in res.stderr.splitlines() if "error:" in line)))
    assert sorted(p.name for p in (out / "annotated").iterdir()) == ["x.xlf"]
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in manifest["input_errors"]] == [str(tmp_path / "in" / "odd.xlf")]
    assert manifest["counts"]["documents"] == 2
