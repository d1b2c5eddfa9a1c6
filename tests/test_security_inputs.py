"""Symbolic links inside input folders are not followed, and a file that fails to parse is never copied
(issue 23, case 2).

An input folder can come from a pull request: ``leak.txt -> /etc/passwd`` or a folder linked to ``$HOME``
must not bring those files into report.html, sentences.csv or annotated copies. A link inside a folder is
skipped with one notice line unless ``--follow-links`` is given; a file named on the command line is read
even when it is a link (whoever typed it chose it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli

FILES = Path(__file__).parent / "l10n_files"
GOOD = "The cat sat on the mat. It was a sunny day.\n"
SECRET = "Secretword harbour password zebrafish. The vault opens at noon.\n"


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _run(*args: str):
    return _invoke("run", *args, "--engine", "none", "--no-cache")


def _all_output_bytes(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())


def _notices(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "symbolic link, skipped" in line]


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder with a good file, a link to a private file and a link to a private folder."""
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_text(SECRET, encoding="utf-8")
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text(GOOD, encoding="utf-8")
    (inp / "leak.txt").symlink_to(private / "secret.txt")
    (inp / "home").symlink_to(private, target_is_directory=True)
    return inp, private


def test_links_inside_an_input_folder_are_skipped_with_one_notice_each(tmp_path, planted):
    inp, _ = planted
    out = tmp_path / "out"
    res = _run(str(inp), "--out", str(out), "--format", "csv,jsonl,html,junit,sarif,findings")
    assert res.exit_code == 0, res.output
    assert _notices(res.stderr) == [
        f"translate-cmp: {inp / 'home'}: symbolic link, skipped (pass --follow-links to read it)",
        f"translate-cmp: {inp / 'leak.txt'}: symbolic link, skipped (pass --follow-links to read it)",
    ]
    data = _all_output_bytes(out)
    assert b"Secretword" not in data and b"leak.txt" not in data and b"secret.txt" not in data
    assert b"The cat sat" in data


def test_follow_links_reads_them(tmp_path, planted):
    inp, _ = planted
    out = tmp_path / "out"
    res = _run(str(inp), "--out", str(out), "--follow-links")
    assert res.exit_code == 0, res.output
    assert not _notices(res.stderr)
    text = (out / "sentences.csv").read_text(encoding="utf-8")
    assert text.count("Secretword") == 2  # leak.txt and home/secret.txt


def test_a_folder_link_back_to_its_parent_ends_with_follow_links(tmp_path):
    inp = tmp_path / "in"
    (inp / "sub").mkdir(parents=True)
    (inp / "a.txt").write_text(GOOD, encoding="utf-8")
    (inp / "sub" / "loop").symlink_to(inp, target_is_directory=True)
    res = _run(str(inp), "--out", str(tmp_path / "out"), "--follow-links")
    assert res.exit_code == 0, res.output
    assert "1 document," in res.stderr


def test_a_folder_of_links_only_says_so(tmp_path, planted):
    _, private = planted
    only = tmp_path / "only"
    only.mkdir()
    (only / "leak.txt").symlink_to(private / "secret.txt")
    res = _run(str(only), "--out", str(tmp_path / "out"))
    assert res.exit_code == 2
    assert res.stderr.strip().endswith("folder holds no readable files (.csv .jsonl .md .ndjson .po .pot .text .tmx "
                                       ".tsv .txt .xlf .xliff); 1 symbolic links skipped, pass --follow-links to "
                                       "read them")


def test_a_link_named_on_the_command_line_is_read(tmp_path, planted):
    inp, _ = planted
    res = _run(str(inp / "leak.txt"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert "Secretword" in (tmp_path / "out" / "sentences.csv").read_text(encoding="utf-8")


def test_detect_skips_links_unless_asked(planted):
    inp, _ = planted
    res = _invoke("detect", str(inp))
    assert res.exit_code == 0, res.output
    assert [line.split("\t")[0] for line in res.stdout.splitlines()] == ["a"]
    assert len(_notices(res.stderr)) == 2
    res = _invoke("detect", str(inp), "--follow-links")
    assert [line.split("\t")[0] for line in res.stdout.splitlines()] == ["a", "home/secret", "leak"]


def test_compare_skips_links_in_the_source_and_refuses_them_in_the_translation(tmp_path, planted):
    inp, private = planted
    tr = tmp_path / "tr"
    tr.mkdir()
    (tr / "a.txt").write_text(GOOD, encoding="utf-8")
    res = _invoke("compare", str(inp), str(tr), "--engine", "none", "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert len(_notices(res.stderr)) == 2
    assert b"Secretword" not in _all_output_bytes(tmp_path / "out")
    (tr / "a.txt").unlink()
    (tr / "a.txt").symlink_to(private / "secret.txt")
    (tr / "notes.txt").write_text(GOOD, encoding="utf-8")
    res = _invoke("compare", str(inp), str(tr), "--engine", "none", "--out", str(tmp_path / "out2"))
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines()[-1] == (f"translate-cmp: error: {tr / 'a.txt'}: symbolic link inside "
                                                   "TRANSLATION; pass --follow-links to read it")


BAD_PO = 'msgid "Hello"\nmsgstr "Hallo"\ngarbage here\n'
BAD_XLIFF = '<?xml version="1.0"?>\n<xliff version="1.2"><file><body><trans-unit id="1">\n'
BAD_TMX = "<tmx><body><tu>\n"


@pytest.mark.parametrize("follow", [False, True], ids=["skipped", "followed"])
def test_files_that_fail_to_parse_are_never_copied_into_annotated(tmp_path, follow):
    private = tmp_path / "private"
    private.mkdir()
    (private / "id_rsa").write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\n\x00\x01\x02binary\xff\xfe\n")
    inp = tmp_path / "in"
    inp.mkdir()
    for name in ("sample.po", "sample12.xlf", "sample.tmx"):
        shutil.copy(FILES / name, inp / name)
    (inp / "bad.po").write_text(BAD_PO, encoding="utf-8")
    (inp / "bad.xlf").write_text(BAD_XLIFF, encoding="utf-8")
    (inp / "bad.tmx").write_text(BAD_TMX, encoding="utf-8")
    for suffix in ("po", "xlf", "tmx"):  # binary targets behind localisation names
        (inp / f"key.{suffix}").symlink_to(private / "id_rsa")
    out = tmp_path / "out"
    res = _run(str(inp), "--out", str(out), "--format", "csv,po,xliff,tmx", *(["--follow-links"] if follow else []))
    assert res.exit_code == 3, res.output
    copied = sorted(p.name for p in (out / "annotated").iterdir())
    assert copied == ["sample.po", "sample.tmx", "sample12.xlf"]
    for name in copied:
        assert (out / "annotated" / name).read_bytes() == (FILES / name).read_bytes()
    assert b"OPENSSH" not in _all_output_bytes(out)
    errors = [line for line in res.stderr.splitlines() if line.startswith("translate-cmp: error: ")]
    assert len(errors) == (6 if follow else 3), res.stderr
    assert len(_notices(res.stderr)) == (0 if follow else 3)
