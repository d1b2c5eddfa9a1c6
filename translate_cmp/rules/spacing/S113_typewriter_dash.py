"""S113 typewriter-dash: ' -- ' typed between words where the language prints a dash (' – ', '—'), and in German
the pair of spaced hyphens around an insertion (' - 30 Kilometer außerhalb - ')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.typography import reads_as_its_language

_DOUBLE_HYPHEN = re.compile(r" -- (?<=[^\W\d_] -- )(?=[^\W\d_])")
# A word of an insertion: no sentence mark, bracket or dash; a hyphen only inside a word ("E-Mail", "10-fachen")
_WORD = r"(?:[^\s.!?()\[\]–—-]|(?<=\w)-(?=\w))+"
# Two spaced hyphens around two to eleven words, after a letter, before a word or the comma that ends the insertion
_HYPHEN_PAIR = re.compile(rf" - (?<=[^\W\d_] - )((?:{_WORD} ){{1,10}}{_WORD}) -(?=,? [^\W\d_])")
_OPTION = re.compile(r"-(?<!\S-)-?[^\W\d_]")  # "--help", "-n": a document about commands, where "--" ends options


class TypewriterDash(SurfaceRule):
    code = "S113"
    name = "typewriter-dash"
    severity = Severity.INFO
    languages = frozenset(code for code in MODULES if language(code).dash)
    summary = ("Two hyphens typed as a dash between words ('näher -- vor 40.000 Jahren') where the language prints "
               "one; in German also spaced hyphens around an insertion ('nahe - 30 Kilometer außerhalb - und').")
    why = (
        "'--' is a typewriter's dash; German, French, Spanish, Italian, Portuguese, Dutch and Russian print a "
        "dash ('–' or '—'), and engines copy the '--' of English plain text. Documents that name command-line "
        "options ('--help', '-n') are left alone: there '--' ends the options. A hyphen with a space on each side "
        "is never a German hyphen (it joins words without spaces; 'Ein- und Ausgang' has one space), so two of them "
        "around an insertion are the pair of dashes of that insertion, typed on a keyboard; raters of German news "
        "and TED talks mark them (languages whose record sets hyphen_pairs). A single spaced hyphen ('näher - vor') "
        "is not flagged: raters of German talks accepted it in most rows, and clean human German writes one in "
        "lists and headings (docs/rules/measurements.md)."
    )
    instead = ("The language's dash: 'Es kommt immer näher – vor 40.000 Jahren', 'sehr nahe – 30 Kilometer außerhalb "
               "– und'.")
    examples = (
        Example("Es kommt immer näher -- vor 40.000 Jahren malten wir noch Höhlen.", lang="de"),
        Example("Il se rapproche -- il y a 40 000 ans, nous peignions encore.", lang="fr"),
        Example("Wir bewegen die Erde sehr nahe - 30 Kilometer außerhalb - und sie kreist weiter.", lang="de"),
    )
    counter_examples = (
        Example("Es kommt immer näher – vor 40.000 Jahren malten wir noch Höhlen.", lang="de"),
        Example("Mit der Option --help oder dem Argument -- endet die Liste.", lang="de"),
        Example("It gets closer -- forty thousand years ago we still painted caves.", lang="en"),
        Example("Wir bewegen die Erde sehr nahe – 30 Kilometer außerhalb – und sie kreist weiter.", lang="de"),
        Example("Es kommt näher - vor 40.000 Jahren. Der Ein- und Ausgang liegt an der Berlin-Hamburg-Strecke.",
                lang="de"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        record = language(ctx.doc_lang)
        doubled = " -- " in ctx.text
        paired = record.hyphen_pairs and " - " in ctx.text
        if not (doubled or paired) or _OPTION.search(ctx.document.text) or not reads_as_its_language(ctx):
            return  # nothing to find (most sentences: asked first); a line of another language read as this one
        hits = []
        if doubled:
            hits += [Hit(m.start() + 1, m.end() - 1, f"'--' typed as a dash; {record.name} prints '{record.dash}'")
                     for m in _DOUBLE_HYPHEN.finditer(ctx.text)]
        if paired:
            message = f"spaced hyphens around an insertion typed as its dashes; {record.name} prints '{record.dash}'"
            for m in _HYPHEN_PAIR.finditer(ctx.text):
                hits += [Hit(m.start() + 1, m.start() + 2, message), Hit(m.end() - 1, m.end(), message)]
        yield from sorted(hits, key=lambda hit: hit.start)
