"""Glossary (Q650-Q652) and consistency (Q670/Q671) checks on Django's real catalogues: seeded errors caught,
flags on units nobody seeded, and the consistency checks' flag rate per language.

    cd /tmp && apt-get download python3-django && dpkg-deb -x python3-django_*_all.deb /tmp/django-deb
    python benchmarks/terminology_seeded.py /tmp/django-deb/usr/lib/python3/dist-packages/django

The catalogues (Debian bookworm's python3-django, Django 3.2; every ``*/locale/LANG/LC_MESSAGES/*.po``, one
project per language) are copied under a temporary folder, never into the project. Each language's catalogues
are read as one project, through the real readers, the project pass and the flag stage (no engine), as
``translate-cmp run --select Q65,Q67 --glossary ...`` would.

1. Flag rate of Q670/Q671 per language on the unmodified catalogues (goal: at most 1% of units).
2. German: a glossary of the kind a team keeps (GLOSSARY below: approved terms, forbidden variants, one
   do-not-translate name), checked on the unmodified catalogues (every flag printed for a reviewer), then
   errors seeded into a copy: a forbidden variant in place of an approved term (Q651), another word in place of
   an approved term (Q650), a do-not-translate name altered (Q652), one unit of a group of units with the same
   source and the same translation given another (Q670: words swapped, or the first letter's case changed), a
   unit with a source of its own given the translation of a group with another source (Q671). Printed:
   caught/seeded per check, and the flags on unseeded units that the unmodified catalogues did not have.

Lemmatiser: simplemma when importable (``pip install simplemma``), else the documented prefix fallback; the
script says which.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polib  # noqa: E402

from translate_cmp.engines.none import NoneEngine  # noqa: E402
from translate_cmp.pipeline import run_documents  # noqa: E402
from translate_cmp.readers import ReadOptions, read_documents  # noqa: E402
from translate_cmp.rules import select_rules  # noqa: E402
from translate_cmp.rules.consistency.project import project_findings  # noqa: E402
from translate_cmp.rules.settings import RuleSettings, configure  # noqa: E402
from translate_cmp.rules.terminology.glossary import load_glossary  # noqa: E402
from translate_cmp.rules.terminology.matching import lemmatiser  # noqa: E402

LANGS = ("de", "es", "fr", "it", "pt", "nl", "ru", "ja")
GOAL_PERCENT = 1.0
GLOSSARY = """source,target,lang,forbidden,dnt
password,Passwort,de,Kennwort,
user,Benutzer,de,Anwender|Nutzer,
group,Gruppe,de,,
file,Datei,de,,
email,E-Mail,de,Email|Mail,
redirect,Umleitung,de,Weiterleitung,
Django,,,,yes
"""
# (code, source term, approved target as written in the catalogue, what the seed writes instead)
TERM_SEEDS = (
    ("Q651", "password", "Passwort", "Kennwort"),
    ("Q651", "user", "Benutzer", "Anwender"),
    ("Q650", "group", "Gruppe", "Team"),
    ("Q650", "file", "Datei", "Dokument"),
    ("Q650", "email", "E-Mail", "Nachricht"),
    ("Q652", "Django", "Django", "django"),
)
PER_SEED = 5
CONSISTENCY_SEEDS = 10


def unit_key(document, project: Path) -> tuple:
    u = document.unit
    return (Path(u.file).relative_to(project).as_posix(), u.context, u.source, u.plural_index)


def catalogues(root: Path, lang: str) -> list[Path]:
    return sorted(root.rglob(f"locale/{lang}/LC_MESSAGES/*.po"))


def copy_project(root: Path, lang: str, into: Path) -> Path:
    dest = into / lang
    for po in catalogues(root, lang):
        target = dest / po.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(po, target)
    return dest


def check(project: Path, codes: tuple[str, ...], glossary=None) -> tuple[dict[tuple, set[str]], int, dict]:
    """unit key -> codes flagged, units checked, unit key -> messages."""
    files = [str(p) for p in sorted(project.rglob("*.po"))]
    read = ReadOptions()
    selected = select_rules(codes)
    settings = RuleSettings(glossary=glossary, project=project_findings(files, read, selected))
    rules = configure(selected, settings)
    flagged: dict[tuple, set[str]] = defaultdict(set)
    messages: dict[tuple, list[str]] = defaultdict(list)
    units = 0
    for result in run_documents(read_documents(files, read), NoneEngine(), rules):
        unit = result.document.unit
        if unit is None or not unit.source or unit.fuzzy or not result.document.text.strip():
            continue
        units += 1
        for s in result.sentences:
            for f in s.flags:
                flagged[unit_key(result.document, project)].add(f.code)
                messages[unit_key(result.document, project)].append(f"{f.code} {f.message}")
    return flagged, units, messages


def _entries(project: Path):
    for path in sorted(project.rglob("*.po")):
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.msgstr and not entry.msgid_plural and "fuzzy" not in entry.flags and not entry.obsolete:
                yield path, catalogue, entry


def seed(project: Path, rng: random.Random, terms: bool = True) -> dict[tuple, str]:
    """Seed errors into the catalogues under ``project`` (in place); unit key -> the code expected."""
    seeded: dict[tuple, str] = {}
    edits: dict[Path, polib.POFile] = {}
    entries = list(_entries(project))

    def key(path, entry):
        return (path.relative_to(project).as_posix(), entry.msgctxt or "", entry.msgid, None)

    def write(path, catalogue, entry, text, code):
        entry.msgstr = text
        edits[path] = catalogue
        seeded[key(path, entry)] = code

    by_source: dict[tuple, list] = defaultdict(list)
    by_target: dict[str, list] = defaultdict(list)
    by_folded: dict[str, list] = defaultdict(list)  # sources case aside, as Q671 compares them ("Email address")
    for p, c, e in entries:
        by_source[(e.msgctxt or "", e.msgid)].append((p, c, e))
        by_target[e.msgstr].append((p, c, e))
        by_folded[" ".join(e.msgid.casefold().split())].append((p, c, e))

    # glossary seeds: in units whose source uses the term as a word (not "username" for "user") and is the
    # project's only unit with that source, case aside (a twin would also report the seed as an inconsistency,
    # Q670; a twin in another case, "Email address" beside "email address", is one source to Q671, and a seed in
    # it would move Q671's tie-break on the twin's other group)
    for code, term, approved, replacement in TERM_SEEDS if terms else ():
        word = re.compile(rf"(?<!\w){re.escape(term)}s?(?!\w)", 0 if code == "Q652" else re.IGNORECASE)
        fits = [(p, c, e) for p, c, e in entries if key(p, e) not in seeded and word.search(e.msgid)
                and approved in e.msgstr and len(by_source[(e.msgctxt or "", e.msgid)]) == 1
                and len(by_folded[" ".join(e.msgid.casefold().split())]) == 1]
        for p, c, e in rng.sample(fits, min(PER_SEED, len(fits))):
            write(p, c, e, e.msgstr.replace(approved, replacement), code)
    # Q670: one unit (any, the first met included) of a group with one source and one translation of two words
    # or more gets the translation with its first two words swapped
    groups = [g for g in by_source.values() if len(g) >= 2 and len({e.msgstr for _, _, e in g}) == 1
              and " " in g[0][2].msgstr and not any(key(p, e) in seeded for p, _, e in g)]
    for group in rng.sample(groups, min(CONSISTENCY_SEEDS, len(groups))):
        p, c, e = rng.choice(group)
        words = e.msgstr.split(" ")
        write(p, c, e, " ".join([words[1], words[0], *words[2:]]), "Q670")

    # Q671: a unit whose source and translation are its own gets the translation of a group of units (same
    # context) that share one source of two words or more
    targets = [(t, g[0][2].msgctxt or "") for t, g in by_target.items() if len(g) >= 2
               and len({(e.msgid, e.msgctxt) for _, _, e in g}) == 1 and " " in g[0][2].msgid
               and not any(key(p, e) in seeded for p, _, e in g)]  # not a group a Q670 seed changed
    singles = [(p, c, e) for p, c, e in entries if key(p, e) not in seeded and len(by_source[(e.msgctxt or "",
               e.msgid)]) == 1 and len(by_target[e.msgstr]) == 1]
    for target, context in rng.sample(targets, min(CONSISTENCY_SEEDS, len(targets))):
        fits = [(p, c, e) for p, c, e in singles if (e.msgctxt or "") == context and key(p, e) not in seeded]
        p, c, e = rng.choice(fits)
        write(p, c, e, target, "Q671")
    for path, catalogue in edits.items():
        catalogue.save(str(path))
    return seeded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("django", type=Path, help="the django package folder of an extracted python3-django")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    root = args.django.resolve()
    if not catalogues(root, "de"):
        parser.error(f"{root}: no locale/de/LC_MESSAGES/*.po under it")
    print(f"Lemmatiser: {'simplemma' if lemmatiser('de') is not None else 'none (prefix fallback)'}\n")
    over = False
    with tempfile.TemporaryDirectory(prefix="tc-terms-") as tmp:
        tmp_path = Path(tmp)
        print("## Consistency (Q670, Q671) on the unmodified catalogues\n")
        print("| lang | catalogues | units | Q670 | Q671 | units flagged | % |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for lang in LANGS:
            project = copy_project(root, lang, tmp_path / "clean")
            flagged, units, _ = check(project, ("Q670", "Q671"))
            counts = Counter(code for codes in flagged.values() for code in codes)
            share = 100 * len(flagged) / units if units else 0.0
            over |= share > GOAL_PERCENT
            print(f"| {lang} | {len(catalogues(root, lang))} | {units} | {counts['Q670']} | {counts['Q671']} | "
                  f"{len(flagged)} | {share:.2f} |")

        glossary_file = tmp_path / "glossary.csv"
        glossary_file.write_text(GLOSSARY, encoding="utf-8")
        glossary = load_glossary(glossary_file)
        codes = ("Q650", "Q651", "Q652", "Q670", "Q671")
        clean = copy_project(root, "de", tmp_path / "de-clean")
        before, units, before_messages = check(clean, codes, glossary)
        print(f"\n## German: glossary and consistency, unmodified ({units} units)\n")
        for key, found in sorted(before.items()):
            print(f"- {sorted(found)} {key[2][:70]!r}: {'; '.join(before_messages[key])[:200]}")
        seeded_project = copy_project(root, "de", tmp_path / "de-seeded")
        seeded = seed(seeded_project, random.Random(args.seed))
        after, _, after_messages = check(seeded_project, codes, glossary)
        print("\n## German: seeded errors\n")
        print("| check | seeded | caught |")
        print("| --- | ---: | ---: |")
        by_code = Counter(seeded.values())
        caught = Counter(code for key, code in seeded.items() if code in after.get(key, set()))
        for code in codes:
            print(f"| {code} | {by_code[code]} | {caught[code]} |")
        total_seeded, total_caught = sum(by_code.values()), sum(caught.values())
        print(f"| all | {total_seeded} | {total_caught} |")
        false = {k: v for k, v in after.items() if k not in seeded and k not in before}
        print(f"\ncaught/seeded: {total_caught}/{total_seeded}; flags on unseeded units the unmodified catalogues did "
              f"not have: {len(false)}; units flagged on the unmodified catalogues: {len(before)}")
        for key, found in sorted(false.items()):
            print(f"- false flag {sorted(found)} {key[2][:70]!r}: {'; '.join(after_messages[key])[:200]}")
        missed = [(k, c) for k, c in seeded.items() if c not in after.get(k, set())]
        for key, code in missed:
            print(f"- missed {code} {key[2][:70]!r}")

        print("\n## Consistency: seeded errors in every language\n")
        print("| lang | Q670 caught/seeded | Q671 caught/seeded | false flags (unseeded units, new) |")
        print("| --- | ---: | ---: | ---: |")
        totals = Counter()
        notes = []
        for lang in LANGS:
            clean_flags, _, _ = check(tmp_path / "clean" / lang, ("Q670", "Q671"))
            project = copy_project(root, lang, tmp_path / "seeded-all")
            seeded_here = seed(project, random.Random(args.seed), terms=False)
            flags, _, messages = check(project, ("Q670", "Q671"))
            got = Counter(c for k, c in seeded_here.items() if c in flags.get(k, set()))
            planted = Counter(seeded_here.values())
            wrong = {k: v for k, v in flags.items() if k not in seeded_here and k not in clean_flags}
            totals.update({f"{c} seeded": planted[c] for c in planted} | {f"{c} caught": got[c] for c in got})
            totals["false"] += len(wrong)
            notes += [f"- {lang} false flag {sorted(v)} {k[2][:60]!r}: {messages[k][0][:160]}"
                      for k, v in wrong.items()]
            notes += [f"- {lang} missed {c} {k[2][:60]!r}" for k, c in seeded_here.items()
                      if c not in flags.get(k, set())]
            print(f"| {lang} | {got['Q670']}/{planted['Q670']} | {got['Q671']}/{planted['Q671']} | {len(wrong)} |")
        print(f"| all | {totals['Q670 caught']}/{totals['Q670 seeded']} | {totals['Q671 caught']}/"
              f"{totals['Q671 seeded']} | {totals['false']} |\n")
        print("\n".join(notes))
    return 1 if over or missed or false else 0


if __name__ == "__main__":
    sys.exit(main())
