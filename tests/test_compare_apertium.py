"""``compare`` with the real Apertium engine on real (perturbed) Apertium translations, benchmarks/compare_set/
(skipped outside CI when apertium is absent; fails in CI)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.compare import coverage, pair_similarity

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "benchmarks" / "compare_set"
sys.path.insert(0, str(ROOT / "benchmarks"))
import compare_alignment  # noqa: E402

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
    reason="apertium binary not installed (scripts/install-engines)",
)


def test_similarity_ignores_case_and_merges_need_every_part_covered():
    from translate_cmp.score.metrics import SentenceScorer

    back, heading = "Why THESE SUBJECTS.", "WHY THIS MATTERS."  # Apertium via es
    assert pair_similarity(back, heading) == pair_similarity(back.lower(), heading.lower())
    assert pair_similarity(back, heading) > SentenceScorer().chrf.sentence_score(back, [heading]).score / 100
    sentence = "The missile coalition is important so that Ukraine can destroy the Russian rear."
    back = "The coalition of missile is important so that Ukraine can destroy the Russian rear."
    assert coverage(sentence, back) > 0.7
    assert coverage(heading, sentence) < 0.5  # a heading is not part of its neighbour


@pytest.mark.slow
@needs_apertium
def test_compare_cli_uses_apertium_without_argos_and_finds_every_perturbation(tmp_path):
    name = "en_health"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(tmp_path / "no-argos")}
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "compare", str(SET / "en" / f"{name}.txt"),
                           str(SET / "es" / f"{name}.txt"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["engine"] == "apertium"
    with open(tmp_path / "out" / "sentences.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    gold = json.loads((SET / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    linked = {i for src, _ in gold for i in src}
    assert len(rows) == 15
    for row in rows:
        if int(row["sent_id"]) in linked:
            assert row["pivot_lang"] == "es" and row["back_text"] and float(row["chrf"]) > 0
    flags = [json.loads(line) for line in (tmp_path / "out" / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    by_code = {(f["sent_id"], f["code"]) for f in flags}
    (deleted,) = set(range(15)) - linked
    assert (deleted, "C501") in by_code  # the sentence whose translation was deleted
    merged = next(src for src, _ in gold if len(src) == 2)
    assert {(i, "C505") for i in merged} <= by_code
    split = next(src for src, tgt in gold if len(tgt) == 2)
    assert (split[0], "C505") in by_code
    assert any(code == "C502" for _, code in by_code)  # the inserted foreign sentence


@pytest.mark.slow
@needs_apertium
def test_strict_link_f1_on_the_perturbed_set():
    from translate_cmp.engines.apertium import ApertiumEngine

    rows = compare_alignment.evaluate(ApertiumEngine())
    assert len(rows) == 8
    gold, predicted, correct = (sum(r[i] for r in rows) for i in (1, 2, 3))
    assert compare_alignment.prf(gold, predicted, correct)[2] >= compare_alignment.TARGET_F1


@needs_apertium
def test_all_caps_headings_align_one_to_one():
    from translate_cmp.engines.apertium import ApertiumEngine
    from translate_cmp.score.metrics import SentenceScorer

    links = compare_alignment.predicted_links("en_economy", ApertiumEngine(), SentenceScorer())
    gold = {(tuple(a), tuple(b)) for a, b in json.loads((SET / "gold" / "en_economy.json").read_text())}
    heading = 8  # "WHY IT MATTERS"
    assert [link for link in links if heading in link[0]] == [g for g in gold if heading in g[0]]
