"""Q632: plural forms beyond the header's nplurals are one fault of the catalogue, reported once a file (on the
first such form, with the count and every entry's line), the same through every output and every executor."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.readers import read_documents

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')


def _catalogue(path: Path, lang: str, extra: tuple[int, ...], blank: tuple[int, ...] = ()) -> list[int]:
    """Six plural entries, a plain one between each; entry n carries a third form when n is in ``extra`` (an
    empty one when n is in ``blank``). Returns the line of each plural entry's msgid."""
    lines, text = [], HEADER.format(lang=lang)
    for n in range(6):
        text += f'\nmsgid "Label {n}"\nmsgstr "Etiqueta {n}"\n\n'
        lines.append(text.count("\n") + 1)
        text += (f'msgid "one item {n}"\nmsgid_plural "%d items {n}"\nmsgstr[0] "un elemento {n}"\n'
                 f'msgstr[1] "%d elementos {n}"\n')
        if n in extra or n in blank:
            text += f'msgstr[2] "{"" if n in blank else f"%d de elementos {n}"}"\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return lines


def _run(inputs: Path, out: Path, *extra: str):
    return CliRunner().invoke(cli, ["run", str(inputs), "--engine", "none", "--select", "Q632", "--out", str(out),
                                    "--format", "csv,jsonl,junit,sarif,po", *extra], catch_exceptions=False)


def _flags(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_reader_hands_every_entry_s_line_to_the_first_extra_form_only(tmp_path):
    lines = _catalogue(tmp_path / "es.po", "es", extra=(1, 3, 4), blank=(2,))
    carried = {d.unit.unit_id: d.unit.extra_form_lines for d in read_documents([tmp_path / "es.po"])
               if d.unit.extra_form_lines}
    # an empty third form (entry 2) is not translated: not counted, like gettext's untranslated forms
    assert carried == {"one item 1[2]": (lines[1], lines[3], lines[4])}


def test_one_finding_a_catalogue_the_same_on_every_executor_and_output(tmp_path):
    inputs = tmp_path / "locale"
    es = _catalogue(inputs / "es.po", "es", extra=(1, 2, 3, 4, 5))
    fr = _catalogue(inputs / "fr.po", "fr", extra=(0,))
    _catalogue(inputs / "de.po", "de", extra=())
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run(inputs, one, "--jobs", "1", "--no-cache").exit_code == 0
    assert _run(inputs, two, "--jobs", "2", "--no-cache").exit_code == 0
    for name in ("sentences.csv", "flags.jsonl", "junit.xml", "results.sarif"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    flags = {f["doc_id"]: f["message"] for f in _flags(one)}
    assert sorted(flags) == ["es:one item 1[2]", "fr:one item 0[2]"]
    assert flags["es:one item 1[2]"].startswith("5 plural entries have a form beyond the header's Plural-Forms "
                                                "nplurals=2")
    assert flags["es:one item 1[2]"].endswith("entries at lines " + ", ".join(map(str, es[1:])))
    assert flags["fr:one item 0[2]"].startswith("1 plural entry has") and flags["fr:one item 0[2]"].endswith(
        f"at line {fr[0]}")
    # annotated PO: one comment, on the first entry with an extra form
    annotated = (one / "annotated" / "es.po").read_text(encoding="utf-8").splitlines()
    comments = [n for n, line in enumerate(annotated) if line.startswith("# translate-cmp: Q632")]
    assert len(comments) == 1 and annotated[comments[0] + 1] == 'msgid "one item 1"'
    # SARIF: one result a file, at that entry's line
    sarif = json.loads((one / "results.sarif").read_text(encoding="utf-8"))
    places = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    regions = sorted((p["artifactLocation"]["uri"].rsplit("/", 1)[-1], p["region"]["startLine"]) for p in places)
    assert regions == [("es.po", es[1]), ("fr.po", fr[0])]


def test_baseline_diff_and_the_memo_follow_the_catalogue(tmp_path):
    inputs = tmp_path / "locale"
    _catalogue(inputs / "es.po", "es", extra=(1, 2, 3))
    cache = str(tmp_path / "cache")
    old, new = tmp_path / "old", tmp_path / "new"
    runner = CliRunner()
    assert _run(inputs, old, "--cache-dir", cache, "--fail-on", "info").exit_code == 1
    baseline = runner.invoke(cli, ["baseline", str(old)], catch_exceptions=False).output
    (tmp_path / "baseline.json").write_text(baseline, encoding="utf-8")
    assert baseline.count("Q632") == 1
    assert _run(inputs, new, "--cache-dir", cache, "--fail-on", "info", "--baseline",
                str(tmp_path / "baseline.json")).exit_code == 0
    # another entry fixed: the finding stays where it was, its count follows (the memo does not serve the old one)
    lines = _catalogue(inputs / "es.po", "es", extra=(1, 3))
    assert _run(inputs, new, "--cache-dir", cache).exit_code == 0
    assert [(f["doc_id"], f["message"][:30]) for f in _flags(new)] == [("es:one item 1[2]", "2 plural entries have "
                                                                                           "a form b")]
    assert _flags(new)[0]["message"].endswith(f"lines {lines[1]}, {lines[3]}")
    # the header corrected (nplurals=3): resolved
    fixed = (inputs / "es.po").read_text(encoding="utf-8").replace("nplurals=2; plural=(n != 1)",
                                                                   "nplurals=3; plural=(n == 1 ? 0 : 1)")
    (inputs / "es.po").write_text(fixed, encoding="utf-8")
    assert _run(inputs, new, "--cache-dir", cache).exit_code == 0
    assert _flags(new) == []
    report = runner.invoke(cli, ["diff", str(old), str(new)], catch_exceptions=False).output
    assert "Q632" in report and "resolved" in report.lower(), report
