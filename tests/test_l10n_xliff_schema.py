"""Annotated XLIFF validated against the OASIS schemas, where a copy of them is at hand.

No package on PyPI or npm that this project may use ships the XLIFF XSDs (checked: translate-toolkit 3.20.4,
moz-xliff-linter, l10n-lint, djangocms-xliff, xmlschema's bundled schemas; npm xliff, ilib-xliff), and the
tests reach no network, so the schemas are not part of this repository. Point these variables at copies of
the official files to run the checks (xmlschema resolves the ``xml:`` namespace import offline):

- ``TRANSLATE_CMP_XLIFF12_XSD``: ``xliff-core-1.2-strict.xsd`` (docs.oasis-open.org/xliff/v1.2/os/)
- ``TRANSLATE_CMP_XLIFF20_XSD``: ``xliff_core_2.0.xsd`` (docs.oasis-open.org/xliff/xliff-core/v2.0/os/schemas/)

Without them, tests/test_l10n_annotate.py still checks that the copies are well-formed, read back to the
same units, and put the notes where the schemas allow them (1.2: after ``<target>``; 2.0: ``<notes>`` first).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli

FILES = Path(__file__).parent / "l10n_files"
CASES = {  # version: (env variable, sample, garbled targets -> C506 findings to annotate)
    "1.2": ("TRANSLATE_CMP_XLIFF12_XSD", "sample12.xlf",
            [('¿Borrar <ph id="1">%s</ph> ficheros?</target>', "¿Borrar ficheros?</target>")]),
    "2.0": ("TRANSLATE_CMP_XLIFF20_XSD", "sample20.xlf",  # u1 has <notes> already, u2 has none
            [('<target>Page <ph id="1"/> sur <ph id="2"/>.</target>', '<target>Page <ph id="1"/>.</target>'),
             ('<target>Ouvrez <pc id="1">le fichier</pc> maintenant.</target>', "<target>Ouvrez.</target>")]),
}  # fmt: skip
MISPLACED = {  # the note moved where the schema forbids it: proves the check can fail
    "1.2": lambda s: s.replace("<source>Delete", '<note from="x">misplaced</note><source>Delete', 1),
    "2.0": lambda s: s.replace("</unit>", "<notes><note>misplaced</note></notes></unit>", 1),
}


def _schema(version: str):
    variable = CASES[version][0]
    path = os.environ.get(variable)
    if not path:
        pytest.skip(f"set {variable} to the official XLIFF {version} XSD to validate annotated copies")
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(path)


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
