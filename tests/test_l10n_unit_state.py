"""``unit_state``, the last column of sentences.csv and sentences.jsonl: fuzzy, translated or template for
localisation units, empty for articles; runs written before the column existed still read back."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.writers import read_sentences_csv

FILES = Path(__file__).parent / "l10n_files"


def _run(tmp: Path, *paths: Path) -> Path:
    out = tmp / "out"
    res = CliRunner().invoke(cli, ["run", *map(str, paths), "--engine", "none", "--no-cache", "--out", str(out),
                                   "--format", "csv,jsonl"], catch_exceptions=False)  # fmt: skip
    assert res.exit_code == 0, res.output
    return out


def test_unit_state_per_row_in_csv_and_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("sample.po", "sample12.xlf", "sample20.xlf"):
        shutil.copy(FILES / name, src / name)
    (src / "article.txt").write_text("The committee met on Monday. Prices rose in March.\n", encoding="utf-8")
    out = _run(tmp_path, src)
    with (out / "sentences.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[-1] == "unit_state"
    states = {(r["doc_id"], r["sent_id"]): r["unit_state"] for r in rows}
    assert states[("sample:Save changes", "0")] == "fuzzy"  # "#, fuzzy" in the PO file
    assert states[("sample:month name::May", "0")] == "translated"
    assert states[("sample12:files", "0")] == "fuzzy"  # state="needs-review-translation"
    assert states[("sample12:greeting", "0")] == "translated"
    assert {v for k, v in states.items() if k[0].startswith("sample20:")} == {"translated"}
    assert {v for k, v in states.items() if k[0] == "article"} == {""}
    assert "sample:Not translated yet" not in {k[0] for k in states}  # untranslated: not checked, no row
    jsonl = [json.loads(line) for line in (out / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["doc_id"], str(r["sent_id"])): r["unit_state"] for r in jsonl} == states
    assert read_sentences_csv(out / "sentences.csv")["unit_state"].tolist() == [r["unit_state"] for r in rows]


def test_a_pot_template_is_marked_template(tmp_path: Path) -> None:
    pot = tmp_path / "app.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                   'msgid "Save changes"\nmsgstr ""\n', encoding="utf-8")  # fmt: skip
    out = _run(tmp_path, pot)
    assert read_sentences_csv(out / "sentences.csv")["unit_state"].tolist() == ["template"]


def test_a_sentences_csv_without_the_column_still_reads(tmp_path: Path) -> None:
    out = _run(tmp_path, FILES / "sample.po")
    path = out / "sentences.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    old = tmp_path / "old.csv"
    with old.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(row[:-1] for row in rows)  # as written before unit_state existed
    frame = read_sentences_csv(old)
    assert frame["unit_state"].tolist() == [""] * (len(rows) - 1)
    assert frame.drop(columns="unit_state").equals(read_sentences_csv(path).drop(columns="unit_state"))
