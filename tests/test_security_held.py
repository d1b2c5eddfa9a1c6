"""What held when issue 23 was filed, kept by tests: XML entity and inclusion tricks open no file and no
connection and do not amplify; control characters and ``]]>`` keep JUnit and SARIF well-formed; ids taken
from inputs (XLIFF ``original``, unit ids, TMX ``tuid``, table ids) never become paths outside ``--out``.

(HTML and JavaScript in every field of the reports, and formula cells in every CSV column, are held by
tests/test_html_report.py, tests/test_diff_report.py, tests/test_report_browser.py and tests/test_writers.py.)
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from translate_cmp.cli.app import cli

SECRET = "zebrafish-harbour-7731"


def _run(*args: str):
    return CliRunner().invoke(cli, ["run", *args, "--engine", "none", "--no-cache"], catch_exceptions=False)


def _outputs(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())


XLIFF12 = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
           'source-language="en" target-language="de" datatype="plaintext"><body><trans-unit id="1">'
           "<source>Hello world</source><target>Hallo {payload}</target></trans-unit></body></file></xliff>")
XLIFF20 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">'
           '<file id="f"><unit id="u"><segment><source>Hello world</source><target>Hallo {payload}</target>'
           "</segment></unit></file></xliff>")
TMX = ('<tmx version="1.4"><header srclang="en" segtype="sentence" datatype="plaintext" adminlang="en" '
       'creationtool="t" creationtoolversion="1" o-tmf="x"/><body><tu tuid="t1"><tuv xml:lang="en"><seg>Hello</seg>'
       '</tuv><tuv xml:lang="de"><seg>Hallo {payload}</seg></tuv></tu></body></tmx>')
FORMATS = {".xlf": (XLIFF12, "xliff"), "-20.xlf": (XLIFF20, "xliff"), ".tmx": (TMX, "tmx")}


def _tricks(secret: Path, dtd: Path, port: int) -> dict[str, tuple[str, str]]:
    """name -> (prolog, payload in the target)."""
    return {
        "external entity": (f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>', "&e;"),
        "network entity": (f'<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/e">]>', "&e;"),
        "external DTD": (f'<!DOCTYPE x SYSTEM "file://{dtd}">', "&fromdtd;"),
        "network DTD": (f'<!DOCTYPE x SYSTEM "http://127.0.0.1:{port}/x.dtd">', "Welt"),
        "parameter entity": (f'<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{dtd}"> %p;]>', "&fromdtd;"),
        "XInclude": ("", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" '
                         'parse="text"/>'),
        "billion laughs": ('<!DOCTYPE x [<!ENTITY a "' + "a" * 50 + '">' + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi")) + "]>", "&i;"),
    }


@pytest.mark.parametrize("suffix", sorted(FORMATS))
@pytest.mark.parametrize("trick", ["external entity", "network entity", "external DTD", "network DTD",
                                   "parameter entity", "XInclude", "billion laughs"])
def test_xml_entity_tricks_open_nothing_and_do_not_amplify(tmp_path, suffix, trick):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY fromdtd "{SECRET}">', encoding="utf-8")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(0.2)
        prolog, payload = _tricks(secret, dtd, server.getsockname()[1])[trick]
        template, fmt = FORMATS[suffix]
        path = tmp_path / "in" / f"f{suffix}"
        path.parent.mkdir()
        path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog + template.format(payload=payload),
                        encoding="utf-8")
        out = tmp_path / "out"
        res = _run(str(path.parent), "--out", str(out), "--format", f"csv,jsonl,html,junit,sarif,{fmt}")
        with pytest.raises(OSError):  # TimeoutError: nothing connected
            server.accept()
    assert res.exit_code in (0, 1, 2), res.output
    errors = [line for line in res.stderr.splitlines() if "error" in line]
    assert len(errors) <= 1, res.stderr
    if out.exists():
        data = _outputs(out)
        assert SECRET.encode() not in data
        assert len(data) < 2_000_000  # 10^8 letters would be 100 MB: no expansion


def test_control_characters_and_cdata_ends_keep_junit_and_sarif_well_formed(tmp_path):
    text = "Olaf ScholzSaid hello ]]> there\x01\x08\x0b\x1b. The the end ]]]]><![CDATA[x.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a]]>\x1b.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = _run(str(tmp_path / "in"), "--out", str(out), "--format", "csv,junit,sarif")
    assert res.exit_code == 0, res.output
    junit = etree.parse(str(out / "junit.xml"), etree.XMLParser(resolve_entities=False))  # strict: raises if not
    assert junit.getroot().iter("failure") is not None
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]


@pytest.mark.parametrize(("name", "data", "extra"), [
    ("x.xlf", XLIFF12.replace('original="a"', 'original="../../../escaped.txt"').replace(
        'id="1"', 'id="../../../escaped-unit"').format(payload="Welt"), ("--format", "csv,xliff")),
    ("x.tmx", TMX.replace('tuid="t1"', 'tuid="../../../escaped-tu"').format(payload="Welt"), ("--format", "csv,tmx")),
    ("x.csv", "id,text\n../../../escaped-row,Hello there. Fine.\n/tmp/escaped-abs,Hi again. Fine.\n",
     ("--id-column", "id")),
])
def test_ids_from_inputs_never_become_paths_outside_out(tmp_path, name, data, extra):
    inp = tmp_path / "a" / "b" / "in"
    inp.mkdir(parents=True)
    (inp / name).write_text(data, encoding="utf-8")
    out = tmp_path / "a" / "b" / "out"
    res = _run(str(inp), "--out", str(out), *extra)
    assert res.exit_code == 0, res.output
    written = {p for p in tmp_path.rglob("*") if p.is_file()} - {inp / name}
    assert written and all(out in p.parents for p in written), written
    assert not list(Path("/tmp").glob("escaped-*"))
