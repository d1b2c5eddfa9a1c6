"""The whole-run output memo (translate_cmp/run/memo.py): a re-run on unchanged input and settings
republishes the cold run's output bytes; anything that could change them misses. Real CLI runs with
``--engine none`` on a private cache folder."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.engines.cache import TranslationCache
from translate_cmp.records import Document, Unit
from translate_cmp.run.memo import FOLDER
from translate_cmp.run.result_memo import ResultMemo

ARTICLES = {
    "a.txt": "The committee met on Monday. Prices rose in March. The the report was late.\n\n"
             "Ministers said the plan would be ready soon.\n",
    "b.txt": "El comité se reunió el lunes. Los precios subieron en marzo.\n",
    "c.txt": "Der Ausschuss tagte am Montag. Die Preise stiegen im März.\n",
}
FILES = Path(__file__).parent / "l10n_files"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(tmp: Path, inputs: Path, out: str, *extra: str):
    args = ["run", str(inputs), "--engine", "none", "--out", str(tmp / out), "--cache-dir", str(tmp / "cache"),
            "--format", "csv,jsonl,html,findings", *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result, json.loads((tmp / out / "run.json").read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "run.json"}


def _computed(folder: Path) -> dict[str, bytes]:
    """The files two computed (not reused) runs agree on: the report's run details hold timings."""
    return {k: v for k, v in _files(folder).items() if k != "report.html"}


def _reused(run: dict) -> bool:
    return bool(run["cache"] and run["cache"].get("run_reused"))


def test_rerun_into_the_same_folder_is_byte_identical_and_says_reused(tmp_path: Path, inputs: Path):
    cold, cold_run = _run(tmp_path, inputs, "out", "--fail-on", "info")
    before = _files(tmp_path / "out")
    again, again_run = _run(tmp_path, inputs, "out", "--fail-on", "info")
    assert not _reused(cold_run) and _reused(again_run)
    assert cold.exit_code == again.exit_code == 1  # findings at or above info: the same exit code
    assert _files(tmp_path / "out") == before
    assert cold.stderr.splitlines()[-1] == again.stderr.splitlines()[-1]  # the summary line
    for key in set(cold_run) - {"timings", "written_at", "cache", "digests"}:
        assert again_run[key] == cold_run[key], key
    assert again_run["digests"] == cold_run["digests"]
    assert again_run["cache"]["documents_reused"] == again_run["counts"]["documents"] == 3
    # translate-cmp's own readers accept the republished set
    diff = CliRunner().invoke(cli, ["diff", str(tmp_path / "out"), str(tmp_path / "out")])
    assert diff.exit_code == 0, diff.output


def test_rerun_into_another_folder_reads_as_a_cold_run_there(tmp_path: Path, inputs: Path):
    _run(tmp_path, inputs, "a")
    _, run = _run(tmp_path, inputs, "b")
    assert _reused(run) and run["settings"]["out_dir"] == str(tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    for name in a.keys() - {"report.html"}:
        assert a[name] == b[name], name
    # the report's run details name the folder it is in
    assert str(tmp_path / "b").encode() in b["report.html"] and str(tmp_path / "a").encode() not in b["report.html"]
    assert b["report.html"] == a["report.html"].replace(str(tmp_path / "a").encode(), str(tmp_path / "b").encode())


@pytest.mark.parametrize("change", ["input", "select", "format", "fail_on", "baseline"])
def test_a_change_that_can_change_outputs_misses(tmp_path: Path, inputs: Path, change: str):
    baseline = tmp_path / "baseline.json"
    _run(tmp_path, inputs, "out")
    made = CliRunner().invoke(cli, ["baseline", str(tmp_path / "out")])
    assert made.exit_code == 0, made.output
    baseline.write_text(made.stdout, encoding="utf-8")
    extra = ["--baseline", str(baseline)]
    _, first = _run(tmp_path, inputs, "out", *extra)
    _, same = _run(tmp_path, inputs, "out", *extra)
    assert not _reused(first) and _reused(same)
    if change == "input":
        (inputs / "c.txt").write_bytes((inputs / "c.txt").read_bytes().replace(b"Montag", b"Montags"))
    elif change == "baseline":
        baseline.write_text(json.dumps({**json.loads(baseline.read_text()), "findings": []}), encoding="utf-8")
    else:
        extra += {"select": ["--select", "S"], "format": ["--format", "csv"], "fail_on": ["--fail-on", "error"]}[change]
    _, changed = _run(tmp_path, inputs, "out", *extra)
    assert not _reused(changed)


def test_a_corrupt_entry_misses_and_no_cache_never_hits(tmp_path: Path, inputs: Path):
    _run(tmp_path, inputs, "out")
    before = _files(tmp_path / "out")
    entries = list((tmp_path / "cache" / FOLDER).iterdir())
    assert len(entries) == 1
    data = bytearray(entries[0].read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte somewhere in the stored outputs
    entries[0].write_bytes(bytes(data))
    result, run = _run(tmp_path, inputs, "out")
    assert result.exit_code == 0 and not _reused(run)
    assert _computed(tmp_path / "out") == {k: v for k, v in before.items() if k != "report.html"}
    _, run = _run(tmp_path, inputs, "out")
    assert _reused(run)  # the miss stored a sound entry again
    for _ in range(2):
        result, run = _run(tmp_path, inputs, "out", "--no-cache")
        assert result.exit_code == 0 and run["cache"] is None
    assert _computed(tmp_path / "out") == {k: v for k, v in before.items() if k != "report.html"}


def test_a_run_with_input_errors_replays_its_errors_and_exit_code(tmp_path: Path, inputs: Path):
    (inputs / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8broken")  # not decodable text
    cold, cold_run = _run(tmp_path, inputs, "out")
    again, again_run = _run(tmp_path, inputs, "out")
    assert _reused(again_run)
    assert cold.exit_code == again.exit_code
    assert cold.stderr == again.stderr
    assert again_run["input_errors"] == cold_run["input_errors"]


def test_the_memo_keeps_a_bounded_number_of_entries(tmp_path: Path, inputs: Path):
    from translate_cmp.run.memo import KEEP

    for i in range(KEEP + 3):
        (inputs / "a.txt").write_text(ARTICLES["a.txt"] + f"Line {i}.\n", encoding="utf-8")
        _run(tmp_path, inputs, "out")
    assert len(list((tmp_path / "cache" / FOLDER).iterdir())) == KEEP


def test_document_memo_key_covers_the_localisation_unit(tmp_path: Path):
    with TranslationCache(tmp_path / "t.sqlite3") as cache:
        memo = ResultMemo(cache, "fingerprint")
        unit = Unit(unit_id="Save changes", source="Save changes", target_lang="de", fmt="po")
        plain = Document("app:Save changes", "app.po", "Änderungen speichern", "utf-8", unit=unit)
        fuzzy = Document("app:Save changes", "app.po", "Änderungen speichern", "utf-8",
                         unit=Unit(unit_id="Save changes", source="Save changes", target_lang="de", fmt="po",
                                   fuzzy=True))
        assert memo.key(plain) != memo.key(fuzzy)
        assert memo.key(plain) == memo.key(Document(plain.doc_id, plain.path, plain.text, "utf-8", unit=unit))


def test_a_fuzzy_flag_removed_from_a_po_file_shows_on_the_rerun(tmp_path: Path):
    src = tmp_path / "po"
    src.mkdir()
    shutil.copy(FILES / "sample.po", src / "sample.po")

    def states(out: str) -> dict[str, str]:
        _run(tmp_path, src, out, "--format", "csv")
        with (tmp_path / out / "sentences.csv").open(encoding="utf-8", newline="") as fh:
            return {r["doc_id"]: r["unit_state"] for r in csv.DictReader(fh)}

    assert states("one")["sample:Save changes"] == "fuzzy"
    po = src / "sample.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", "", 1), encoding="utf-8")
    assert states("two")["sample:Save changes"] == "translated"


def test_a_reused_run_imports_no_heavy_library(tmp_path: Path, inputs: Path):
    _run(tmp_path, inputs, "out")  # the cold run, in this process
    args = ["run", str(inputs), "--engine", "none", "--out", str(tmp_path / "out"), "--cache-dir",
            str(tmp_path / "cache"), "--format", "csv,jsonl,html,findings"]
    probe = ("import json, sys\nfrom click.testing import CliRunner\nfrom translate_cmp.cli.app import cli\n"
             f"CliRunner().invoke(cli, {args!r}, catch_exceptions=False)\nprint(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=str(ROOT),
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["cache"]["run_reused"]
    assert not loaded & {"pandas", "jinja2", "langdetect", "wordfreq", "sacrebleu", "lingua"}


def test_outputs_that_name_their_folder_are_served_into_that_folder_only(tmp_path: Path, inputs: Path):
    # --out .../i: every input path (.../in/a.txt, in documents.csv) starts with the folder's name
    _, cold = _run(tmp_path, inputs, "i")
    before = _files(tmp_path / "i")
    assert str(tmp_path / "i").encode() in before["documents.csv"]
    _, again = _run(tmp_path, inputs, "i")
    assert not _reused(cold) and _reused(again) and _files(tmp_path / "i") == before
    _, elsewhere = _run(tmp_path, inputs, "x")
    assert not _reused(elsewhere)


def test_the_key_ignores_folders_put_on_sys_path_at_run_time_but_sees_a_new_distribution(tmp_path, monkeypatch):
    from translate_cmp.run.memo import _installed

    before = _installed()
    vendored = tmp_path / "thirdparty_files"  # as Ray puts its vendored libraries on sys.path
    (vendored / "psutil-5.9.6.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*sys.path, str(vendored), *sys.path])
    assert _installed() == before
    site_packages = tmp_path / "venv" / "site-packages"
    (site_packages / "pandas-99.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*sys.path, str(site_packages)])
    assert _installed() == sorted({*before, "pandas-99.0.dist-info"})
