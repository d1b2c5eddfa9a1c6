"""A batch survives its worst file: bad files are reported, skipped and listed; the rest is processed (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.writers import read_documents_csv, read_sentences_csv

GOOD_A = "The cat sat on the mat. It was a sunny day.\n"
GOOD_C = "Another text. With two sentences.\n"
BINARY = b"\x00\x01\x02PK\x03\x04 binary \x00\xff"


def _run(*args: str):
    return CliRunner().invoke(cli, ["run", *args, "--engine", "none", "--no-cache"], catch_exceptions=False)


def _folder(tmp: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("translate-cmp: error: ")]


def test_bad_files_are_reported_listed_and_skipped(tmp_path):
    undecodable = b"caf\xe9 \x80\x81\x8d\x8f"
    latin1 = "Le garçon a mangé une crème brûlée à l'hôtel. Noël était très agréable.\n"
    folder = _folder(tmp_path, {"a.txt": GOOD_A, "b.txt": BINARY, "c.txt": GOOD_C, "d.txt": undecodable,
                                "e.txt": latin1.encode("latin-1")})
    out = tmp_path / "out"
    res = _run(str(folder), "--out", str(out))
    assert res.exit_code == 3, res.output
    errors = _error_lines(res.stderr)
    assert len(errors) == 2, res.stderr
    assert errors[0] == f"translate-cmp: error: {folder / 'b.txt'}: binary data or UTF-16 without a byte-order mark; " \
                        "pass --encoding"
    assert errors[1].startswith(f"translate-cmp: error: {folder / 'd.txt'}: ")
    assert "2 files skipped (input errors)" in res.stderr

    docs = read_documents_csv(out / "documents.csv")
    assert list(docs["doc_id"]) == ["a", "c", "e", "b", "d"]  # good documents in input order, then the bad files
    assert list(docs["error"][:3]) == ["", "", ""]
    assert docs.loc[3, "error"] == "binary data or UTF-16 without a byte-order mark; pass --encoding"
    assert docs.loc[3, "path"] == str(folder / "b.txt")
    assert docs.loc[4, "error"].startswith("not UTF-8 (invalid byte 0xe9 at 3); best guess ")
    assert list(docs["n_sentences"]) == [2, 2, 2, 0, 0]
    assert docs["mean_chrf"][3:].isna().all()
    assert list(docs["encoding"]) == ["utf-8", "utf-8", "cp1252 (detected 1.00)", "", ""]

    sentences = read_sentences_csv(out / "sentences.csv")
    assert sorted(set(sentences["doc_id"])) == ["a", "c", "e"]
    assert "".join(sentences[sentences["doc_id"] == "e"]["text"]).replace(" ", "") == latin1.replace(" ", "").strip()
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [e["doc_id"] for e in manifest["input_errors"]] == ["b", "d"]
    assert manifest["counts"]["documents"] == 3


def test_strict_makes_the_first_bad_file_fatal_before_work(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD_A, "b.txt": BINARY, "c.txt": GOOD_C})
    out = tmp_path / "out"
    out.mkdir()
    (out / "sentences.csv").write_text("OLD\n", encoding="utf-8")
    res = _run(str(folder), "--out", str(out), "--strict")
    assert res.exit_code == 2, res.output
    assert res.stderr.splitlines() == [f"translate-cmp: error: {folder / 'b.txt'}: binary data or UTF-16 without a "
                                       "byte-order mark; pass --encoding"]
    assert sorted(p.name for p in out.iterdir()) == ["sentences.csv"]
    assert (out / "sentences.csv").read_text(encoding="utf-8") == "OLD\n"


def test_only_bad_files_is_exit_2_one_line_each_and_nothing_written(tmp_path):
    folder = _folder(tmp_path, {"b.txt": BINARY, "e.txt": BINARY})
    out = tmp_path / "out"
    res = _run(str(folder), "--out", str(out))
    assert res.exit_code == 2, res.output
    assert [line.split(": ")[2] for line in res.stderr.splitlines()] == [str(folder / "b.txt"), str(folder / "e.txt")]
    assert not any(out.iterdir())


def test_a_table_that_fails_part_way_keeps_its_rows_before_the_bad_line(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD_A, "rows.jsonl": '{"text": "One row."}\n{"text": \n'})
    out = tmp_path / "out"
    res = _run(str(folder), "--out", str(out))
    assert res.exit_code == 3, res.output
    assert _error_lines(res.stderr) == [
        f"translate-cmp: error: {folder / 'rows.jsonl'}: line 2: not JSON (Expecting value, column 10)"]
    docs = read_documents_csv(out / "documents.csv")
    assert list(docs["doc_id"]) == ["a", "rows:1", "rows"]
    assert list(docs["error"]) == ["", "", "line 2: not JSON (Expecting value, column 10)"]
