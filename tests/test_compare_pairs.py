"""``compare`` across a pair an installed Apertium mode serves (French source, Spanish translation through
es->fr), with the languages detected or given: what a translation must keep (numbers, negation, names).
Own short text (the issue-21 scenario); real Apertium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_cmp.rules.comparison.keep import negations, number_keys

ROOT = Path(__file__).resolve().parent.parent
needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None and not os.environ.get("TRANSLATE_CMP_CI"),
    reason="apertium binary not installed (scripts/install-engines)")

FRENCH = """\
La ville de Lyon prépare un nouveau plan de transport. Le projet prévoit une ligne de tramway de 300 km autour \
de la région. Les travaux doivent commencer au printemps prochain.

Le maire a présenté le budget lundi soir. Il estime le coût total à 2 milliards d'euros. Les habitants pourront \
donner leur avis pendant deux mois.

Les associations de cyclistes demandent plus de pistes sécurisées. Elles rappellent que le nombre d'accidents a \
augmenté l'an dernier. La mairie promet une réponse avant la fin de l'année.

Le conseil régional ne soutient pas encore le projet. Il attend une étude sur l'impact environnemental. Cette \
étude sera publiée en septembre.
"""
# the Spanish translation, third paragraph dropped, an English sentence inserted, 300 km changed to 30 km
SPANISH = """\
La ciudad de Lyon prepara un nuevo plan de transporte. El proyecto prevé una línea de tranvía de 30 km \
alrededor de la región. Las obras deben empezar la próxima primavera.

El alcalde presentó el presupuesto el lunes por la noche. Calcula el coste total en 2.000 millones de euros. \
The council will meet again next week to discuss the plan. Los vecinos podrán dar su opinión durante dos meses.

El consejo regional todavía no apoya el proyecto. Espera un estudio sobre el impacto ambiental. Ese estudio se \
publicará en septiembre.
"""


def test_numbers_match_across_separators_and_scale_words():
    keys = lambda text: frozenset().union(*(k for *_, k in number_keys(text)))  # noqa: E731
    assert keys("2 milliards d'euros") & keys("2.000 millones de euros")
    assert keys("1,400,000 euros") == keys("1 400 000 euros")
    assert not keys("une ligne de 300 km") & keys("una línea de 30 km")
    assert negations("Le conseil ne soutient pas le projet.", "fr") and negations("No apoya.", "es")
    assert not negations("El consejo apoya el proyecto.", "es")


def _compare(tmp_path: Path, source: str, translation: str, *extra: str) -> list[tuple[str, int]]:
    (tmp_path / "fr.txt").write_text(source, encoding="utf-8")
    (tmp_path / "es.txt").write_text(translation, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "translate_cmp", "compare", "fr.txt", "es.txt", "--out", str(out),
                           *extra], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    flags = [json.loads(line) for line in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted((f["code"], f["sent_id"]) for f in flags)


@needs_apertium
def test_french_source_against_spanish_translation_flags_the_three_edits(tmp_path):
    flags = _compare(tmp_path, FRENCH, SPANISH)
    # 300 km -> 30 km; the English sentence after sentence 4; sentences 6-8 (the dropped paragraph); nothing else
    assert flags == [("C501", 6), ("C501", 7), ("C501", 8), ("C502", 4), ("C507", 1)]


@needs_apertium
def test_languages_given_and_a_lost_negation(tmp_path):
    edited = SPANISH.replace("todavía no apoya", "ya apoya").replace("30 km", "300 km")
    flags = _compare(tmp_path, FRENCH, edited, "--source-lang", "fr", "--target-lang", "es")
    assert ("C508", 9) in flags and not any(code == "C507" for code, _ in flags)
    renamed = SPANISH.replace("Lyon", "Lille").replace("30 km", "300 km")
    assert ("C509", 0) in _compare(tmp_path, FRENCH, renamed)
