"""C506 placeholder-mismatch: placeholders and inline tags that differ between source and translation, or
that the round trip lost.

Runs in compare mode (a source sentence against its aligned translation) and on localisation units (PO,
XLIFF, TMX, bitext rows: the unit's source against its target, and each target sentence against its
round trip, whose markup was masked from the engine). What counts as a placeholder:
translate_cmp/l10n/placeholders.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.l10n.placeholders import Placeholder, compared, keys
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, Rule, RuleContext

_NUMERIC = frozenset("diouxXeEfFgG")
_POSITION = re.compile(r"%(\d+)\$")
_INLINE_CODES = frozenset({"g", "x", "bx", "ex", "ph", "pc", "sc", "ec", "bpt", "ept", "it", "mrk", "sm", "em", "ut"})


def _droppable(key: str) -> bool:
    """A number's placeholder, which a plural form for a single value may leave out ("Ein Element")."""
    return (key.startswith("%") and key[-1] in _NUMERIC) or key.startswith("{")


def _listed(counter: Counter) -> str:
    return ", ".join(k if n == 1 else f"{k} x{n}" for k, n in sorted(counter.items()))


class PlaceholderMismatch(Rule):
    code = "C506"
    name = "placeholder-mismatch"
    severity = Severity.ERROR
    summary = "A placeholder or tag of the source is missing from the translation, added, or lost in a round trip."
    why = ("A lost `%(count)d` or `{0}` makes the program print the wrong thing or crash when it formats the string; "
           "a dropped `<ph>` or `<g>` breaks the document the CAT tool rebuilds from the translation.")
    instead = ("Keep every placeholder and tag of the source, spelled exactly as in the source (reordering is fine, "
               "and so is numbering printf's arguments to reorder them: `%s ... %d` as `%2$d ... %1$s`); "
               "the first plural form (the one for a single value) may leave out the number. A pseudo-tag, a word "
               "in angle brackets with no closing tag (`<Error>`, `<file>`), may be translated.")
    needs_counterpart = True
    reads_unit = True
    examples = (
        Example("Deleted %(count)d files.", translation="Dateien gelöscht."),
        Example('Click <ph id="1"/> to continue.', translation="Klicken Sie, um fortzufahren."),
        Example("Hello {name}.", translation="Hallo {nom}."),
        Example("Hello {USER}.", translation="Hallo {BENUTZER}."),  # no word USER beside it: a placeholder
        Example("cannot cut to %<PRIdMAX> bytes", translation="kann nicht auf %d Bytes kürzen"),
        Example("Copied %s to %d places.", translation="%d Orte: %s kopiert."),  # swapped: printf crashes
        Example('Read <a href="%(url)s">the docs</a>.', translation='Lisez <a hreff="%(url)s">la doc</a>.'),
        Example("Page %1 of %2", translation="Seite %1 von %3"),
    )
    counter_examples = (
        Example("Deleted %(count)d files.", translation="%(count)d Dateien gelöscht."),
        Example("  NUMBER   go to line NUMBER\n  {NUMBER}  repeat NUMBER times\n",
                translation="  ANZAHL   zur Zeile ANZAHL gehen\n  {ANZAHL}  ANZAHL Mal wiederholen\n", lang="de"),
        Example("  %PATTERN%   skip to a matching line\n", translation="  %EXPRESION%   saltar a la línea\n",
                lang="es"),
        Example("cannot cut %s to %<PRIdMAX> bytes", translation="impossible de couper à %2$<PRIdMAX> octets %1$s",
                lang="fr"),
        Example('Click <ph id="1"/> to continue.', translation='Klicken Sie <ph id="1"/>, um fortzufahren.'),
        Example("Prices rose by 50% in March.", translation="Les prix ont augmenté de 50 % en mars."),
        Example("Copied %s to %d places.", translation="%2$d Orte: %1$s kopiert."),  # a positional reorder
        Example("Copied %s to %d places.", translation="%1$s nach %2$d Orten kopiert."),
        Example("Value must be <Error>.", translation="Waarde moet <Fout> zijn."),  # a pseudo-tag, translated
        Example('Read <a href="%(url)s" title="Docs">the docs</a>.',
                translation='Lisez <a href="%(url)s" title="La doc">la doc</a>.'),
    )

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        unit = ctx.document.unit
        if unit is not None:
            yield from self._unit(ctx)
        elif ctx.counterpart is not None and ctx.counterpart.kind != "1:0":
            yield from self._pair(ctx.text, comparable(ctx.text), comparable(ctx.counterpart.text))

    def _pair(self, text: str, source: Counter, target: Counter) -> Iterator[Hit]:
        missing = source - target
        added = target - source
        if missing:
            yield Hit(0, len(text), f"missing from the translation: {_listed(missing)}")
        if added:
            yield Hit(0, len(text), f"in the translation, not in the source: {_listed(added)}")

    _memo: tuple[object, Counter, Counter] | None = None  # (the document, missing, added): once per unit

    def _compared(self, ctx: RuleContext) -> tuple[Counter, Counter]:
        """The unit's placeholders missing from its translation and those added (markup tags aside): the same for
        every sentence of the unit, so worked out on its first and kept for the others."""
        memo = self._memo
        if memo is not None and memo[0] is ctx.document:
            return memo[1], memo[2]
        unit = ctx.document.unit
        styles = _styles()
        if not _comparable(ctx.document.text, styles) and not _comparable(unit.source, styles) \
                and not (unit.source_plural and _comparable(unit.source_plural, styles)):
            self._memo = (ctx.document, Counter(), Counter())  # no placeholder on either side (most units)
            return self._memo[1], self._memo[2]
        target = comparable(ctx.document.text)
        if unit.plural_index is not None:  # a plural form must keep what both source forms have
            forms = (comparable(unit.source), comparable(unit.source_plural or unit.source))
            required = forms[0] & forms[1]
            if unit.plural_index == 0:  # the form for one may say "one" instead of the number
                required = Counter({k: n for k, n in required.items() if not _droppable(k)})
            allowed = forms[0] | forms[1]
        else:
            required = allowed = comparable(unit.source)
        missing = required - target
        added = Counter({k: n for k, n in (target - allowed).items() if not _html_tag(k)})
        self._memo = (ctx.document, missing, added)
        return missing, added

    def _unit(self, ctx: RuleContext) -> Iterator[Hit]:
        unit = ctx.document.unit
        sentence = ctx.sentence
        if unit.source and unit.fmt != "pot":
            missing, added = self._compared(ctx)
            if missing and ctx.index == 0:
                yield Hit(0, len(ctx.text), f"missing from the translation: {_listed(missing)} (source: "
                                            f"{unit.source[:80]!r})")
            if added:  # nothing added (most units): no copy to count off
                added = Counter(added)  # a copy: each sentence counts off its own
                for p, key in canonical(ctx.document.text):
                    if added.get(key) and sentence.start <= p.start < sentence.end:
                        added[key] -= 1
                        yield Hit(p.start - sentence.start, p.end - sentence.start,
                                  f"{p.text!r} is in the translation, not in the source")
        if ctx.round_trip is not None and ctx.round_trip.back_text:
            lost = keys(ctx.text) - keys(ctx.round_trip.back_text)
            if lost:
                yield Hit(0, len(ctx.text), f"lost in the round trip: {_listed(lost)} (back: "
                                            f"{ctx.round_trip.back_text[:80]!r})")


def canonical(text: str) -> tuple[tuple[Placeholder, str], ...]:
    """Each compared placeholder (translate_cmp/l10n/placeholders.py, the styles ``QaOptions.variables``
    selects) with its key; printf's numbered and unnumbered conversions both keyed by argument position
    (``%s ... %d`` and ``%1$s ... %2$d`` are both ``%1$s``, ``%2$d``), so a positional reorder is no mismatch."""
    from translate_cmp.rules.qa.options import current

    return _canonical(text, current().variables)


@lru_cache(maxsize=4096)
def _canonical(text: str, styles: tuple[str, ...]) -> tuple[tuple[Placeholder, str], ...]:
    out, n = [], 0
    for p in compared(text, styles):
        key = p.key
        if p.kind == "printf" and p.text != "%%" and "(" not in p.text:
            m = _POSITION.match(p.text)
            if m:
                key = p.text
            else:
                n += 1
                key = f"%{n}${p.text[1:]}"
        out.append((p, key))
    return tuple(out)


def comparable(text: str) -> Counter:
    """Placeholder keys to compare: counted where their number matters at run time (``{}``: one argument
    each), once for named or numbered ones (``%(name)s``, ``%1$s``, ``{0}``, tags), which a translation may
    use more or fewer times than its source ("another {name}" need not be repeated)."""
    return Counter(_comparable(text, _styles()))


def _styles() -> tuple[str, ...]:
    from translate_cmp.rules.qa.options import current

    return current().variables


@lru_cache(maxsize=4096)
def _comparable(text: str, styles: tuple[str, ...]) -> Counter:
    out = Counter()
    for _p, key in _canonical(text, styles):
        out[key] = out[key] + 1 if key == "{}" else 1
    return out


def _html_tag(key: str) -> bool:
    """A markup tag a translator may add for the target's typography ("{}<sup>e</sup>"); inline codes with
    an id (XLIFF ``<ph id="1"/>``, ``<g id="2">``) must match the source."""
    return key.startswith("<") and " id=" not in key and key.strip("</>").split(" ")[0] not in _INLINE_CODES


RULES = (PlaceholderMismatch(),)
