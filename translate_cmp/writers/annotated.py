"""Annotated copies of the localisation files read (``--format po``, ``po-fuzzy``, ``xliff``, ``tmx``).

One copy per input file of the format that was read whole, under ``<out>/annotated/<file id><suffix>`` (the
file id is its path relative to the input folder); a file that failed to parse or decode is never copied.
The copies carry the run's findings inserted where CAT tools show them
(translate_cmp/l10n/annotate.py) and everything else unchanged. The copies are written at the end of the run
and published with the other outputs, all or nothing (translate_cmp/writers/publish.py). Between documents
the writer keeps only the findings and the list of files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from translate_cmp.readers.faults import FileError
from translate_cmp.records import Unit
from translate_cmp.writers.atomic import AtomicFile, remove_stale_temps
from translate_cmp.writers.base import FormatWriter, RuleDocs
from translate_cmp.writers.confine import check_folder, subfolder
from translate_cmp.writers.rows import DocRows

FOLDER = "annotated"


class AnnotatedWriter(FormatWriter):
    format: ClassVar[str]
    unit_formats: ClassVar[tuple[str, ...]]
    suffixes: ClassVar[tuple[str, ...]]
    file_names: tuple[str, ...] = ()  # known at the end of the run only

    def __init__(self, out_dir: Path):
        super().__init__(out_dir)
        check_folder(self.out_dir / FOLDER)  # a planted link there: refused before any work, not at the end
        self.file_names = ()
        self.seen: dict[Path, tuple[Path, str]] = {}  # resolved input file -> (path, file id), in reading order
        self.failed: set[Path] = set()  # resolved input files that could not be read: never copied
        self.copy_errors: list[FileError] = []  # files read whole whose copy could not be annotated
        self.encoding: str | None = None  # --encoding, when given: what PO copies are decoded with
        self.findings: dict[Path, dict] = defaultdict(lambda: defaultdict(list))

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
        key = source.resolve()
        self.seen.setdefault(key, (source, unit.file_id))
        from translate_cmp.l10n.annotate import Finding  # lazily: its XML stack costs ~40 ms per run

        for flag in doc.flags:
            self.findings[key][self.key(unit)].append(Finding(flag.code, flag.severity, flag.message,
                                                              self.where(unit)))

    def write_error(self, summary: Mapping[str, Any]) -> None:
        self.failed.add(Path(summary["path"]).resolve())

    def inputs(self, manifest: Mapping[str, Any]) -> list[tuple[Path, str]]:
        """Every input file of the format that was read without error, in input order: those the run's paths
        hold (a file that gave no checked unit, all untranslated say, gets its copy too), then any other file
        units came from."""
        from translate_cmp.readers import input_files

        settings = manifest.get("settings") or {}
        paths, follow = settings.get("paths") or [], bool((settings.get("read") or {}).get("follow_links"))
        root = (settings.get("read") or {}).get("root")
        found = {p.resolve(): (p, i) for p, i in input_files(paths, follow, root) if p.suffix.lower() in self.suffixes}
        both = {**found, **{k: v for k, v in self.seen.items() if k not in found}}
        return [(k, v) for k, v in both.items() if k not in self.failed]

    def finish(self, manifest: Mapping[str, Any], rule_docs: RuleDocs) -> None:
        """Write the copies. A file whose findings cannot be inserted (a charset Python does not know) gets no
        copy: it is reported as an input error (``copy_errors``, and run.json's ``input_errors``)."""
        from xml.parsers.expat import ExpatError

        self.encoding = ((manifest.get("settings") or {}).get("read") or {}).get("encoding")
        names: list[str] = []
        for key, (source, file_id) in self.inputs(manifest):
            name, n = f"{FOLDER}/{file_id}{source.suffix}", 1
            while name in names:  # two inputs with one id (a/de.po, b/de.po given as files): de.po, de~2.po
                n += 1
                name = f"{FOLDER}/{file_id}~{n}{source.suffix}"
            final = subfolder(self.out_dir, Path(name).parent) / Path(name).name  # no link leads elsewhere
            remove_stale_temps(final.parent)
            try:
                data = self.annotate(source.read_bytes(), self.findings.get(key, {}))
            except (ValueError, LookupError, ExpatError) as exc:  # UnicodeError is a ValueError
                self._copy_error(manifest, file_id, source, exc)
                continue
            names.append(name)
            f = AtomicFile(final, encoding="latin-1")  # bytes through unchanged: latin-1 maps each byte to itself
            self.files[name] = f
            f.write(data.decode("latin-1"))
        self.file_names = tuple(names)
        listed = (manifest.get("outputs") or {}).get("files")
        if isinstance(listed, list):  # run.json is written after every writer finished: list the copies there
            listed[-1:-1] = names

    def _copy_error(self, manifest: Mapping[str, Any], file_id: str, source: Path, exc: Exception) -> None:
        from dataclasses import asdict

        problem = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        error = FileError(file_id, str(source), f"annotated {self.format} copy not written: {problem}")
        self.copy_errors.append(error)
        errors = manifest.get("input_errors")
        if isinstance(errors, list):
            errors.append(asdict(error))


class PoWriter(AnnotatedWriter):
    format = "po"
    unit_formats = ("po", "pot")
    suffixes = (".po", ".pot")
    mark_fuzzy = False

    def key(self, unit: Unit) -> int:
        return unit.line

    def where(self, unit: Unit) -> str:
        return f"msgstr[{unit.plural_index}]" if unit.plural_index is not None else ""

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        from translate_cmp.l10n.annotate import annotate_po

        return annotate_po(data, findings, mark_fuzzy=self.mark_fuzzy, encoding=self.encoding)


class PoFuzzyWriter(PoWriter):
    """As ``po``, and entries with a warning or an error are marked fuzzy."""

    format = "po-fuzzy"
    mark_fuzzy = True


class XliffWriter(AnnotatedWriter):
    format = "xliff"
    unit_formats = ("xliff",)
    suffixes = (".xlf", ".xliff")

    def key(self, unit: Unit) -> str:
        return unit.unit_id.split("#", 1)[0] if "#" in unit.unit_id else unit.unit_id

    def where(self, unit: Unit) -> str:
        return f"segment {unit.unit_id.split('#', 1)[1]}" if "#" in unit.unit_id else ""

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        from translate_cmp.l10n.annotate import annotate_xliff

        return annotate_xliff(data, findings)


class TmxWriter(AnnotatedWriter):
    format = "tmx"
    unit_formats = ("tmx",)
    suffixes = (".tmx",)

    def key(self, unit: Unit) -> str:
        return unit.unit_id

    def annotate(self, data: bytes, findings: Mapping) -> bytes:
        from translate_cmp.l10n.annotate import annotate_tmx

        return annotate_tmx(data, findings)


ANNOTATED_WRITERS = (PoWriter, PoFuzzyWriter, XliffWriter, TmxWriter)
