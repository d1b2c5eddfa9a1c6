"""diff.html (``translate-cmp diff OLD NEW --html FILE``) from two real runs: raised, resolved, escaped, atomic."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from test_html_report import parse

from translate_cmp.cli.app import cli

OLD = "The minister spoke on Monday.\nOlaf ScholzSaid the talks went well.\nPrices rose in March.\n"
NEW = ("The minister spoke on Monday.\nOlaf Scholz said the talks went well.\n"
       "Prices rose <script>alert(1)</script> and talks will begin Between Moscow and Kyiv.\n")


def run(tmp: Path, name: str, text: str) -> Path:
    src = tmp / f"src-{name}"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    out = tmp / name
    res = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--engine", "none"])
    assert res.exit_code in (0, 1), res.output
    return out


def codes(out: Path) -> set[tuple[int, str]]:
    lines = (out / "flags.jsonl").read_text().splitlines()
    return {(json.loads(x)["sent_id"], json.loads(x)["code"]) for x in lines if x.strip()}


def test_diff_page_shows_raised_and_resolved_flags_escaped(tmp_path: Path) -> None:
    old, new = run(tmp_path, "old", OLD), run(tmp_path, "new", NEW)
    gone, came = codes(old) - codes(new), codes(new) - codes(old)
    assert gone and came  # the fixture really fixes one artefact and adds another
    page = tmp_path / "diff.html"
    res = CliRunner().invoke(cli, ["diff", str(old), str(new), "--html", str(page)])
    assert res.exit_code == 1, res.output  # the gate is unchanged by --html
    html = page.read_text(encoding="utf-8")
    tree = parse(html)
    assert tree.errors == [] and tree.stack == []
    cards = [(a.get("data-change"), a.get("data-rules")) for t, a in tree.tags if t == "article"]
    assert {c for k, c in cards if k == "raised"} == {code for _, code in came}
    assert {c for k, c in cards if k == "resolved"} == {code for _, code in gone}
    assert [t for t, _ in tree.tags].count("script") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for code in {c for _, c in gone | came}:
        assert f'id="rule-{code}"' in html and f'href="#rule-{code}"' in html
    assert f'id="sum-raised">{len(came)}<' in html and f'id="sum-resolved">{len(gone)}<' in html
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_diff_html_to_an_unwritable_place_is_one_line_and_no_file(tmp_path: Path) -> None:
    old = run(tmp_path, "old", OLD)
    target = tmp_path / "no-such-folder" / "diff.html"
    res = CliRunner().invoke(cli, ["diff", str(old), str(old), "--html", str(target)])
    assert res.exit_code == 4 and not target.exists()
    assert len(res.output.strip().splitlines()) == 1 and "no-such-folder" in res.output
