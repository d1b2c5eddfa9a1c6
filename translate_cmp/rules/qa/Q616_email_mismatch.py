"""Q616 email-mismatch: an e-mail address of the source missing from the translation or changed."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import emails, once
from translate_cmp.rules.qa.unit_rule import UnitRule


class EmailMismatch(UnitRule):
    code = "Q616"
    name = "email-mismatch"
    severity = Severity.WARNING
    summary = "An e-mail address of the source is missing from the translation or was changed."
    why = "A translated or mistyped address sends the user's bug report or question nowhere."
    instead = "Keep the address exactly as in the source (a translation team may add its own address beside it)."
    examples = (
        Example("Report bugs to <bug-coreutils@gnu.org>.", translation="Fehler an <fehler-coreutils@gnu.org> melden.",
                lang="de"),
    )
    counter_examples = (
        Example("Report bugs to <bug-coreutils@gnu.org>.", translation="Fehler an <bug-coreutils@gnu.org> melden.",
                lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "@" not in source:
            return  # no address in the source (most units)
        have = {m.group().lower() for m in emails(target)}
        missing = [m.group() for m in emails(source) if m.group().lower() not in have]
        if missing:
            yield from once(ctx, f"e-mail address missing or changed in the translation: {', '.join(missing)}")


RULES = (EmailMismatch(),)
