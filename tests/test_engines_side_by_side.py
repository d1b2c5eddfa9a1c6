"""Engines side by side (``--engine argos,apertium``) and R410: an argos copy model next to real Apertium
(the Apertium parts skip outside CI when the binary is absent; fail in CI)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.engines import create_engine
from translate_cmp.engines.side_by_side import SideBySideEngine, expand_pivots, split_tag
from translate_cmp.records import Document, RoundTrip, Sentence
from translate_cmp.rules import get_rule, select_rules
from translate_cmp.rules.base import DocStats, RuleContext
from translate_cmp.rules.roundtrip.R410_engines_disagree import engine_gap
from translate_cmp.score.metrics import SentenceScorer

ROOT = Path(__file__).resolve().parent.parent
needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
    reason="apertium binary not installed (scripts/install-engines)",
)


@pytest.fixture(scope="module")
def en_es_copy_dir(copy_package_files, tmp_path_factory) -> Path:
    """An argos folder with exact-copy en->es and es->en packages."""
    from translate_cmp.testing import build_copy_package, install_package

    folder, build = tmp_path_factory.mktemp("en-es-copy"), tmp_path_factory.mktemp("built-es")
    for src, tgt in (("en", "es"), ("es", "en")):
        install_package(build_copy_package(build / f"{src}_{tgt}.argosmodel", src, tgt, copy_package_files["spm"]),
                        folder)
    return folder


def test_pivot_tags():
    assert expand_pivots("argos,apertium", ("es", "fr")) == ("es", "fr", "es~apertium", "fr~apertium")
    assert expand_pivots("apertium", ("es",)) == ("es",)
    assert split_tag("es~apertium") == ("es", "apertium") and split_tag("es") == ("es", "")


def _ctx(text: str, trips: list[RoundTrip], stats: DocStats) -> RuleContext:
    scores = SentenceScorer().score(trips[0].back_text, text)
    return RuleContext(Document("d", "d.txt", text), "en", [Sentence("d", 0, 0, len(text), text)], 0, trips[0],
                       scores, stats, tuple(trips[1:]))


def test_engines_disagree_relative_to_the_document():
    text = "Will the West allow strikes on Russia?"
    trips = [RoundTrip("es", text, text),  # an exact engine
             RoundTrip("es~apertium", "el Del oeste dejar huelgas encima Rusia?",  # real Apertium output
                       "The one of the west leave strikes on Russia?")]
    gap = engine_gap(text, trips)
    assert gap is not None and gap > 40
    rule = get_rule("R410")
    calm = DocStats(median_engine_gap=15.0, mad_engine_gap=5.0)
    (hit,) = rule.check(_ctx(text, trips, calm))
    assert "through es~apertium" in hit.message and "through es " in hit.message
    # a document where the engines are this far apart everywhere: no outlier
    assert list(rule.check(_ctx(text, trips, DocStats(median_engine_gap=gap - 5, mad_engine_gap=8.0)))) == []
    # one engine only: nothing to compare
    assert list(rule.check(_ctx(text, [trips[0], RoundTrip("fr", text, text)], calm))) == []


def test_pivots_disagree_compares_pivots_of_one_engine_only():
    text = "Will the West allow strikes on Russia?"
    trips = [RoundTrip("es", text, text), RoundTrip("es~apertium", "", "The one of the west leave on it?")]
    assert list(get_rule("R409").check(_ctx(text, trips, DocStats()))) == []


@pytest.mark.slow
@needs_apertium
def test_argos_and_apertium_side_by_side_through_the_pipeline(en_es_copy_dir, seed_documents):
    from translate_cmp.pipeline import run_documents

    engine = create_engine("argos,apertium", packages_dir=str(en_es_copy_dir))
    assert isinstance(engine, SideBySideEngine) and engine.name == "argos,apertium"
    assert {("en", "es"), ("en", "es~apertium"), ("es~apertium", "en")} <= engine.directions()
    assert engine.model_id("en", "es~apertium").startswith("apertium:eng-spa")
    doc = next(d for d in seed_documents if d.doc_id.startswith("004"))
    (result,) = run_documents([doc], engine, select_rules(["R4"]), expand_pivots(engine.name, ("es",)),
                              strict=True, surprisal=False)
    by_sentence: dict[int, dict[str, RoundTrip]] = {}
    for s in result.sentences:
        by_sentence.setdefault(s.sentence.sent_id, {})[s.round_trip.pivot_lang] = s.round_trip
    texts = {s.sentence.sent_id: s.sentence.text for s in result.sentences}
    assert all(set(t) == {"es", "es~apertium"} for t in by_sentence.values())
    assert all(t["es"].back_text == texts[i] for i, t in by_sentence.items())  # the copy model
    assert sum(t["es~apertium"].back_text != texts[i] for i, t in by_sentence.items()) > len(texts) / 2
    flagged = {s.sentence.sent_id for s in result.sentences for f in s.flags if f.code == "R410"}
    gaps = sorted(g for i, t in by_sentence.items() if (g := engine_gap(texts[i], list(t.values()))) is not None)
    median_gap = gaps[len(gaps) // 2]
    assert 0 < len(flagged) <= 0.1 * len(texts)  # outliers only, not every sentence Apertium changes
    assert all(engine_gap(texts[i], list(by_sentence[i].values())) >= median_gap + 18 for i in flagged)
    assert "Get what they need to protect themselves.”" in {texts[i] for i in flagged}  # a split fragment
    assert not [f for s in result.sentences for f in s.flags if f.code == "R409"]


@pytest.mark.slow
@needs_apertium
def test_cli_engine_list_writes_one_row_per_engine(en_es_copy_dir, tmp_path):
    seed = sorted((ROOT / "seeds").glob("*.txt"))[2]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(en_es_copy_dir)}
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(seed), "--engine", "argos,apertium",
                           "--out", str(tmp_path / "out"), "--no-cache"], capture_output=True, text=True, env=env,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "out" / "sentences.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pivots = {r["pivot_lang"] for r in rows}
    assert pivots == {"es", "es~apertium"}
    assert sum(r["pivot_lang"] == "es" for r in rows) == sum(r["pivot_lang"] == "es~apertium" for r in rows) > 20


@needs_apertium
def test_a_spanish_source_goes_through_english_with_both_engines(en_es_copy_dir):
    from translate_cmp.pipeline import run_documents

    engine = create_engine("argos,apertium", packages_dir=str(en_es_copy_dir))
    path = ROOT / "benchmarks" / "roundtrip_articles" / "es_ciudad.txt"
    doc = Document("ciudad", str(path), path.read_text(encoding="utf-8"))
    (result,) = run_documents([doc], engine, select_rules(["R4"]), expand_pivots(engine.name, ("es",)),
                              strict=True, surprisal=False)
    assert result.lang == "es"
    by_sentence: dict[int, dict[str, RoundTrip]] = {}
    for s in result.sentences:
        by_sentence.setdefault(s.sentence.sent_id, {})[s.round_trip.pivot_lang] = s.round_trip
    texts = {s.sentence.sent_id: s.sentence.text for s in result.sentences}
    assert by_sentence and all(set(t) == {"en", "en~apertium"} for t in by_sentence.values())
    assert all(t["en"].back_text == texts[i] for i, t in by_sentence.items())  # the argos copy model
    assert sum(t["en~apertium"].pivot_text != texts[i] for i, t in by_sentence.items()) > len(texts) / 2


@pytest.mark.slow
@needs_apertium
def test_a_language_the_second_engine_lacks_keeps_the_first_and_says_so(copy_package_files, tmp_path):
    from translate_cmp.testing import build_copy_package, install_package

    folder = tmp_path / "argos"
    for src, tgt in (("de", "en"), ("en", "de")):
        install_package(build_copy_package(tmp_path / f"{src}_{tgt}.argosmodel", src, tgt, copy_package_files["spm"]),
                        folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(folder)}
    german = ROOT / "benchmarks" / "articles" / "de.txt"
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "run", str(german),
                           "--engine", "argos,apertium", "--out", str(tmp_path / "out"), "--no-cache"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    assert "no apertium mode for de->en->de; those documents have no en~apertium rows" in proc.stderr
    with open(tmp_path / "out" / "sentences.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["pivot_lang"] for r in rows} == {"en"} and all(r["back_text"] for r in rows)
