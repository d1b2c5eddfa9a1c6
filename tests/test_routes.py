"""Routes per document language (translate_cmp/engines/routes.py) on the real engines: Debian's Apertium pairs
and argos copy packages (en<->de); the run's route lines, run.json's ``routes``, ``--pivot fr=es``; a run's
outputs never read back as input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.engines.apertium import ApertiumEngine
from translate_cmp.engines.round_trip import pivots_for
from translate_cmp.engines.routes import (
    RoutedEngine,
    check_pivot_spec,
    install_hint,
    parse_pivots,
    plan_entries,
    route_for,
)

ROOT = Path(__file__).resolve().parent.parent
needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
    reason="apertium binary not installed (scripts/install-engines)")

FRENCH = ("Le serveur lit le fichier de configuration au démarrage. Il vérifie ensuite les droits de chaque "
          "utilisateur. La commande affiche un message quand le fichier manque.\n")
GERMAN = ("Der Server liest die Konfigurationsdatei beim Start. Danach prüft er die Rechte jedes Benutzers. "
          "Der Befehl zeigt eine Meldung, wenn die Datei fehlt.\n")
RUSSIAN = ("Сервер читает файл настройки при запуске. Затем он проверяет права каждого пользователя. "
           "Команда выводит сообщение, если файл отсутствует.\n")


def test_pivot_spec_parses_bare_and_per_language_entries():
    assert parse_pivots(("es", "fr=es", "ru=uk")) == (("es",), {"fr": ("es",), "ru": ("uk",)})
    assert check_pivot_spec(("fr=es", "ru=uk", "en=es")) is None
    assert "twice" in check_pivot_spec(("fr=es", "fr=ca"))
    assert "itself" in check_pivot_spec(("fr=fr",))
    assert "neither" in check_pivot_spec(("fr=e s",))


def test_pivots_for_reads_the_plan_before_the_old_defaults():
    plan = ("es", "fr=ca", "ru=uk")
    assert pivots_for("fr", plan) == ["ca"]
    assert pivots_for("ru", plan) == ["uk"]
    assert pivots_for("en", plan) == ["es"]
    assert pivots_for("de", plan) == ["en"]  # nothing planned: through English, as before
    assert pivots_for("en", ()) == ["es"]


def test_install_hint_names_the_language_asked():
    assert "apertium-fr-es" in install_hint("fr")
    assert "apertium-rus-ukr" in install_hint("ru")
    hint = install_hint("de")
    assert "--from-index de en" in hint and "--from-index en de" in hint and "en<->es" not in hint


@needs_apertium
def test_apertium_routes_every_claimed_language():
    engine = ApertiumEngine()
    expected = {"en": "es", "es": "gl", "fr": "ca", "it": "ca", "pt": "gl", "ca": "es", "gl": "pt", "ru": "uk",
                "nl": "af"}
    for lang, pivot in expected.items():
        route = route_for(engine, lang)
        assert route.engine == "apertium" and route.pivots == (pivot,), (lang, route)
    assert route_for(engine, "de").engine == ""
    assert route_for(engine, "fr", bare=("es",)).pivots == ("es",)  # a bare --pivot is preferred where it serves
    assert route_for(engine, "fr", fixed={"fr": ("it",)}).engine == ""  # fixed: kept, reported when missing
    entries = plan_entries(engine, ("fr=es",))
    assert "fr=es" in entries and "fr=ca" not in entries and "ru=uk" in entries


@needs_apertium
def test_russian_round_trip_through_ukrainian():
    engine = ApertiumEngine()
    sentences = ["Сервер читает файл настройки при запуске.", "Привет мир.", "Как дела?"]
    there = engine.translate(sentences, "ru", "uk")
    back = engine.translate([t.text for t in there], "uk", "ru")
    assert all(t.text for t in there) and there[0].text != sentences[0]
    assert [t.text for t in back][1:] == sentences[1:]


@needs_apertium
def test_routed_engine_prefers_argos_where_it_has_both_legs(argos_packages_dir):
    from translate_cmp.engines.argos import ArgosEngine

    engine = RoutedEngine([ArgosEngine(packages_dir=argos_packages_dir), ApertiumEngine()])
    assert engine.name == "argos+apertium"
    assert route_for(engine, "en").engine == "argos" and route_for(engine, "en").pivots == ("de",)
    assert route_for(engine, "de").engine == "argos"
    assert route_for(engine, "fr").engine == "apertium" and route_for(engine, "fr").pivots == ("ca",)
    assert route_for(engine, "en", fixed={"en": ("es",)}).engine == "apertium"
    assert engine.translate(["Hallo Welt."], "de", "en")[0].text == "Hallo Welt."  # the copy model


def _run(tmp_path: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "translate_cmp", "run", *args, "--cache-dir",
                           str(tmp_path / "cache"), "-j", "1"], capture_output=True, text=True, env=env,
                          cwd=cwd or tmp_path)


@needs_apertium
def test_run_reports_routes_per_language(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (docs / "de.txt").write_text(GERMAN, encoding="utf-8")
    (docs / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    proc = _run(tmp_path, "docs", "--engine", "apertium", "--pivot", "fr=es")
    assert proc.returncode == 0, proc.stderr
    assert "route fr (French): apertium fr->es->fr 3 of 3 sentences" in proc.stderr
    assert "route ru (Russian): apertium ru->uk->ru 3 of 3 sentences" in proc.stderr
    german = [line for line in proc.stderr.splitlines() if "for de" in line]
    assert len(german) == 1 and "Apertium has no pair for German" in german[0]
    assert "--from-index de en" in german[0]
    routes = json.loads((tmp_path / "outputs" / "run.json").read_text(encoding="utf-8"))["routes"]
    assert routes["fr"] == {"engine": "apertium", "pivots": {"es": 3}, "sentences": 3, "untranslated": 0}
    assert routes["ru"]["pivots"] == {"uk": 3}
    assert routes["de"]["sentences"] == 0 and routes["de"]["untranslated"] == 3 and "install" in routes["de"]


def test_bad_pivot_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Hello world.\n", encoding="utf-8")
    proc = _run(tmp_path, "a.txt", "--engine", "none", "--pivot", "fr=es,fr=ca")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "--pivot" in proc.stderr and "twice" in proc.stderr


def test_outputs_are_never_read_back(tmp_path):
    (tmp_path / "a.txt").write_text("Hello world. This is a test.\n", encoding="utf-8")
    first = _run(tmp_path, ".", "--engine", "none")
    assert first.returncode == 0, first.stderr
    docs_first = (tmp_path / "outputs" / "documents.csv").read_text(encoding="utf-8").splitlines()
    second = _run(tmp_path, ".", "--engine", "none", "--no-cache")
    assert second.returncode == 0, second.stderr
    assert "outputs: output folder of a translate-cmp run, skipped" in second.stderr
    docs_second = (tmp_path / "outputs" / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(docs_second) == len(docs_first) == 2  # header and a.txt: no outputs/documents, outputs/sentences
    # any folder holding a translate-cmp run.json, not only --out
    shutil.copytree(tmp_path / "outputs", tmp_path / "old-run")
    third = _run(tmp_path, ".", "--engine", "none", "--no-cache", "--out", "elsewhere")
    assert "old-run: output folder of a translate-cmp run, skipped" in third.stderr
    assert "3 documents" not in third.stderr and "1 document," in third.stderr
    given = _run(tmp_path, "old-run", "--engine", "none", "--no-cache")
    assert given.returncode == 2 and "is a translate-cmp output folder" in given.stderr


def test_galician_is_told_from_spanish_and_portuguese():
    from translate_cmp.lang.detect import detect

    galician = ("Esta opción non se pode cambiar. Tamén hai unha lista dos ficheiros que xa foron copiados polo "
                "programa, cando se inicia a sesión.")
    spanish = ("Esta opción no se puede cambiar. También hay una lista de los archivos que ya fueron copiados por "
               "el programa, cuando se inicia la sesión.")
    portuguese = ("Esta opção não pode ser alterada. Também há uma lista dos arquivos que já foram copiados pelo "
                  "programa, quando a sessão é iniciada.")
    assert detect(galician).lang == "gl"
    assert detect(spanish).lang == "es"
    assert detect(portuguese).lang == "pt"


@needs_apertium
def test_route_sample_follows_the_planned_routes():
    import csv

    with open(ROOT / "benchmarks" / "roundtrip_routes_sample.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    engine = ApertiumEngine()
    routes = {r["route"] for r in rows}
    assert routes == {f"{lang}-{route_for(engine, lang).pivots[0]}" for lang in {r["lang"] for r in rows}}
    assert len(routes) == 9 and all(sum(r["route"] == route for r in rows) == 60 for route in routes)
    assert {r["label"] for r in rows} == {"clean", "debris"} and all(r["reason"] for r in rows if r["label"] != "clean")
    assert "text" not in rows[0]  # the sentences are read again from Debian's files, never stored here
