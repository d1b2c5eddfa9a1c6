"""Issue 24: tables of short rows in big chunks, run.json bounded in the rows, one huge document refused."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.pipeline import CHUNK_CHARS_PER_DOC, MAX_CHUNK_GROWTH, SHORT_DOC_CHARS, document_chunks
from translate_cmp.records import Document


def _docs(n: int, chars: int) -> list[Document]:
    return [Document(f"d{i}", f"p{i}", "x" * chars) for i in range(n)]


def test_short_documents_are_gathered_into_bigger_chunks_long_ones_are_not():
    short = list(document_chunks(_docs(1000, 300), 8, 8 * CHUNK_CHARS_PER_DOC))  # gathered up to the budget
    assert [len(c) for c in short] == [8 * CHUNK_CHARS_PER_DOC // 300 + 1] * 18 + [1000 - 18 * 54]
    # one-sentence rows (under SHORT_DOC_CHARS on average): as many as a chunk may hold, whatever the budget
    most = 8 * MAX_CHUNK_GROWTH
    rows = list(document_chunks(_docs(2 * most + 100, SHORT_DOC_CHARS - 1), 8, 8 * CHUNK_CHARS_PER_DOC))
    assert [len(c) for c in rows] == [most, most, 100]
    long = list(document_chunks(_docs(20, 5000), 8, 8 * CHUNK_CHARS_PER_DOC))
    assert [len(c) for c in document_chunks(_docs(20, 100), 8)] == [8, 8, 4]  # no budget: exactly 8
    assert [len(c) for c in long] == [8, 8, 4]
    assert [d.doc_id for c in short for d in c] == [f"d{i}" for i in range(1000)]  # input order kept


def test_run_json_lists_the_first_documents_whose_rules_did_not_run_and_counts_the_rest(tmp_path, monkeypatch):
    from translate_cmp.run import job

    monkeypatch.setattr(job, "NOT_RUN_LISTED", 2)
    table = tmp_path / "rows.csv"
    rows = ["The minister said the talks would continue next week in Brussels."] * 5
    table.write_text("text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(table), "--engine", "none", "--no-cache", "--out", str(out)])
    assert res.exit_code == 0, res.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert list(manifest["rules_not_run"]) == ["rows:1", "rows:2"]  # English: L305, S110 ... serve other languages
    assert manifest["rules_not_run_unlisted"] == 3


def test_a_text_file_over_the_one_document_limit_is_refused_in_one_line(tmp_path, monkeypatch):
    from translate_cmp.readers import decode

    monkeypatch.setattr(decode, "MAX_DOCUMENT_BYTES", 3 * 2**20)
    big = tmp_path / "big.txt"
    big.write_text("word " * (4 * 2**20 // 5), encoding="utf-8")
    table = tmp_path / "big.csv"  # a table of the same size streams row by row: still read
    table.write_text("text\n" + "word word word.\n" * (4 * 2**20 // 16), encoding="utf-8")
    res = CliRunner().invoke(cli, ["run", str(big), "--engine", "none", "--no-cache", "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and re.search(r"big\.txt: file is 4 MiB, over the 3 MiB limit for one document", lines[0])
    assert decode.decode_file(table).text.startswith("text\n")


def test_the_scale_tables_rows_differ_in_the_letters_langdetect_reads_unless_the_digits_table_is_asked():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from scale import sentences, table_rows

    from translate_cmp.lang.detect import _fast
    from translate_cmp.lang.langdetect_fast import cleaned

    fast = _fast()
    longest = fast.factory.create().max_text_length

    def sequences(rows: list[str]) -> set[tuple[int, ...]]:  # what langdetect_fast computes once per batch
        return {tuple(fast._rows(cleaned(text, longest))) for text in rows}

    words, digits = table_rows(1200), table_rows(1200, "digits")  # three copies of each sentence, and more
    assert len(set(words)) == len(sequences(words)) == 1200
    assert len(sequences(digits)) * 2 < len(set(digits))  # copies varied by a number only: read alike
    copy = words[len(set(sentences()))]  # the first sentence's first copy: " (word)" before its closing punctuation
    assert copy != words[0] and re.sub(r" \(\w+\)", "", copy, count=1) == words[0]

