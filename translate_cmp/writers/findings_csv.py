"""``findings.csv``: one row per finding, keyed by fingerprint, for reviewing runs in git.

Columns: ``fingerprint, doc_id, code, severity, text, message``. No offsets and no sentence numbers:
editing, inserting or removing a sentence changes only that sentence's rows, so ``git diff`` of two
runs' findings.csv shows exactly the findings that appeared or went away. Rows are ordered by
document in run order (folders are read in sorted order, tables in row order), then by sentence in
document order, then by rule code; ties keep the order the rules fired in. Same dialect as
sentences.csv: UTF-8 without BOM, CRLF line ends, string cells neutralised against spreadsheet
formulas (:mod:`translate_cmp.writers.cells`); :func:`read_findings_csv` gives exact values back.

A rule message may itself quote a sentence number (F202 "repeats sentence 1"); such a row changes
when sentences are inserted before the one it names.
"""

from __future__ import annotations

import csv
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.cells import neutralise, unneutralise
from translate_cmp.writers.csv_out import LINE_END
from translate_cmp.writers.rows import DocRows

FINDINGS_COLUMNS: tuple[str, ...] = ("fingerprint", "doc_id", "code", "severity", "text", "message")


def finding_rows(doc: DocRows) -> list[tuple[str, ...]]:
    """The findings.csv rows of one document, in their stable order."""
    keyed = []
    for i, (flag, fp, group) in enumerate(doc.findings()):
        row = (fp, flag.doc_id, flag.code, str(flag.severity), group.first.sentence.text, flag.message)
        keyed.append(((group.first.sentence.sent_id, flag.code, i), row))
    return [row for _, row in sorted(keyed)]


class FindingsCsvWriter(FormatWriter):
    format = "findings"
    file_names = ("findings.csv",)

    def __init__(self, out_dir: Path):
        super().__init__(out_dir)
        self._out = csv.writer(self.files["findings.csv"].handle, lineterminator=LINE_END)
        self._out.writerow(FINDINGS_COLUMNS)

    def write(self, doc: DocRows) -> None:
        self._out.writerows([neutralise(v) for v in row] for row in finding_rows(doc))


def read_findings_csv(path: Path | str) -> list[dict[str, str]]:
    """The rows of a findings.csv as dicts of exact strings."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in FINDINGS_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(str(path), f"not a findings.csv: missing columns {', '.join(missing)}")
            return [{k: unneutralise(v) for k, v in row.items()} for row in reader]
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"not a findings.csv ({exc.__class__.__name__})") from exc
