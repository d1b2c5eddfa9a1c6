"""C509 name-mismatch: a name of the source sentence is in neither its translation nor the translation's
back-translation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from translate_cmp.lang.lexicon import NAME_CONNECTORS
from translate_cmp.lang.wordlists import closed_class
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext
from translate_cmp.rules.comparison.helpers import SOURCE, TRANSLATION

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”(])\s*$")  # what precedes a sentence-initial word


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


class NameMismatch(Rule):
    code = "C509"
    name = "name-mismatch"
    severity = Severity.WARNING
    summary = "A name of the source sentence is in neither its translation nor the translation translated back."
    why = (
        "Names are copied into a translation, or translated and translated back to themselves (Londres -> "
        "London); a name found in neither was dropped or replaced (Lyon became Lille). A name is a capitalised "
        "word that does not start the sentence and is not a grammar word of the source language; accents and "
        "case are ignored when it is looked up."
    )
    instead = "Restore the name in the translation, or check which of the two is right."
    needs_counterpart = True
    examples = (
        Example("The city of Lyon is preparing a new transport plan.",
                translation="The city of Lille is preparing a new transport plan."),
    )
    counter_examples = (
        Example(SOURCE, translation=TRANSLATION),
        Example("The mayor of Lyon presented the budget.", translation="Lyon's mayor presented the budget."),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        cp = ctx.counterpart
        if cp is None or cp.kind == "1:0" or not cp.text:
            return
        found = _plain(cp.text + " " + (cp.back or ""))
        grammar = closed_class(ctx.doc_lang)
        for run in _capital_runs(ctx.text):
            names = [w for w in run if not w[3] and w[2].lower() not in grammar]
            if not names or any(_plain(w[2]) in found for w in run):  # one part kept: partly translated
                continue
            start, end = names[0][0], names[-1][1]
            yield Hit(start, end, f"{ctx.text[start:end]} is not in the translation: {cp.text[:80]!r}")


def _capital_runs(text: str) -> list[list[tuple[int, int, str, bool]]]:
    """Capitalised words grouped into names (joined by a space, a hyphen or connectors: Cape Town, Organisation
    mondiale de la Santé), each as (start, end, word, starts the sentence)."""
    runs: list[list[tuple[int, int, str, bool]]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        item = (m.start(), m.end(), word, _SENTENCE_START.search(text[:m.start()]) is not None)
        if runs:
            gap = text[runs[-1][-1][1]:m.start()]
            inner = gap.replace("-", " ").split()
            if not gap.strip(" -") or (gap.startswith(" ") and all(w.lower() in NAME_CONNECTORS for w in inner)):
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs
