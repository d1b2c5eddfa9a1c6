"""``run.json``: versions, the caller's run description, counts and files; written last, atomically.

The caller (the pipeline) passes what only it knows -- ``engine``, ``models``, ``settings``,
``signatures`` (sacrebleu), ``timings`` (seconds per stage), ``pivots``, ``inputs`` ... -- as a mapping;
its keys are kept as given. The writer adds ``versions`` (the caller's entries win), ``counts``
(counted from what was written; these win over caller counts of the same name, other caller counts
stay), ``outputs`` (formats and file names) and ``written_at``.
Values that JSON cannot hold (paths, enums, sets, dataclasses) are converted to strings or lists.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import platform
from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from translate_cmp import __version__
from translate_cmp.writers.atomic import AtomicFile, write_text_atomic
from translate_cmp.writers.rows import DocRows

MANIFEST_NAME = "run.json"
VERSIONED_PACKAGES = (
    "argostranslate", "ctranslate2", "sentencepiece", "sacrebleu", "langdetect", "sentencex", "pandas",
)


def collect_versions() -> dict[str, str | None]:
    """Versions of translate-cmp, Python and the libraries whose behaviour changes outputs.

    Read from package metadata, so nothing heavy is imported; ``None`` when a package is absent.
    """
    versions: dict[str, str | None] = {"translate-cmp": __version__, "python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


@dataclasses.dataclass
class RunCounts:
    """Counts over everything written so far (bounded: one counter per rule code)."""

    documents: int = 0
    sentences: int = 0
    rows: int = 0
    flagged_sentences: int = 0
    flags: int = 0
    flags_by_code: Counter = dataclasses.field(default_factory=Counter)
    flags_by_severity: Counter = dataclasses.field(default_factory=Counter)

    def add(self, doc: DocRows) -> None:
        self.documents += 1
        self.sentences += len(doc.groups)
        self.rows += len(doc.result.sentences)  # one row per (sentence, pivot) result, as doc.rows has
        for group in doc.groups:
            if group.flags:
                self.flagged_sentences += 1
                for flag in group.flags:
                    self.flags += 1
                    self.flags_by_code[flag.code] += 1
                    self.flags_by_severity[str(flag.severity)] += 1

    def merge(self, other: RunCounts) -> None:
        """Add ``other``'s counts (a pool worker's batch, translate_cmp.writers.batch)."""
        self.documents += other.documents
        self.sentences += other.sentences
        self.rows += other.rows
        self.flagged_sentences += other.flagged_sentences
        self.flags += other.flags
        self.flags_by_code.update(other.flags_by_code)
        self.flags_by_severity.update(other.flags_by_severity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "rows": self.rows,
            "flagged_sentences": self.flagged_sentences,
            "flags": self.flags,
            "flags_by_code": dict(sorted(self.flags_by_code.items())),
            "flags_by_severity": dict(sorted(self.flags_by_severity.items())),
        }


def _jsonable(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value  # most values (exactly these types: no subclass, no Enum), told before the slower tests
    if kind is dict:
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_jsonable(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # Path, datetime, ...


def build_manifest(caller: Mapping[str, Any], counts: RunCounts, formats: list[str], files: list[str]) -> dict:
    """The ``run.json`` object."""
    manifest = _jsonable(dict(caller))
    manifest["versions"] = {**collect_versions(), **manifest.get("versions", {})}
    manifest["counts"] = {**manifest.get("counts", {}), **counts.as_dict()}
    manifest["outputs"] = {"formats": formats, "files": [*files, MANIFEST_NAME]}
    manifest["written_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return manifest


def manifest_text(manifest: Mapping[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def manifest_file(out_dir: Path, manifest: Mapping[str, Any]) -> AtomicFile:
    """``run.json`` written to its temporary file, not yet published."""
    f = AtomicFile(Path(out_dir) / MANIFEST_NAME)
    try:
        f.write(manifest_text(manifest))
    except BaseException:
        f.discard()
        raise
    return f


def write_manifest(out_dir: Path, manifest: Mapping[str, Any]) -> Path:
    return write_text_atomic(Path(out_dir) / MANIFEST_NAME, manifest_text(manifest))
