"""CI gate with a baseline, end to end through the command line on a table of units."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from translate_cmp.writers.gate import load_baseline

ROWS = [
    ("home.title", "Welcome to the project."),
    ("home.body", "The committee met on Monday in Berlin."),
    ("news.lead", "Olaf ScholzSaid the talks would go on."),  # garbled: S101, a warning
    ("news.body", "Prices rose again in March."),
]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def write_table(path: Path, rows: list[tuple[str, str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def gate(tmp: Path, *extra: str) -> subprocess.CompletedProcess:
    return cli("run", "strings.csv", "--id-column", "id", "--text-column", "text", "--engine", "none", "--no-cache",
               "--format", "findings,junit,sarif", "--fail-on", "warning", "--out", "out", *extra, cwd=tmp)  # fmt: skip


def failing_units(tmp: Path) -> tuple[list[str], list[str]]:
    """(JUnit test cases with failures, by unit, SARIF units of results not accepted by the baseline)."""
    suites = etree.parse(str(tmp / "out" / "junit.xml")).getroot().findall("testsuite")
    assert [s.get("name") for s in suites] == ["strings.csv"]  # one suite per file, not per unit
    junit = [c.get("classname") for c in suites[0].findall("testcase") if c.find("failure") is not None]
    results = json.loads((tmp / "out" / "results.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    sarif = [r["locations"][0]["logicalLocations"][0]["name"] for r in results if r.get("baselineState") != "unchanged"]
    return junit, sarif


@pytest.mark.slow
def test_baseline_accepts_old_findings_and_fails_on_new_ones(tmp_path: Path) -> None:
    write_table(tmp_path / "strings.csv", ROWS)
    first = gate(tmp_path)
    assert first.returncode == 1, first.stderr
    assert failing_units(tmp_path) == (["news.lead"], ["news.lead"])
    assert first.stderr.splitlines()[-1] == (
        "translate-cmp: gate failed (--fail-on warning): 1 finding at warning or above (S101 x1); "
        "read them in out/flags.jsonl")

    recorded = cli("baseline", "out", cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    (tmp_path / "baseline.json").write_text(recorded.stdout, encoding="utf-8")
    assert len(load_baseline(tmp_path / "baseline.json")) == 1
    assert '"doc_id": "news.lead"' in recorded.stdout

    accepted = gate(tmp_path, "--baseline", "baseline.json")
    assert accepted.returncode == 0, accepted.stderr
    assert failing_units(tmp_path) == ([], [])
    sarif = json.loads((tmp_path / "out" / "results.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [(r["baselineState"], r["suppressions"][0]["kind"]) for r in sarif] == [("unchanged", "external")]
    manifest = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert manifest["gate"] == {"baseline": "baseline.json", "accepted_fingerprints": 1, "new": 0, "baselined": 1}

    edited = [*ROWS[:1], ("home.body", "The committee met again on Tuesday, in Berlin."), *ROWS[2:]]
    write_table(tmp_path / "strings.csv", edited)
    assert gate(tmp_path, "--baseline", "baseline.json").returncode == 0

    write_table(tmp_path / "strings.csv", [*edited, ("news.more", "Angela MerkelSaid nothing at all.")])
    again = gate(tmp_path, "--baseline", "baseline.json")
    assert again.returncode == 1
    assert again.stderr.splitlines()[-1].startswith(
        "translate-cmp: gate failed (--fail-on warning): 1 finding at warning or above not in the baseline (S101 x1)")
    assert failing_units(tmp_path) == (["news.more"], ["news.more"])


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path: Path) -> None:
    write_table(tmp_path / "strings.csv", ROWS)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    for name, problem in (("bad.json", "not a translate-cmp baseline"), ("missing.json", "no such baseline file")):
        result = gate(tmp_path, "--baseline", name)
        assert result.returncode == 2
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"translate-cmp: error: {name}: {problem}")
    assert not (tmp_path / "out").exists()  # failed before any work


def test_baseline_of_a_folder_without_findings_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("baseline", "empty", cwd=tmp_path)
    assert result.returncode == 2 and "holds neither findings.csv nor flags.jsonl" in result.stderr


@pytest.mark.slow
def test_baseline_from_flags_jsonl_equals_the_one_from_findings_csv(tmp_path: Path) -> None:
    write_table(tmp_path / "strings.csv", [*ROWS, ("news.more", "Angela MerkelSaid nothing at all.")])
    base = ("run", "strings.csv", "--id-column", "id", "--engine", "none", "--no-cache")
    assert cli(*base, "--format", "findings", "--out", "a", cwd=tmp_path).returncode == 0
    assert cli(*base, "--format", "csv,jsonl", "--out", "b", cwd=tmp_path).returncode == 0
    from_csv, from_jsonl = cli("baseline", "a", cwd=tmp_path), cli("baseline", "b", cwd=tmp_path)
    assert from_csv.returncode == from_jsonl.returncode == 0
    assert from_csv.stdout == from_jsonl.stdout
    findings = json.loads(from_csv.stdout)["findings"]
    assert [f["doc_id"] for f in findings] == ["news.lead", "news.more"]  # sorted, one per line
    assert len(from_csv.stdout.splitlines()) == len(findings) + 2
