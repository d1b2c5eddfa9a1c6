"""``junit.xml``: findings as JUnit test results, for CI systems that list failed tests.

One ``<testsuite>`` per document (``name`` = doc_id, ``file`` = its path), one ``<testcase>`` per
sentence (``classname`` = doc_id, ``name`` = ``sentence N: <text>``; for a localisation unit
``unit <unit id> sentence N: <text>``, with ``file`` and ``line`` the unit's). A sentence fails when it has a
finding that fails the gate (:class:`translate_cmp.writers.gate.Gate`: at or above ``--fail-on``, every
severity without it, and never a baselined one): one ``<failure>`` whose ``type`` lists the codes
and whose body has a line per finding (code, severity, ``path:line:column`` or the unit id, message,
fingerprint). Findings that do not fail are listed in the test case's ``<system-out>``. Suites are
streamed, one per document; the root ``<testsuites>`` carries the totals only as its suites do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translate_cmp.records import Flag
from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.gate import Gate
from translate_cmp.writers.locate import LineIndex, is_whole_file
from translate_cmp.writers.rows import DocRows
from translate_cmp.writers.xmltext import xml_text

if TYPE_CHECKING:
    from lxml import etree

CASE_NAME_CHARS = 80


def _clip(text: str, n: int = CASE_NAME_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def finding_line(flag: Flag, fp: str, where: str, baselined: bool) -> str:
    mark = " (baselined)" if baselined else ""
    return f"{flag.code} {flag.severity} {where}: {flag.message} [fingerprint {fp}]{mark}"


def testsuite(doc: DocRows, gate: Gate) -> etree._Element:
    """The ``<testsuite>`` of one document."""
    document = doc.result.document
    whole = is_whole_file(document.path)
    index = LineIndex(document.text) if whole else None
    from lxml import etree  # imported when junit.xml is asked for: ~30 ms off every other run

    suite = etree.Element("testsuite", name=xml_text(document.doc_id), file=xml_text(document.path))
    by_sentence: dict[int, list[tuple[Flag, str]]] = {}
    for flag, fp, group in doc.findings():
        by_sentence.setdefault(group.first.sentence.sent_id, []).append((flag, fp))
    failures = 0
    unit = document.unit
    for group in doc.groups:
        s = group.first.sentence
        label = f"unit {unit.unit_id} sentence {s.sent_id}" if unit is not None else f"sentence {s.sent_id}"
        name = xml_text(f"{label}: {_clip(s.text)}")
        case = etree.SubElement(suite, "testcase", classname=xml_text(document.doc_id), name=name,
                                file=xml_text(unit.file if unit is not None and unit.file else document.path))
        if index is not None:
            case.set("line", str(index.position(s.start)[0]))
        elif unit is not None and unit.line:
            case.set("line", str(unit.line))
        failing, other = [], []
        for flag, fp in by_sentence.get(s.sent_id, []):
            if index is not None:
                line, col = index.position(flag.start)
                where = f"{document.path}:{line}:{col}"
            else:
                where = f"{document.path} unit {document.doc_id}"
            text = finding_line(flag, fp, where, gate.baselined(fp))
            (failing if gate.fails(flag, fp) else other).append((flag, text))
        if failing:
            failures += 1
            codes = list(dict.fromkeys(f.code for f, _ in failing))
            message = xml_text("; ".join(f"{f.code} {f.message}" for f, _ in failing))
            failure = etree.SubElement(case, "failure", type=",".join(codes), message=message)
            failure.text = xml_text("\n".join([f"{_clip(s.text, 400)}", *(t for _, t in failing)]))
        if other:
            etree.SubElement(case, "system-out").text = xml_text("\n".join(t for _, t in other))
    for name, value in (("tests", len(doc.groups)), ("failures", failures), ("errors", 0), ("skipped", 0)):
        suite.set(name, str(value))
    suite.set("time", "0")
    return suite


class JunitWriter(FormatWriter):
    format = "junit"
    file_names = ("junit.xml",)

    def __init__(self, out_dir: Path, gate: Gate | None = None):
        super().__init__(out_dir)
        self.gate = gate or Gate()
        self.files["junit.xml"].write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="translate-cmp">\n')

    def write(self, doc: DocRows) -> None:
        from lxml import etree

        self.files["junit.xml"].write(etree.tostring(testsuite(doc, self.gate), encoding="unicode", pretty_print=True))

    def finish(self, manifest, rule_docs) -> None:
        self.files["junit.xml"].write("</testsuites>\n")
