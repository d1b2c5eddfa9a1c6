"""The PO entry reader (readers/po_entries.py) against polib, the reader it replaced: the same entries, fields and
header on catalogues of every layout polib reads, and msgfmt's reading where polib refuses a line."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from translate_cmp.readers import read_documents
from translate_cmp.readers.po_entries import read_entries

HERE = Path(__file__).parent

# every layout the reader meets: header comments and a fuzzy header, extracted and translator comments (bare "#",
# "##", a tab after "#"), references, flags, previous strings (#|) and their continuations, a context, escapes polib
# reads and ones it leaves (\a, \x41), plural forms with continuations, obsolete entries (with comments, previous
# strings and plural forms) between and after live ones, blank lines of spaces, a comment between msgid and msgstr
LAYOUTS = r'''# Header comment
# of two lines
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: x\n"
"Language: de\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Long: first\n"
"  continued\n"

#. extracted
#.  two spaces
# translator
#
##double
#	tab
#: src/a.c:1 src/b.c:2
#, c-format, no-wrap
#| msgid "old"
#| "old continued"
msgctxt "menu"
msgid "Open %s\n"
"and \"quote\" \\ back"
msgstr "Öffnen %s\n"
"und \a \x41"

#:
#,
msgid "one file"
msgid_plural "%d files"
msgstr[0] "eine Datei"
msgstr[1] "%d "
"Dateien"

#~ msgid "gone"
#~ msgstr "weg"

<SPACES>
# comment between
msgid "Between"
# here
msgstr "Dazwischen"

#, fuzzy
#~| msgid "older"
#~ msgid "gone %d"
#~ msgid_plural "gone %ds"
#~ msgstr[0] "weg"
#~ msgstr[1] "weg %d"
msgid "last"
msgstr "letzte"
#~ msgid "obsolete at the end"
#~ msgstr "am Ende"
'''.replace("<SPACES>", "   ")


def _fields(entries) -> list[tuple]:
    return [(e.linenum, e.msgid, e.msgctxt or None, e.msgid_plural, e.msgstr, dict(e.msgstr_plural), list(e.flags),
             e.comment, e.tcomment, bool(e.obsolete)) for e in entries]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("ending", ["", "# a trailing comment\n", "\n\n"])
def test_the_same_entries_and_header_as_polib(tmp_path: Path, newline: str, ending: str) -> None:
    text = LAYOUTS + ending
    path = tmp_path / "de.po"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    ref, mine = polib.pofile(str(path), encoding="utf-8", wrapwidth=0), read_entries(text.replace("\n", newline))
    assert _fields(mine) == _fields(ref) and len(mine.entries) == 7
    assert mine.metadata == dict(ref.metadata) and mine.metadata["X-Long"] == "first\ncontinued"


def test_no_header_and_the_repository_s_catalogue(tmp_path: Path) -> None:
    bare = '# a file comment\nmsgid "a"\nmsgstr "b"\n'
    path = tmp_path / "x.po"
    path.write_text(bare, encoding="utf-8")
    assert _fields(read_entries(bare)) == _fields(polib.pofile(str(path))) and read_entries(bare).metadata == {}
    sample = HERE / "l10n_files" / "sample.po"
    ref = polib.pofile(str(sample), wrapwidth=0)
    mine = read_entries(sample.read_text(encoding="utf-8"))
    assert _fields(mine) == _fields(ref) and mine.metadata == dict(ref.metadata)


def test_lines_polib_refuses_are_read_as_msgfmt_reads_them(tmp_path: Path) -> None:
    # polib refuses "#foo", a string on the line after its keyword, and a string continued after a comment;
    # msgfmt compiles all three (the grammar check lets them through)
    text = ('msgid ""\nmsgstr "Language: de\\n"\n\n#foo\nmsgid\n"Save"\nmsgstr "Spei"\n# a note\n"chern"\n\n'
            '#,fuzzy\nmsgid "Open"\nmsgstr "Öffnen"\n')
    path = tmp_path / "de.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OSError):
        polib.pofile(str(path))
    units = {d.unit.unit_id: (d.text, d.unit.fuzzy, d.unit.line) for d in read_documents([path])}
    # an entry starts at its first comment, as polib counts: "#foo" for Save, "# a note" (after Save's msgstr) for Open
    assert units == {"Save": ("Speichern", False, 4), "Open": ("Öffnen", True, 8)}
