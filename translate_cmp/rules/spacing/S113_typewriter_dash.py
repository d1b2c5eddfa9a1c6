"""S113 typewriter-dash: ' -- ' typed between words where the language prints a dash (' – ', '—')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

_DOUBLE_HYPHEN = re.compile(r"(?<=[^\W\d_]) -- (?=[^\W\d_])")
_OPTION = re.compile(r"(?<!\S)--?[^\W\d_]")  # "--help", "-n": a document about commands, where "--" ends options


class TypewriterDash(SurfaceRule):
    code = "S113"
    name = "typewriter-dash"
    severity = Severity.INFO
    languages = frozenset(code for code in MODULES if language(code).dash)
    summary = "Two hyphens typed as a dash between words ('näher -- vor 40.000 Jahren') where the language prints one."
    why = (
        "'--' is a typewriter's dash; German, French, Spanish, Italian, Portuguese, Dutch and Russian print a "
        "dash ('–' or '—'), and engines copy the '--' of English plain text. Documents that name command-line "
        "options ('--help', '-n') are left alone: there '--' ends the options. A single spaced hyphen ('näher - "
        "vor') is not flagged: raters of German talks accepted it in most rows (docs/rules/measurements.md)."
    )
    instead = "The language's dash: 'Es kommt immer näher – vor 40.000 Jahren'."
    examples = (
        Example("Es kommt immer näher -- vor 40.000 Jahren malten wir noch Höhlen.", lang="de"),
        Example("Il se rapproche -- il y a 40 000 ans, nous peignions encore.", lang="fr"),
    )
    counter_examples = (
        Example("Es kommt immer näher – vor 40.000 Jahren malten wir noch Höhlen.", lang="de"),
        Example("Mit der Option --help oder dem Argument -- endet die Liste.", lang="de"),
        Example("It gets closer -- forty thousand years ago we still painted caves.", lang="en"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if not reads_as_its_language(ctx):
            return  # a line of another language read as this one
        if " -- " not in ctx.text or _OPTION.search(ctx.document.text):
            return
        record = language(ctx.doc_lang)
        for m in _DOUBLE_HYPHEN.finditer(ctx.text):
            yield Hit(m.start() + 1, m.end() - 1, f"'--' typed as a dash; {record.name} prints '{record.dash}'")
