"""Apertium's unknown words, per sentence, from the real binary: the analyser pass, the cache, the column.

Skipped outside CI when apertium is absent; in CI (TRANSLATE_CMP_CI=1) a missing binary fails them.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.engines.apertium import MODES_DIR, ApertiumEngine
from translate_cmp.engines.apertium_unknown import analyser_command, parse_analysis, unknown_words
from translate_cmp.engines.cache import CachingEngine, TranslationCache
from translate_cmp.engines.round_trip import round_trip

ROOT = Path(__file__).resolve().parent.parent
if shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"):
    print("skipping apertium unknown-word tests: the apertium binary is not installed (scripts/install-engines)")
    pytestmark = pytest.mark.skip(reason="apertium binary not installed (scripts/install-engines)")

GLUED = "German Chancellor Olaf ScholzSaid that talks with Zelenskyy in Kyiv would start again."
PLAIN = "The talks will start again on Monday."


def test_parse_analysis_reads_marked_surfaces_per_sentence():
    out = "^Olaf/Olaf<np>$ ^ScholzSaid/*ScholzSaid$ ^a\\/b/*a\\/b$^./.<sent>$[][\n\n]^Fine/Fine<adj>$^./.<sent>$[][\n]"
    assert parse_analysis(out) == [("ScholzSaid", "a/b"), ()]


def test_the_analyser_is_the_first_stage_of_each_installed_mode():
    engine = ApertiumEngine()
    for mode in engine.modes.values():
        command = analyser_command(MODES_DIR / f"{mode}.mode")
        assert command and command[0] == "lt-proc" and command[-1].endswith("automorf.bin"), mode
        assert Path(command[-1]).is_file()


def test_unknown_words_of_a_real_round_trip():
    engine = ApertiumEngine()
    glued, plain = round_trip(engine, [GLUED, PLAIN], "en", "es", surprisal=False)
    assert {"ScholzSaid", "Zelenskyy", "Kyiv"} <= set(glued.unknown)
    assert "Chancellor" not in glued.unknown and plain.unknown == ()
    assert "*" not in glued.pivot_text and "*" not in glued.back_text  # the text the rules see has no marks
    # the pass agrees with the engine's own marks: every word it reports is marked in a marked run
    marked = subprocess.run(["apertium", "eng-spa"], input=GLUED + "\n", capture_output=True, text=True).stdout
    assert all(f"*{w}" in marked for w in glued.unknown)
    assert unknown_words(MODES_DIR / "nonexistent.mode", [GLUED]) is None


def test_unknown_words_are_cached_with_the_translation(tmp_path):
    first = CachingEngine(ApertiumEngine(), TranslationCache(tmp_path / "t.sqlite3"))
    new = first.translate([GLUED, PLAIN], "en", "es")
    again = CachingEngine(ApertiumEngine(), TranslationCache(tmp_path / "t.sqlite3"))
    cached = again.translate([GLUED, PLAIN], "en", "es")
    assert again.misses == 0 and again.hits == 2  # nothing reached the engine
    assert cached == new and "ScholzSaid" in cached[0].unknown and cached[1].unknown == ()
    with sqlite3.connect(tmp_path / "t.sqlite3") as db:
        stored = db.execute("SELECT source, words FROM unknown_words").fetchall()
    assert [(s, json.loads(w)) for s, w in stored] == [(GLUED, list(new[0].unknown))]


@pytest.mark.slow
def test_the_unknown_column_in_sentences_csv_and_jsonl(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{GLUED}\n\n{PLAIN}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(tmp_path / "in"), "--engine", "apertium",
                           "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"),
                           "--format", "csv,jsonl"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    with open(tmp_path / "out" / "sentences.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[-2:] == ["unknown", "unit_state"]
    by_text = {r["text"]: r["unknown"] for r in rows}
    assert {"ScholzSaid", "Kyiv"} <= set(by_text[GLUED].split(";")) and by_text[PLAIN] == ""
    lines = [json.loads(line) for line in (tmp_path / "out" / "sentences.jsonl").read_text("utf-8").splitlines()]
    assert {r["text"]: r["unknown"] for r in lines} == by_text
