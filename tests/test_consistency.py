"""Q670/Q671: the project pass over every unit, through the CLI, the same on every executor."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.rules.consistency.project import UnitText, check_units


def _u(n: int, source: str, target: str, file: str = "a.po", lang: str = "de", context: str = "") -> UnitText:
    return UnitText(f"u{n}", f"{file}:{n}", file, lang, context, None, source, target)


def test_majority_is_the_reference_and_a_tie_is_decided_by_the_rest_of_the_project_or_reported_whole():
    found = check_units([_u(1, "Save", "Speichern"), _u(2, "Save", "Sichern"), _u(3, "Save", "Speichern")])
    assert list(found) == ["u2"] and "'Speichern' in 2 other units (first: a.po:1)" in found["u2"][0][1]
    assert set(check_units([_u(1, "Save", "Sichern"), _u(2, "Save", "Speichern")])) == {"u1", "u2"}
    longer = [_u(3, "Save the file", "Die Datei speichern"), _u(4, "Save all", "Alle speichern")]
    found = check_units([_u(1, "Save", "Sichern"), _u(2, "Save", "Speichern"), *longer])
    assert list(found) == ["u1"] and "'Speichern'" in found["u1"][0][1]


def test_a_tie_is_decided_by_the_locale_s_capital_convention_where_it_has_one():
    # the rest of the locale starts a capitalised source's translation with a capital; one of the two variants
    # of "Password reset" does not (its words swapped): it is the odd one, the twin is not flagged
    rest = [_u(n, f"Item {n}", f"Eintrag {n}") for n in range(10, 30)]
    pair = [_u(1, "Password reset", "Restablecer contraseña", lang="es"),
            _u(2, "Password reset", "contraseña Restablecer", lang="es")]
    rest_es = [_u(n, f"Item {n}", f"Elemento {n}", lang="es") for n in range(10, 30)]
    found = check_units([*pair, *rest_es])
    assert list(found) == ["u2"] and "'Restablecer contraseña'" in found["u2"][0][1]
    found = check_units([_u(1, "URL", "Adresse (URL)"), _u(2, "URL", "(URL) Adresse"), *rest])
    assert list(found) == ["u2"]
    # a locale without the convention (most capitalised sources translated lower-case): no evidence, both
    loose = [_u(n, f"Item {n}", f"eintrag {n}") for n in range(10, 30)]
    assert set(check_units([_u(1, "URL", "Adresse (URL)"), _u(2, "URL", "(URL) Adresse"), *loose])) == {"u1", "u2"}


def test_languages_contexts_and_scope_keep_units_apart():
    assert not check_units([_u(1, "Save", "Speichern"), _u(2, "Save", "Enregistrer", lang="fr")])
    assert not check_units([_u(1, "May", "Mai", context="month"), _u(2, "May", "Darf", context="verb")])
    assert not check_units([_u(1, "F", "Fr", context="one letter Friday"), _u(2, "Fri", "Fr", context="abbrev.")])
    units = [_u(1, "Save", "Speichern", file="a.po"), _u(2, "Save", "Sichern", file="b.po")]
    assert check_units(units, scope="project") and not check_units(units, scope="file")


def test_locales_from_the_layout():
    from translate_cmp.rules.consistency.project import locale_of

    assert locale_of("django/conf/locale/pt_BR/LC_MESSAGES/django.po", "pt") == "pt_br"
    assert locale_of("django/conf/locale/pt/LC_MESSAGES/django.po", "pt") == "pt"
    assert locale_of("po/sr@latin.po", "sr") == "sr@latin"
    assert locale_of("strings/messages.xlf", "de") == "de"


def test_sources_differing_only_in_case_punctuation_or_markup_are_the_same():
    assert not check_units([_u(1, "Name", "Name"), _u(2, "Name:", "Name"), _u(3, "<b>name</b>", "Name")],
                           ("Q671",))
    assert not check_units([_u(1, "Filter", "Filter"), _u(2, "Filters", "Filter"), _u(3, "a.m.", "vorm."),
                            _u(4, "AM", "vorm.")], ("Q671",))
    plural = [UnitText(f"p{n}", "a.po:9", "a.po", "de", "", n, form, "%d Zeichen", "%d character")
              for n, form in enumerate(("%d character", "%d characters"))]
    assert not check_units(plural, ("Q671",))  # the forms of one plural entry are one source
    assert not check_units([_u(1, "Delete", "Löschen"), _u(2, "Remove", "Löschen")], ("Q671",))  # one-word labels
    found = check_units([_u(1, "Delete file", "Datei löschen"), _u(2, "Delete file", "Datei löschen"),
                         _u(3, "Remove file", "Datei löschen")], ("Q671",))
    assert list(found) == ["u3"] and found["u3"][0][0] == "Q671"


def test_accelerator_markers_are_ignored_when_given():
    units = [_u(1, "&Save", "&Speichern"), _u(2, "&Save", "Speichern"), _u(3, "Save", "Speichern")]
    assert check_units(units, ("Q670",))
    assert not check_units(units, ("Q670",), accelerators="&")


def test_articles_skip_the_project_pass(tmp_path):
    from translate_cmp.readers import ReadOptions
    from translate_cmp.rules.consistency.project import has_units

    (tmp_path / "a.txt").write_text("Save. Save.", encoding="utf-8")
    assert not has_units([str(tmp_path)], ReadOptions())
    _catalogue(tmp_path, "b.po", [("Save", "Speichern")])
    assert has_units([str(tmp_path)], ReadOptions())


def _catalogue(folder: Path, name: str, pairs: list[tuple[str, str]]) -> None:
    body = "".join(f'\nmsgid "{s}"\nmsgstr "{t}"\n' for s, t in pairs)
    (folder / name).write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n'
                               + body, encoding="utf-8")


def _flags(out: Path) -> list[tuple[str, str]]:
    rows = [json.loads(x) for x in (out / "flags.jsonl").read_text().splitlines()]
    return sorted((r["doc_id"], r["code"]) for r in rows)


def _run(tmp_path: Path, out: Path, *extra: str):
    return CliRunner().invoke(cli, ["run", str(tmp_path / "locale"), "--engine", "none", "--select", "Q67",
                                    "--out", str(out), "--format", "csv,jsonl,junit,sarif,po", *extra],
                              catch_exceptions=False)


def test_across_files_identical_on_every_executor_and_reused_only_while_the_project_is_unchanged(tmp_path):
    (tmp_path / "locale").mkdir()
    _catalogue(tmp_path / "locale", "a.po", [("Save", "Speichern"), ("Cancel changes", "Abbrechen")])
    _catalogue(tmp_path / "locale", "b.po", [("Save", "Speichern"), ("Discard", "Verwerfen")])
    _catalogue(tmp_path / "locale", "c.po", [("Save", "Sichern"), ("Cancel changes", "Abbrechen")])
    cache = str(tmp_path / "cache")
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run(tmp_path, one, "--jobs", "1", "--cache-dir", cache).exit_code == 0
    assert _flags(one) == [("c:Save", "Q670")]
    assert _run(tmp_path, two, "--jobs", "2", "--no-cache").exit_code == 0
    for name in ("sentences.csv", "flags.jsonl", "junit.xml", "results.sarif"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    # another file changes: c.po's own text is the same, its finding is not (the memo must not serve the old one)
    _catalogue(tmp_path / "locale", "b.po", [("Save", "Sichern"), ("Discard changes", "Abbrechen")])
    assert _run(tmp_path, one, "--jobs", "1", "--cache-dir", cache).exit_code == 0
    assert _flags(one) == [("a:Save", "Q670"), ("b:Discard changes", "Q671")]


def test_baseline_and_diff_carry_the_project_findings(tmp_path):
    (tmp_path / "locale").mkdir()
    _catalogue(tmp_path / "locale", "a.po", [("Save", "Speichern")])
    _catalogue(tmp_path / "locale", "b.po", [("Save", "Speichern")])
    _catalogue(tmp_path / "locale", "c.po", [("Save", "Sichern")])
    old, new = tmp_path / "old", tmp_path / "new"
    runner = CliRunner()
    assert _run(tmp_path, old, "--no-cache", "--fail-on", "warning").exit_code == 1
    baseline = runner.invoke(cli, ["baseline", str(old)], catch_exceptions=False)
    (tmp_path / "baseline.json").write_text(baseline.output, encoding="utf-8")
    assert "Q670" in baseline.output
    # accepted in the baseline: no longer fails the run
    assert _run(tmp_path, new, "--no-cache", "--fail-on", "warning", "--baseline",
                str(tmp_path / "baseline.json")).exit_code == 0
    _catalogue(tmp_path / "locale", "c.po", [("Save", "Speichern")])  # fixed
    assert _run(tmp_path, new, "--no-cache").exit_code == 0
    report = runner.invoke(cli, ["diff", str(old), str(new)], catch_exceptions=False).output
    assert "Q670" in report and "resolved" in report.lower(), report
