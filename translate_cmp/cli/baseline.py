"""``translate-cmp baseline OUT_DIR``: print a baseline of a finished run's findings (to redirect to a file).

Reads ``findings.csv`` when the run wrote one, else ``flags.jsonl`` with the sentence texts from
``sentences.csv`` / ``sentences.jsonl``. A run without fingerprints (older than them) is an input error.
"""

from __future__ import annotations

from pathlib import Path

import click

from translate_cmp.errors import InputError
from translate_cmp.writers.gate import baseline_text


def run_findings(folder: Path) -> list[dict]:
    """The findings of an output folder as dicts with fingerprint, doc_id, code, text."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such output folder")
    findings_csv = folder / "findings.csv"
    if findings_csv.is_file():
        from translate_cmp.writers.findings_csv import read_findings_csv
        from translate_cmp.writers.output_set import read_set

        return read_set(folder, lambda: read_findings_csv(findings_csv))  # completed and checked as one set
    flags = folder / "flags.jsonl"
    if not flags.is_file():
        raise InputError(str(folder), "holds neither findings.csv nor flags.jsonl (use --format findings or jsonl)")
    from translate_cmp.review.rundiff import load_run

    run = load_run(folder)
    if not run.has_fingerprints:
        raise InputError(str(flags), "findings have no fingerprints (written by an older translate-cmp: run again)")
    return [{"fingerprint": fp, "doc_id": doc_id, "code": code, "text": view.text}
            for doc_id, views in run.docs.items() for view in views
            for fp, (code, _) in view.fingerprints.items()]  # fmt: skip


@click.command("baseline")
@click.argument("out_dir", type=click.Path(path_type=Path))
def baseline(out_dir: Path) -> None:
    """Print a baseline of the findings in OUT_DIR (a finished run) on stdout.

    Save it (`translate-cmp baseline outputs > baseline.json`), commit it, and pass it to
    `translate-cmp run --baseline baseline.json --fail-on ...`: the findings it lists are still
    reported but no longer fail the run; new findings do.
    """
    click.echo(baseline_text(run_findings(out_dir)), nl=False)
