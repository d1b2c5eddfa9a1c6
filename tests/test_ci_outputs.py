"""junit.xml and results.sarif from real runs: structure, locations computed from the text, fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from lxml import etree

from translate_cmp.records import Severity
from translate_cmp.rules import ALL_RULES
from translate_cmp.run.job import JobConfig, run_job

SCHEMAS = Path(__file__).parent / "schemas"

ARTICLE = (
    "Olaf ScholzSaid the talks would go on.\r\n"
    "The committee met on Monday in Berlin.\r\n"
    "\r\n"
    "Prices rose again in March , the office said, and a bell\x07slipped in.\n"
    "the minister did not comment on the plan.\n"
)


def run(tmp: Path, inputs: dict[str, str], fail_on: Severity | None = Severity.WARNING, **read) -> Path:
    src = tmp / "in"
    src.mkdir()
    for name, text in inputs.items():
        (src / name).write_bytes(text.encode("utf-8"))
    from translate_cmp.readers import ReadOptions

    out = tmp / "out"
    run_job(JobConfig(paths=(str(src),), out_dir=out, engine="none", formats=("jsonl", "junit", "sarif"),
                      cache=False, fail_on=fail_on, read=ReadOptions(**read)), notify=lambda _: None)  # fmt: skip
    return out


def flags_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Independent of the writer: count line ends (CRLF, LF, CR) before ``offset``."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_junit_has_a_suite_per_document_and_a_failing_case_per_flagged_sentence(tmp_path: Path) -> None:
    out = run(tmp_path, {"news.txt": ARTICLE, "clean.txt": "A calm sentence.\nAnother calm one.\n"})
    root = etree.parse(str(out / "junit.xml")).getroot()
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"news", "clean"}
    assert suites["clean"].get("failures") == "0" and len(suites["clean"].findall("testcase")) == 2
    news = suites["news"]
    cases = news.findall("testcase")
    assert news.get("tests") == str(len(cases)) == "4"
    flags = flags_of(out)
    flagged_sentences = {f["sent_id"] for f in flags if f["doc_id"] == "news"}
    failing = [c for c in cases if c.find("failure") is not None]
    assert news.get("failures") == str(len(failing)) == str(len(flagged_sentences))
    assert news.get("file").endswith("news.txt")
    body = "\n".join(c.find("failure").text for c in failing)
    for f in (f for f in flags if f["doc_id"] == "news"):
        line, col = line_col(ARTICLE, f["start"])
        assert f"news.txt:{line}:{col}: {f['message']} [fingerprint {f['fingerprint']}]" in body
    assert "\ufffd" in body  # the bell character, which XML cannot hold, became U+FFFD


def test_junit_failures_follow_fail_on(tmp_path: Path) -> None:
    out = run(tmp_path, {"news.txt": ARTICLE}, fail_on=Severity.ERROR)
    cases = etree.parse(str(out / "junit.xml")).getroot().findall("testsuite/testcase")
    errors = {f["sent_id"] for f in flags_of(out) if f["severity"] == "error"}
    assert sum(c.find("failure") is not None for c in cases) == len(errors)
    assert any(c.find("system-out") is not None for c in cases)  # the warnings are listed, not failed


def test_sarif_rules_results_regions_and_fingerprints(tmp_path: Path) -> None:
    out = run(tmp_path, {"news.txt": ARTICLE})
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    assert run_["columnKind"] == "unicodeCodePoints"
    flags = flags_of(out)
    results = run_["results"]
    assert len(results) == len(flags) > 0
    for result, flag in zip(results, flags, strict=True):
        assert result["ruleId"] == flag["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[flag["severity"]]
        assert result["partialFingerprints"] == {"translateCmp/v1": flag["fingerprint"]}
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("in/news.txt")
        region = location["region"]
        assert (region["charOffset"], region["charOffset"] + region["charLength"]) == (flag["start"], flag["end"])
        assert (region["startLine"], region["startColumn"]) == line_col(ARTICLE, flag["start"])
        assert (region["endLine"], region["endColumn"]) == line_col(ARTICLE, flag["end"])
    lower = next(r for r in results if r["ruleId"] == "S105")
    assert lower["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    """The OASIS SARIF 2.1.0 schema (errata 01), copied in tests/schemas/ (its README: source and licence)."""
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    out = run(tmp_path, {"news.txt": ARTICLE, "t.csv": "id,text\nu1,Olaf ScholzSaid hello.\n"})
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    validator.validate(sarif)
    assert sarif["runs"][0]["results"]
    sarif["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level: proves the check can fail
    assert not validator.is_valid(sarif)


def test_table_units_are_named_by_id_without_file_regions(tmp_path: Path) -> None:
    table = "id,text\nmsg-1,The committee met on Monday.\nmsg-2,Olaf ScholzSaid hello to everyone.\n"
    out = run(tmp_path, {"ui.csv": table}, text_column="text", id_column="id")
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert results and {r["locations"][0]["logicalLocations"][0]["name"] for r in results} == {"msg-2"}
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("in/ui.csv")
    suites = etree.parse(str(out / "junit.xml")).getroot().findall("testsuite")
    assert [(s.get("file").endswith("in/ui.csv"), s.get("tests"), s.get("failures")) for s in suites] == [
        (True, "2", "1")]  # one suite per file, a case per unit
    cases = suites[0].findall("testcase")
    assert [c.get("classname") for c in cases] == ["msg-1", "msg-2"]
    assert "ui.csv:2 unit msg-2" in cases[1].find("failure").text
