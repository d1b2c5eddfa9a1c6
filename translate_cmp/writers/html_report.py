"""report.html: one self-contained page for reviewers (inline CSS and SVG, no scripts, no assets).

Sections: run summary, rules that fired (with their one-line descriptions), chrF and risk
histograms, the documents with the highest risk, then the worst sentences first -- each with its
flagged spans highlighted, the flag explanations, and per pivot the translation, the
back-translation and the inline word diff (``[-old-]`` as <del>, ``{+new+}`` as <ins>).
Every text from the input or the engine is HTML-escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.report_state import FlagView, Histogram, PivotView, ReportItem, ReportState
from translate_cmp.writers.rows import DocRows

_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)
SEVERITIES = ("error", "warning", "info")
RUN_INFO_CHARS = 800


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None or value != value else f"{value:.{digits}f}"


# ---------------------------------------------------------------- rule docs


def rule_doc(code: str, rule_docs: RuleDocs) -> dict[str, str]:
    """name / summary / why / instead of a rule from a Rule (class or instance) or a plain summary."""
    doc = rule_docs.get(code)
    if doc is None:
        return {"name": "", "summary": "", "why": "", "instead": ""}
    if isinstance(doc, str):
        return {"name": "", "summary": doc, "why": "", "instead": ""}
    return {k: str(getattr(doc, k, "") or "") for k in ("name", "summary", "why", "instead")}


# ---------------------------------------------------------------- inline pieces


def render_diff(diff: str) -> str:
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
    return "".join(out)


def highlight(text: str, flags: tuple[FlagView, ...]) -> str:
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
    return "".join(out)


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


# ---------------------------------------------------------------- sections


def _summary(state: ReportState) -> str:
    pct = f"{100 * state.flagged / state.sentences:.1f}%" if state.sentences else "–"
    cards = [
        ("documents", f"{state.documents:,}"),
        ("sentences", f"{state.sentences:,}"),
        ("flagged sentences", f"{state.flagged:,} <small>({pct})</small>"),
    ]
    cards += [(sev, f"{state.flags_by_severity.get(sev, 0):,}") for sev in SEVERITIES]
    items = "".join(
        f'<div class="card{" card-" + label if label in SEVERITIES else ""}">'
        f'<div class="num">{value}</div><div class="lbl">{esc(label)} flags</div></div>'
        if label in SEVERITIES
        else f'<div class="card"><div class="num">{value}</div><div class="lbl">{esc(label)}</div></div>'
        for label, value in cards
    )
    return f'<section class="cards">{items}</section>'


def _value_text(key: str, value: Any) -> str:
    if key == "timings" and isinstance(value, Mapping):
        return ", ".join(f"{k} {v:.2f}s" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in value.items())
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _run_info(manifest: Mapping[str, Any]) -> str:
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
    if not rows:
        return ""
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    return f'<details class="run"><summary>Run details</summary><table class="kv">{body}</table></details>'


def _rules(state: ReportState, rule_docs: RuleDocs) -> str:
    if not state.flags_by_code:
        return '<section><h2>Rules</h2><p class="muted">No rule fired.</p></section>'
    rows = []
    order = sorted(state.flags_by_code, key=lambda c: (-state.flags_by_code[c], c))
    for code in order:
        doc = rule_doc(code, rule_docs)
        sev = state.severity_of.get(code, "")
        more = ""
        if doc["why"] or doc["instead"]:
            more = (
                "<details><summary>why</summary>"
                + (f"<p>{esc(doc['why'])}</p>" if doc["why"] else "")
                + (f"<p><b>Instead:</b> {esc(doc['instead'])}</p>" if doc["instead"] else "")
                + "</details>"
            )
        name = f'<span class="rname">{esc(doc["name"])}</span> ' if doc["name"] else ""
        rows.append(
            f'<tr id="rule-{esc(code)}"><td><span class="code sev-{esc(sev)}">{esc(code)}</span></td>'
            f"<td>{esc(sev)}</td>"
            f'<td class="n">{state.flags_by_code[code]:,}</td><td class="n">{state.sentences_by_code[code]:,}</td>'
            f"<td>{name}{esc(doc['summary'])}{more}</td></tr>"
        )
    return (
        "<section><h2>Rules that fired</h2><table><thead><tr><th>code</th><th>severity</th>"
        '<th class="n">flags</th><th class="n">sentences</th><th>what it flags</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _histograms(state: ReportState) -> str:
    chrf_edges = [str(10 * i) for i in range(11)]
    risk_edges = [f"{i / 10:.1f}" for i in range(11)]
    if state.chrf.total:
        chrf = histogram_svg(state.chrf, "chrF histogram", chrf_edges)
    else:
        chrf = '<p class="muted">No round trip in this run (engine <code>none</code>): no chrF scores.</p>'
    risk = histogram_svg(state.risk, "risk histogram", risk_edges)
    return (
        '<section><h2>Score distributions</h2><div class="hists">'
        f"<figure><figcaption>round-trip chrF per sentence and pivot ({state.chrf.total:,})</figcaption>{chrf}</figure>"
        f"<figure><figcaption>risk per sentence ({state.risk.total:,})</figcaption>{risk}</figure>"
        "</div></section>"
    )


def _documents(state: ReportState) -> str:
    docs = state.top_documents()
    if not docs:
        return ""
    rows = "".join(
        f'<tr><td title="{esc(d["path"])}">{esc(d["doc_id"])}</td><td>{esc(d["lang"])}</td>'
        f'<td class="n">{d["n_sentences"]:,}</td><td class="n">{d["n_flagged"]:,}</td>'
        f'<td class="n">{d["n_error"]}/{d["n_warning"]}/{d["n_info"]}</td>'
        f'<td class="n">{fmt(d["mean_chrf"])}</td><td class="n">{fmt(d["max_risk"], 2)}</td></tr>'
        for d in docs
    )
    shown = f"the {len(docs)} with the highest risk of {state.documents:,}" if len(docs) < state.documents else "all"
    return (
        f'<section><h2>Documents <small class="muted">({shown})</small></h2><table><thead><tr><th>document</th>'
        '<th>lang</th><th class="n">sentences</th><th class="n">flagged</th><th class="n">err/warn/info</th>'
        '<th class="n">mean chrF</th><th class="n">max risk</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _pivot(p: PivotView) -> str:
    scores = f"chrF {fmt(p.chrf)} · BLEU {fmt(p.bleu)} · TER {fmt(p.ter)}"
    diff = render_diff(p.diff) if p.diff else esc(p.back_text)
    return (
        f'<div class="pivot"><div class="plabel">via <b>{esc(p.pivot_lang)}</b> <span class="muted">{scores}</span>'
        f'</div><div class="ptext" lang="{esc(p.pivot_lang)}">{esc(p.pivot_text)}</div>'
        f'<div class="diff"><span class="dl">back · diff</span> {diff}</div></div>'
    )


def _item(rank: int, item: ReportItem) -> str:
    pct = max(0.0, min(1.0, item.risk)) * 100
    flags = "".join(
        f'<li><a href="#rule-{esc(f.code)}" class="code sev-{esc(f.severity)}">{esc(f.code)}</a> '
        f'<span class="muted">{esc(f.severity)} · document chars {f.doc_start}–{f.doc_end}</span> {esc(f.message)}</li>'
        for f in item.flags
    )
    clipped = ' <span class="muted">[…clipped]</span>' if item.clipped else ""
    return (
        f'<article class="sent" id="s{rank}" tabindex="-1" data-doc="{esc(item.doc_id)}" data-lang="{esc(item.lang)}" '
        f'data-rules="{esc(" ".join(sorted({f.code for f in item.flags})))}" '
        f'data-sev="{esc(" ".join(sorted({f.severity for f in item.flags})))}" '
        f'data-risk="{item.risk:.6f}" data-sent="{item.sent_id}"><header><span class="rank">#{rank}</span>'
        f'<span class="risk" title="risk {item.risk:.3f}"><span style="width:{pct:.0f}%"></span></span>'
        f'<b>{item.risk:.2f}</b><span class="where" title="{esc(item.path)}">{esc(item.doc_id)} · sentence '
        f"{item.sent_id} · document chars {item.start}–{item.end} · {esc(item.lang)}</span></header>"
        f'<p class="text" lang="{esc(item.lang)}">{highlight(item.text, item.flags)}{clipped}</p>'
        + (f'<ul class="flags">{flags}</ul>' if flags else "")
        + "".join(_pivot(p) for p in item.pivots)
        + "</article>"
    )


def _worst(state: ReportState) -> str:
    items = state.worst()
    if not items:
        return '<section><h2>Sentences to review</h2><p class="muted">Nothing flagged, no risk above 0.</p></section>'
    note = f"top {len(items)} by risk" + (f" (kept at most {state.top_n})" if len(items) == state.top_n else "")
    body = "".join(_item(i, item) for i, item in enumerate(items, 1))
    return f'<section><h2>Sentences to review <small class="muted">{note}</small></h2>{body}</section>'


CSS = """
:root{--fg:#1f2328;--mut:#656d76;--bg:#f6f8fa;--line:#d0d7de;--err:#cf222e;--warn:#9a6700;--info:#0969da}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line)}
.muted{color:var(--mut)}small{font-weight:normal}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px;background:var(--bg)}
.card .num{font-size:22px;font-weight:600}.card .lbl{color:var(--mut);font-size:13px}
.card-error .num{color:var(--err)}.card-warning .num{color:var(--warn)}.card-info .num{color:var(--info)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}
table.kv th{width:130px}table.kv td{word-break:break-word;font-size:13px}
details.run{margin:8px 0}details summary{cursor:pointer;color:var(--info)}
.code{font:600 12px ui-monospace,SFMono-Regular,Menlo,monospace;padding:1px 6px;border-radius:10px;color:#fff}
.code.sev-error{background:var(--err)}.code.sev-warning{background:var(--warn)}.code.sev-info{background:var(--info)}
.rname{font-family:ui-monospace,monospace;font-size:13px;color:var(--mut)}
.hists{display:flex;gap:24px;flex-wrap:wrap}figure{margin:0;flex:1;min-width:320px}
figcaption{font-size:13px;color:var(--mut)}svg.hist{width:100%;height:auto}
.bar{fill:#54aeff}.axis{stroke:var(--mut)}.count,.tick{font-size:10px;fill:var(--mut);text-anchor:middle}
.sent{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0}
.sent header{display:flex;align-items:center;gap:10px;font-size:13px}
.rank{color:var(--mut);min-width:36px}.where{color:var(--mut)}
.risk{display:inline-block;width:80px;height:8px;background:var(--bg);border:1px solid var(--line);border-radius:4px}
.risk span{display:block;height:100%;background:linear-gradient(90deg,#d4a72c,#cf222e);border-radius:4px}
.text{font-size:16px;margin:8px 0;white-space:pre-wrap;word-break:break-word}
mark{border-radius:3px;padding:0 1px}mark.sev-error{background:#ffcecb}mark.sev-warning{background:#fff1a8}
mark.sev-info{background:#ddf4ff}.caret{color:var(--err);font-weight:700}
.flags{margin:4px 0 8px;padding-left:18px;font-size:14px}.flags li{margin:2px 0}
.pivot{border-top:1px dashed var(--line);padding-top:6px;margin-top:6px;font-size:14px}
.plabel{font-size:12px}.ptext{color:var(--mut);font-style:italic;word-break:break-word}
.diff{word-break:break-word}.dl{font-size:12px;color:var(--mut)}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}
footer{margin-top:32px;color:var(--mut);font-size:12px}
"""


def render_report(state: ReportState, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> str:
    """The whole page as one string (pure: same inputs, same page)."""
    pivots = ", ".join(state.pivots) or "none"
    engine = manifest.get("engine", "")
    subtitle = f"engine {esc(engine)} · pivot {esc(pivots)}" if engine else f"pivot {esc(pivots)}"
    written = manifest.get("written_at", "")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>translate-cmp report</title><style>{CSS}</style></head><body><main>"
        f'<h1>translate-cmp report</h1><div class="muted">{subtitle}'
        + (f" · {esc(written)}" if written else "")
        + "</div>"
        + _summary(state)
        + _run_info(manifest)
        + _rules(state, rule_docs)
        + _histograms(state)
        + _documents(state)
        + _worst(state)
        + "<footer>Offsets are character offsets into each document. Risk ranks sentences for review; "
        "it is not a probability of error.</footer></main></body></html>\n"
    )


class HtmlReportWriter(FormatWriter):
    format = "html"
    file_names = ("report.html",)

    def __init__(self, out_dir: Path, *, top_n: int = 200, top_docs: int = 50):
        super().__init__(out_dir)
        self.state = ReportState(top_n=top_n, top_docs=top_docs)

    def write(self, doc: DocRows) -> None:
        self.state.add(doc)

    def finish(self, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> None:
        self.files["report.html"].write(render_report(self.state, manifest, rule_docs))
