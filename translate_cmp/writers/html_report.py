"""report.html: one self-contained page for reviewers, rendered from Jinja2 templates.

The templates (translate_cmp/writers/templates/, shipped as package data) inline their CSS and a
small plain script (filters, sort, counts, j/k keys, state in the URL hash); the charts are plain
generated SVG. Nothing is fetched: the page works from a mail attachment or a CI artifact, and
without JavaScript every sentence is still on it. Every text from the input or the engine is
escaped (Jinja2 autoescape; the helpers below return ``Markup`` built from escaped pieces).

Sections: run summary, filters, flagged sentences (worst first, each with its spans highlighted,
the flag messages with document offsets as in flags.jsonl, and per pivot the translation and the
inline word diff), unflagged sentences with risk collapsed behind a count, the four-part
documentation of every rule that fired, the chrF and risk histograms, the documents table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from translate_cmp.rules.docs import RuleDoc, rule_doc
from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.report_state import FlagView, Histogram, ReportItem, ReportState
from translate_cmp.writers.rows import DocRows

if TYPE_CHECKING:  # jinja2 loads only when a report is rendered: a re-run served whole by
    import jinja2  # translate_cmp.run.memo never imports it

_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)
SEVERITIES = ("error", "warning", "info")
RUN_INFO_CHARS = 800
TEMPLATES = Path(__file__).resolve().parent / "templates"


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None or value != value else f"{value:.{digits}f}"


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def align_label(ids: tuple[int, ...]) -> str:
    """The translation's sentences a source sentence is aligned to: "sentence 4" or "sentences 4, 5"."""
    return ("sentence " if len(ids) == 1 else "sentences ") + ", ".join(str(i) for i in ids)


def pct(risk: float) -> float:
    return max(0.0, min(1.0, risk)) * 100


@cache
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip
    env.globals.update(fmt=fmt, pct=pct, highlight=highlight, render_diff=render_diff,
                       align_label=align_label)
    return env


def asset(name: str) -> Markup:
    """A CSS or JS file from the templates folder, inlined as it is (it is ours, not input)."""
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def page_template(name: str) -> jinja2.Template:
    return environment().get_template(name, globals={"css": asset("report.css"), "js": asset("report.js")})


# ---------------------------------------------------------------- inline pieces


def render_diff(diff: str) -> Markup:
    """``[-old-]{+new+}`` markup as HTML with <del>/<ins>; everything else escaped."""
    out: list[str] = []
    pos = 0
    for m in _DIFF.finditer(diff):
        out.append(esc(diff[pos : m.start()]))
        if m.group(1) is not None:
            out.append(f"<del>{esc(m.group(1))}</del>")
        else:
            out.append(f"<ins>{esc(m.group(2))}</ins>")
        pos = m.end()
    out.append(esc(diff[pos:]))
    return Markup("".join(out))


def highlight(text: str, flags: tuple[FlagView, ...]) -> Markup:
    """The sentence with each flagged span in <mark>; an empty span (a missing space) as a caret."""
    cuts = sorted({0, len(text), *(f.start for f in flags), *(f.end for f in flags)})
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        points = [f for f in flags if f.start == f.end == a]
        if points:
            codes = "; ".join(dict.fromkeys(f"{f.code}: {f.message}" for f in points))
            out.append(f'<span class="caret sev-{esc(points[0].severity)}" title="{esc(codes)}">‸</span>')
        if b is None:
            break
        covering = [f for f in flags if f.start <= a and b <= f.end and f.start < f.end]
        piece = esc(text[a:b])
        if covering:
            codes = "; ".join(dict.fromkeys(f"{f.code}: {f.message}" for f in covering))
            sev = min(covering, key=lambda f: SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 9)
            out.append(f'<mark class="sev-{esc(sev.severity)}" title="{esc(codes)}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out))


def histogram_svg(hist: Histogram, title: str, edges: list[str]) -> str:
    """Vertical bars with counts above and bin edges below, as inline SVG."""
    w, h, left, bottom, top = 400, 170, 16, 30, 18
    n = len(hist.bins)
    bar_w = (w - 2 * left) / n
    peak = max(hist.bins) or 1
    parts = [
        f'<svg class="hist" viewBox="0 0 {w} {h}" role="img" aria-label="{esc(title)}">',
        f'<line x1="{left}" y1="{h - bottom}" x2="{w - left}" y2="{h - bottom}" class="axis"/>',
    ]
    for i, count in enumerate(hist.bins):
        bh = (h - bottom - top) * count / peak
        x = left + i * bar_w
        y = h - bottom - bh
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{bh:.1f}" class="bar">'
            f"<title>{esc(edges[i])}–{esc(edges[i + 1])}: {count}</title></rect>"
        )
        if count:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" class="count">{count}</text>')
    for i, edge in enumerate(edges):
        if i % 2 == 0 or i == n:
            parts.append(f'<text x="{left + i * bar_w:.1f}" y="{h - bottom + 16}" class="tick">{esc(edge)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- page


def summary_cards(state: ReportState) -> list[tuple[str, str, Markup, str]]:
    """(id, label, value, class) for the summary: the same sums as documents.csv's columns."""
    pct = f"{100 * state.flagged / state.sentences:.1f}%" if state.sentences else "–"
    cards = [
        ("documents", "documents", Markup(f"{state.documents:,}"), ""),
        ("sentences", "sentences", Markup(f"{state.sentences:,}"), ""),
        ("flagged", "flagged sentences", Markup(f"{state.flagged:,}") + Markup(f" <small>({esc(pct)})</small>"), ""),
    ]
    cards += [(sev, f"{sev} flags", Markup(f"{state.flags_by_severity.get(sev, 0):,}"), sev) for sev in SEVERITIES]
    return cards


def _value_text(key: str, value: Any) -> str:
    if key == "timings" and isinstance(value, Mapping):
        return ", ".join(f"{k} {v:.2f}s" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in value.items())
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def run_info(manifest: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every top-level run.json entry the caller gave, one row each (long values clipped)."""
    skip = {"versions", "counts", "outputs", "written_at"}
    rows = [
        (key, _value_text(key, value)[:RUN_INFO_CHARS])
        for key, value in manifest.items()
        if key not in skip and value not in (None, "", [], {})
    ]
    versions = manifest.get("versions") or {}
    if versions:
        rows.append(("versions", " · ".join(f"{k} {v}" for k, v in versions.items() if v)))
    return rows


def fired_rules(state: ReportState, rule_docs: RuleDocs) -> list[RuleDoc]:
    order = sorted(state.flags_by_code, key=lambda c: (-state.flags_by_code[c], c))
    return [rule_doc(code, rule_docs, state.severity_of.get(code, "")) for code in order]


def _filters(items: list[ReportItem], state: ReportState) -> dict:
    return {
        "selects": [
            ("doc", "Document", sorted({i.doc_id for i in items})),
            ("rules", "Rule", sorted(state.flags_by_code)),
            ("sev", "Severity", [s for s in SEVERITIES if state.flags_by_severity.get(s)]),
            ("lang", "Language", sorted({i.lang for i in items})),
        ],
        "flagged": True,
        "risk_label": "risk (highest first)",
        "noun": "sentences",
    }


def render_report(state: ReportState, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> str:
    """The whole page as one string (pure: same inputs, same page)."""
    compare = manifest.get("mode") == "compare"
    pivots = ", ".join(state.pivots) or "none"
    engine = manifest.get("engine", "")
    parts = [f"engine {engine}" if engine else "", ("translation " if compare else "pivot ") + pivots,
             str(manifest.get("written_at", "") or "")]  # fmt: skip
    items = state.worst()
    flagged = [i for i in items if i.flags]
    docs = state.top_documents()
    shown = f"the {len(docs)} with the highest risk of {state.documents:,}" if len(docs) < state.documents else "all"
    chrf_edges = [str(10 * i) for i in range(11)]
    risk_edges = [f"{i / 10:.1f}" for i in range(11)]
    if state.chrf.total:
        chrf_svg = Markup(histogram_svg(state.chrf, "chrF histogram", chrf_edges))
    else:
        chrf_svg = Markup('<p class="muted">No round trip in this run (engine <code>none</code>): no chrF scores.</p>')
    what = "back-translated counterpart" if compare else "round-trip"
    return page_template("report.html.j2").render(
        title="translate-cmp compare report" if compare else "translate-cmp report",
        subtitle=" · ".join(p for p in parts if p),
        compare=compare,
        summary=summary_cards(state),
        run_info=run_info(manifest),
        filters=_filters(items, state),
        flagged=flagged,
        unflagged=[i for i in items if not i.flags],
        flagged_missing=max(0, state.flagged - len(flagged)),
        top_n=state.top_n,
        rules=fired_rules(state, rule_docs),
        rule_counts={
            c: f"{plural(state.flags_by_code[c], 'flag')} in {plural(state.sentences_by_code[c], 'sentence')}"
            for c in state.flags_by_code
        },
        chrf_caption=f"{what} chrF per sentence and pivot ({state.chrf.total:,})",
        chrf_svg=chrf_svg,
        risk_svg=Markup(histogram_svg(state.risk, "risk histogram", risk_edges)),
        risk_total=state.risk.total,
        documents=docs,
        documents_note=shown,
    )


class HtmlReportWriter(FormatWriter):
    format = "html"
    file_names = ("report.html",)

    def __init__(self, out_dir: Path, *, top_n: int = 200, top_docs: int = 50):
        super().__init__(out_dir)
        self.state = ReportState(top_n=top_n, top_docs=top_docs)

    def write(self, doc: DocRows) -> None:
        self.state.add(doc)

    def merge(self, state: ReportState) -> None:
        """Documents added to ``state`` elsewhere (a pool worker's batch, translate_cmp.writers.batch), as if
        written here one by one now."""
        self.state.merge(state)

    def finish(self, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> None:
        self.files["report.html"].write(render_report(self.state, manifest, rule_docs))
