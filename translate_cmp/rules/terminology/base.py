"""What the three glossary checks share: the unit's (or aligned pair's) source and target, the terms that apply,
and where each term occurs. Each check is one module (Q650, Q651, Q652)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from translate_cmp.rules.base import Hit, Rule, RuleContext
from translate_cmp.rules.terminology.glossary import Glossary, Term, _parse
from translate_cmp.rules.terminology.matching import find_term, words

# The glossary every rule's examples run with (translate-cmp rules Q650 shows it)
EXAMPLE_GLOSSARY = """source,target,lang,forbidden,dnt
file,Datei,de,Akte,
folder,Ordner,de,Verzeichnis,
pull request,Pull-Request,de,,
Django,,,,yes
"""


@dataclass(frozen=True)
class Pair:
    """The text a check compares: a source and its translation, with their languages."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    sentence_start: int  # where the flagged sentence starts in ``target`` (unit mode); 0 in compare mode
    sentence_end: int
    first: bool  # the unit's first sentence: unit-wide findings are reported there, once


def pair_of(ctx: RuleContext) -> Pair | None:
    unit = ctx.document.unit
    if unit is not None:
        if not unit.source or unit.fmt == "pot" or not ctx.document.text.strip():
            return None  # nothing translated yet: the untranslated checks report it
        source = unit.source if unit.plural_index in (None, 0) else (unit.source_plural or unit.source)
        s = ctx.sentence
        return Pair(source, ctx.document.text, unit.source_lang, unit.target_lang or ctx.doc_lang, s.start, s.end,
                    ctx.index == 0)
    cp = ctx.counterpart
    if cp is None or cp.kind == "1:0" or not cp.text.strip():
        return None
    target_lang = ctx.round_trip.pivot_lang if ctx.round_trip is not None else ""
    return Pair(ctx.text, cp.text, ctx.doc_lang, target_lang, 0, len(ctx.text), True)


class GlossaryRule(Rule):
    """A check against the project's glossary (``glossary`` in the project configuration, or ``--glossary``)."""

    needs_counterpart = True  # compare mode: a source sentence against its aligned translation
    reads_unit = True  # and every localisation unit
    glossary: Glossary | None = None
    example_note: ClassVar[str] = ("The examples run with this glossary (CSV): `file -> Datei (de), forbidden Akte`; "
                                   "`folder -> Ordner (de), forbidden Verzeichnis`; `pull request -> Pull-Request "
                                   "(de)`; `Django`: do not translate.")

    def configured(self, settings: Any) -> Rule:
        glossary = getattr(settings, "glossary", None)
        if glossary is None:
            return self
        rule = type(self)()
        rule.glossary = glossary
        return rule

    @classmethod
    def example_settings(cls) -> Any:
        from translate_cmp.rules.settings import RuleSettings

        return RuleSettings(glossary=_parse("example-glossary.csv", EXAMPLE_GLOSSARY.encode()))

    @property
    def idle(self) -> bool:
        """No glossary: :meth:`check` finds nothing (the flag stage does not call it)."""
        return self.glossary is None

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        if self.glossary is None:
            return
        pair = pair_of(ctx)
        if pair is None:
            return
        terms = self.glossary.terms_for(pair.source_lang, pair.target_lang)
        if terms:
            yield from self.compare(pair, terms)

    def compare(self, pair: Pair, terms: tuple[Term, ...]) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError
        yield

    @staticmethod
    def in_source(pair: Pair, term: Term, exact_case: bool = False) -> bool:
        return bool(term.source) and bool(find_term(words(pair.source), term.source, pair.source_lang,
                                                    exact_case=exact_case))

    @staticmethod
    def sentence_hit(pair: Pair, start: int, end: int, message: str) -> Hit | None:
        """A hit at target offsets ``[start, end)`` if they fall in the flagged sentence (offsets made relative)."""
        if pair.sentence_start <= start < pair.sentence_end:
            return Hit(start - pair.sentence_start, min(end, pair.sentence_end) - pair.sentence_start, message)
        return None

    @staticmethod
    def unit_hit(pair: Pair, message: str) -> Hit | None:
        """A unit-wide finding, on the unit's first sentence (once)."""
        return Hit(0, pair.sentence_end - pair.sentence_start, message) if pair.first else None
