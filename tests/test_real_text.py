"""benchmarks/real_text.py: its metrics on tiny inputs with known answers, its readers, and one small run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from real_text import Outputs, build_documents, default_shared, project  # noqa: E402
from real_text_data import Row, in_language, man_paragraphs, po_messages, spread  # noqa: E402
from real_text_metrics import (  # noqa: E402
    auroc,
    bootstrap_aurocs,
    chance_touch,
    noisy_or,
    pairwise_accuracy,
    touches,
)


def test_auroc_counts_pairs_and_halves_ties():
    assert auroc([3, 4], [1, 2]) == 1.0
    assert auroc([1, 2], [3, 4]) == 0.0
    assert auroc([1], [1]) == 0.5
    assert auroc([1, 3], [2]) == 0.5
    assert auroc([2, 2], [1, 2]) == 0.75  # (1 + 0.5 + 1 + 0.5) / 4
    assert auroc([], [1]) != auroc([], [1])  # nan


def test_bootstrap_intervals_hold_the_certain_cases():
    separated, same, diff = bootstrap_aurocs([[3, 4, 5], [3, 4, 5]], [[0, 1, 2], [0, 1, 2]], rounds=50)
    assert separated == (1.0, 1.0) and same == (1.0, 1.0) and diff == (0.0, 0.0)
    lo, hi = bootstrap_aurocs([[1, 0, 1, 0]], [[0, 1, 0, 1]], rounds=200)[0]
    assert lo < 0.5 < hi


def test_span_touch_and_its_chance():
    assert not touches(0, 3, 3, 5)  # adjacent, no shared character
    assert touches(0, 4, 3, 5)
    assert touches(2, 5, 5, 5)  # a rater's omission point at the flag's end
    assert not touches(6, 8, 5, 5)
    assert touches(4, 4, 3, 5)  # a zero-width flag inside a span
    assert chance_touch(10, 1, [(0, 5)]) == 0.5
    assert chance_touch(10, 2, [(0, 5)]) == 5 / 9
    assert chance_touch(10, 1, []) == 0.0


def test_pairwise_accuracy_orders_within_groups_only():
    assert pairwise_accuracy([[(1, 0), (2, 1), (3, 2)]]) == (1.0, 3, 0.0)
    assert pairwise_accuracy([[(3, 0), (2, 1), (1, 2)]]) == (0.0, 3, 0.0)
    assert pairwise_accuracy([[(1, 0), (1, 1)]]) == (0.5, 1, 1.0)
    acc, pairs, _ = pairwise_accuracy([[(1, 0), (2, 0)], [(5, 1)]])  # equal truths, a group of one: no pair
    assert pairs == 0 and acc != acc
    assert noisy_or([0.5, 0.5]) == 0.75


def test_readers_take_prose_and_translated_entries():
    rendered = (
        "LS(1)                 General Commands Manual                 LS(1)\n\n"
        "BESCHREIBUNG\n"
        "Listet Informationen über die Dateien auf, standardmäßig  das aktuelle Verzeichnis.\n"
        "-a, --all\n"
        "nicht ignorieren, auch wenn der Name mit einem Punkt beginnt.\n"
        "    ls -l /usr/share/doc/ | grep -v Dokumentation und Beispiele.\n"
        "a      b      c      d      e      f      g.\n"
    )
    assert man_paragraphs(rendered, "de") == [
        "Listet Informationen über die Dateien auf, standardmäßig das aktuelle Verzeichnis."]
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "One file"\nmsgid_plural "Many files"\nmsgstr[0] "Eine Datei"\nmsgstr[1] "Viele "\n"Dateien"\n\n'
        '#, fuzzy\nmsgid "Old"\nmsgstr "Alt"\n\n'
        'msgid "Empty"\nmsgstr ""\n'
    )
    assert po_messages(po) == [("One file", "Eine Datei"), ("One file", "Viele Dateien")]
    assert spread(list(range(10)), 3) == [0, 3, 6] and spread([1, 2], 5) == [1, 2]
    assert not in_language("Print the file name for each match, as it is the default.", "pt")  # left untranslated
    assert in_language("Imprime o nome do arquivo para cada correspondência.", "pt")
    assert in_language("Dieses Programm zeigt Ihnen den Inhalt an.", "de")
    assert not in_language("Это English text with the words of it.", "ru")


def test_grouped_rows_map_flags_and_sentences_back():
    rows = [Row("s", "s:b", "de", "Zweiter Satz.", "clean", False, group="d", order=(2, "")),
            Row("s", "s:a", "de", "Erster Satz hier.", "error", True, group="d", order=(1, "")),
            Row("s", "s:c", "de", "Anderes Dokument.", "clean", False, group="e", order=(1, ""))]
    docs, place = build_documents(rows, grouped=True)
    assert docs == {"s:d": "Erster Satz hier.\n\nZweiter Satz.", "s:e": "Anderes Dokument."}
    out = Outputs()
    out.flags["s:d"] = [{"code": "S104", "start": 19, "end": 25, "sent_id": 1}, {"code": "S105", "start": 0, "end": 6,
                                                                              "sent_id": 0}]
    out.sentences["s:d"] = [{"sent_id": "0", "start": "0", "end": "17", "risk": "0.1"},
                            {"sent_id": "1", "start": "19", "end": "32", "risk": "0.2"}]
    out.lang["s:d"] = "de"
    per_row = project(out, rows, place)
    assert per_row.flags["s:b"] == [{"code": "S104", "start": 0, "end": 6, "sent_id": 1}]
    assert rows[0].text[0:6] == "Zweite"
    assert [f["code"] for f in per_row.flags["s:a"]] == ["S105"]
    assert [s["start"] for s in per_row.sentences["s:b"]] == [0] and per_row.lang["s:b"] == "de"
    assert "s:c" not in per_row.flags and per_row.lang["s:c"] == ""
    docs, place = build_documents(rows, grouped=False)
    assert set(docs) == {"s:a", "s:b", "s:c"} and place["s:b"].offset == 0


def test_runs_on_a_few_rows_of_the_shared_sets(tmp_path):
    shared = default_shared()
    if not (shared / "benchmarks" / "mqm-dev").exists():
        pytest.skip(f"no shared benchmarks at {shared} (the MQM files live beside the repository)")
    clean = tmp_path / "clean"
    (clean / "man" / "de").mkdir(parents=True)
    (clean / "man" / "de" / "man1_x.1.txt").write_text(
        "BESCHREIBUNG\nDieses Programm zeigt Ihnen den Inhalt eines Verzeichnisses an.\n"
        "Die Ausgabe wird nach Namen sortiert, wenn Sie nichts anderes angeben.\n", encoding="utf-8")
    md = tmp_path / "tables.md"
    ex = tmp_path / "examples.md"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "real_text.py"), "--limit", "15", "--sets", "de-ted,en-wmt23-zhen,man-de",
         "--base", "HEAD", "--bootstrap", "20", "--clean-text", str(clean), "--work", str(tmp_path / "work"),
         "--markdown", str(md), "--examples", str(ex)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    text = md.read_text(encoding="utf-8")
    for title in ("(de-ted)", "(en-wmt23-zhen)", "### Clean human text", "| man-de | 2 |"):
        assert title in text
    assert "| clean rows flagged | " in text and "pairwise accuracy within items: risk" in text
    assert "base HEAD" in text and "this checkout" in text
    assert "not the row's text at their offsets" not in text
    assert ex.read_text(encoding="utf-8").startswith("# False alarms on clean rows")


def test_with_source_runs_the_mqm_rows_as_bitext_units(tmp_path):
    """--with-source: one bitext table per set and system, per source language; flags map back to the rows."""
    from real_text import ROOT, run_contender, write_bitext

    rows = [Row("es-bio", "es-bio:1", "es", "La odds ratio fue de 2,1.", "error", True,
                source="The odds ratio was 2.1.", system="A"),
            Row("es-bio", "es-bio:2", "es", "La edad media fue de 54 años.", "clean", False,
                source="The mean age was 54 years.", system="B"),
            Row("en-wmt23-zhen", "en-wmt23-zhen:3", "en", "The summit ended.", "clean", False, source="峰会结束了。",
                system="A")]
    folder = write_bitext(rows, tmp_path)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.jsonl")) == [
        "en/es-bio--A.jsonl", "en/es-bio--B.jsonl", "zh/en-wmt23-zhen--A.jsonl"]
    out = run_contender(ROOT, folder, tmp_path / "out", {r.row_id: r.text for r in rows}, cached=False, jobs=1)
    assert [f["code"] for f in out.flags["es-bio:1"]] == ["Q629", "L307"]  # copied; Spanish has its own term
    assert "es-bio:2" not in out.flags and out.lang["es-bio:2"] == "es" and out.lang["en-wmt23-zhen:3"] == "en"
    assert out.offset_mismatches == 0


def test_unknown_words_are_found_in_order_inside_their_sentence():
    from real_text import unknown_spans

    text = "Le traitment est long. Le traitment est court."
    sentences = [{"start": "0", "end": "22", "unknown": "traitment"}, {"start": "23", "end": "46", "unknown": ""}]
    assert unknown_spans(text, sentences) == [(3, 12)]
    sentences = [{"start": "0", "end": "46", "unknown": "traitment;traitment;absent"}]
    assert unknown_spans(text, sentences) == [(3, 12), (26, 35)]  # the second from after the first; one not found
    assert unknown_spans("Paracetamolx y paracetamol.", [{"start": "0", "end": "27", "unknown": "paracetamol"}]) == [
        (15, 26)]  # a whole word only


@pytest.mark.skipif(shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
                    reason="apertium is not installed (scripts/install-engines)")
def test_engine_option_runs_the_round_trip_and_its_signals(tmp_path):
    """--engine apertium: each sentence comes back with a chrF and the words the analyser did not know."""
    from real_text import ROOT, measure_round_trip, run_contender, write_input

    rows = [Row("fr-x", "fr-x:1", "fr", "Le patient a reçu un traitment pendant deux semaines.", "error", True,
                spans=((21, 30, "Fluency/Spelling", "Major"),)),
            Row("fr-x", "fr-x:2", "fr", "Le patient a reçu un traitement pendant deux semaines.", "clean", False)]
    assert rows[0].text[21:30] == "traitment"
    docs, place = build_documents(rows, grouped=False)
    inp = write_input(docs, tmp_path)
    out = run_contender(ROOT, inp, tmp_path / "out-apertium", docs, cached=False, jobs=1, engine="apertium")
    assert all(s["chrf"] not in ("", None) for r in rows for s in out.sentences[r.row_id])
    assert out.sentences["fr-x:1"][0]["unknown"] == "traitment" and not out.sentences["fr-x:2"][0]["unknown"]
    res = measure_round_trip(rows, project(out, rows, place), rounds=10)
    assert res.tripped == 2 and (res.unknown_hits, res.unknown_words) == (1, 1)
    assert res.unknown_auroc == 1.0 and res.major_unknown == (1, 1) and res.clean_unknown == (0, 1)
