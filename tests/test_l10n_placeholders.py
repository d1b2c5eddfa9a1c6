"""Inline markup protection and C506: placeholders found, masked from the engine, compared source to target."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.l10n.placeholders import find, keys, mask, unmask
from translate_cmp.records import Document, RoundTrip, Sentence, Unit
from translate_cmp.rules import get_rule
from translate_cmp.rules.base import RuleContext

HAVE_APERTIUM = shutil.which("apertium") is not None
needs_apertium = pytest.mark.skipif(not HAVE_APERTIUM and not os.environ.get("TRANSLATE_CMP_CI"),
                                    reason="apertium binary not installed (scripts/install-engines)")
MARKUP = [
    "Delete %(count)d <b>files</b> from {folder}?",
    'Hello <g id="1">world</g>! Page <ph id="1"/> of <ph id="2"/>.',
    "You have %s new messages and %d unread.",
    '<x id="1"/>Click <bx id="2"/>here<ex id="2"/> to continue.',
    'Open <pc id="1">the file</pc> with {0} and %1$s.',
]


def test_find_kinds_and_keys():
    found = find('Hi %(name)s, {0} and {{x}} <a href="%(url)s" title="Go">here</a>; 50 % off, %%.')
    assert [(p.kind, p.text) for p in found] == [
        ("printf", "%(name)s"), ("brace", "{0}"), ("double-brace", "{{x}}"),
        ("tag", '<a href="%(url)s" title="Go">'), ("printf", "%(url)s"),
        ("tag", "</a>"), ("printf", "%%")]
    assert keys('<a href="x" title="Go">') == keys('<a href="x" title="Los">')  # a title may be translated
    assert keys('<ph id="1"/>') != keys('<ph id="2"/>')
    assert find("Les prix ont augmenté de 50 % en mars.") == []


@pytest.mark.parametrize("text", MARKUP)
def test_mask_hides_every_placeholder_and_unmask_restores_exactly(text):
    masked = mask(text)
    assert find(masked.text) == [] and len(masked.originals) == len(find(text))
    assert unmask(masked.text, masked.originals, masked.pads) == text


@needs_apertium
def test_markup_survives_a_round_trip_through_apertium_untouched():
    from translate_cmp.engines.apertium import ApertiumEngine
    from translate_cmp.l10n.masked import masked_round_trip

    engine = ApertiumEngine()
    trips = masked_round_trip(engine, MARKUP, "en", "es", surprisal=False)
    for text, trip in zip(MARKUP, trips):
        assert keys(trip.pivot_text) == keys(text), (text, trip.pivot_text)
        assert keys(trip.back_text) == keys(text), (text, trip.back_text)
        for p in find(text):
            assert p.text in trip.back_text
    assert trips[0].pivot_text.startswith("Elimina %(count)d")  # translated around the placeholders
    unmasked = engine.translate(["Delete %(count)d files from {folder}?"], "en", "es")[0].text
    assert "%(count)d" not in unmasked  # what masking prevents: apertium alone mangles it


@needs_apertium
def test_xliff_units_round_trip_through_apertium_keep_their_tags(tmp_path):
    out = tmp_path / "out"
    src = tmp_path / "en.xlf"
    src.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="es" '
        'target-language="en"><body><trans-unit id="a"><source>Abre <g id="1">el fichero</g> con <ph id="2"/>.</source>'
        '<target>Open <g id="1">the file</g> with <ph id="2"/> now.</target></trans-unit></body></file></xliff>',
        encoding="utf-8")
    res = CliRunner().invoke(cli, ["run", str(src), "--engine", "apertium", "--no-cache", "--out", str(out),
                                   "--format", "jsonl"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    row = json.loads((out / "sentences.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert '<g id="1">' in row["pivot_text"] and '<ph id="2"/>' in row["back_text"], row
    codes = [json.loads(line)["code"] for line in (out / "flags.jsonl").read_text().splitlines()]
    assert "C506" not in codes, (out / "flags.jsonl").read_text()


def _flags(tmp_path: Path, name: str, content: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(path), "--engine", "none", "--no-cache", "--out", str(out),
                                   "--format", "jsonl", "--select", "C506"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]


PO_HEAD = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_po_entry_with_a_lost_count_is_flagged(tmp_path):
    flags = _flags(tmp_path, "de.po", PO_HEAD +
                   '#, python-format\nmsgid "Deleted %(count)d files."\nmsgstr "Dateien gelöscht."\n\n'
                   '#, python-format\nmsgid "Kept %(count)d files."\nmsgstr "%(count)d Dateien behalten."\n')
    assert [(f["doc_id"], f["code"]) for f in flags] == [("de:Deleted %(count)d files.", "C506")]
    assert "missing from the translation: %(count)d" in flags[0]["message"]
    assert flags[0]["severity"] == "error"


def test_po_plural_form_for_one_may_drop_the_number_but_not_a_name(tmp_path):
    flags = _flags(tmp_path, "de.po", PO_HEAD +
                   '#, python-format\nmsgid "%(count)d file in %(dir)s"\nmsgid_plural "%(count)d files in %(dir)s"\n'
                   'msgstr[0] "Eine Datei in %(dir)s"\nmsgstr[1] "%(count)d Dateien in %(dir)s"\n\n'
                   '#, python-format\nmsgid "%(count)d item in %(dir)s"\nmsgid_plural "%(count)d items in %(dir)s"\n'
                   'msgstr[0] "Ein Element"\nmsgstr[1] "%(count)d Elemente in %(dri)s"\n')
    assert sorted((f["doc_id"], f["message"].split(":")[0]) for f in flags) == [
        ("de:%(count)d item in %(dir)s[0]", "missing from the translation"),
        ("de:%(count)d item in %(dir)s[1]", "'%(dri)s' is in the translation, not in the source"),
        ("de:%(count)d item in %(dir)s[1]", "missing from the translation"),
    ]


def test_xliff_unit_with_a_dropped_ph_is_flagged(tmp_path):
    flags = _flags(tmp_path, "fr.xlf",
                   '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">'
                   '<file id="f"><unit id="u1"><segment><source>Page <ph id="1"/> of <ph id="2"/>.</source>'
                   '<target>Page <ph id="1"/>.</target></segment></unit>'
                   '<unit id="u2"><segment><source>Page <ph id="1"/>.</source><target>Page <ph id="1"/>.</target>'
                   '</segment></unit></file></xliff>')
    assert [(f["doc_id"], f["code"]) for f in flags] == [("fr:u1", "C506")]
    assert '<ph id=2/>' in flags[0]["message"]


def test_round_trip_loss_is_flagged():
    text = "Löschen Sie %(count)d Dateien?"
    unit = Unit("u", "Delete %(count)d files?", "en", "de", fmt="po")
    document = Document("d:u", "d.po:1", text, unit=unit)
    sentence = Sentence("d:u", 0, 0, len(text), text, lang="de")

    def hits(back: str) -> list[str]:
        ctx = RuleContext(document, "de", [sentence], 0, RoundTrip("en", "Delete files?", back))
        return [h.message for h in get_rule("C506").check(ctx)]

    assert hits("Löschen Sie %(count)d Dateien?") == []
    assert hits("Löschen Sie Dateien?")[0].startswith("lost in the round trip: %(count)d")
