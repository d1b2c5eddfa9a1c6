"""Q625 invalid-markup: the source's tags nest properly and the translation's do not."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.l10n.placeholders import VOID_ELEMENTS, compared
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.unit_rule import UnitRule


def nesting_error(text: str) -> str | None:
    """What breaks the tags' nesting in ``text`` (a closing tag that closes nothing or the wrong element, an
    element never closed), None when they nest; pseudo-tags and empty elements apart."""
    stack: list[str] = []
    for p in compared(text, current().variables):
        if p.kind != "tag" or p.text.endswith("/>") or p.tag_name in VOID_ELEMENTS:
            continue
        if p.text.startswith("</"):
            if not stack or stack[-1] != p.tag_name:
                return f"{p.text} closes {'<' + stack[-1] + '>' if stack else 'nothing'}"
            stack.pop()
        else:
            stack.append(p.tag_name)
    return f"<{stack[-1]}> is never closed" if stack else None


class InvalidMarkup(UnitRule):
    code = "Q625"
    name = "invalid-markup"
    severity = Severity.ERROR
    summary = "The source's tags nest properly and the translation's do not: a tag closed in the wrong order, " \
              "one never closed, or a closing tag that closes nothing."
    why = "Broken markup is rendered wrong (everything after it bold, a link that swallows the sentence) or " \
          "rejected by the XML parser that rebuilds the document."
    instead = "Close every tag the translation opens, innermost first: '<b><i>x</i></b>'."
    examples = (
        Example("<b>Note:</b> read <i>this</i>", translation="<b>Hinweis:<b> lesen Sie <i>dies</i>", lang="de"),
        Example("<b><i>Warning</i></b>", translation="<b><i>Avertissement</b></i>", lang="fr"),
    )
    counter_examples = (
        Example("<b>Note:</b> read <i>this</i>", translation="<i>Dies</i> lesen <b>Hinweis:</b>", lang="de"),
        Example("Line<br>break", translation="Zeilen<br>umbruch", lang="de"),
        Example("Value must be <Error>.", translation="Waarde moet <Fout> zijn.", lang="nl"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "<" not in target:
            return  # no tag in the translation
        if nesting_error(source) is None and (problem := nesting_error(target)):
            yield from once(ctx, f"the translation's tags do not nest: {problem}")


RULES = (InvalidMarkup(),)
