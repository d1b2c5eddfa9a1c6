"""Document ids are paths relative to a root that does not depend on how the inputs were named: the git
repository holding them, else the current folder, or --root (translate_cmp/readers/ids.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.readers import input_files

CATALOGUE = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
             'msgid "Scholz said"\nmsgstr "Olaf ScholzSaid that the talks would go on."\n\n'
             'msgid "Again"\nmsgstr "He said it again."\n')


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "translate_cmp", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def findings(out: Path) -> list[tuple[str, str]]:
    lines = (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((f["doc_id"], f["fingerprint"]) for f in map(json.loads, lines))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    (tmp_path / "repo" / "loc").mkdir()
    (tmp_path / "repo" / "loc" / "django.po").write_text(CATALOGUE, encoding="utf-8")
    return tmp_path / "repo"


@pytest.mark.slow
def test_the_same_catalogue_named_three_ways_gets_the_same_ids_fingerprints_and_baseline(repo: Path) -> None:
    runs = {"run loc/django.po": (repo, ["loc/django.po"]), "run .": (repo, ["."]),
            "cd loc && run django.po": (repo / "loc", ["django.po"])}
    seen = {}
    for name, (cwd, paths) in runs.items():
        out = repo.parent / name.replace(" ", "_").replace("/", "_")
        res = cli("run", *paths, "--engine", "none", "--no-cache", "--out", str(out), cwd=cwd)
        assert res.returncode == 0, res.stderr
        seen[name] = findings(out)
    first = seen["run loc/django.po"]
    assert first and {doc for doc, _ in first} == {"loc/django:Scholz said"}
    assert all(found == first for found in seen.values()), seen
    baseline = cli("baseline", str(repo.parent / "run_loc_django.po"), cwd=repo)
    assert baseline.returncode == 0, baseline.stderr
    (repo.parent / "baseline.json").write_text(baseline.stdout, encoding="utf-8")
    gated = cli("run", "django.po", "--engine", "none", "--no-cache", "--fail-on", "warning", "--baseline",
                str(repo.parent / "baseline.json"), "--out", str(repo.parent / "gated"), cwd=repo / "loc")
    assert gated.returncode == 0, gated.stderr
    gate = json.loads((repo.parent / "gated" / "run.json").read_text(encoding="utf-8"))["gate"]
    assert (gate["new"], gate["baselined"]) == (0, len(first))


def test_two_files_of_one_name_get_distinct_ids_whatever_their_order(repo: Path) -> None:
    (repo / "other").mkdir()
    (repo / "other" / "django.po").write_text(CATALOGUE, encoding="utf-8")
    one, two = str(repo / "loc" / "django.po"), str(repo / "other" / "django.po")
    forward = {str(p): i for p, i in input_files([one, two])}
    backward = {str(p): i for p, i in input_files([two, one])}
    assert forward == backward == {one: "loc/django", two: "other/django"}


def test_outside_a_repository_ids_are_relative_to_the_current_folder_or_root(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "loc").mkdir()
    (tmp_path / "loc" / "a.txt").write_text("Hello.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [i for _, i in input_files(["loc"])] == ["loc/a"]
    monkeypatch.chdir(tmp_path / "loc")
    assert [i for _, i in input_files(["a.txt"])] == ["a"]
    assert [i for _, i in input_files(["a.txt"], root=str(tmp_path))] == ["loc/a"]
