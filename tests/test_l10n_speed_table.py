"""benchmarks/l10n_checks.py's speed table times translate-cmp cold: a new process per round, warmed on other
catalogues of the language, so that no cache keyed by a text of the timed catalogue is warm."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from l10n_checks import largest_per_language, timed_fresh, warm_up  # noqa: E402

_PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
       'msgid "{source}"\nmsgstr "{target}"\n')


def test_the_warm_up_is_the_other_projects_catalogues_of_the_language(tmp_path):
    files = {("coreutils", "de"): [tmp_path / "cu-de.po"], ("django", "de"): [tmp_path / "a.po", tmp_path / "b.po"],
             ("django", "fr"): [tmp_path / "fr.po"]}
    assert warm_up(files, ("coreutils", "de")) == [tmp_path / "a.po", tmp_path / "b.po"]
    assert warm_up(files, ("django", "de")) == [tmp_path / "cu-de.po"]
    assert warm_up(files, ("coreutils", "fr")) == [tmp_path / "fr.po"]


def test_a_round_runs_in_a_process_of_its_own(tmp_path):
    timed = tmp_path / "timed.po"
    timed.write_text(_PO.format(source="Save the file", target="Datei speichern"), encoding="utf-8")
    warm = tmp_path / "warm.po"
    warm.write_text(_PO.format(source="Open the folder", target="Ordner öffnen"), encoding="utf-8")
    from translate_cmp.rules.qa.helpers import blanked

    before = blanked.cache_info()
    seconds = timed_fresh(timed, [warm], ["Q", "C506"])
    assert seconds > 0
    assert blanked.cache_info() == before  # the checks ran elsewhere: this process's text caches are untouched


def test_each_language_is_timed_on_its_largest_one_file_catalogue(tmp_path):
    def po(name: str, units: int) -> Path:
        path = tmp_path / name
        path.write_text(_PO.split("\n\n")[0] + "\n\n" + "".join(
            f'msgid "Item {n}"\nmsgstr "Eintrag {n}"\n\n' for n in range(units)), encoding="utf-8")
        return path

    files = {("coreutils", "de"): [po("cu-de.po", 3)], ("django", "de"): [po("dj-de.po", 5)],
             ("django", "fr"): [po("a.po", 9), po("b.po", 9)], ("coreutils", "fr"): [po("cu-fr.po", 2)]}
    picked = largest_per_language(files, ["de", "fr", "ja"])
    assert picked == {"de": (("django", "de"), 5), "fr": (("coreutils", "fr"), 2)}  # two files are no one catalogue
