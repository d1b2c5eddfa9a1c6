"""diff.html: what changed between two runs (``translate-cmp diff OLD NEW --html FILE``), as one page.

The same page as report.html (templates, styles, script): flags raised and resolved as cards a
reviewer can filter by document, rule and kind of change, sentences whose risk moved, the per-code
table and the per-document chrF change, with the four-part documentation of every code involved.
Written atomically (a temporary file renamed into place).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from translate_cmp.review.rundiff import RunDiff
from translate_cmp.rules.docs import rule_doc
from translate_cmp.writers.atomic import write_text_atomic
from translate_cmp.writers.html_report import page_template

MAX_MOVED = 200  # risk changes shown (largest moves first)
MIN_MOVE = 0.05  # smaller risk changes are not listed


def _summary(result: RunDiff, moved_up: int, moved_down: int) -> list[tuple[str, str, Markup, str]]:
    s = result.sentences
    return [
        ("raised", "flags raised", Markup(f"{result.n_raised:,}"), "error" if result.n_raised else ""),
        ("resolved", "flags resolved", Markup(f"{result.n_resolved:,}"), ""),
        ("matched", "sentences matched", Markup(f"{s['matched']:,}"), ""),
        ("edited", "edited", Markup(f"{s['edited']:,}"), ""),
        ("added", "added", Markup(f"{s['added']:,}"), ""),
        ("removed", "removed", Markup(f"{s['removed']:,}"), ""),
        ("risk-up", f"risk up ≥ {MIN_MOVE}", Markup(f"{moved_up:,}"), "warning" if moved_up else ""),
        ("risk-down", f"risk down ≥ {MIN_MOVE}", Markup(f"{moved_down:,}"), ""),
    ]


def render_diff_report(result: RunDiff) -> str:
    """The whole diff page as one string (pure)."""
    moves = [c for c in result.risk_changes if abs(c.delta) >= MIN_MOVE]
    moves.sort(key=lambda c: (-abs(c.delta), c.doc_id, c.new_sent_id))
    shown = moves[:MAX_MOVED]
    codes = list(result.flags_by_code)
    docs = {c.code: rule_doc(c.code, {}) for c in [*result.raised, *result.resolved]}
    docs.update({code: rule_doc(code, {}) for code in codes if code not in docs})
    changes = [*result.raised, *result.resolved]
    up = sum(1 for c in moves if c.delta > 0)
    note = f"|Δ risk| ≥ {MIN_MOVE}, largest first"
    if len(moves) > len(shown):
        note += f"; {len(shown)} of {len(moves)} shown"
    kinds = [k for k, has in (("raised", result.raised), ("resolved", result.resolved),
                              ("risk-up", up), ("risk-down", len(moves) - up)) if has]  # fmt: skip
    return page_template("diff.html.j2").render(
        title="translate-cmp diff",
        subtitle=f"{result.old} → {result.new}",
        summary=_summary(result, up, len(moves) - up),
        raised=result.raised,
        resolved=result.resolved,
        n_raised=result.n_raised,
        n_resolved=result.n_resolved,
        flag_source=result.flag_source,
        moved=shown,
        risk_note=note,
        by_code=result.flags_by_code,
        rules=[docs[c] for c in sorted(docs)],
        severity_of=lambda code: docs[code].severity if code in docs else "",
        documents=[d for d in result.documents if d.status != "both" or d.chrf_delta or d.old_flags != d.new_flags],
        filters={
            "selects": [
                ("doc", "Document", sorted({c.doc_id for c in [*changes, *shown]})),
                ("rules", "Rule", sorted({c.code for c in changes})),
                ("change", "Change", kinds),
            ],
            "flagged": True,
            "risk_label": "largest change first",
            "noun": "changes",
        },
        old=str(result.old),
        new=str(result.new),
    )


def write_diff_report(result: RunDiff, path: Path) -> Path:
    """Write the page to ``path`` atomically (rendered first: a failure leaves no file); returns the path."""
    return write_text_atomic(Path(path), render_diff_report(result))
