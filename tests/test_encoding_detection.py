"""Per-file encoding detection: Latin-1 and UTF-8 files side by side read every accent correctly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.readers import read_documents
from translate_cmp.readers.base import ReadOptions
from translate_cmp.readers.encoding import CONFIDENCE_FLOOR, guess_encoding
from translate_cmp.writers import read_documents_csv, read_sentences_csv

TEXTS = {
    "fr_latin1.txt": ("latin-1", "Le garçon a mangé une crème brûlée à l'hôtel. Où est la clé ? "
                                 "Noël était très agréable, même sous la pluie.\n"),
    "es_latin1.txt": ("latin-1", "El niño pequeño comió en la montaña. ¿Dónde está la canción? "
                                 "¡Qué día más bonito, señor!\n"),
    "fr_utf8.txt": ("utf-8", "Le château se dresse au-dessus du fleuve. Les élèves étudient à côté.\n"),
    "es_utf8.txt": ("utf-8", "La niña leyó un libro en la biblioteca. ¿Quién llamó por teléfono?\n"),
    "de_cp1252.txt": ("cp1252", "Die Straße ist schön. Über den Fluss gehen wir zur Brücke, während die "
                                "Sonne scheint.\n"),
}


def test_a_folder_of_latin1_and_utf8_files_reads_every_accent(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (encoding, text) in TEXTS.items():
        (folder / name).write_bytes(text.encode(encoding))
    docs = {d.doc_id: d for d in read_documents([folder])}
    for name, (_, text) in TEXTS.items():
        assert docs[name[:-4]].text == text
    assert docs["fr_utf8"].encoding == "utf-8"
    assert docs["fr_latin1"].encoding.startswith("cp1252 (detected ")

    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(folder), "--engine", "none", "--no-cache", "--out", str(out)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    sentences = read_sentences_csv(out / "sentences.csv")
    for name, (_, text) in TEXTS.items():
        rows = sentences[sentences["doc_id"] == name[:-4]]
        assert "".join(rows["text"]).replace(" ", "") == text.replace(" ", "").strip()
    table = read_documents_csv(out / "documents.csv").set_index("doc_id")
    assert table.loc["es_utf8", "encoding"] == "utf-8"
    assert table.loc["es_latin1", "encoding"] == "cp1252 (detected 1.00)"


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("Это простой текст на русском языке. Мы проверяем кодировку файла.\n", "cp1251", "cp1251"),
    ("He said “hello” — it’s fine… 20€\n", "cp1252", "cp1252"),
])
def test_other_legacy_encodings_are_recognised(text, encoding, expected):
    guess = guess_encoding(text.encode(encoding))
    assert guess is not None and guess.encoding == expected and guess.confidence >= CONFIDENCE_FLOOR
    assert text.encode(encoding).decode(guess.encoding) == text


def test_mojibake_candidates_score_under_the_right_one():
    data = TEXTS["fr_latin1.txt"][1].encode("latin-1")
    from translate_cmp.readers.encoding import word_confidence

    assert word_confidence(data.decode("cp1252")) == 1.0
    assert word_confidence(data.decode("cp1250")) < CONFIDENCE_FLOOR  # crčme, brűlée, ŕ: unknown words


def test_a_latin1_csv_beside_a_utf8_tsv_is_detected_per_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    latin = TEXTS["fr_latin1.txt"][1].strip()
    utf8 = TEXTS["es_utf8.txt"][1].strip()
    (folder / "fr.csv").write_bytes(f'id,text\nr1,"{latin}"\nr2,Le café est prêt.\n'.encode("latin-1"))
    (folder / "es.tsv").write_bytes(f"id\ttext\ns1\t{utf8}\n".encode())
    docs = {d.doc_id: d for d in read_documents([folder], ReadOptions(id_column="id"))}
    assert docs["r1"].text == latin and docs["r2"].text == "Le café est prêt."
    assert docs["r1"].encoding.startswith("cp1252 (detected ") and docs["s1"].encoding == "utf-8"

    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(folder), "--id-column", "id", "--engine", "none", "--no-cache",
                                   "--out", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    table = read_documents_csv(out / "documents.csv").set_index("doc_id")
    assert table.loc["r1", "encoding"] == "cp1252 (detected 1.00)" and table.loc["s1", "encoding"] == "utf-8"
    assert "".join(read_sentences_csv(out / "sentences.csv").query("doc_id == 'r1'")["text"]).replace(" ", "") \
        == latin.replace(" ", "")


def test_a_csv_no_encoding_explains_well_is_one_line_under_the_floor(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_bytes(b"id,text\nx,caf\xe9 \x80\x81\x8d\x8f\n")
    res = CliRunner().invoke(cli, ["run", str(bad), "--engine", "none", "--no-cache", "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    line = res.output.strip()
    assert "\n" not in line and f"{bad}: not UTF-8 (invalid byte 0xe9 at 13); best guess " in line, line
    assert f"under {CONFIDENCE_FLOOR}; pass --encoding" in line
