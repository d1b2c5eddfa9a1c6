"""findings.csv: keyed by fingerprint, stably ordered, no offsets; a one-sentence edit diffs as its rows only."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.writers.findings_csv import FINDINGS_COLUMNS, read_findings_csv
from translate_cmp.writers.fingerprint import fingerprint

ARTICLE = (
    "Olaf ScholzSaid the talks would go on.\n"
    "The committee met on Monday in Berlin.\n"
    "the minister did not comment on the plan.\n"
    "Prices rose again in March , the office said.\n"
    "Read more.\n"
    "jens stoltenberg, the secretary general, agreed.\n"
)
EDITED = "Olaf ScholzSaid the talks would go on, and on, for weeks."  # the first sentence, still garbled


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def changed_lines(old: Path, new: Path) -> list[str]:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    return [line for line in difflib.unified_diff(a, b, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]  # fmt: skip


@pytest.mark.slow
def test_one_sentence_edit_changes_only_that_sentences_rows(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ("run", "articles", "--engine", "none", "--no-cache", "--format", "csv,findings")
    assert cli(*args, "--out", "before", cwd=tmp_path).returncode == 0
    article.write_text(ARTICLE.replace("Olaf ScholzSaid the talks would go on.", EDITED), encoding="utf-8")
    assert cli(*args, "--out", "after", cwd=tmp_path).returncode == 0

    before = read_findings_csv(tmp_path / "before" / "findings.csv")
    after = read_findings_csv(tmp_path / "after" / "findings.csv")
    assert len(before) >= 3 and list(before[0]) == list(FINDINGS_COLUMNS)
    assert {r["text"] for r in before} >= {"Olaf ScholzSaid the talks would go on.",
                                           "the minister did not comment on the plan."}  # fmt: skip
    changes = changed_lines(tmp_path / "before" / "findings.csv", tmp_path / "after" / "findings.csv")
    assert changes, "the edited sentence's findings should change"
    assert all("Olaf ScholzSaid" in line for line in changes), changes
    assert [r for r in before if "ScholzSaid" not in r["text"]] == [r for r in after if "ScholzSaid" not in r["text"]]
    # while every later sentences.csv row moved (offsets)
    moved = changed_lines(tmp_path / "before" / "sentences.csv", tmp_path / "after" / "sentences.csv")
    assert len(moved) > len(changes)


def test_rows_are_keyed_by_fingerprint_in_document_order(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("run", "news.txt", "--engine", "none", "--no-cache", "--format", "findings", "--out", "o",
               cwd=tmp_path).returncode == 0  # fmt: skip
    rows = read_findings_csv(tmp_path / "o" / "findings.csv")
    positions = [ARTICLE.index(r["text"]) for r in rows]
    assert positions == sorted(positions)
    for r in rows:
        same = [x for x in rows if (x["code"], x["text"]) == (r["code"], r["text"])]
        assert r["fingerprint"] == fingerprint(r["code"], r["doc_id"], r["text"], same.index(r))
    assert not (tmp_path / "o" / "sentences.csv").exists()  # --format picks the files
