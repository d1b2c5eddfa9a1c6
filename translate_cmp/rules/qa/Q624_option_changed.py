"""Q624 option-changed: a command-line option of the source ('--help', '-v') missing from the translation."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, options
from translate_cmp.rules.qa.unit_rule import UnitRule


class OptionChanged(UnitRule):
    code = "Q624"
    name = "option-changed"
    severity = Severity.WARNING
    summary = "A command-line option of the source ('--all', '--no-clobber', '-v') is not in the translation as " \
              "it is."
    why = "The program accepts only its own option names: a translated or mistyped one in the help text makes " \
          "the user type an option that fails."
    instead = "Keep every option exactly as in the source; the value after '=' ('--block-size=SIZE') may be translated."
    examples = (
        Example("  -a, --all    do not ignore entries", translation="  -a, --alle   nichts ignorieren", lang="de"),
        Example("Try '%s --help' for more information.", translation="Essayez « %s --aide ».", lang="fr"),
    )
    counter_examples = (
        Example("Try '%s --help' for more information.", translation="Saisissez « %s --help » pour plus "
                "d'informations.", lang="fr"),
        Example("  --block-size=SIZE  scale sizes", translation="  --block-size=GRÖSSE  Größen skalieren", lang="de"),
        Example("Send an e-mail", translation="E-Mail senden", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "-" not in source:
            return  # no option in the source
        theirs = {m.group() for m in options(target)}
        missing = [m.group() for m in options(source) if m.group() not in theirs]
        if missing:
            yield from once(ctx, f"option(s) not in the translation: {', '.join(dict.fromkeys(missing))}")


RULES = (OptionChanged(),)
