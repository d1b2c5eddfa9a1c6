"""report.html: well-formed, escaped, self-contained, worst sentence first, bounded."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from translate_cmp.records import Document, DocumentResult, Flag, RoundTrip, Scores, SentenceResult, Severity
from translate_cmp.segment import segment
from translate_cmp.writers import open_writers
from translate_cmp.writers.html_report import highlight, render_diff
from translate_cmp.writers.report_state import FlagView

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}  # HTML void elements; SVG ones self-close


class TreeCheck(HTMLParser):
    """Collects start tags, attributes and text; fails on a close tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.errors: list[str] = []
        self.articles: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "article":
            self.articles.append([])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.articles and "article" in self.stack:
            self.articles[-1].append(data)


def parse(html: str) -> TreeCheck:
    checker = TreeCheck()
    checker.feed(html)
    checker.close()
    return checker


EVIL = 'Click <script>alert("x")</script> & <img src=x onerror=alert(1)> now.'


def build(doc: Document, risks: dict[int, float], flags: dict[int, list[tuple[str, int, int]]]) -> DocumentResult:
    results = []
    for s in segment(doc):
        fl = [
            Flag(doc.doc_id, s.sent_id, code, Severity.ERROR, s.start + a, s.start + b, f"{code} message <b>")
            for code, a, b in flags.get(s.sent_id, [])
        ]
        rt = RoundTrip("es", "texto <i>pivot</i>", s.text.replace("now", "later"))
        diff = s.text.replace("now", "[-now-] {+later+}")
        results.append(SentenceResult(s, rt, Scores(60.0, 30.0, 40.0), diff, fl, risks.get(s.sent_id, 0.0)))
    return DocumentResult(doc, "en", 0.99, results)


def write_report(out: Path, results: list[DocumentResult], rule_docs=None, top_n: int = 200) -> str:
    with open_writers(out, "html", rule_docs=rule_docs, report_top_n=top_n) as run:
        for r in results:
            run.write(r)
        run.close({"engine": "argos"})
    return (out / "report.html").read_text(encoding="utf-8")


def test_report_is_well_formed_escaped_and_self_contained(tmp_path: Path) -> None:
    doc = Document("evil<doc>", "p.txt", f"A calm sentence.\n{EVIL}\nAnother calm one.")
    html = write_report(tmp_path, [build(doc, {1: 0.9}, {1: [("S101", 6, 14)]})], rule_docs={"S101": "Tags <b>."})
    tree = parse(html)
    assert tree.errors == [] and tree.stack == []
    assert html.startswith("<!DOCTYPE html>")
    tags = [t for t, _ in tree.tags]
    assert "img" not in tags and tags.count("script") == 1  # the untrusted text stayed text; one script: ours
    assert [a for t, a in tree.tags if t == "script"] == [{}]  # inline, nothing loaded
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html
    assert EVIL in "".join(tree.text)  # ...and reads back as the exact sentence
    assert "evil<doc>" in "".join(tree.text) and "Tags <b>." in "".join(tree.text)
    for _, attrs in tree.tags:  # nothing fetched from outside
        assert not any(k in ("src", "href") and v and ":" in v for k, v in attrs.items())
    assert "<link" not in html


def test_worst_sentence_first_with_flag_highlight_and_diff(tmp_path: Path) -> None:
    doc = Document("d", "d.txt", "Low risk now.\nHighest risk now.\nMiddle risk now.\nNo risk.")
    html = write_report(tmp_path, [build(doc, {0: 0.2, 1: 0.95, 2: 0.5}, {1: [("F201", 0, 7)]})])
    tree = parse(html)
    firsts = ["".join(a) for a in tree.articles]
    assert len(firsts) == 3  # "No risk." has neither risk nor flags: not listed
    assert "Highest risk now." in firsts[0] and "Middle risk now." in firsts[1] and "Low risk now." in firsts[2]
    assert '<mark class="sev-error" title="F201: F201 message &lt;b&gt;">Highest</mark> risk now.' in html
    assert "<del>now</del>" in html and "<ins>later</ins>" in html
    assert "F201 message &lt;b&gt;" in html
    assert "document chars 14–21" in html  # flag offsets count from the document start, as flags.jsonl


def test_any_flagged_sentence_ranks_above_unflagged_ones(tmp_path: Path) -> None:
    doc = Document("d", "d.txt", "Risky but clean now.\nFlagged low risk now.")
    html = write_report(tmp_path, [build(doc, {0: 0.9, 1: 0.1}, {1: [("F201", 0, 7)]})])
    firsts = ["".join(a) for a in parse(html).articles]
    assert "Flagged low risk now." in firsts[0] and "Risky but clean now." in firsts[1]


def test_heap_keeps_only_the_worst_n_across_documents(tmp_path: Path) -> None:
    results = []
    for d in range(5):
        text = "\n".join(f"Doc {d} sentence {i} now." for i in range(10))
        results.append(build(Document(f"d{d}", "x.txt", text), {i: (d * 10 + i) / 100 for i in range(10)}, {}))
    html = write_report(tmp_path, results, top_n=4)
    firsts = ["".join(a) for a in parse(html).articles]
    assert [re.search(r"Doc \d sentence \d", f).group() for f in firsts] == [
        "Doc 4 sentence 9", "Doc 4 sentence 8", "Doc 4 sentence 7", "Doc 4 sentence 6",
    ]  # fmt: skip
    assert "50" in html  # the summary still counts every sentence


def test_rule_description_and_histograms_are_rendered(tmp_path: Path) -> None:
    class Rule:
        code, name, summary, why, instead = "S101", "run-together-words", "Words written together.", "Why.", "Do."

    doc = Document("d", "d.txt", "One now. Two now.")
    html = write_report(tmp_path, [build(doc, {0: 0.5}, {0: [("S101", 0, 3)]})], rule_docs={"S101": Rule})
    assert "run-together-words" in html and "Words written together." in html
    assert html.count('<svg class="hist"') == 2


def test_engine_none_report_says_there_is_no_chrf(tmp_path: Path) -> None:
    doc = Document("d", "d.txt", "One. Two.")
    s0, s1 = segment(doc)
    flag = Flag("d", 0, "F201", Severity.WARNING, 0, 4, "fragment")
    result = DocumentResult(doc, "en", 0.9, [SentenceResult(s0, flags=[flag], risk=0.3), SentenceResult(s1)])
    html = write_report(tmp_path, [result])
    assert "no chrF scores" in html
    assert parse(html).errors == []


def test_render_diff_and_highlight_escape_everything() -> None:
    assert render_diff("a [-<old>-] {+&new+} b") == "a <del>&lt;old&gt;</del> <ins>&amp;new</ins> b"
    assert render_diff("no markers <x>") == "no markers &lt;x&gt;"
    flags = (FlagView("S101", "warning", 2, 2, "missing space"), FlagView("S102", "error", 0, 1, "case"))
    assert highlight("a<b", flags) == (
        '<mark class="sev-error" title="S102: case">a</mark>&lt;'
        '<span class="caret sev-warning" title="S101: missing space">‸</span>b'
    )


def test_flagged_first_in_own_section_unflagged_collapsed_behind_a_count(tmp_path: Path) -> None:
    doc = Document("d", "d.txt", "Risky but clean now.\nFlagged now.\nAlso risky now.")
    html = write_report(tmp_path, [build(doc, {0: 0.9, 1: 0.1, 2: 0.5}, {1: [("F201", 0, 7)]})])
    flagged = html[html.index('<section id="flagged"') : html.index('<section id="unflagged"')]
    unflagged = html[html.index('<section id="unflagged"') : html.index('<section id="rules"')]
    assert ["Flagged now." in "".join(a) for a in parse(flagged).articles] == [True]
    texts = ["".join(a) for a in parse(unflagged).articles]
    assert len(texts) == 2 and "Risky but clean now." in texts[0] and "Also risky now." in texts[1]
    assert "<details>" in unflagged
    assert 'data-count="unflagged">(2)</small>' in unflagged
    assert "noprint" in unflagged.split(">", 1)[0]  # left out of print


def test_rule_codes_link_to_their_four_part_documentation(tmp_path: Path) -> None:
    from translate_cmp.rules import get_rule
    from translate_cmp.rules.docs import rule_text

    rule = get_rule("F201")
    doc = Document("d", "d.txt", "One now. Two now.")
    html = write_report(tmp_path, [build(doc, {0: 0.5}, {0: [("F201", 0, 3)]})], rule_docs={"F201": rule.summary})
    tree = parse(html)
    ids = {a.get("id") for _, a in tree.tags}
    links = [a["href"] for t, a in tree.tags if t == "a" and a.get("href", "").startswith("#rule-")]
    assert links and all(h[1:] in ids for h in links)
    section = html[html.index('id="rule-F201"') :]
    section = section[: section.index("</div>")]
    text = rule_text("F201")
    for label in ("What it does", "Why it matters", "Example (flagged)", "Use instead"):
        assert f"<dt>{label}</dt>" in section
        assert label in text
    for part in (rule.summary, rule.why, rule.instead, rule.examples[0].text):
        assert escape_html(part) in section and part in text


def escape_html(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_templates_ship_as_package_data() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    from translate_cmp.writers.html_report import TEMPLATES

    data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    patterns = data["tool"]["setuptools"]["package-data"]["translate_cmp.writers"]
    shipped = {p.name for p in TEMPLATES.iterdir()}
    assert {"base.html.j2", "report.html.j2", "report.css", "report.js"} <= shipped
    assert any(Path("templates", name).match(pat) for pat in patterns for name in shipped)
    assert any(d.startswith("jinja2") for d in data["project"]["dependencies"])
