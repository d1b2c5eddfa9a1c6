"""Project configuration (translate_cmp/config.py): discovery, precedence over defaults, flags over it, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.config import find_config, load_config, read_config
from translate_cmp.errors import InputError

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "Open the folder"
msgstr "Das Verzeichnis öffnen"

msgid "Save"
msgstr "Speichern"
'''


def _project(tmp_path: Path, config: str, name: str = "translate-cmp.toml") -> Path:
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "app.po").write_text(PO, encoding="utf-8")
    terms = "source,target,lang,forbidden\nfolder,Ordner,de,Verzeichnis\n"
    (tmp_path / "terms.csv").write_text(terms, encoding="utf-8")
    (tmp_path / name).write_text(config, encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _codes(out: Path) -> list[str]:
    return sorted(json.loads(line)["code"] for line in (out / "flags.jsonl").read_text().splitlines())


def test_found_upward_from_the_inputs_and_pyproject_needs_its_table(tmp_path):
    _project(tmp_path, "[tool.black]\n", name="pyproject.toml")
    assert find_config([tmp_path / "locale" / "app.po"]) is None  # a pyproject.toml without our table
    (tmp_path / "pyproject.toml").write_text('[tool.translate-cmp]\nselect = ["Q65"]\n', encoding="utf-8")
    assert find_config([tmp_path / "locale" / "app.po"]) == tmp_path / "pyproject.toml"
    (tmp_path / "locale" / "translate-cmp.toml").write_text('ignore = ["S"]\n', encoding="utf-8")
    assert find_config([tmp_path / "locale"]) == tmp_path / "locale" / "translate-cmp.toml"  # the nearest wins


def test_config_selects_rules_and_names_the_glossary_relative_to_itself(tmp_path, monkeypatch):
    root = _project(tmp_path, 'select = ["Q65"]\nglossary = "terms.csv"\n')
    monkeypatch.chdir(tmp_path / "locale")  # the glossary path is read against the configuration's folder
    out = tmp_path / "out"
    result = _run("run", str(root / "locale"), "--engine", "none", "--no-cache", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert _codes(out) == ["Q651"]
    # a flag typed on the command line overrides the file
    result = _run("run", str(root / "locale"), "--engine", "none", "--no-cache", "--out", str(out), "--select", "Q650")
    assert _codes(out) == []


def test_fail_on_and_per_file_ignores(tmp_path):
    root = _project(tmp_path, 'select = ["Q65"]\nglossary = "terms.csv"\nfail-on = "error"\n')
    out = tmp_path / "out"
    assert _run("run", str(root / "locale"), "--engine", "none", "--no-cache", "--out", str(out)).exit_code == 1
    (root / "translate-cmp.toml").write_text('select = ["Q65"]\nglossary = "terms.csv"\nfail-on = "error"\n'
                                             '[per-file-ignores]\n"locale/*.po" = ["Q651"]\n', encoding="utf-8")
    assert _run("run", str(root / "locale"), "--engine", "none", "--no-cache", "--out", str(out)).exit_code == 0
    assert _codes(out) == []


@pytest.mark.parametrize(("text", "message"), [
    ('selcet = ["S"]\n', "unknown key 'selcet' (did you mean 'select'?)"),
    ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('jobs = "four"\n', "jobs must be a whole number, 0 or more, not 'four'"),
    ('select = ["S1001"]\n', "select: unknown rule code or prefix 'S1001' (did you mean 'S101'?)"),
    ('fail-on = "fatal"\n', "fail-on must be one of info, warning, error, not 'fatal'"),
    ('[per-file-ignores]\n"*.po" = "S10X"\n', "unknown rule code or prefix 'S10X'"),
    ('select = [S\n', "not valid TOML"),
])
def test_bad_configuration_is_one_line_naming_the_file(tmp_path, text, message):
    root = _project(tmp_path, text)
    result = CliRunner().invoke(cli, ["run", str(root / "locale"), "--engine", "none", "--no-cache"])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and str(root / "translate-cmp.toml") in line and message in line, line


def test_unreadable_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="configuration file not found"):
        load_config([tmp_path], str(tmp_path / "nope.toml"))
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_config(tmp_path / "dir.toml")
    (tmp_path / "bad.toml").write_bytes(b"select = ['\xff']\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_config(tmp_path / "bad.toml")


def test_config_command_shows_each_setting_and_its_origin(tmp_path):
    root = _project(tmp_path, '[tool.translate-cmp]\nignore = ["S105"]\naccelerators = ["&"]\n'
                              'variables = ["printf"]\n', name="pyproject.toml")
    result = _run("config", str(root / "locale"))
    assert result.exit_code == 0
    lines = {line.split(" =")[0]: line for line in result.output.splitlines() if " = " in line}
    origin = f"# {root / 'pyproject.toml'} [tool.translate-cmp]"
    assert lines["ignore"].startswith('ignore = ["S105"]') and lines["ignore"].endswith(origin)
    assert lines["accelerators"].startswith('accelerators = ["&"]')
    assert lines["engine"].startswith('engine = "auto"') and lines["engine"].endswith("# default")
    typed = _run("config", str(root / "locale"), "--ignore", "S1,F")
    line = next(x for x in typed.output.splitlines() if x.startswith("ignore ="))
    assert line.startswith('ignore = ["S1", "F"]') and line.endswith("# command line")


def test_accelerators_must_be_single_characters(tmp_path):
    (tmp_path / "translate-cmp.toml").write_text('accelerators = ["&&"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="single characters"):
        read_config(tmp_path / "translate-cmp.toml")


def test_accelerator_markers_and_variable_styles_reach_the_unit_checks(tmp_path):
    """`accelerators` and `variables` feed the Q6xx checks' options (rules/qa/options.py) in every worker."""
    po = PO.replace('msgid "Save"\nmsgstr "Speichern"', 'msgid "&Save"\nmsgstr "Speichern"')
    runs = {}
    for name, config in (("default", ""), ("underscore", 'accelerators = ["_"]\n')):
        root = tmp_path / name
        root.mkdir()
        _project(root, 'select = ["Q603"]\n' + config)
        (root / "locale" / "app.po").write_text(po, encoding="utf-8")
        result = _run("run", str(root / "locale"), "--engine", "none", "--out", str(root / "out"), "--no-cache")
        assert result.exit_code == 0, result.output
        runs[name] = _codes(root / "out")
    assert runs == {"default": ["Q603"], "underscore": []}  # with "_" the only marker, "&Save" marks nothing
    root = tmp_path / "bad"
    root.mkdir()
    _project(root, 'variables = ["printf", "klingon"]\n')
    result = CliRunner().invoke(cli, ["run", str(root / "locale"), "--engine", "none", "--out", str(root / "out")])
    assert result.exit_code == 2 and "unknown variable style(s) klingon" in result.output


def test_a_configuration_or_glossary_that_is_a_pipe_is_refused_not_read(tmp_path):
    """Both go through readers.filecheck.read_setting_file: a FIFO would block a plain read forever."""
    import os

    from translate_cmp.rules.terminology.glossary import load_glossary

    pipe = tmp_path / "settings.toml"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="FIFO"):
        read_config(pipe)
    with pytest.raises(InputError, match="cannot read the glossary: is a FIFO"):
        load_glossary(pipe)
