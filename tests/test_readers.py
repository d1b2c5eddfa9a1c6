import codecs
from pathlib import Path

import pytest

from translate_cmp.errors import InputError
from translate_cmp.readers import ReadOptions, check_paths, read_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_folder_reads_every_seed_in_order():
    docs = list(read_documents([SEEDS]))  # ids from the repository root (readers/ids.py)
    assert [d.doc_id for d in docs] == sorted(f"seeds/{p.stem}" for p in SEEDS.glob("*.txt"))
    assert docs[0].text == (SEEDS.parent / f"{docs[0].doc_id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Café “quoted”.".encode(),
        codecs.BOM_UTF16_LE + "Café “quoted”.".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Café “quoted”.".encode("utf-16-be"),
        "Café “quoted”.".encode(),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "utf8"],
)
def test_encodings_decode_to_the_same_text(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (doc,) = read_documents([path])
    assert doc.text == "Café “quoted”."


def test_undetectable_bytes_are_a_clear_error_unless_encoding_given(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 \x80\x81\x8d\x8f")
    with pytest.raises(InputError) as err:
        list(read_documents([path]))
    assert str(path) in str(err.value) and "not UTF-8" in str(err.value) and "pass --encoding" in str(err.value)
    (doc,) = read_documents([path], ReadOptions(encoding="latin-1"))
    assert doc.text == "Café \x80\x81\x8d\x8f"
    assert doc.encoding == "latin-1"


def test_missing_path_and_empty_folder_are_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_paths([tmp_path / "nope"])
    with pytest.raises(InputError, match="no readable files"):
        check_paths([tmp_path])


def test_tables_each_row_is_a_document(tmp_path):
    tsv = tmp_path / "rows.tsv"
    tsv.write_text("id\tbody\nA1\tFirst, text.\nA2\t=SUM(1)\n", encoding="utf-8")
    docs = list(read_documents([tsv], ReadOptions(text_column="body", id_column="id")))
    assert [(d.doc_id, d.text) for d in docs] == [("A1", "First, text."), ("A2", "=SUM(1)")]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text('{"text": "Hello there."}\n{"text": "Again."}\n', encoding="utf-8")
    assert [d.doc_id for d in read_documents([jsonl])] == ["rows:1", "rows:2"]


def test_table_without_the_text_column_names_file_and_columns(tmp_path):
    csv = tmp_path / "rows.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rows.csv: no column 'text'.*columns are: a, b"):
        list(read_documents([csv]))


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Two.", encoding="utf-8")
    ids = [d.doc_id for d in read_documents([tmp_path / "a.txt", tmp_path / "x" / "a.txt"])]
    assert ids == ["a", "x/a"]  # paths from the folder holding both: distinct, whatever the order
