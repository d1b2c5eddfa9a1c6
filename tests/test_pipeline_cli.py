"""End to end through the CLI: `translate-cmp run seeds/` and its output contract."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.writers import read_sentences_csv

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CONTRACT = ["doc_id", "sent_id", "start", "end", "lang", "text", "pivot_lang", "pivot_text", "back_text",
            "chrf", "bleu", "ter", "diff", "flags", "risk", "unknown", "unit_state"]


def _run(*args: str) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


def _documents() -> dict[str, str]:
    return {f"seeds/{p.stem}": p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def surface_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("surface")
    res = _run(str(SEEDS), "--out", str(out), "--engine", "none")
    assert res.exit_code == 0, res.output
    return out


def test_writes_every_file_of_the_contract(surface_run):
    for name in ("sentences.csv", "documents.csv", "flags.jsonl", "report.html", "run.json"):
        assert (surface_run / name).is_file(), name
    header = (surface_run / "sentences.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == CONTRACT
    manifest = json.loads((surface_run / "run.json").read_text())
    assert manifest["counts"]["documents"] == 5 and manifest["engine"] == "none"


def test_rows_are_exact_slices_and_cover_every_character(surface_run):
    rows = read_sentences_csv(surface_run / "sentences.csv")
    docs = _documents()
    covered = {doc_id: set() for doc_id in docs}
    for row in rows.itertuples():
        text = docs[row.doc_id]
        assert row.text == text[row.start:row.end]
        covered[row.doc_id].update(range(row.start, row.end))
    for doc_id, text in docs.items():
        outside = [ch for i, ch in enumerate(text) if i not in covered[doc_id] and not ch.isspace()]
        assert outside == [], doc_id


def test_flags_jsonl_matches_the_flags_column(surface_run):
    rows = pd.read_csv(surface_run / "sentences.csv", keep_default_na=False)
    by_row = {(r.doc_id, r.sent_id): set(filter(None, r.flags.split(";"))) for r in rows.itertuples()}
    from_jsonl: dict = {}
    for line in (surface_run / "flags.jsonl").read_text(encoding="utf-8").splitlines():
        flag = json.loads(line)
        from_jsonl.setdefault((flag["doc_id"], flag["sent_id"]), set()).add(flag["code"])
    assert from_jsonl == {k: v for k, v in by_row.items() if v}


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "run", "/no/such/path", "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["translate-cmp: error: /no/such/path: no such file or directory"]
    assert list(tmp_path.iterdir()) == []


def test_fail_on_gates_with_exit_1(tmp_path):
    res = _run(str(SEEDS / "004_2db0398f006d2414.txt"), "--out", str(tmp_path), "--engine", "none",
               "--fail-on", "warning")
    assert res.exit_code == 1


def test_unknown_rule_code_is_exit_2(tmp_path):
    res = _run(str(SEEDS), "--out", str(tmp_path), "--select", "Z999")
    assert res.exit_code == 2 and "Z999" in res.output


@pytest.mark.slow
def test_argos_round_trip_through_copy_packages_is_exact(argos_packages_dir, tmp_path):
    out = tmp_path / "argos"
    res = _run(str(SEEDS), "--out", str(out), "--engine", "argos", "--pivot", "de", "--no-cache")
    assert res.exit_code == 0, res.output
    rows = read_sentences_csv(out / "sentences.csv")
    assert len(rows) > 150
    assert (rows["pivot_lang"] == "de").all()
    assert (rows["back_text"] == rows["text"]).all()
    assert (rows["pivot_text"] == rows["text"]).all()  # a copy model: the pivot is the text itself
    assert (rows["chrf"] == 100).all()
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["model_loads"] == {"de->en": 1, "en->de": 1}
    assert manifest["counts"]["translated"] == manifest["counts"]["sentences"] == len(rows)


def test_surprisal_pass_is_opt_in_and_feeds_r407(altering_packages_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(altering_packages_dir))
    doc = tmp_path / "in.txt"
    doc.write_text("Russia warned that troops in Ukraine would start a war with Moscow within 10 days.\n",
                   encoding="utf-8")

    def codes(*extra: str) -> set[str]:
        out = tmp_path / ("out" + "".join(extra))
        res = _run(str(doc), "--out", str(out), "--engine", "argos", "--pivot", "de", "--no-cache", *extra)
        assert res.exit_code == 0, res.output
        return {json.loads(line)["code"] for line in (out / "flags.jsonl").read_text().splitlines()}

    plain, scored = codes(), codes("--surprisal")
    assert {"R402", "R403"} <= plain and "R407" not in plain  # "10" -> "12", "Moscow" -> "Paris"
    assert "R407" in scored
