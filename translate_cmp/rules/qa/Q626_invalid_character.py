"""Q626 invalid-character: a control character, replacement character or other invalid code point in the
translation that the source does not have."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at
from translate_cmp.rules.qa.unit_rule import UnitRule

_ALLOWED_CONTROLS = "\t\n\r"


# every character invalid() may name, and more: the controls (Unicode's Cc) but a tab and line breaks, U+FFFD, the
# byte-order mark and noncharacters, surrogates (Cs) and the private-use areas (Co); Unicode keeps these ranges fixed
_MAYBE_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ufeff\ufffe\uffff\ufdd0-\ufdef\ud800-\udfff"
                            "\ue000-\uf8ff\U000f0000-\U0010ffff]")


def invalid(ch: str) -> str | None:
    """Why ``ch`` does not belong in a translation, or None."""
    if ch == "\ufffd":
        return "the replacement character U+FFFD (text decoded with the wrong encoding)"
    if ch in "\ufeff\ufffe\uffff" or 0xFDD0 <= ord(ch) <= 0xFDEF:
        return f"U+{ord(ch):04X} (a byte-order mark or noncharacter)"
    category = unicodedata.category(ch)
    if category == "Cc" and ch not in _ALLOWED_CONTROLS:
        return f"the control character U+{ord(ch):04X}"
    if category == "Cs":
        return f"a lone surrogate U+{ord(ch):04X}"
    if category == "Co":
        return f"the private-use character U+{ord(ch):04X}"
    return None


class InvalidCharacter(UnitRule):
    code = "Q626"
    name = "invalid-character"
    severity = Severity.ERROR
    summary = "The translation has a character the source has not and no text should: a control character, " \
              "U+FFFD, a byte-order mark mid-text, a noncharacter, a lone surrogate or a private-use character."
    why = "Such characters print as boxes or question marks, break terminals and XML files, or are the trace of " \
          "text decoded with the wrong encoding."
    instead = "Delete it, or retype the character it replaced; tabs and line breaks are fine (Q605, Q606)."
    examples = (
        Example("Cancel", translation="Abbre\ufffdchen", lang="de"),
        Example("Done", translation="Fertig\x07", lang="de"),
    )
    counter_examples = (
        Example("Done\tOK", translation="Fertig\tOK", lang="de"),
        Example("Icon \ue001", translation="Symbol \ue001", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not _MAYBE_INVALID.search(target):
            return  # no character of the kinds invalid() reads (most units): nothing to look up
        bad = {ch: why for ch in set(target) - set(source) if (why := invalid(ch))}
        if not bad:
            return
        for i, ch in enumerate(target):
            if ch in bad:
                yield from at(ctx, i, i + 1, bad[ch])


RULES = (InvalidCharacter(),)
