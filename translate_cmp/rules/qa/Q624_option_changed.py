"""Q624 option-changed: a command-line option of the source ('--help', '-v') missing from the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, options
from translate_cmp.rules.qa.unit_rule import UnitRule


def range_ends(source: str) -> set[str]:
    """"-M" where the source writes ranges of metavariables ("N-M  from N'th to M'th field", "-M  from first to
    M'th"): the open start of a range, not an option; a translation may write the letter in its own script."""
    return {f"-{m.group(1)}" for m in re.finditer(r"\b[A-Z]-([A-Z])\b", source)}


class OptionChanged(UnitRule):
    code = "Q624"
    name = "option-changed"
    severity = Severity.WARNING
    summary = "A command-line option of the source ('--all', '--no-clobber', '-v') is not in the translation as " \
              "it is."
    why = "The program accepts only its own option names: a translated or mistyped one in the help text makes " \
          "the user type an option that fails."
    instead = ("Keep every option exactly as in the source; the value after '=' ('--block-size=SIZE') may be "
               "translated. Read as options too: two joined by a slash ('-l/-s') and a short option that starts a "
               "compound ('-S-Zeichenkette'); not an option: the open start of a range of metavariables ('-M' "
               "beside 'N-M').")
    examples = (
        Example("  -a, --all    do not ignore entries", translation="  -a, --alle   nichts ignorieren", lang="de"),
        Example("Try '%s --help' for more information.", translation="Essayez « %s --aide ».", lang="fr"),
        Example("  -h      sizes with -k and -m", translation="  -h      groottes (met -k)", lang="nl"),
        Example("cannot use -x in a -T list", translation="-x ist in einer T-Liste nicht erlaubt", lang="de"),
    )
    counter_examples = (
        Example("Try '%s --help' for more information.", translation="Saisissez « %s --help » pour plus "
                "d'informations.", lang="fr"),
        Example("  --block-size=SIZE  scale sizes", translation="  --block-size=GRÖSSE  Größen skalieren", lang="de"),
        Example("Send an e-mail", translation="E-Mail senden", lang="de"),
        Example("cannot use -x in a -T list", translation="-x ist in einer -T-Liste nicht erlaubt", lang="de"),
        Example("  -h      sizes with -k and -m", translation="  -h      groottes (met -k/-m)", lang="nl"),
        Example("  A-B   from A to B\n  -B    up to B\n", translation="  А-Б   от А до Б\n  -Б    до Б\n", lang="ru"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "-" not in source:
            return  # no option in the source
        theirs = {m.group() for m in options(target)}
        ranges = range_ends(source)
        missing = [m.group() for m in options(source) if m.group() not in theirs and m.group() not in ranges]
        if missing:
            yield from once(ctx, f"option(s) not in the translation: {', '.join(dict.fromkeys(missing))}")


RULES = (OptionChanged(),)
