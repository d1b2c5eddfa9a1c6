"""benchmarks/rater_span_precision.py: a clean row's rater from its block, per-rater counts on a tiny MQM file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from rater_span_precision import block_raters, main, marked_elsewhere  # noqa: E402

COLUMNS = ["id", "lang", "source_set", "system", "doc", "seg_id", "source", "target", "n_raters", "label",
           "any_major", "error_spans"]


def record(seg: int, system: str, target: str, spans: list | None = None) -> dict:
    return {"id": f"ted.talk.1.{seg}.{system}", "lang": "de", "source_set": "ted", "system": system,
            "doc": "talk.1", "seg_id": str(seg), "source": "", "target": target, "n_raters": "1",
            "label": "error" if spans else "clean", "any_major": "0", "error_spans": json.dumps(spans or [])}


def test_a_clean_row_takes_the_rater_its_neighbours_share():
    records = [record(1, "A", "x", [[0, 1, "Fluency/Punctuation", "Minor", "rater2"]]),
               record(2, "A", "y"),
               record(3, "A", "z", [[0, 1, "Style/Awkward", "Major", "rater2"]]),
               record(4, "A", "w"),  # after the last error row: no block known
               record(5, "B", "v"),
               record(6, "B", "u", [[0, 1, "Style/Awkward", "Major", "rater1"]]),
               record(7, "B", "t"),
               record(8, "B", "s", [[0, 1, "Style/Awkward", "Major", "rater3"]])]  # neighbours disagree for 7
    assert block_raters(records) == {"ted.talk.1.2.A": "rater2"}


def test_flags_are_split_by_the_rater_whose_spans_they_touch(tmp_path, capsys):
    shared = tmp_path / "shared"
    path = shared / "benchmarks" / "mqm-dev" / "mqm_de_ted_dev.tsv"
    path.parent.mkdir(parents=True)
    rows = [record(1, "A", "näher -- vor", [[6, 8, "Fluency/Punctuation", "Minor", "rater2"]]),
            record(2, "A", "näher -- vor"),
            record(3, "A", "näher -- vor", [[9, 12, "Style/Awkward", "Major", "rater2"]]),
            record(4, "B", "näher -- vor", [[9, 12, "Style/Awkward", "Major", "rater3"]])]
    lines = ["\t".join(COLUMNS)] + ["\t".join(r[c] for c in COLUMNS) for r in rows]  # no quoting, as the files
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "work" / "out-now"
    out.mkdir(parents=True)
    flags = [{"doc_id": f"de-ted:{r['id']}", "code": "S113", "start": 6, "end": 8} for r in rows]
    (out / "flags.jsonl").write_text("".join(json.dumps(f) + "\n" for f in flags), encoding="utf-8")
    assert main(["--work", str(tmp_path / "work"), "--shared", str(shared), "--sets", "de-ted"]) == 0
    printed = capsys.readouterr().out
    assert "| S113 | 1/2 | 0/1 |" in printed  # rater2: one of two flags on its span; rater3: none
    assert "| S113 | 1 | 0 |" in printed  # the clean row in rater2's block
    assert main(["--work", str(tmp_path / "none"), "--shared", str(shared)]) == 2


def test_a_clean_flag_counts_as_the_raters_choice_where_another_system_has_the_same_words_marked():
    records = [record(1, "A", "Sie können dich sehen."),  # clean, flagged
               record(1, "B", "Sie können dich sehen.", [[11, 15, "Fluency/Register", "Major", "rater3"]]),
               record(2, "A", "Wenn du nahe stehst."),  # clean, flagged: no other row marks "du"
               record(2, "B", "Wenn du nahe stehst.", [[13, 19, "Style/Awkward", "Minor", "rater3"]]),
               record(3, "A", "Er sagt -- nichts."),  # clean, flagged by another rule; the mark is on A itself only
               record(3, "B", "Er sagt nichts.")]
    flags = {"de-ted:ted.talk.1.1.A": [{"code": "L305", "start": 11, "end": 15}],
             "de-ted:ted.talk.1.2.A": [{"code": "L305", "start": 5, "end": 7}],
             "de-ted:ted.talk.1.3.A": [{"code": "S113", "start": 8, "end": 10}],
             "de-ted:ted.talk.1.1.B": [{"code": "L305", "start": 11, "end": 15}]}  # an error row: not counted
    assert marked_elsewhere(records, flags, "de-ted") == {"L305": [1, 2], "S113": [0, 1]}
