"""``results.sarif``: SARIF 2.1.0, for code-review tools and code-scanning dashboards.

One run; ``tool.driver.rules`` is the whole rule registry (id = code, name, short and full
description, help = the ``translate-cmp rules CODE`` text, default level). Each finding is a result
with ``ruleId``/``ruleIndex``, ``level`` (error, warning; info -> note), the message, and
``partialFingerprints["translateCmp/v1"]`` = its fingerprint. Location: ``artifactLocation.uri`` is
the document's path (relative paths as relative URI references); for a whole text file a
``region`` with ``charOffset``/``charLength`` and ``startLine``/``startColumn``/``endLine``/``endColumn``
computed from the document text (``columnKind`` ``unicodeCodePoints``: Python string offsets); for a
unit of a table (or any container file) a ``logicalLocation`` naming the unit id instead, since
offsets then index the unit's text, not the file. A localisation unit (PO entry, XLIFF unit or segment,
TMX tuv, bitext row: ``Document.unit``) also gets a ``region`` with only ``startLine``, the line where
the unit starts in its file (``Unit.line``), and ``artifactLocation`` is that file (``Unit.file``).
With a baseline, results carry ``baselineState``
(``unchanged`` for accepted findings, which also get an external suppression, ``new`` otherwise).

Results are streamed; the tool object, which JSON allows after them, is written when the run ends.
"""

from __future__ import annotations

import json
from pathlib import Path

from translate_cmp import __version__
from translate_cmp.records import Flag, Severity
from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.gate import Gate
from translate_cmp.writers.locate import LineIndex, is_whole_file, path_uri, unit_file
from translate_cmp.writers.rows import DocRows

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "translateCmp/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list:
    from translate_cmp.rules import ALL_RULES

    return list(ALL_RULES)


def rule_descriptor(rule) -> dict:
    from translate_cmp.rules.docs import rule_text

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": rule_text(rule.code)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family},
    }


def sarif_result(flag: Flag, fp: str, doc: DocRows, index: LineIndex | None, rule_index: int | None,
                 gate: Gate, sentence: str) -> dict:  # fmt: skip
    document = doc.result.document
    file, row = unit_file(document.path) if index is None else (document.path, None)
    unit = document.unit
    if unit is not None and unit.file:
        file = unit.file
    physical: dict = {"artifactLocation": {"uri": path_uri(file)}}
    location: dict = {"physicalLocation": physical}
    if index is None and unit is not None and unit.line:
        physical["region"] = {"startLine": unit.line}  # the line where the unit starts in its file
    if index is not None:
        start_line, start_col = index.position(flag.start)
        end_line, end_col = index.position(flag.end)
        physical["region"] = {
            "charOffset": flag.start, "charLength": max(0, flag.end - flag.start),
            "startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col,
        }  # fmt: skip
    else:
        logical = {"name": document.doc_id, "kind": "element"}
        if row is not None:
            logical["fullyQualifiedName"] = f"{file}:{row}"
        location["logicalLocations"] = [logical]
    result: dict = {"ruleId": flag.code}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result |= {
        "level": LEVELS[flag.severity],
        "message": {"text": flag.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"docId": document.doc_id, "sentId": flag.sent_id, "sentence": sentence},
    }
    if gate.baseline_path is not None:
        accepted = gate.baselined(fp)
        result["baselineState"] = "unchanged" if accepted else "new"
        if accepted:
            result["suppressions"] = [{"kind": "external", "justification": f"accepted in {gate.baseline_path}"}]
    return result


class SarifWriter(FormatWriter):
    format = "sarif"
    file_names = ("results.sarif",)

    def __init__(self, out_dir: Path, gate: Gate | None = None):
        super().__init__(out_dir)
        self.gate = gate or Gate()
        self.rules = _rules()
        self.rule_index = {r.code: i for i, r in enumerate(self.rules)}
        self.unknown: dict[str, str] = {}  # codes not in the registry -> a message, for extra descriptors
        self.first = True
        head = {"$schema": SARIF_SCHEMA, "version": "2.1.0"}
        self.files["results.sarif"].write(json.dumps(head)[:-1] + ', "runs": [{"results": [')

    def write(self, doc: DocRows) -> None:
        document = doc.result.document
        index = LineIndex(document.text) if is_whole_file(document.path) else None
        out = self.files["results.sarif"]
        for flag, fp, group in doc.findings():
            rule_index = self.rule_index.get(flag.code)
            if rule_index is None:
                self.unknown.setdefault(flag.code, flag.message)
            result = sarif_result(flag, fp, doc, index, rule_index, self.gate, group.first.sentence.text)
            out.write(("\n" if self.first else ",\n") + json.dumps(result, ensure_ascii=False))
            self.first = False

    def finish(self, manifest, rule_docs) -> None:
        descriptors = [rule_descriptor(r) for r in self.rules]
        descriptors += [{"id": code, "shortDescription": {"text": msg}} for code, msg in sorted(self.unknown.items())]
        tool = {"driver": {"name": "translate-cmp", "version": __version__, "semanticVersion": __version__,
                           "rules": descriptors}}
        tail = {"tool": tool, "columnKind": "unicodeCodePoints"}
        self.files["results.sarif"].write("\n], " + json.dumps(tail, ensure_ascii=False)[1:] + "]}\n")
