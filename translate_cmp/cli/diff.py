"""``translate-cmp diff OLD_RUN NEW_RUN``: what changed between two runs, for review and CI gates.

Exit status: 0 when the new run raised no flag the old run did not have; 1 when it did (so CI can
fail on regressions); 2 (InputError) when a folder or its sentences.csv is missing or unreadable.
Resolved flags alone never fail the command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console

    from translate_cmp.review.rundiff import RunDiff


def _clip(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _num(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def render(result: RunDiff, console: Console, limit: int) -> None:
    """A readable report of a RunDiff on a rich console."""
    from rich.table import Table  # rich is imported by this command only: ~50 ms off every other one

    s = result.sentences
    console.print(f"[bold]old[/] {result.old}\n[bold]new[/] {result.new}", highlight=False)
    console.print(
        f"sentences: {s['matched']} matched ({s['changed']} with changed flags/scores), {s['edited']} edited, "
        f"{s['added']} added, {s['removed']} removed",
        highlight=False,
    )
    if result.flags_by_code:
        table = Table(title=f"Flags per code (from {result.flag_source})", title_justify="left")
        for name in ("code", "old", "new", "raised", "resolved"):
            table.add_column(name, justify="left" if name == "code" else "right")
        for code, c in result.flags_by_code.items():
            raised = f"[red]+{c['raised']}[/]" if c["raised"] else "0"
            resolved = f"[green]-{c['resolved']}[/]" if c["resolved"] else "0"
            table.add_row(code, str(c["old"]), str(c["new"]), raised, resolved)
        console.print(table)
    for title, changes, style in (("New flags", result.raised, "red"), ("Resolved flags", result.resolved, "green")):
        if not changes:
            continue
        table = Table(title=f"{title} ({sum(c.count for c in changes)})", title_justify="left")
        for name in ("document", "sent", "code", "sentence", "message"):
            table.add_column(name, justify="right" if name == "sent" else "left", overflow="fold")
        for c in changes[:limit]:
            code = c.code if c.count == 1 else f"{c.code} ×{c.count}"
            table.add_row(c.doc_id, str(c.sent_id), f"[{style}]{code}[/]", _clip(c.text), _clip(c.message, 50))
        if len(changes) > limit:
            table.caption = f"… {len(changes) - limit} more (use --json or --limit)"
        console.print(table)
    ups = sorted((c for c in result.risk_changes if c.delta > 0), key=lambda c: -c.delta)[:limit]
    if ups:
        table = Table(title="Largest risk increases", title_justify="left")
        for name in ("document", "sent", "old", "new", "Δ", "sentence"):
            table.add_column(name, justify="left" if name in ("document", "sentence") else "right", overflow="fold")
        for c in ups:
            table.add_row(c.doc_id, str(c.new_sent_id), _num(c.old_risk, 2), _num(c.new_risk, 2),
                          f"[red]+{c.delta:.2f}[/]", _clip(c.text))  # fmt: skip
        console.print(table)
    docs = [
        d
        for d in result.documents
        if d.status != "both" or d.old_mean_chrf != d.new_mean_chrf or d.old_flags != d.new_flags
    ]
    if docs:
        docs.sort(key=lambda d: -abs(d.chrf_delta or 0.0))
        table = Table(title="Documents (mean chrF and flags)", title_justify="left")
        for name in ("document", "status", "chrF old", "chrF new", "Δ chrF", "flags old", "flags new"):
            table.add_column(name, justify="left" if name in ("document", "status") else "right")
        for d in docs[:limit]:
            delta = d.chrf_delta
            shown = "–" if delta is None else (f"[red]{delta:+.2f}[/]" if delta < 0 else f"{delta:+.2f}")
            table.add_row(d.doc_id, d.status, _num(d.old_mean_chrf), _num(d.new_mean_chrf), shown,
                          str(d.old_flags), str(d.new_flags))  # fmt: skip
        console.print(table)
    if result.raised:
        console.print(f"[red bold]{result.n_raised} new flag(s)[/] ({result.n_resolved} resolved): exit 1")
    else:
        console.print(f"[green]no new flags[/] ({result.n_resolved} resolved)")


@click.command("diff")
@click.argument("old_run", type=click.Path(path_type=Path))
@click.argument("new_run", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON (for machines).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="Rows per table (and risk entries in --json).")  # fmt: skip
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the comparison as one self-contained page (like report.html).")  # fmt: skip
@click.pass_context
def diff(ctx: click.Context, old_run: Path, new_run: Path, as_json: bool, limit: int, html_path: Path | None) -> None:
    """What changed between two runs (output folders), for review.

    Sentences are matched by document and text (offsets shift when text changes), findings by
    fingerprint. Reports sentences added, removed and edited, flags raised and resolved per code,
    risk changes and the mean chrF change per document.

    Exit status: 0 when no new flag appeared, 1 when the new run raised flags the old one did not
    have (a CI gate for regressions), 2 when a folder or its sentences.csv is missing.
    """
    from translate_cmp.review.rundiff import diff_runs  # pandas is imported only when the command runs

    result = diff_runs(old_run, new_run)
    if html_path is not None:
        from translate_cmp.review.diff_page import write_diff_report

        write_diff_report(result, html_path)
    if as_json:
        click.echo(json.dumps(result.to_json(limit=limit), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        render(result, Console(), limit)
    ctx.exit(result.exit_code)
