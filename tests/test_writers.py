"""Output writers on real files: exact CSV round trip, schema, formula neutralisation, atomicity, run.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from translate_cmp.errors import InputError
from translate_cmp.records import Document, DocumentResult, Flag, RoundTrip, Scores, SentenceResult, Severity
from translate_cmp.segment import segment
from translate_cmp.writers import WRITERS, open_writers, read_documents_csv, read_sentences_csv
from translate_cmp.writers.cells import neutralise, unneutralise
from translate_cmp.writers.fingerprint import fingerprint

CONTRACT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "lang", "text", "pivot_lang", "pivot_text", "back_text",
    "chrf", "bleu", "ter", "diff", "flags", "risk", "unknown", "unit_state",
]  # fmt: skip
DOC_COLUMNS = ["doc_id", "path", "lang", "lang_prob", "n_sentences", "n_flagged", "mean_chrf", "max_risk"]

TRICKY = "\n".join(
    [
        '=SUM(A1:A9) is how "spreadsheets" start, says one reader.',
        "-- a dash-led line, with commas, and more commas.",
        "+1 for the “unicode quotes”, and ‘single’ ones.",
        "@handle said: \"quote\"\"double\"\" inside\".",
        "'=already apostrophed, stays exact.",
        "NA",
        "null",
        "Non-BMP: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 and a tab\there, a CR\rinside.",
        "Line\u2028separator and \x85 NEL are not line ends for CSV.",
        "Ends with a comma,",
    ]
)


ALL_FILES = {"sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl", "report.html", "run.json"}


def result_for(doc: Document, *, pivots: tuple[str, ...] = ("es",), flag_every: int = 3) -> DocumentResult:
    """A DocumentResult built from the real segmenter; round trips and flags made up deterministically."""
    results = []
    for s in segment(doc):
        flags = []
        if s.sent_id % flag_every == 0:
            flags.append(Flag(doc.doc_id, s.sent_id, "S101", Severity.WARNING, s.start, s.start + 1, "first char"))
        for pivot in pivots:
            rt = RoundTrip(pivot, f"[{pivot}] {s.text}", s.text.upper()) if pivot else None
            scores = Scores(50.0 + s.sent_id, 20.0, 30.0) if pivot else None
            diff = f"[-{s.text}-] {{+{s.text.upper()}+}}" if pivot else ""
            results.append(SentenceResult(s, rt, scores, diff, list(flags), risk=min(1.0, 0.1 * s.sent_id)))
    return DocumentResult(doc, "en", 0.987654321, results)


def write_run(out: Path, docs: list[Document], **kwargs) -> dict:
    with open_writers(out) as run:
        for doc in docs:
            run.write(result_for(doc, **kwargs))
        return run.close({"engine": "argos", "pivots": ["es"], "inputs": [Path("seeds")]})


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_text_round_trips_exactly_through_pandas(tmp_path: Path) -> None:
    doc = Document("tricky, \"doc\"", "in/tricky.txt", TRICKY)
    write_run(tmp_path, [doc])
    frame = read_sentences_csv(tmp_path / "sentences.csv")
    expected = segment(doc)
    assert len(frame) == len(expected) >= 10
    for row in frame.itertuples(index=False):
        assert row.text == doc.text[row.start : row.end]
        assert row.doc_id == doc.doc_id
    assert frame["text"].tolist() == [s.text for s in expected]
    assert frame["back_text"].tolist() == [s.text.upper() for s in expected]
    assert any("\r" in t for t in frame["text"]) and any("\u2028" in t for t in frame["text"])
    jsonl = [json.loads(line) for line in (tmp_path / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in jsonl] == [s.text for s in expected]  # JSON Lines: exact, never neutralised


def test_formula_like_cells_are_neutralised_in_the_file_and_only_those(tmp_path: Path) -> None:
    doc = Document("d1", "in/d1.txt", TRICKY)
    write_run(tmp_path, [doc])
    raw = pd.read_csv(tmp_path / "sentences.csv", dtype=str, keep_default_na=False)
    by_text = dict(zip([s.text for s in segment(doc)], raw["text"], strict=True))
    assert by_text['=SUM(A1:A9) is how "spreadsheets" start, says one reader.'].startswith("'=SUM")
    dash = "-- a dash-led line, with commas, and more commas."
    assert by_text[dash] == "'" + dash
    assert by_text["+1 for the “unicode quotes”, and ‘single’ ones."].startswith("'+1")
    assert by_text['@handle said: "quote""double"" inside".'].startswith("'@")
    assert by_text["'=already apostrophed, stays exact."] == "''=already apostrophed, stays exact."
    for text in ("NA", "null", "Ends with a comma,"):
        assert by_text[text] == text  # not formula-like: byte-exact even for a plain pandas reader
    for cell in raw["text"].tolist() + raw["back_text"].tolist() + raw["diff"].tolist():
        assert cell == "" or cell[0] not in "=+-@\t\r"


@pytest.mark.parametrize(
    "value", ["", "=1+2", "-1", "+x", "@a", "\tx", "\rx", "'", "'=x", "''=x", "'plain", "plain", "＝full", "x=1"]
)
def test_neutralise_is_reversible(value: str) -> None:
    out = neutralise(value)
    assert unneutralise(out) == value
    assert not out or out[0] not in "=+-@\t\r"


def test_headers_are_exactly_the_contract(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "One sentence here. Two sentences here.\nA third one.")])
    with (tmp_path / "sentences.csv").open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == CONTRACT_COLUMNS
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh))[: len(DOC_COLUMNS)] == DOC_COLUMNS
    assert not (tmp_path / "sentences.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    frame = read_sentences_csv(tmp_path / "sentences.csv")
    assert frame["sent_id"].tolist() == [0, 1, 2]
    assert frame["flags"].tolist() == ["S101", "", ""]
    assert frame["risk"].between(0, 1).all()
    records = [json.loads(line) for line in (tmp_path / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records == [
        {"doc_id": "a", "sent_id": 0, "code": "S101", "severity": "warning", "start": 0, "end": 1,
         "message": "first char", "fingerprint": fingerprint("S101", "a", "One sentence here.")}  # fmt: skip
    ]
    docs = read_documents_csv(tmp_path / "documents.csv")
    row = docs.iloc[0]
    assert (row.doc_id, row.path, row.n_sentences, row.n_flagged, row.n_warning) == ("a", "a.txt", 3, 1, 1)
    assert row.mean_chrf == pytest.approx(51.0)
    assert row.lang_prob == pytest.approx(0.9877)


def test_engine_none_keeps_columns_with_empty_cells(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "Only surface rules. Nothing translated.")], pivots=("",))
    frame = read_sentences_csv(tmp_path / "sentences.csv")
    assert list(frame.columns) == CONTRACT_COLUMNS
    for col in ("pivot_lang", "pivot_text", "back_text", "diff", "unknown", "unit_state"):
        assert frame[col].tolist() == ["", ""]
    for col in ("chrf", "bleu", "ter"):
        assert frame[col].isna().all()
    raw_line = (tmp_path / "sentences.csv").read_text(encoding="utf-8").splitlines()[1]
    assert raw_line == "a,0,0,19,en,Only surface rules.,,,,,,,,S101,0.0,,"
    assert read_documents_csv(tmp_path / "documents.csv")["mean_chrf"].isna().all()


def test_several_pivots_give_one_row_per_sentence_and_pivot(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "First one. Second one. Third one. Fourth one.")], pivots=("de", "es"))
    frame = read_sentences_csv(tmp_path / "sentences.csv")
    assert list(zip(frame["sent_id"], frame["pivot_lang"], strict=True)) == [
        (0, "de"), (0, "es"), (1, "de"), (1, "es"), (2, "de"), (2, "es"), (3, "de"), (3, "es"),
    ]  # fmt: skip
    flags = (tmp_path / "flags.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(f)["sent_id"] for f in flags] == [0, 3]  # once per sentence, not per pivot
    docs = read_documents_csv(tmp_path / "documents.csv")
    assert (docs.loc[0, "n_sentences"], docs.loc[0, "pivots"]) == (4, "de;es")
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["sentences"] == 4 and manifest["counts"]["rows"] == 8


def test_failed_run_leaves_previous_outputs_byte_identical(tmp_path: Path) -> None:
    doc = Document("a", "a.txt", TRICKY)
    write_run(tmp_path, [doc])
    before = snapshot(tmp_path)
    assert set(before) == ALL_FILES

    with pytest.raises(RuntimeError, match="engine died"), open_writers(tmp_path) as run:
        run.write(result_for(Document("b", "b.txt", "Other text. Much other text.")))
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # temp files exist mid-run
        raise RuntimeError("engine died")

    assert snapshot(tmp_path) == before  # byte-identical, and no temp file left
    assert run.state == "aborted"
    with pytest.raises(RuntimeError, match="aborted"):
        run.write(result_for(doc))


def test_failure_while_finishing_commits_nothing(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "Old text. Old text again.")])
    before = snapshot(tmp_path)

    class Exploding:  # a rule doc whose summary cannot be read: the report fails while rendering
        @property
        def summary(self) -> str:
            raise ValueError("broken rule doc")

    run = open_writers(tmp_path, rule_docs={"S101": Exploding()})
    run.write(result_for(Document("b", "b.txt", "New text. New text again.")))
    with pytest.raises(ValueError, match="broken rule doc"):
        run.close({})
    assert snapshot(tmp_path) == before


def test_successful_run_replaces_every_file_and_leaves_no_temp(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "Old text.")])
    write_run(tmp_path, [Document("b", "b.txt", "New text.")])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(ALL_FILES)
    assert read_sentences_csv(tmp_path / "sentences.csv")["doc_id"].tolist() == ["b"]


def test_only_requested_formats_are_written_and_run_json_always(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    with open_writers(out, "csv") as run:
        run.write(result_for(Document("a", "a.txt", "Text.")))
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "run.json", "sentences.csv"]


def test_run_json_has_versions_counts_and_caller_settings(tmp_path: Path) -> None:
    returned = write_run(tmp_path, [Document("a", "a.txt", "One. Two. Three. Four.")])
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest == returned
    assert {"translate-cmp", "python", "argostranslate", "ctranslate2", "sacrebleu", "langdetect"} <= set(
        manifest["versions"]
    )
    assert manifest["versions"]["sacrebleu"]  # installed here, so a real version string
    assert manifest["engine"] == "argos" and manifest["inputs"] == ["seeds"]  # Path made JSON
    assert manifest["counts"]["documents"] == 1
    assert manifest["counts"]["flags_by_code"] == {"S101": 2}
    assert manifest["outputs"]["files"][-1] == "run.json"


def test_bad_format_and_bad_out_dir_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown format xml"):
        open_writers(tmp_path, "csv,xml")
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    with pytest.raises(InputError, match="taken: output path exists and is not a folder"):
        open_writers(a_file)
    assert {"csv", "jsonl", "html", "findings", "junit", "sarif", "po", "po-fuzzy", "xliff", "tmx"} <= set(WRITERS)


def test_reader_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="sentences.csv: no such file"):
        read_sentences_csv(tmp_path / "sentences.csv")
    (tmp_path / "sentences.csv").write_text("doc_id,text\r\na,b\r\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns: sent_id, start"):
        read_sentences_csv(tmp_path / "sentences.csv")


def test_an_older_sentences_csv_without_the_unknown_column_reads_back(tmp_path: Path) -> None:
    write_run(tmp_path, [Document("a", "a.txt", "Only surface rules. Nothing translated.")], pivots=("",))
    path = tmp_path / "sentences.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\r\n".join(line.rsplit(",", 2)[0] for line in lines) + "\r\n", encoding="utf-8")
    assert lines[0].endswith(",risk,unknown,unit_state")
    assert "unknown" not in path.read_text(encoding="utf-8").splitlines()[0]
    frame = read_sentences_csv(path)
    assert list(frame.columns) == CONTRACT_COLUMNS
    assert frame["unknown"].tolist() == frame["unit_state"].tolist() == ["", ""]


# --- the workers' rendering (writers.prepare, prepare_batch, writers/one_row.py) against the general path: the csv
# module's writer and json.dumps over doc_rows' rows, summary and flags, as the writers made them before (issue 24)

_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
NAN = float("nan")
VARIED_TEXTS = [
    *TRICKY.split("\n"),
    "Plain words only",
    'He said "no", then left.',
    "Three\nlines\r\nhere",
    "\tleading tab and ＝ full-width",
    "''=two apostrophes then a formula",
    "Grüße aus Köln, 東京 und Zürich",
    "\x00 a NUL and \x1f a unit separator",
    "",
]


def _reference(result: DocumentResult) -> tuple[dict, list[str], dict[str, tuple[str, str]]]:
    """The summary, fingerprints and text of the csv and jsonl formats as the general path makes them."""
    import io

    from translate_cmp.writers.csv_out import _cell
    from translate_cmp.writers.rows import DOCUMENT_COLUMNS, SENTENCE_COLUMNS, _rows, flag_record

    def dumps(obj: dict) -> str:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False).translate(_LINE_BREAKS) + "\n"

    rows = _rows(result)  # doc_rows without its one-row path
    sentences, documents = io.StringIO(), io.StringIO()
    for row in rows.rows:
        csv.writer(sentences, lineterminator="\r\n").writerow([_cell(v) for v in row])
    csv.writer(documents, lineterminator="\r\n").writerow([_cell(rows.summary[c]) for c in DOCUMENT_COLUMNS])
    records = []
    for row in rows.rows:
        obj = dict(zip(SENTENCE_COLUMNS, row, strict=True))
        obj["flags"] = obj["flags"].split(";") if obj["flags"] else []
        records.append(dumps(obj))
    flags = "".join(dumps(flag_record(flag, fp)) for flag, fp, _ in rows.findings())
    return rows.summary, rows.fingerprints, {"csv": (sentences.getvalue(), documents.getvalue()),
                                             "jsonl": (flags, "".join(records))}


def _varied_results() -> list[DocumentResult]:
    """Real sentences (the segmenter's) of every text above, one result a document (a table's row) mostly, with and
    without round trips, scores (NaN, -0.0, long fractions), flags (repeated, several codes and severities),
    unknown words, a unit's state; and documents of several sentences and pivots among them."""
    from translate_cmp.records import Unit

    out = []
    for i, text in enumerate(VARIED_TEXTS * 3):
        unit = None if i % 4 else Unit(f"u{i}", "source", fmt=("po", "pot", "xliff")[i % 3], fuzzy=i % 8 == 0)
        doc = Document(f"{text[:6]}#{i}" if i % 5 else f"=id,{i}", f"in/{i}.csv", text or " ", unit=unit)
        sentences = segment(doc)[:1] if i % 7 else segment(doc)
        results = []
        for s in sentences:
            flags = []
            if i % 3 == 0:
                flags = [Flag(doc.doc_id, s.sent_id, code, sev, s.start, s.end, f"{code}: “{s.text[:9]}”\n,")
                         for code, sev in (("S101", Severity.WARNING), ("Q611", Severity.ERROR),
                                           ("S101", Severity.WARNING), ("L3", Severity.INFO))][: 1 + i % 5]
            scores = [Scores(51.23456789, 0.0, 12.5), Scores(NAN, NAN, NAN), Scores(-0.0, 1e-07, 100.0),
                      Scores(33.33333333, 2.5e-05, NAN)][i % 4]
            pivots = ("es", "fr") if i % 11 == 0 else ("de",)
            for pivot in pivots:
                rt = None if i % 6 == 5 else RoundTrip(pivot, f'"{pivot}", {s.text}', s.text[::-1],
                                                       unknown=("foo", "b\"ar") if i % 2 else ())
                results.append(SentenceResult(s, rt, None if i % 9 == 8 else scores, f"[-{s.text}-]" if i % 2 else "",
                                              flags, risk=(0.123456789, NAN, -0.0, 1.0, 0.99999)[i % 5]))
        lang, prob = ("en", 0.987654321) if i % 10 else ("", NAN)
        out.append(DocumentResult(doc, lang, prob, results))
    return out


def test_the_workers_text_is_the_general_paths_for_varied_results() -> None:
    from translate_cmp.writers import prepare

    results = _varied_results()
    assert sum(len(r.sentences) == 1 for r in results) > len(results) // 2 > 0
    for result in results:
        summary, fps, text = _reference(result)
        for formats in (("csv", "jsonl"), ("jsonl",), ("csv",)):
            p = prepare(result, formats)
            assert (p.summary, p.fingerprints, p.rendered) == (summary, fps, {f: text[f] for f in formats})
            assert repr(p.summary) == repr(summary)  # -0.0 and 0.0 apart, NaN nowhere


def test_a_workers_batch_carries_the_general_paths_text_on_its_first_result() -> None:
    from translate_cmp.writers import prepare_batch

    results = _varied_results()
    prepare_batch(results, ("csv", "jsonl"))
    expected = [_reference(r) for r in results]
    first = results[0].prepared.rendered
    for f, n in (("csv", 2), ("jsonl", 2)):
        assert first[f] == tuple("".join(e[2][f][i] for e in expected) for i in range(n))
    for result, (summary, fps, _) in zip(results, expected, strict=True):
        assert (result.prepared.summary, result.prepared.fingerprints) == (summary, fps)
        assert (result.prepared.groups is None) == (len(result.sentences) == 1)  # grouped again where it is written
    assert all(r.prepared.rendered == {"csv": ("", ""), "jsonl": ("", "")} for r in results[1:])


def test_an_infinite_score_is_refused_as_before() -> None:
    from translate_cmp.writers import prepare

    doc = Document("a", "a.txt", "One sentence.")
    s = segment(doc)[0]
    scores = Scores(float("inf"), 1.0, 2.0)
    result = DocumentResult(doc, "en", 0.9, [SentenceResult(s, RoundTrip("es", "x", "y"), scores)])
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        prepare(result, ("csv", "jsonl"))
    assert prepare(result, ("csv",)).rendered["csv"] == _reference_csv_only(result)


def _reference_csv_only(result: DocumentResult) -> tuple[str, str]:
    import io

    from translate_cmp.writers.csv_out import _cell
    from translate_cmp.writers.rows import DOCUMENT_COLUMNS, _rows

    rows = _rows(result)
    sentences, documents = io.StringIO(), io.StringIO()
    csv.writer(sentences, lineterminator="\r\n").writerows([[_cell(v) for v in row] for row in rows.rows])
    csv.writer(documents, lineterminator="\r\n").writerow([_cell(rows.summary[c]) for c in DOCUMENT_COLUMNS])
    return sentences.getvalue(), documents.getvalue()


def _hand_made_results() -> list[DocumentResult]:
    """One-result documents of values the segmenter does not give: a CR, quotes, commas and line breaks in every
    string, doc ids and languages that need quoting or neutralising, a sentence language of its own."""
    from translate_cmp.records import Sentence

    out = []
    for i, text in enumerate(VARIED_TEXTS + ["a CR\rinside", "\r", '"', ",", "\u2028", "'"]):
        doc = Document(f'{text[:4]}"{i}', f"p\r{i}," if i % 2 else f"-p{i}", text, encoding=("", "utf-16", ",")[i % 3])
        s = Sentence(doc.doc_id, i, i, i + len(text), text, lang=("", "x,y", "=de")[i % 3])
        flags = [Flag(doc.doc_id, i, f"C{i},\r", Severity.INFO, 0, 1, text)] if i % 2 else []
        rt = RoundTrip(f"p\r{i}", text + "\n,", f'"{text}"', unknown=(text, "\r")) if i % 3 else None
        out.append(DocumentResult(doc, ("\r", "a,b", "-x")[i % 3], 0.5 + i,
                                  [SentenceResult(s, rt, Scores(i / 7, -i / 3, 1e20), text, flags, risk=-i / 9)]))
    return out


def test_the_workers_text_is_the_general_paths_for_hand_made_values() -> None:
    from translate_cmp.writers import prepare
    from translate_cmp.writers.one_row import one_row
    from translate_cmp.writers.rows import _rows, doc_rows

    for result in _hand_made_results():
        assert one_row(result, True, True) is not None  # the one-pass path, not its fallback
        summary, fps, text = _reference(result)
        p = prepare(result, ("csv", "jsonl"))
        assert (p.summary, p.fingerprints, p.rendered) == (summary, fps, text)
        one, general = doc_rows(result), _rows(result)  # the main process's one-row path too
        assert (one.rows, one.summary, one.fingerprints) == (general.rows, general.summary, general.fingerprints)


def test_doc_rows_one_row_path_is_the_general_one() -> None:
    from translate_cmp.writers.rows import _rows, doc_rows

    for result in _varied_results():
        one, general = doc_rows(result), _rows(result)
        assert (one.rows, one.summary, one.fingerprints) == (general.rows, general.summary, general.fingerprints)
        assert repr(one.summary) == repr(general.summary)
        assert [(g.results, g.flags) for g in one.groups] == [(g.results, g.flags) for g in general.groups]
