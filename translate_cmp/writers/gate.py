"""CI gates: which findings fail a build (``--fail-on``) and which a baseline has accepted.

A baseline is a JSON file of accepted findings, keyed by fingerprint (:mod:`translate_cmp.writers.fingerprint`)::

    {"tool": "translate-cmp", "version": 1,
     "findings": [{"fingerprint": "...", "doc_id": "...", "code": "S101", "text": "..."}, ...]}

one finding per line, sorted by document, text and code, so that it diffs well in git. Only the
fingerprints decide; the other fields are there for the people reading it. A finding whose fingerprint
is in the baseline is still written to every output, marked as baselined, but does not count for
``--fail-on``; new findings do.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from translate_cmp.errors import InputError
from translate_cmp.records import Flag, Severity

BASELINE_VERSION = 1


@dataclass(frozen=True)
class Gate:
    """The run's gate settings: ``fail_on`` (None: no gate) and the accepted fingerprints."""

    fail_on: Severity | None = None
    baseline: frozenset[str] = frozenset()
    baseline_path: str | None = None

    def baselined(self, fingerprint: str) -> bool:
        return fingerprint in self.baseline

    def fails(self, flag: Flag, fingerprint: str) -> bool:
        """Whether this finding fails the build (without ``fail_on``: every finding not in the baseline)."""
        return flag.severity >= (self.fail_on or Severity.INFO) and not self.baselined(fingerprint)


@dataclass
class GateTally:
    """Counts over a run's findings: new (not in the baseline) and baselined, and the worst new severity."""

    gate: Gate = field(default_factory=Gate)
    new: int = 0
    baselined: int = 0
    max_new_severity: Severity | None = None
    failing: Counter = field(default_factory=Counter)  # rule code: findings that fail ``--fail-on``

    def add(self, findings: Iterable[tuple[Flag, str]]) -> None:
        for flag, fp in findings:
            if self.gate.baselined(fp):
                self.baselined += 1
                continue
            self.new += 1
            if self.gate.fail_on is not None and self.gate.fails(flag, fp):
                self.failing[flag.code] += 1
            if self.max_new_severity is None or flag.severity > self.max_new_severity:
                self.max_new_severity = flag.severity

    def to_json(self) -> dict:
        return {"baseline": self.gate.baseline_path, "accepted_fingerprints": len(self.gate.baseline),
                "new": self.new, "baselined": self.baselined}  # fmt: skip


def gate_line(failing: Counter, fail_on: Severity, out_dir: str, baselined: bool = False) -> str:
    """The last line of stderr when the gate fails: which findings failed it and where to read them."""
    total = sum(failing.values())
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(failing.items()))
    return (f"translate-cmp: gate failed (--fail-on {fail_on}): {total} finding{'s' if total != 1 else ''} at "
            f"{fail_on} or above{' not in the baseline' if baselined else ''} ({codes}); read them in "
            f"{out_dir.rstrip('/')}/flags.jsonl")


def load_baseline(path: Path | str) -> frozenset[str]:
    """The fingerprints of a baseline file; one InputError line naming the file when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such baseline file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a translate-cmp baseline (not JSON: {exc.__class__.__name__})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(str(path), 'not a translate-cmp baseline (no "findings" list)')
    if data.get("version") != BASELINE_VERSION:
        raise InputError(str(path), f"baseline version {data.get('version')!r} is not {BASELINE_VERSION}")
    fps = []
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise InputError(str(path), f"finding {i} has no fingerprint")
        fps.append(item["fingerprint"])
    return frozenset(fps)


def baseline_text(findings: Iterable[dict]) -> str:
    """A baseline file's text from findings (dicts with fingerprint, doc_id, code, text)."""
    items = sorted(
        ({k: str(f.get(k, "")) for k in ("fingerprint", "doc_id", "code", "text")} for f in findings),
        key=lambda f: (f["doc_id"], f["text"], f["code"], f["fingerprint"]),
    )
    unique = list({f["fingerprint"]: f for f in items}.values())
    lines = [json.dumps(f, ensure_ascii=False) for f in unique]
    body = ",\n".join(f"  {line}" for line in lines)
    head = f'{{"tool": "translate-cmp", "version": {BASELINE_VERSION}, "findings": ['
    return head + ("\n" + body + "\n" if lines else "") + "]}\n"
