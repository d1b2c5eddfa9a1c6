"""Annotated copies of the localisation files read (``--format po``, ``po-fuzzy``, ``xliff``, ``tmx``).

One copy per input file of the format, under ``<out>/annotated/<file id><suffix>`` (the file id is its path
relative to the input folder), with the run's findings inserted where CAT tools show them
(translate_cmp/l10n/annotate.py) and everything else unchanged. The copies are written at the end of the run
and published with the other outputs, all or nothing (translate_cmp/writers/publish.py). Between documents
the writer keeps only the findings and the list of files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from translate_cmp.l10n.annotate import Finding, annotate_po, annotate_tmx, annotate_xliff
from translate_cmp.records import Unit
from translate_cmp.writers.atomic import AtomicFile, remove_stale_temps
from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.rows import DocRows

FOLDER = "annotated"


class AnnotatedWriter(FormatWriter):
    format: ClassVar[str]
    unit_formats: ClassVar[tuple[str, ...]]
    file_names: tuple[str, ...] = ()

    def __init__(self, out_dir: Path):
        super().__init__(out_dir)
        self.file_names = ()
        self.sources: dict[str, Path] = {}  # output name -> input file
        self.findings: dict[str, dict] = defaultdict(lambda: defaultdict(list))

    def key(self, unit: Unit) -> object:  # pragma: no cover - interface
        raise NotImplementedError

    def where(self, unit: Unit) -> str:
        return ""

    def annotate(self, data: bytes, findings: Mapping) -> bytes:  # pragma: no cover - interface
        raise NotImplementedError

    def write(self, doc: DocRows) -> None:
        unit = doc.result.document.unit
        if unit is None or unit.fmt not in self.unit_formats:
            return
        source = Path(unit.file)
        name = f"{FOLDER}/{unit.file_id}{source.suffix}"
        if name not in self.sources:
            self.sources[name] = source
            self.file_names = (*self.file_names, name)
        for flag in doc.flags:
            self.findings[name][self.key(unit)].append(Finding(flag.code, flag.severity, flag.message,
                                                               self.where(unit)))

    def finish(self, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> None:
        for name, source in self.sources.items():
            final = self.out_dir / name
            final.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(final.parent)
            data = self.annotate(source.read_bytes(), self.findings.get(name, {}))
            f = AtomicFile(final, encoding="latin-1")  # bytes through unchanged: latin-1 maps each byte to itself
            self.files[name] = f
            f.write(data.decode("latin-1"))


class PoWriter(AnnotatedWriter):
    format = "po"
    unit_formats = ("po", "pot")
    mark_fuzzy = False

    def key(self, unit: Unit) -> int:
        return unit.line

    def where(self, unit: Unit) -> str:
        return f"msgstr[{unit.plural_index}]" if unit.plural_index is not None else ""

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        return annotate_po(data, findings, mark_fuzzy=self.mark_fuzzy)


class PoFuzzyWriter(PoWriter):
    """As ``po``, and entries with a warning or an error are marked fuzzy."""

    format = "po-fuzzy"
    mark_fuzzy = True


class XliffWriter(AnnotatedWriter):
    format = "xliff"
    unit_formats = ("xliff",)

    def key(self, unit: Unit) -> str:
        return unit.unit_id.split("#", 1)[0] if "#" in unit.unit_id else unit.unit_id

    def where(self, unit: Unit) -> str:
        return f"segment {unit.unit_id.split('#', 1)[1]}" if "#" in unit.unit_id else ""

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        return annotate_xliff(data, findings)


class TmxWriter(AnnotatedWriter):
    format = "tmx"
    unit_formats = ("tmx",)

    def key(self, unit: Unit) -> str:
        return unit.unit_id

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        return annotate_tmx(data, findings)


ANNOTATED_WRITERS = (PoWriter, PoFuzzyWriter, XliffWriter, TmxWriter)
