"""translate-cmp diff on real output folders written by the real writers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.diff import diff
from translate_cmp.errors import InputError
from translate_cmp.records import Document, DocumentResult, Flag, RoundTrip, Scores, SentenceResult, Severity
from translate_cmp.review.rundiff import diff_runs
from translate_cmp.segment import segment
from translate_cmp.writers import open_writers

Spec = dict[str, list[str]]  # sentence text -> codes flagged on it (a code may repeat)


def write_run(out: Path, docs: dict[str, str], flags: Spec, *, risk: dict[str, float] | None = None,
              chrf: float = 60.0, formats: str = "csv,jsonl") -> Path:  # fmt: skip
    risk = risk or {}
    with open_writers(out, formats) as run:
        for doc_id, text in docs.items():
            doc = Document(doc_id, f"{doc_id}.txt", text)
            results = []
            for s in segment(doc):
                fl = [
                    Flag(doc_id, s.sent_id, code, Severity.WARNING, s.start + i, s.end, f"{code} on {s.text}")
                    for i, code in enumerate(flags.get(s.text, []))
                ]
                rt = RoundTrip("es", "x", s.text)
                results.append(SentenceResult(s, rt, Scores(chrf, 10.0, 50.0), "", fl, risk.get(s.text, 0.1)))
            run.write(DocumentResult(doc, "en", 0.99, results))
    return out


OLD_DOCS = {
    "a": "Olaf ScholzSaid hello.\nA calm sentence.\nThird sentence here.",
    "b": "Gone with the old run.",
}
OLD_FLAGS = {"Olaf ScholzSaid hello.": ["S101"], "Gone with the old run.": ["F201"]}
NEW_DOCS = {"a": "A new first sentence.\nOlaf Scholz said hello.\nA calm sentence.\nThird sentence here."}
NEW_FLAGS = {"A new first sentence.": ["F201"], "A calm sentence.": ["S103"]}


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    old = write_run(tmp_path / "old", OLD_DOCS, OLD_FLAGS)
    new = write_run(tmp_path / "new", NEW_DOCS, NEW_FLAGS, risk={"A calm sentence.": 0.8}, chrf=70.0)
    return old, new


def test_new_and_resolved_flags_are_found_despite_shifted_offsets(runs: tuple[Path, Path]) -> None:
    result = diff_runs(*runs)
    assert dict(result.sentences) == {"matched": 2, "changed": 2, "edited": 1, "added": 1, "removed": 1}
    assert [(c.doc_id, c.sent_id, c.code, c.text) for c in result.raised] == [
        ("a", 0, "F201", "A new first sentence."),
        ("a", 2, "S103", "A calm sentence."),
    ]
    assert [(c.doc_id, c.sent_id, c.code) for c in result.resolved] == [("a", 0, "S101"), ("b", 0, "F201")]
    assert result.resolved[0].message == "S101 on Olaf ScholzSaid hello."
    assert result.flags_by_code == {
        "F201": {"old": 1, "new": 1, "raised": 1, "resolved": 1},
        "S101": {"old": 1, "new": 0, "raised": 0, "resolved": 1},
        "S103": {"old": 0, "new": 1, "raised": 1, "resolved": 0},
    }
    calm = [c for c in result.risk_changes if c.text == "A calm sentence."]
    assert [(c.old_sent_id, c.new_sent_id, round(c.delta, 4)) for c in calm] == [(1, 2, 0.7)]
    docs = {d.doc_id: d for d in result.documents}
    assert docs["a"].chrf_delta == pytest.approx(10.0)
    assert docs["b"].status == "removed" and docs["b"].new_mean_chrf is None
    assert result.exit_code == 1


def test_cli_exits_1_on_new_flags_and_0_when_only_resolved(runs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = runs
    runner = CliRunner()
    regressed = runner.invoke(diff, [str(old), str(new)])
    assert regressed.exit_code == 1, regressed.output
    assert "F201" in regressed.output and "S103" in regressed.output and "new flag" in regressed.output

    fixed_docs = {**OLD_DOCS, "a": OLD_DOCS["a"].replace("ScholzSaid", "Scholz said")}
    fixed = write_run(tmp_path / "fixed", fixed_docs, {"Gone with the old run.": ["F201"]})
    improved = runner.invoke(diff, [str(old), str(fixed)])
    assert improved.exit_code == 0, improved.output
    assert "no new flags (1 resolved)" in improved.output

    same = runner.invoke(diff, [str(new), str(new)])
    assert same.exit_code == 0


def test_json_output_for_machines(runs: tuple[Path, Path]) -> None:
    out = CliRunner().invoke(diff, [*map(str, runs), "--json"])
    assert out.exit_code == 1
    data = json.loads(out.output)
    assert data["exit_code"] == 1 and data["flags"]["raised"] == 2 and data["flags"]["resolved"] == 2
    assert [f["code"] for f in data["flags"]["raised_list"]] == ["F201", "S103"]
    assert data["risk"]["top_increases"][0]["text"] == "A calm sentence."
    assert data["flag_source"] == "flags.jsonl fingerprints"


def test_repeated_sentences_match_in_order_and_counts_come_from_flags_jsonl(tmp_path: Path) -> None:
    text = "Read more.\nBody one.\nRead more.\nBody two."
    old = write_run(tmp_path / "old", {"a": text}, {"Read more.": ["F203"]})
    new = write_run(tmp_path / "new", {"a": text}, {"Read more.": ["F203", "F203"]})
    result = diff_runs(old, new)
    assert dict(result.sentences) == {"matched": 4, "changed": 2}
    # fingerprints number the repeats of (code, document, text) in document order: the old run had
    # occurrences 0 and 1 (one per copy), the new one 0-3, so occurrences 2 and 3 (both on the second copy) are new
    assert [(c.sent_id, c.code, c.count) for c in result.raised] == [(2, "F203", 1), (2, "F203", 1)]


def test_runs_without_fingerprints_fall_back_to_counts_per_sentence(tmp_path: Path) -> None:
    text = "Read more.\nBody one.\nRead more.\nBody two."
    old = write_run(tmp_path / "old", {"a": text}, {"Read more.": ["F203"]})
    new = write_run(tmp_path / "new", {"a": text}, {"Read more.": ["F203", "F203"]})
    flags = old / "flags.jsonl"  # as written before fingerprints existed
    records = [json.loads(line) for line in flags.read_text(encoding="utf-8").splitlines()]
    flags.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "fingerprint"}) + "\n" for r in records))
    manifest = json.loads((old / "run.json").read_text(encoding="utf-8"))
    del manifest["digests"]  # nor had run.json digests then
    (old / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = diff_runs(old, new)
    assert result.flag_source == "flags.jsonl"
    assert [(c.sent_id, c.code, c.count) for c in result.raised] == [(0, "F203", 1), (2, "F203", 1)]


def test_a_finding_on_an_edited_sentence_is_resolved_and_raised_by_fingerprint(tmp_path: Path) -> None:
    old = write_run(tmp_path / "old", {"a": "Calm one.\nOlaf ScholzSaid hi."}, {"Olaf ScholzSaid hi.": ["S101"]})
    new = write_run(tmp_path / "new", {"a": "Calm one, edited.\nOlaf ScholzSaid hello."},
                    {"Olaf ScholzSaid hello.": ["S101"]})  # fmt: skip
    result = diff_runs(old, new)
    assert dict(result.sentences) == {"edited": 2}
    assert [(c.code, c.text) for c in result.raised] == [("S101", "Olaf ScholzSaid hello.")]
    assert [(c.code, c.text) for c in result.resolved] == [("S101", "Olaf ScholzSaid hi.")]


def test_flags_column_is_used_when_a_run_has_no_flags_jsonl(tmp_path: Path) -> None:
    old = write_run(tmp_path / "old", {"a": "Fine.\nBadOne here."}, {}, formats="csv")
    new = write_run(tmp_path / "new", {"a": "Fine.\nBadOne here."}, {"BadOne here.": ["S101", "S101"]})
    result = diff_runs(old, new)
    assert result.flag_source == "sentences.csv flags column"
    assert [(c.code, c.count) for c in result.raised] == [("S101", 1)]  # the column lists a code once


def test_missing_run_folder_or_file_is_an_input_error_naming_the_path(runs: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = runs
    missing = tmp_path / "nope"
    result = CliRunner().invoke(diff, [str(old), str(missing)])
    assert isinstance(result.exception, InputError)
    assert str(result.exception) == f"{missing}: no such output folder"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"empty/sentences\.csv: no such file"):
        diff_runs(empty, old)
