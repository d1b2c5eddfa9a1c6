"""report.html of a ``translate-cmp compare`` run: source and translation side by side, gaps in place."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from test_compare import SOURCE, TRANSLATION
from test_html_report import parse

from translate_cmp.cli.app import cli


def compare_page(tmp_path: Path) -> str:
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "tgt.txt").write_text(TRANSLATION, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["compare", str(tmp_path / "src.txt"), str(tmp_path / "tgt.txt"), "--out", str(out)])
    assert res.exit_code in (0, 1), res.output
    return (out / "report.html").read_text(encoding="utf-8")


def cards(html: str) -> dict[str, str]:
    """sentence text start -> the card's HTML."""
    out = {}
    for m in re.finditer(r"<article .*?</article>", html, re.DOTALL):
        text = "".join(parse(m.group()).text)
        out[re.sub(r"\s+", " ", text)] = m.group()
    return out


def test_compare_page_pairs_sentences_and_shows_omissions_and_additions_in_place(tmp_path: Path) -> None:
    html = compare_page(tmp_path)
    tree = parse(html)
    assert tree.errors == [] and "translate-cmp compare report" in html
    by_text = cards(html)
    omitted = next(c for t, c in by_text.items() if "Prices rose by 3 percent" in t)
    assert "no counterpart in the translation: omitted" in omitted and "C501" in omitted
    added = next(c for t, c in by_text.items() if "Talks between the unions" in t and "C502" in c)
    assert re.search(r'class="text added".*Click here to subscribe', added, re.DOTALL)
    # the counterpart is shown next to its source sentence, labelled with the translation's language
    assert re.search(r'translation \(en\) · aligned to sentence 1 .*<p class="text" lang="en">Talks between the unions',
                     added, re.DOTALL)  # source sentence 2 <-> translation sentence 1 (0-based, as sent_id)
    for code in ("C501", "C502"):
        assert f'id="rule-{code}"' in html and "<dt>Why it matters</dt>" in html
