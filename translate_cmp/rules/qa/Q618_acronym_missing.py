"""Q618 acronym-missing: an acronym of the source ('URL', 'CSV', 'UTF8') absent from the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import acronyms, once
from translate_cmp.rules.qa.unit_rule import UnitRule

MIN_LETTERS = 4  # shorter ones ("ID", "URL", "TAB", "NUL") are often translated or written out
METAVARIABLE_ZIPF = 4.0  # an English word at least this frequent (wordfreq's Zipf scale), in capitals
# a long English word in capitals: emphasis ("NO WARRANTY", "CAUTION:") or a metavariable ("DIRECTORY"); an
# acronym is short (HTTP, POSIX) or no word at all (EBCDIC)
WORD_LETTERS, WORD_ZIPF = 6, 3.0
_CAPS = re.compile(r"(?<![A-Za-z])[A-ZÄÖÜÀ-ÖØ-ÞА-ЯЁ]{3,}")
_VALUE = re.compile(r"(?<==)([A-Z][A-Z0-9_]+)")  # an option's value: "--batch-size=NMERGE", "[=WHEN]"


class AcronymMissing(UnitRule):
    code = "Q618"
    name = "acronym-missing"
    severity = Severity.WARNING
    summary = "An acronym of the source (four or more capitals: 'HTTP', 'JSON', 'RFC4648') is absent from the " \
              "translation, with no localised form of it either."
    why = "An acronym names a format, protocol or product the user searches for: dropped, the text says less " \
          "than the source; changed by a typo, it names something else."
    instead = ("Keep the acronym, or write the language's own form of it: the same letters in another order "
               "('NATO' -> 'OTAN'), a plural ('URLs') and spacing ('RFC 4648') count. Metavariables are not "
               "acronyms: a common English word in capitals (FILE, SIZE) is not read, nor a long one (DIRECTORY; "
               "emphasis: NO WARRANTY, CAUTION), nor a unit whose translation "
               "has capitals of its own (FILE -> DATEI: it translates its metavariables), nor a name the source "
               "gives as an option's value ('--batch-size=NMERGE').")
    examples = (
        Example("Export as JSON", translation="Als Tabelle exportieren", lang="de"),
        Example("Requires POSIX", translation="Nécessite la norme", lang="fr"),
        Example("cannot combine any two of EBCDIC and ASCII", translation="impossible de combiner", lang="fr"),
    )
    counter_examples = (
        Example("Export as CSV", translation="Als CSV exportieren", lang="de"),
        Example("Enter a valid URL.", translation="Introduzca una dirección válida.", lang="es"),
        Example("The NATO summit", translation="Le sommet de l'OTAN", lang="fr"),
        Example("Enter a valid ID.", translation="Geben Sie eine gültige Kennung ein.", lang="de"),
        Example("Copy SOURCE to DEST", translation="QUELLE nach ZIEL kopieren", lang="de"),
        Example("There is NO WARRANTY, to the extent permitted by law.", translation="Es gibt keinerlei Garantie.",
                lang="de"),
        Example("  --batch=NMERGE   merge at most NMERGE inputs", translation="  --batch=N   höchstens N Eingaben",
                lang="de"),
        Example("Create the DIRECTORY(ies), if they do not already exist.",
                translation="ディレクトリが存在しない場合に、ディレクトリを作成します。", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        from translate_cmp.lang.wordlists import zipf

        if any(caps not in source for caps in _CAPS.findall(target)):
            return  # capitals the source has not: the translation translates metavariables (FILE -> DATEI, ZAHLen)
        theirs = {a.group().rstrip("s") for a in acronyms(target)}
        squeezed = re.sub(r"(?<=[A-Z])[\s\u00a0-]+(?=\d)", "", target)
        letters = {"".join(sorted(a)) for a in theirs}
        values = set(_VALUE.findall(source))  # "--batch-size=NMERGE", "conv=CONVS": metavariables
        missing = []
        for m in acronyms(source):
            word = m.group().rstrip("s") if len(m.group()) > 2 and m.group()[-1] == "s" else m.group()
            if sum(ch.isalpha() for ch in word) < MIN_LETTERS or word in target or word in squeezed:
                continue
            if word in theirs or "".join(sorted(word)) in letters or m.group() in values:
                continue
            frequency = zipf(word.lower(), "en")
            if frequency >= METAVARIABLE_ZIPF or (len(word) >= WORD_LETTERS and frequency >= WORD_ZIPF):
                continue  # an English word in capitals: a metavariable (FILE, DIRECTORY) or emphasis (WARRANTY)
            missing.append(word)
        if missing:
            shown = ", ".join(dict.fromkeys(missing))
            yield from once(ctx, f"acronym(s) of the source not in the translation: {shown}")


RULES = (AcronymMissing(),)
