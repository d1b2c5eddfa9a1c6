"""translate_cmp.check: the public API on texts, mappings, files and tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import translate_cmp
from translate_cmp.api import FINDING_COLUMNS
from translate_cmp.errors import InputError
from translate_cmp.run.job import JobConfig, run_job

TEXT = "Olaf ScholzSaid the talks would go on.\nThe committee met on Monday.\nthe minister did not comment.\n"


def test_texts_give_a_frame_of_findings_with_offsets_into_the_text() -> None:
    frame = translate_cmp.check([TEXT, "A calm sentence. Another calm one."])
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == list(FINDING_COLUMNS)
    assert set(frame["doc_id"]) == {"text-0"}  # the calm text has no findings
    assert {"S101", "S105"} <= set(frame["code"])
    for row in frame.itertuples():
        assert TEXT[row.start : row.end] in row.text and row.text in TEXT


def test_records_and_mapping_inputs_and_rule_selection() -> None:
    records = translate_cmp.check({"greeting": TEXT}, select=["S105"], as_frame=False)
    assert isinstance(records, list)
    assert [(r["doc_id"], r["code"], r["text"]) for r in records] == [
        ("greeting", "S105", "the minister did not comment.")
    ]
    assert translate_cmp.check({"clean": "A calm sentence."}).empty


def test_files_match_the_command_line_run_fingerprints_included(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(TEXT, encoding="utf-8")
    table = tmp_path / "ui.csv"
    table.write_text("id,text\nu1,Olaf ScholzSaid hello to everyone.\nu2,A calm sentence.\n", encoding="utf-8")
    frame = translate_cmp.check([tmp_path / "news.txt", str(table)], id_column="id")
    run_job(JobConfig(paths=(str(tmp_path / "news.txt"), str(table)), out_dir=tmp_path / "out", engine="none",
                      formats=("jsonl",), cache=False, read=_read(id_column="id")), notify=lambda _: None)  # fmt: skip
    cli = [json.loads(line) for line in (tmp_path / "out" / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert frame[["doc_id", "code", "start", "end", "fingerprint"]].to_dict("records") == [
        {k: f[k] for k in ("doc_id", "code", "start", "end", "fingerprint")} for f in cli
    ]
    assert "u1" in set(frame["doc_id"])


def test_a_missing_path_like_input_is_a_text_and_a_bad_file_an_input_error(tmp_path: Path) -> None:
    assert translate_cmp.check("no/such/file.txt").empty  # not a path that exists: checked as text
    with pytest.raises(InputError, match="missing.txt: no such file or directory"):
        translate_cmp.check(tmp_path / "missing.txt")
    with pytest.raises(TypeError):
        translate_cmp.check([42])  # type: ignore[list-item]


def _read(**kwargs):
    from translate_cmp.readers import ReadOptions

    return ReadOptions(**kwargs)
