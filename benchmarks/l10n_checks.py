"""translate-cmp's localisation checks beside pofilter's, on real catalogues nobody here wrote.

    # the catalogues: Debian's python3-django (its .po files) and coreutils (its .mo files, read back to PO by
    # GNU gettext's msgunfmt); everything is extracted under /tmp, never into the project
    cd /tmp/l10n && apt-get download python3-django coreutils
    # pofilter (translate-toolkit, GPL): a benchmark-only tool in its own venv, run as a command
    python3 -m venv /tmp/l10n/venv && /tmp/l10n/venv/bin/pip install translate-toolkit
    python benchmarks/l10n_checks.py --debs /tmp/l10n --pofilter /tmp/l10n/venv/bin/pofilter   # markdown to stdout

Per project and language: units (PO entries with a translation), units flagged by translate-cmp with every rule
on (``--engine none``), the goal being at most 1%. Per check family: units pofilter flags, units translate-cmp
flags, both, and a sample of the disagreements (source, target, who flagged) for a reviewer to judge. Speed: units
per second of each tool on the largest catalogue, in one run (the machine is shared: read the ratio); with
``--speed-only --by-language``, the Q6xx+C506 checks against pofilter on each language's largest one-file catalogue,
the languages in turn within each round, by the wall clock and by CPU time (translate-cmp's timed region, pofilter's
process net of its start-up's), which the load of a shared machine moves far less.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_cmp.engines.none import NoneEngine  # noqa: E402
from translate_cmp.pipeline import run_documents  # noqa: E402
from translate_cmp.readers import read_documents  # noqa: E402
from translate_cmp.readers.po import unit_id  # noqa: E402
from translate_cmp.rules import select_rules  # noqa: E402

LANGS = ("de", "es", "fr", "it", "pt_BR", "nl", "ru", "ja")
GOAL_PERCENT = 1.0
DJANGO = "usr/lib/python3/dist-packages/django"
# check family: (pofilter's checks, translate-cmp's rules)
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "unchanged": (("unchanged",), ("Q601",)),
    "blank": (("blank",), ("Q602",)),
    "accelerators": (("accelerators",), ("Q603",)),
    "escapes": (("escapes",), ("Q604",)),
    "newlines": (("newlines",), ("Q605",)),
    "tabs": (("tabs",), ("Q606",)),
    "start whitespace": (("startwhitespace",), ("Q607",)),
    "end whitespace": (("endwhitespace",), ("Q608",)),
    "double spacing": (("doublespacing",), ("Q609",)),
    "start punctuation": (("startpunc",), ("Q610",)),
    "end punctuation": (("endpunc",), ("Q611",)),
    "brackets": (("brackets",), ("Q612",)),
    "quotes": (("doublequoting", "singlequoting"), ("Q613",)),
    "numbers": (("numbers",), ("Q614",)),
    "urls": (("urls",), ("Q615",)),
    "emails": (("emails",), ("Q616",)),
    "file paths": (("filepaths",), ("Q617",)),
    "acronyms": (("acronyms",), ("Q618",)),
    "long": (("long",), ("Q619",)),
    "short": (("short",), ("Q620",)),
    "sentence count": (("sentencecount",), ("Q622",)),
    "functions": (("functions",), ("Q623",)),
    "options": (("options",), ("Q624",)),
    "tags / markup": (("xmltags",), ("Q625", "C506")),  # C506 compares tags as placeholders
    "valid characters": (("validchars",), ("Q626",)),
    "doubled words": (("doublewords",), ("Q627", "S109")),
    "placeholders": (("printf", "pythonbraceformat", "variables"), ("C506",)),
}
_POFILTER_NOTE = re.compile(r"\(pofilter\) (\w+):")


def catalogues(debs: Path, work: Path) -> dict[tuple[str, str], list[Path]]:
    """(project, lang) -> PO files, extracted from the two Debian packages in ``debs`` into ``work``."""
    out: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for name in ("python3-django", "coreutils"):
        deb = next(iter(sorted(debs.glob(f"{name}_*.deb"))), None)
        if deb is None:
            raise SystemExit(f"{debs}: no {name}_*.deb; cd {debs} && apt-get download python3-django coreutils")
        subprocess.run(["dpkg-deb", "-x", str(deb), str(work / name)], check=True)
    root = work / "python3-django" / DJANGO
    for lang in LANGS:
        for po in sorted(root.glob(f"**/locale/{lang}/LC_MESSAGES/*.po")):
            target = work / "po" / "django" / lang / po.relative_to(root).as_posix().replace("/", "__")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(po, target)
            out["django", lang].append(target)
        mo = work / "coreutils" / f"usr/share/locale/{lang}/LC_MESSAGES/coreutils.mo"
        if mo.is_file():
            target = work / "po" / "coreutils" / lang / "coreutils.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["msgunfmt", str(mo), "-o", str(target)], check=True)
            out["coreutils", lang].append(target)
    return out


def polib_entries(path: Path) -> list:
    """The entries of a PO file with a translation (a unit each, plural forms together)."""
    import polib

    return [e for e in polib.pofile(str(path), wrapwidth=0) if e.translated() and not e.obsolete]


def _key(file: str, msgctxt: str | None, msgid: str) -> tuple[str, str]:
    return (str(Path(file).resolve()), unit_id(msgid, msgctxt))


def timed(paths: list[Path], rules) -> float:
    """Seconds translate-cmp takes to read, analyse and flag ``paths`` (every flag made), nothing else."""
    start = time.perf_counter()
    for result in run_documents(read_documents(paths), NoneEngine(), rules, surprisal=False):
        for s in result.sentences:
            s.flags  # noqa: B018 - the flags are made by the pipeline; nothing to keep
    return time.perf_counter() - start


def ours(paths: list[Path], rules) -> tuple[dict, dict, float]:
    """entry key -> codes flagged, entry key -> (source, target), seconds (with this bookkeeping)."""
    flags: dict[tuple[str, str], set[str]] = defaultdict(set)
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    resolved: dict[str, str] = {}
    start = time.perf_counter()
    for result in run_documents(read_documents(paths), NoneEngine(), rules, surprisal=False):
        unit = result.document.unit
        ident = re.sub(r"\[\d+\]$", "", unit.unit_id) if unit.plural_index is not None else unit.unit_id
        if unit.file not in resolved:
            resolved[unit.file] = str(Path(unit.file).resolve())
        key = (resolved[unit.file], ident)
        texts.setdefault(key, (unit.source, result.document.text))
        flags[key] |= {f.code for s in result.sentences for f in s.flags}
    return flags, texts, time.perf_counter() - start


def pofilter(tool: str, paths: list[Path], lang: str, work: Path) -> tuple[dict, float]:
    """entry key -> pofilter checks that failed, seconds (wall time of the commands)."""
    import polib

    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    seconds = 0.0
    for n, path in enumerate(paths):
        result = work / f"pofilter-{lang}-{n}.po"
        start = time.perf_counter()
        subprocess.run([tool, "--progress=none", f"--language={lang}", "-i", str(path), "-o", str(result)],
                       check=True, capture_output=True)
        seconds += time.perf_counter() - start
        if not result.exists():
            continue
        for entry in polib.pofile(str(result), wrapwidth=0):
            checks = set(_POFILTER_NOTE.findall(entry.tcomment or "")) | set(
                _POFILTER_NOTE.findall(entry.comment or ""))
            out[_key(str(path), entry.msgctxt, entry.msgid)] |= checks
    return out, seconds


def family_table(rows: list[tuple[str, dict, dict, dict]], sample: int, seed: int) -> list[str]:
    """Per family: units flagged by pofilter, by translate-cmp, by both; then a sample of disagreements."""
    lines = ["| family | pofilter checks | translate-cmp rules | pofilter | translate-cmp | both | agreement* |",
             "|---|---|---|---:|---:|---:|---:|"]
    disagreements: dict[str, list] = defaultdict(list)
    for family, (pf_checks, our_codes) in FAMILIES.items():
        n_pf = n_us = n_both = 0
        for label, theirs, mine, texts in rows:
            for key in texts:
                pf = bool(theirs.get(key, set()) & set(pf_checks))
                us = bool(mine.get(key, set()) & set(our_codes))
                n_pf += pf
                n_us += us
                n_both += pf and us
                if pf != us:
                    disagreements[family].append((label, key, texts[key], "pofilter" if pf else "translate-cmp"))
        either = n_pf + n_us - n_both
        agree = f"{100 * n_both / either:.0f}%" if either else "-"
        lines.append(f"| {family} | {' '.join(pf_checks)} | {' '.join(our_codes)} | {n_pf} | {n_us} | {n_both} | "
                     f"{agree} |")
    lines.append("\n*units both flag / units either flags.\n")
    rng = random.Random(seed)
    lines += ["| family | catalogue | flagged by | source | target |", "|---|---|---|---|---|"]
    cell = lambda s: s.replace("|", "\\|").replace("\n", "\\n")[:90]  # noqa: E731
    for family, items in disagreements.items():
        for label, _key, (source, target), who in rng.sample(items, min(sample, len(items))):
            lines.append(f"| {family} | {label} | {who} | {cell(source)} | {cell(target)} |")
    return lines


# Units on which pofilter's documented behaviour is unambiguous (our own, one per family; each fails the family's
# check in pofilter, except the last three, which pass): (family, source, target, target language).
PROBES: tuple[tuple[str, str, str, str], ...] = (
    ("blank", "Save changes", " ", "de"),
    ("tabs", "Name\tSize", "Name Größe", "de"),
    ("start whitespace", " (default)", "(Standard)", "de"),
    ("end whitespace", "Name: ", "Name:", "de"),
    ("end punctuation", "File name:", "Dateiname", "de"),
    ("brackets", "Select (optional)", "Auswählen (optional", "de"),
    ("quotes", 'Cannot open "%s"', "Kann %s nicht öffnen", "de"),
    ("numbers", "Wait 5 seconds", "Warten Sie 6 Sekunden", "de"),
    ("urls", "See https://www.gnu.org/software/", "Siehe https://www.gnu.de/programme/", "de"),
    ("emails", "Write to bug-report@example.org", "Schreiben Sie an fehler@example.org", "de"),
    ("file paths", "Edit /etc/hosts first", "Bearbeiten Sie zuerst /etc/rechner", "de"),
    ("functions", "Call save() first", "Rufen Sie zuerst speichern() auf", "de"),
    ("options", "Try --help for more", "Versuchen Sie --hilfe", "de"),
    ("placeholders", "%d files in %s", "%s Dateien in %d", "de"),
    ("placeholders", "Hello {name}", "Hallo {nom}", "de"),
    ("tags / markup", "<b>Note</b> this", "Beachten Sie dies", "de"),
    ("unchanged", "The file could not be saved", "The file could not be saved", "de"),
    ("long", "Save", "Speichern Sie die Datei jetzt auf der Festplatte, damit nichts verloren geht, und schließen "
     "Sie danach das Fenster", "de"),
    ("short", "The file could not be saved because the disk is full.", "Voll.", "de"),
    ("sentence count", "Saved. Closed. Done.", "Gespeichert, geschlossen, fertig", "de"),
    ("doubled words", "Delete the file", "Skrap die die lêer", "af"),
    ("(passes)", "File name:", "Dateiname:", "de"),
    ("(passes)", "%s files in %d", "%s Dateien in %d", "de"),
    ("(passes)", "Cancel", "Abbrechen", "de"),
)


def probe_table(tool: str, work: Path) -> list[str]:
    """Each probe through both tools: does each flag it under the family's checks (any check, for a passing
    probe)?"""
    import polib

    lines = ["| family | source | target | pofilter | translate-cmp | agree |", "|---|---|---|---|---|---|"]
    rules = select_rules()
    agree = 0
    for n, (family, source, target, lang) in enumerate(PROBES):
        path = work / f"probe-{n}.po"
        entry = polib.POEntry(msgid=source, msgstr=target)
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
        po.append(entry)
        po.save(str(path))
        theirs, _ = pofilter(tool, [path], lang, work)
        mine, _texts, _ = ours([path], rules)
        pf_checks, our_codes = FAMILIES.get(family, ((), ()))
        got_pf = {c for v in theirs.values() for c in v}
        got_us = {c for v in mine.values() for c in v}
        pf = bool(got_pf & set(pf_checks)) if pf_checks else bool(got_pf)
        us = bool(got_us & set(our_codes)) if our_codes else bool(got_us)
        agree += pf == us
        cell = lambda s: s.replace("|", "\\|").replace("\t", "\\t")  # noqa: E731
        lines.append(f"| {family} | {cell(source)} | {cell(target)} | {'flags' if pf else '-'} "
                     f"{' '.join(sorted(got_pf))} | {'flags' if us else '-'} {' '.join(sorted(got_us))} | "
                     f"{'yes' if pf == us else 'NO'} |")
    lines.append(f"\nagreement on the probes: {agree}/{len(PROBES)}")
    return lines


_TIME_ONE = """
import sys
sys.path.insert(0, {bench!r})
from pathlib import Path
from l10n_checks import timed
from translate_cmp.rules import select_rules
rules = select_rules({select!r})
timed([Path(p) for p in {warm!r}], rules)
if {lists!r}:  # the word lists the checks may read, loaded whether or not the warm-up's units asked for them
    from translate_cmp.lang.tokens import begins_common_word
    from translate_cmp.lang.wordlists import zipf
    zipf("the", {lists!r}), zipf("the", "en"), begins_common_word("the", "en")
import time
cpu = time.process_time()
wall = timed([Path({path!r})], rules)
print(time.process_time() - cpu, wall)
"""


def timed_fresh(path: Path, warm: list[Path], select: list[str] | None) -> float:
    """:func:`timed` on ``path`` in a new process, after a warm-up on ``warm`` (other catalogues of the same
    language: the word lists loaded, the regular expressions compiled), so that no cache keyed by a text of
    ``path`` is warm: what a run on a new catalogue costs, imports and word lists aside."""
    return timed_fresh_seconds(path, warm, select)[0]


def timed_fresh_seconds(path: Path, warm: list[Path], select: list[str] | None, lists: str = ""
                        ) -> tuple[float, float]:
    """:func:`timed_fresh` as (wall seconds, CPU seconds) of the timed region: the CPU time is what the load of a
    shared machine moves far less than the wall clock. ``lists``: a language whose wordfreq list (and English's)
    the warm-up loads too, whether or not its units ask for it (``--load-word-lists``)."""
    code = _TIME_ONE.format(bench=str(Path(__file__).resolve().parent), select=select, warm=[str(w) for w in warm],
                            path=str(path), lists=lists)
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    cpu, wall = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def _command_seconds(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of a command run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def speed_table(tool: str, path: Path, lang: str, units: int, repeat: int, warm: list[Path]) -> list[str]:
    """Units per second on one catalogue, the tools side by side, ``repeat`` rounds (best of each): translate-cmp
    (read, analyse, flag; no output files) with the Q6xx+C506 checks and with every rule, each round in a new
    process after a warm-up on ``warm`` (another project's catalogues in the language: word lists loaded, nothing
    of this catalogue cached); pofilter as its command, and net of its start-up (the same command on a
    header-only catalogue), writing only the failing units as it does."""
    empty = path.parent / "empty.po"
    empty.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    best: dict[str, float] = {}
    for _ in range(repeat):
        for name, select in (("translate-cmp Q6xx+C506", ["Q", "C506"]), ("translate-cmp every rule", None)):
            best[name] = min(best.get(name, 1e9), timed_fresh(path, warm, select))
        for name, target in (("pofilter", path), ("pofilter start-up", empty)):
            start = time.perf_counter()
            subprocess.run([tool, "--progress=none", f"--language={lang}", "-i", str(target), "-o",
                            str(path.parent / "speed-out.po")], check=True, capture_output=True)
            best[name] = min(best.get(name, 1e9), time.perf_counter() - start)
    best["pofilter net of start-up"] = max(best["pofilter"] - best["pofilter start-up"], 1e-6)
    base = best["pofilter net of start-up"]
    lines = [f"Speed on the largest catalogue ({path.name}, {lang}, {units} units; best of {repeat}, one run, "
             "shared machine: read the ratios)\n", "| tool | seconds | units/s | per unit vs pofilter (net) |",
             "|---|---:|---:|---:|"]
    for name in ("translate-cmp Q6xx+C506", "translate-cmp every rule", "pofilter", "pofilter net of start-up"):
        lines.append(f"| {name} | {best[name]:.2f} | {units / best[name]:.0f} | {base / best[name]:.2f}x |")
    return lines


def largest_per_language(files: dict[tuple[str, str], list[Path]], langs: list[str]
                         ) -> dict[str, tuple[tuple[str, str], int]]:
    """lang -> ((project, lang), units) of the language's largest one-file catalogue (a one-file catalogue is what
    both tools read the same way), for each of ``langs`` that has one."""
    picked = {}
    for lang in langs:
        keys = [k for k in files if k[1] == lang and len(files[k]) == 1]
        if keys:
            key = max(keys, key=lambda k: (len(polib_entries(files[k][0])), k))
            picked[lang] = (key, len(polib_entries(files[key][0])))
    return picked


def speed_by_language(tool: str, files: dict[tuple[str, str], list[Path]], langs: list[str], repeat: int,
                      word_lists: bool = False) -> list[str]:
    """:func:`speed_table`'s comparison (the Q6xx+C506 checks against pofilter net of its start-up) on the largest
    one-file catalogue of each language, the languages taken in turn within each of ``repeat`` rounds (best of
    each), so that every ratio is measured side by side in the same minutes of a shared machine: by the wall clock,
    and by CPU time (translate-cmp's timed region; pofilter's process, net of its start-up's), which the load of a
    shared machine moves far less."""
    picked = largest_per_language(files, langs)
    best: dict[tuple[str, str], float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, 1e9), seconds)

    for _ in range(repeat):
        for lang, (key, _units) in picked.items():
            path = files[key][0]
            empty = path.parent / "empty.po"
            empty.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
            wall, cpu = timed_fresh_seconds(path, warm_up(files, key), ["Q", "C506"],
                                            lang.split("_")[0] if word_lists else "")
            keep((lang, "ours"), wall)
            keep((lang, "ours cpu"), cpu)
            for name, target in (("pofilter", path), ("start-up", empty)):
                wall, cpu = _command_seconds([tool, "--progress=none", f"--language={lang}", "-i", str(target), "-o",
                                              str(path.parent / "speed-out.po")])
                keep((lang, name), wall)
                keep((lang, name + " cpu"), cpu)
    lines = [f"Speed per language (each language's largest one-file catalogue; best of {repeat} rounds, the "
             "languages in turn within each round, one run, shared machine: read the ratios, the CPU time's "
             "first)\n",
             "| project | lang | units | translate-cmp Q6xx+C506 (s) | pofilter (s) | pofilter net (s) | "
             "per unit vs pofilter (net) | translate-cmp CPU (s) | pofilter net CPU (s) | per unit vs pofilter, "
             "CPU |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, (key, units) in picked.items():
        net = max(best[lang, "pofilter"] - best[lang, "start-up"], 1e-6)
        net_cpu = max(best[lang, "pofilter cpu"] - best[lang, "start-up cpu"], 1e-6)
        lines.append(f"| {key[0]} | {lang} | {units} | {best[lang, 'ours']:.2f} | {best[lang, 'pofilter']:.2f} | "
                     f"{net:.2f} | {net / best[lang, 'ours']:.2f}x | {best[lang, 'ours cpu']:.2f} | {net_cpu:.2f} | "
                     f"{net_cpu / best[lang, 'ours cpu']:.2f}x |")
    return lines


def warm_up(files: dict[tuple[str, str], list[Path]], timed_key: tuple[str, str]) -> list[Path]:
    """The other project's catalogues in the timed catalogue's language."""
    return [p for key, paths in sorted(files.items()) if key[1] == timed_key[1] and key != timed_key for p in paths]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debs", type=Path, default=Path("/tmp/l10n"), help="folder with the two .deb files")
    parser.add_argument("--pofilter", default="pofilter", help="the pofilter command (translate-toolkit)")
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--sample", type=int, default=3, help="disagreements shown per family")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--no-pofilter", action="store_true", help="translate-cmp's figures only")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the speed comparison")
    parser.add_argument("--probes-only", action="store_true", help="only the probes: pofilter's unambiguous cases")
    parser.add_argument("--speed-only", action="store_true", help="only the speed comparison (the largest catalogue)")
    parser.add_argument("--load-word-lists", action="store_true",
                        help="with --by-language: the warm-up also loads wordfreq's lists of the language and of "
                             "English, which the checks may read (a cost once a process, not a catalogue's)")
    parser.add_argument("--by-language", action="store_true",
                        help="with --speed-only: the Q6xx+C506 checks against pofilter on each language's catalogue")
    args = parser.parse_args(argv)
    tool = shutil.which(args.pofilter) or args.pofilter
    if not args.no_pofilter and not Path(tool).is_file():
        print(f"{args.pofilter}: not found; python3 -m venv /tmp/l10n/venv && /tmp/l10n/venv/bin/pip install "
              "translate-toolkit", file=sys.stderr)
        return 4
    rules = select_rules()
    if args.probes_only:
        with tempfile.TemporaryDirectory(prefix="l10n-probes-") as tmp:
            lines = probe_table(tool, Path(tmp))
        print("\n".join(lines))
        return 0 if lines[-1].split()[-1].split("/")[0] == str(len(PROBES)) else 1
    with tempfile.TemporaryDirectory(prefix="l10n-checks-") as tmp:
        work = Path(tmp)
        files = catalogues(args.debs, work)
        if args.speed_only and args.by_language:
            print("\n".join(speed_by_language(tool, files, args.langs.split(","), args.repeat, args.load_word_lists)))
            return 0
        if args.speed_only:
            largest = max((p for p in files if len(files[p]) == 1 and p[1] in args.langs.split(",")),
                          key=lambda p: (len(polib_entries(files[p][0])), p))  # as the full run picks: fr
            print("\n".join(speed_table(tool, files[largest][0], largest[1], len(polib_entries(files[largest][0])),
                                         args.repeat, warm_up(files, largest))))
            return 0
        wanted = args.langs.split(",")
        rows, table, speed = [], [], []
        worst = 0.0
        for (project, lang), paths in sorted(files.items()):
            if lang not in wanted:
                continue
            mine, texts, t_us = ours(paths, rules)
            theirs, t_pf = ({}, 0.0) if args.no_pofilter else pofilter(tool, paths, lang, work)
            flagged = sum(bool(mine.get(k)) for k in texts)
            qa_flagged = sum(any(c[0] == "Q" or c == "C506" for c in mine.get(k, ())) for k in texts)
            pf_flagged = sum(bool(theirs.get(k)) for k in texts)
            pct = 100 * flagged / len(texts) if texts else 0.0
            worst = max(worst, pct)
            codes = Counter(c for k in texts for c in mine.get(k, ()))
            table.append(f"| {project} | {lang} | {len(texts)} | {flagged} | {pct:.2f} | "
                         f"{100 * qa_flagged / max(len(texts), 1):.2f} | {pf_flagged} | "
                         f"{100 * pf_flagged / max(len(texts), 1):.1f} | "
                         f"{' '.join(f'{c}:{n}' for c, n in sorted(codes.items()))} |")
            rows.append((f"{project}/{lang}", theirs, mine, texts))
            if len(paths) == 1:  # one file: the speed figure compares the tools on the same catalogue
                speed.append((len(texts), project, lang, t_us, t_pf))
        speed_lines, probe_lines = [], []
        if not args.no_pofilter:
            probe_lines = probe_table(tool, work)
        if not args.no_pofilter and speed:
            units, project, lang, _t_us, _t_pf = max(speed)
            speed_lines = speed_table(tool, files[project, lang][0], lang, units, args.repeat,
                                      warm_up(files, (project, lang)))
    print(f"Catalogues: Debian python3-django and coreutils (.deb in {args.debs}); translate-cmp with every rule, "
          "--engine none; pofilter with its default checks.\n")
    print("| project | lang | units | translate-cmp flagged | % | % by Q6xx+C506 | pofilter flagged | % | "
          "translate-cmp flags by rule (units) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    print("\n".join(table))
    if not args.no_pofilter:
        print()
        print("\n".join(family_table(rows, args.sample, args.seed)))
        print()
        print("\n".join(probe_lines))
        print()
        print("\n".join(speed_lines))
    print(f"\nworst language: {worst:.2f}% of units flagged (goal: at most {GOAL_PERCENT}%)")
    return 0 if worst <= GOAL_PERCENT else 1


if __name__ == "__main__":
    sys.exit(main())
