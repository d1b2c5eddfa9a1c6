"""Q672 acronym-written-two-ways: the project pass compares how the units of one file write an acronym of their
source; through check_units and through the CLI on bitext tables (one file per system, as a user would check)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.rules.consistency.acronyms import renderings, source_acronyms
from translate_cmp.rules.consistency.project import UnitText, check_units


def _u(n: int, source: str, target: str, file: str = "a.jsonl", lang: str = "ru") -> UnitText:
    return UnitText(f"u{n}", f"{file}:{n}", file, lang, "", None, source, target)


def test_what_counts_as_the_source_s_acronym_and_its_written_form():
    assert source_acronyms("METHODS: VF and VP in 2 CT scans (CBCT-3D), COVID-19") == ["VF", "VP", "CT"]
    assert renderings("patients with VF", "пациенты с ВН") == {"VF": "ВН"}
    assert renderings("patients with VF", "пациенты с VF (ВН)") == {"VF": "VF"}  # kept: it is the form
    assert renderings("VF and VP", "ВН и ВП") == {}  # two acronyms, two words: which is which is not told
    assert renderings("patients with VF", "пациенты с ВН по данным КТ") == {}  # two candidates
    assert renderings("patients with VF in the US", "пациенты с VF в США") == {"VF": "VF"}


def test_the_form_most_units_use_is_the_reference_and_the_others_are_reported():
    units = [_u(1, "women with two or more VF", "женщины с двумя и более ВН"),
             _u(2, "the location of VF", "локализация ВН"),
             _u(3, "patients with a single VF", "пациенты с одним ВФ"),
             _u(4, "the CHI program", "программа ОМС")]
    found = check_units(units, ("Q672",))
    assert list(found) == ["u3"]
    assert found["u3"][0] == ("Q672", "the source's VF is written ВФ here and ВН in 2 other units (first: a.jsonl:1)")


def test_a_tie_one_form_or_another_file_reports_nothing():
    assert not check_units([_u(1, "with VF", "с ВН"), _u(2, "with VF", "с ВФ")], ("Q672",))
    assert not check_units([_u(n, "with VF", "с ПП") for n in range(3)], ("Q672",))
    apart = [_u(1, "with VF", "с ВН", file="a.jsonl"), _u(2, "with VF", "с ВН", file="a.jsonl"),
             _u(3, "with VF", "с ВФ", file="b.jsonl")]  # another system's file
    assert not check_units(apart, ("Q672",))


def test_bitext_tables_through_the_cli(tmp_path: Path):
    rows = [("The features of vertebral fractures (VF) were analysed.", "Проанализированы особенности переломов "
             "позвонков (ВН)."),
            ("Pain was higher in patients with two or more VF.", "Боль была выше у пациентов с двумя и более ВН."),
            ("Most indices were higher in women with two or more VF.", "Большинство показателей были выше у женщин "
             "с двумя и более ВФ.")]
    lines = [json.dumps({"id": f"r{n}", "source": s, "text": t}, ensure_ascii=False) for n, (s, t) in enumerate(rows)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "system.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "in"), "--engine", "none", "--select", "Q672",
                                      "--source-column", "source", "--target-column", "text", "--id-column", "id",
                                      "--no-cache", "--out", str(out), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    flags = [json.loads(x) for x in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(f["doc_id"].rsplit(":", 1)[-1], f["code"]) for f in flags] == [("r2", "Q672")]
    assert "ВФ here and ВН in 2 other units" in flags[0]["message"]


def test_forms_in_the_source_s_script_alone_are_the_language_s_usage():
    spanish = [_u(1, "the PTG", "el CPT", lang="es"), _u(2, "the PTG", "el CPT", lang="es"),
               _u(3, "the PTG", "la PTG", lang="es")]  # the English acronym beside the Spanish one
    assert not check_units(spanish, ("Q672",))
    russian = [_u(1, "the CHI system", "система ВГИ"), _u(2, "the CHI program", "программа ВГИ"),
               _u(3, "the CHI", "CHI")]
    assert list(check_units(russian, ("Q672",))) == ["u3"]
