"""Annotated XLIFF validated against the official OASIS schemas, copied in tests/schemas/ (see its README for
where each copy came from and its licence): ``xliff-core-1.2-strict.xsd`` and ``xliff_core_2.0.xsd``.
xmlschema (a dev extra) resolves the ``xml:`` namespace import with its own bundled copy, offline.

tests/test_l10n_annotate.py checks the rest: the copies are well-formed, read back to the same units, and put the
notes where the schemas allow them (1.2: after ``<target>``; 2.0: ``<notes>`` first).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner

from translate_cmp.cli.app import cli

FILES = Path(__file__).parent / "l10n_files"
SCHEMAS = Path(__file__).parent / "schemas"
CASES = {  # version: (official schema, sample, garbled targets -> C506 findings to annotate)
    "1.2": ("xliff-core-1.2-strict.xsd", "sample12.xlf",
            [('¿Borrar <ph id="1">%s</ph> ficheros?</target>', "¿Borrar ficheros?</target>")]),
    "2.0": ("xliff_core_2.0.xsd", "sample20.xlf",  # u1 has <notes> already, u2 has none
            [('<target>Page <ph id="1"/> sur <ph id="2"/>.</target>', '<target>Page <ph id="1"/>.</target>'),
             ('<target>Ouvrez <pc id="1">le fichier</pc> maintenant.</target>', "<target>Ouvrez.</target>")]),
}  # fmt: skip
MISPLACED = {  # the note moved where the schema forbids it: proves the check can fail
    "1.2": lambda s: s.replace("<source>Delete", '<note from="x">misplaced</note><source>Delete', 1),
    "2.0": lambda s: s.replace("</unit>", "<notes><note>misplaced</note></notes></unit>", 1),
}


def _schema(version: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / CASES[version][0]))


@pytest.mark.parametrize("version", sorted(CASES))
def test_annotated_xliff_validates_against_the_oasis_schema(tmp_path: Path, version: str) -> None:
    schema = _schema(version)
    _, sample, edits = CASES[version]
    text = (FILES / sample).read_text(encoding="utf-8")
    assert schema.is_valid(text), "the sample itself must be valid"
    garbled = text
    for old, new in edits:
        assert old in garbled
        garbled = garbled.replace(old, new)
    src = tmp_path / sample
    src.write_text(garbled, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(src), "--engine", "none", "--no-cache", "--out", str(out),
                                   "--format", "xliff", "--select", "C506"], catch_exceptions=False)  # fmt: skip
    assert res.exit_code == 0, res.output
    annotated = (out / "annotated" / sample).read_text(encoding="utf-8")
    assert annotated.count("C506 error") == len(edits)
    errors = [str(e) for e in schema.iter_errors(annotated)]
    assert errors == []
    assert not schema.is_valid(MISPLACED[version](annotated))
