"""``junit.xml``: findings as JUnit test results, for CI systems that list failed tests.

One ``<testsuite>`` per input file (``name`` = the document id of a text file, the file's id for a
localisation file's units, the table's path for a table's rows; ``file`` = its path: a PO file's 378
units are one suite, not 378), one ``<testcase>`` per
sentence (``classname`` = doc_id, ``name`` = ``sentence N: <text>``; for a localisation unit
``unit <unit id> sentence N: <text>``, with ``file`` and ``line`` the unit's). A sentence fails when it has a
finding that fails the gate (:class:`translate_cmp.writers.gate.Gate`: at or above ``--fail-on``, every
severity without it, and never a baselined one): one ``<failure>`` whose ``type`` lists the codes
and whose body has a line per finding (code, severity, ``path:line:column`` or the unit id, message,
fingerprint). Findings that do not fail are listed in the test case's ``<system-out>``. Suites are
streamed, one per file (a file's documents arrive together); the root ``<testsuites>`` carries the
totals only as its suites do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translate_cmp.records import Flag
from translate_cmp.writers.base import FormatWriter
from translate_cmp.writers.gate import Gate
from translate_cmp.writers.locate import LineIndex, is_whole_file, unit_file
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


def suite_of(doc: DocRows) -> tuple[str, str]:
    """(file path, suite name) of the file a document comes from."""
    document = doc.result.document
    if document.unit is not None and document.unit.file:
        return document.unit.file, document.unit.file_id or document.unit.file
    if is_whole_file(document.path):
        return document.path, document.doc_id
    path = unit_file(document.path)[0]
    return path, path


def testsuite(doc: DocRows, gate: Gate) -> etree._Element:
    """The ``<testsuite>`` of one document alone."""
    from lxml import etree

    suite = etree.Element("testsuite", name=xml_text(suite_of(doc)[1]), file=xml_text(suite_of(doc)[0]))
    tests, failures = add_cases(suite, doc, gate)
    _totals(suite, tests, failures)
    return suite


def _totals(suite, tests: int, failures: int) -> None:
    for name, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0)):
        suite.set(name, str(value))
    suite.set("time", "0")


def add_cases(suite, doc: DocRows, gate: Gate) -> tuple[int, int]:
    """One ``<testcase>`` per sentence of ``doc`` added to ``suite``; (tests, failures) added."""
    document = doc.result.document
    whole = is_whole_file(document.path)
    index = LineIndex(document.text) if whole else None
    from lxml import etree  # imported when junit.xml is asked for: ~30 ms off every other run

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
    return len(doc.groups), failures


class JunitWriter(FormatWriter):
    format = "junit"
    file_names = ("junit.xml",)

    def __init__(self, out_dir: Path, gate: Gate | None = None):
        super().__init__(out_dir)
        self.gate = gate or Gate()
        self.files["junit.xml"].write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="translate-cmp">\n')
        self._open: tuple[str, object, list[int]] | None = None  # (file, suite, [tests, failures]) being filled

    def write(self, doc: DocRows) -> None:
        from lxml import etree

        path, name = suite_of(doc)
        if self._open is None or self._open[0] != path:
            self._flush()
            self._open = (path, etree.Element("testsuite", name=xml_text(name), file=xml_text(path)), [0, 0])
        tests, failures = add_cases(self._open[1], doc, self.gate)
        self._open[2][0] += tests
        self._open[2][1] += failures

    def _flush(self) -> None:
        from lxml import etree

        if self._open is not None:
            _, suite, (tests, failures) = self._open
            _totals(suite, tests, failures)
            self.files["junit.xml"].write(etree.tostring(suite, encoding="unicode", pretty_print=True))
            self._open = None

    def finish(self, manifest, rule_docs) -> None:
        self._flush()
        self.files["junit.xml"].write("</testsuites>\n")
