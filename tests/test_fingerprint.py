"""Finding fingerprints: stable under edits elsewhere, distinct for repeats, in flags.jsonl."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from translate_cmp.run.job import JobConfig, run_job
from translate_cmp.writers.fingerprint import FINGERPRINT_HEX, fingerprint, fingerprints, normalise_text

TEXT = (
    "The committee met on Monday.\n"
    "Olaf ScholzSaid the talks would go on.\n"
    "Prices rose again in March.\n"
    "Olaf ScholzSaid the talks would go on.\n"
    "the minister did not comment.\n"
)


def run_flags(tmp: Path, name: str, text: str) -> list[dict]:
    src = tmp / f"{name}-in"
    src.mkdir()
    (src / "article.txt").write_text(text, encoding="utf-8")
    run_job(JobConfig(paths=(str(src),), out_dir=tmp / name, engine="none", formats=("jsonl",), cache=False),
            notify=lambda _: None)  # fmt: skip
    lines = (tmp / name / "flags.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def sentence_of(text: str, flag: dict) -> str:
    line_start = text.rfind("\n", 0, flag["start"]) + 1
    return text[line_start : text.find("\n", flag["start"])]


def test_normalisation_is_nfc_and_collapses_whitespace_but_keeps_case() -> None:
    assert normalise_text("  Cafe\u0301\t au\n lait ") == "Caf\u00e9 au lait"
    assert fingerprint("S101", "a", "Cafe\u0301  au lait") == fingerprint("S101", "a", "Caf\u00e9 au lait")
    assert fingerprint("S101", "a", "Word") != fingerprint("S101", "a", "word")
    assert fingerprint("S101", "a", "Word") != fingerprint("S102", "a", "Word")
    assert fingerprint("S101", "a", "Word") != fingerprint("S101", "b", "Word")
    assert len(fingerprint("S101", "a", "Word")) == FINGERPRINT_HEX


def test_editing_another_sentence_keeps_fingerprints_and_repeats_are_distinct(tmp_path: Path) -> None:
    before = run_flags(tmp_path, "before", TEXT)
    edited = TEXT.replace("Prices rose again in March.", "Prices rose sharply again in March, the office said.")
    after = run_flags(tmp_path, "after", edited)
    assert before and all(len(f["fingerprint"]) == FINGERPRINT_HEX for f in before)
    # the two copies of the garbled sentence both get the run-together flag, with distinct fingerprints
    repeated = [f for f in before if "ScholzSaid" in sentence_of(TEXT, f)]
    by_code: dict[str, list[str]] = {}
    for f in repeated:
        by_code.setdefault(f["code"], []).append(f["fingerprint"])
    assert any(len(fps) == 2 for fps in by_code.values())
    assert all(len(set(fps)) == len(fps) for fps in by_code.values())
    assert len({f["fingerprint"] for f in before}) == len(before)
    # offsets after the edit moved, fingerprints of the unchanged sentences did not
    assert [f["start"] for f in after] != [f["start"] for f in before]
    unchanged = lambda flags, text: {  # noqa: E731
        f["fingerprint"] for f in flags if not sentence_of(text, f).startswith("Prices")
    }
    assert unchanged(before, TEXT) == unchanged(after, edited)


def test_the_batch_form_equals_one_fingerprint_per_finding_counted_in_order():
    rng = random.Random(5)
    findings = [(rng.choice("AB"), rng.choice("xy"), rng.choice(["a  b", "a b", "c\u0301 d", "e", " e\n"]))
                for _ in range(300)]
    seen: Counter = Counter()
    expected = []
    for code, doc_id, text in findings:
        key = (code, doc_id, normalise_text(text))
        expected.append(fingerprint(code, doc_id, text, seen[key]))
        seen[key] += 1
    assert fingerprints(findings) == expected
    assert len(set(expected)) == len(expected)  # every finding its own fingerprint
