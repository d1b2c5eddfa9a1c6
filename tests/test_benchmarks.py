"""The quality benchmark scripts run (on a small slice) and the corruption generator does what it says."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from corrupt import KINDS, corrupt, corruptions  # noqa: E402
from quality import DEFAULT_DATA, auroc, overlaps, pairwise_accuracy  # noqa: E402

SENTENCES = [
    "Russia has repeatedly threatened that the presence of Western troops would provoke a direct conflict.",
    "It was shot down ten miles off the coast of Alaska, officials said.",
]


def test_every_kind_injects_one_artefact_at_its_span():
    for text in SENTENCES:
        for kind in KINDS:
            c = corrupt(text, kind, random.Random(3))
            assert c is not None and c.kind == kind and c.text != text
            assert 0 <= c.start < c.end <= len(c.text)
    c = corrupt(SENTENCES[0], "doubled-word", random.Random(3))
    first, second = c.text[c.start:c.end].split(" ")
    assert first == second
    c = corrupt(SENTENCES[0], "split-fragment", random.Random(3))
    assert c.text.endswith(". Conflict.") and c.text[c.start:c.end] == "Conflict."
    c = corrupt(SENTENCES[0], "joined-words", random.Random(3))
    joined = c.text[c.start:c.end]
    assert " " not in joined and any(a.islower() and b.isupper() for a, b in zip(joined, joined[1:]))


def test_corruptions_are_seeded():
    assert list(corruptions(SENTENCES, seed=5)) == list(corruptions(SENTENCES, seed=5))
    assert list(corruptions(SENTENCES, seed=5)) != list(corruptions(SENTENCES, seed=6))


def test_metrics():
    assert auroc([3, 4], [1, 2]) == 1.0 and auroc([1, 2], [3, 4]) == 0.0
    assert auroc([1, 1], [1, 1]) == 0.5
    assert pairwise_accuracy([[(0.9, 5.0), (0.1, 1.0), (0.5, 1.0)]]) == (1.0, 2, 0.0)
    assert pairwise_accuracy([[(0.5, 5.0), (0.5, 1.0)]]) == (0.5, 1, 1.0)
    assert overlaps(0, 5, 4, 9) and not overlaps(0, 5, 5, 9)
    assert overlaps(0, 5, 5, 5) and not overlaps(0, 5, 6, 6)  # an insertion point on the edge counts


@pytest.mark.slow
@pytest.mark.skipif(not (DEFAULT_DATA / "mqm_en_bench.tsv").is_file(),
                    reason=f"no MQM data at {DEFAULT_DATA} (the shared benchmark folder beside the repository)")
def test_quality_benchmark_runs_on_a_slice(tmp_path):
    out = tmp_path / "quality.md"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "quality.py"), "--limit", "20", "--workers", "1", "--markdown", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    for heading in ("WMT23 zh-en MQM", "Per rule", "Synthetic corruptions"):
        assert heading in text and heading in done.stdout
    assert "AUROC major-Fluency vs clean: risk" in text and "Untouched sentences flagged" in text
    assert all(kind in text for kind in KINDS)
