"""Q607 leading-whitespace-mismatch: the spaces before the first character differ."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import markup_line_break, once, record_labels
from translate_cmp.rules.qa.unit_rule import UnitRule

_BLANKS = " \t\u3000"  # not the no-break spaces of French typography ("\u00a0»")


def leading(text: str) -> str:
    body = text.lstrip("\n\r")
    return body[: len(body) - len(body.lstrip(_BLANKS))].replace("\u00a0", " ").replace("\u202f", " ")


_BULLET = re.compile(r"[ \t]*([*\-•·])[ \t]+\S")


def bullet_indent(source: str, target: str) -> bool:
    """Both start with the same bullet mark and a gap after it (" * cols N" -> "* cols Н"): the row's text is indented
    on both sides, the mark standing in its indentation; one column more or less is layout, as an indent of two
    for three."""
    s, t = _BULLET.match(source.lstrip("\n\r")), _BULLET.match(target.lstrip("\n\r"))
    return bool(s and t) and s.group(1) == t.group(1)


def sign_only(source: str) -> bool:
    """A source of marks alone ("?????", " ??"): a sign the program prints for an unknown value, padded to its
    column's width; the translation's word for it may be padded otherwise (" 不明")."""
    return not any(ch.isalnum() for ch in source)


_SENTENCE_START = re.compile(r"[ \t]+[A-Z][a-z]+(?: [a-z]+)")


def continued_sentence(source: str, lang: str) -> bool:
    """A language that writes no space between sentences (Japanese, Chinese): the source's leading spaces separate
    its first sentence from the previous message's ("  Processes in\nan ...", GNU's two spaces), not a row's
    indentation, so the translation writes none."""
    from translate_cmp.lang.profile import language

    first = source.lstrip("\n\r").split("\n", 1)[0]
    return not language(lang).spaced and bool(_SENTENCE_START.match(first)) and not re.search(r"\S {2,}\S", first)


class LeadingWhitespaceMismatch(UnitRule):
    code = "Q607"
    name = "leading-whitespace-mismatch"
    severity = Severity.WARNING
    summary = "The source starts with spaces (after any leading line breaks) and the translation does not, or the " \
              "other way round."
    why = "Leading spaces indent a line of help text or separate a string from the one the program prints before " \
          "it: lost or added, the output is misaligned or run together."
    instead = ("Start with spaces where the source does; how many is layout (an indent of two for three) and not "
               "flagged. Line breaks are Q605's. Not flagged: the indentation after the line break that starts an HTML "
               "fragment (HTML renders it as one space), a label a program prints with its value ('Access: %x') "
               "padded to line up with the record's other labels, a row's bullet kept with a gap after it (' * cols N' "
               "-> '* cols N': the mark stands in the indentation), a sign of marks alone ('?????') padded otherwise, "
               "and, in a language that writes no space between sentences (ja, zh), the spaces that separate a "
               "continued sentence from the previous message.")
    examples = (
        Example("  -a, --all    do not ignore entries", translation="-a, --all    nichts ignorieren", lang="de"),
        Example(" * speed N     set the speed to N\n", translation="*speed N     Geschwindigkeit N setzen\n",
                lang="de"),
        Example("  -a, --all    do not ignore entries", translation="-a, --all    すべて表示する", lang="ja"),
        Example(" (default)", translation="(par défaut)", lang="fr"),
    )
    counter_examples = (
        Example("  -a, --all    do not ignore entries", translation="  -a, --all    nichts ignorieren", lang="de"),
        Example("\n  -v  verbose", translation="\n  -v  ausführlich", lang="de"),
        Example("   csN   set character size", translation="  csN   установить размер символа", lang="ru"),
        Example("\n    View function: <code>%(name)s</code>.\n", translation="\nVista: <code>%(name)s</code>.\n",
                lang="es"),
        Example("Access: %x\nModify: %y\n", translation="     Acesso: %x\nModificação: %y\n", lang="pt"),
        Example(" * speed N     set the speed to N\n", translation="* speed N     Geschwindigkeit N setzen\n",
                lang="de"),
        Example("???", translation=" 不明", lang="ja"),
        Example("  Idle processes\nare counted too.\n", translation="待機中のプロセスも数えます。\n", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not target.strip() or bool(leading(source)) == bool(leading(target)):
            return
        if markup_line_break(source, source, True) and markup_line_break(source, target, True):
            return  # an HTML fragment's indentation after its line break renders as one space
        if record_labels(source, target):
            return  # a label padded to align with the record's other fields: " Gerät: %Hd"
        if bullet_indent(source, target) or sign_only(source) or continued_sentence(source, ctx.doc_lang):
            return  # " * row" -> "* row"; "?????" -> " 不明"; "  Processes in ..." -> "割り込み..." (no spaces in ja)
        yield from once(ctx, f"starts with {leading(source)!r} in the source, {leading(target)!r} here")


RULES = (LeadingWhitespaceMismatch(),)
