"""Routes: for each document language, the engine and pivot its round trip takes, chosen from what is installed.

A route is ``lang -> pivot -> lang`` on one engine. The pivots named by ``--pivot`` (bare codes, ``es``)
wherever an installed engine can take them; else best first: an engine earlier in the run's engine list
(argos before apertium: :class:`RoutedEngine`) that has both legs, and within that engine the pivot whose
round trips measured best (:data:`APERTIUM_PIVOTS`, benchmarks/route_choice.py), else English, else the
first in code order.
``--pivot fr=es`` fixes a language's pivot whatever is installed (a missing leg is then reported, with
the command that installs it).

The plan travels through the pipeline as pivot entries ``lang=pivot`` (picklable, part of the run's
signature): :func:`translate_cmp.engines.round_trip.pivots_for` reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from translate_cmp.engines.base import Engine, TokenScore
from translate_cmp.records import Translated

SEP = "="

# Apertium pivots per source language, best round trip first: mean chrF of the back-translation against
# the original on real sentences (Debian manual pages; ca, gl: Debian's PO catalogues), measured with
# benchmarks/route_choice.py (figures in docs/rules/measurements.md, "Routes").
APERTIUM_PIVOTS: dict[str, tuple[str, ...]] = {
    "en": ("es", "gl", "ca"),  # chrF 75.3, 73.5, 68.1 (150 manual-page sentences each)
    "es": ("gl", "ca", "pt", "fr", "it", "en"),  # 96.3, 95.9, 95.3, 89.5, 88.4, 73.5
    "fr": ("ca", "es"),  # 90.6, 86.3
    "it": ("ca", "es"),  # 91.1, 89.6
    "pt": ("gl", "es", "ca"),  # 96.7, 94.8, 89.9
    "ca": ("es", "pt", "fr", "it", "en"),  # 93.7, 88.9, 87.4, 85.9, 72.9 (catalogue messages)
    "gl": ("pt", "es", "en"),  # 97.1, 95.8, 76.0 (catalogue messages)
    "ru": ("uk",),  # 89.0
    "uk": ("ru",),
    "nl": ("af",),  # 77.6
    "af": ("nl",),
}

# The Debian package that gives a language an Apertium round trip (scripts/install-engines installs them all).
APERTIUM_PACKAGES: dict[str, str] = {
    "en": "apertium-eng-spa", "es": "apertium-eng-spa", "fr": "apertium-fr-es", "it": "apertium-spa-ita",
    "pt": "apertium-es-pt", "ca": "apertium-spa-cat", "gl": "apertium-es-gl", "ru": "apertium-rus-ukr",
    "uk": "apertium-rus-ukr", "nl": "apertium-afr-nld", "af": "apertium-afr-nld",
}

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese", "ca": "Catalan",
    "gl": "Galician", "ru": "Russian", "uk": "Ukrainian", "nl": "Dutch", "af": "Afrikaans", "de": "German",
}


@dataclass(frozen=True)
class Route:
    """One language's round trip: ``lang -> pivot -> lang`` on ``engine`` (``""``: nothing installed serves it)."""

    lang: str
    engine: str
    pivots: tuple[str, ...]


def parse_pivots(values: Iterable[str]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """``("es", "fr=es", "ru=uk")`` -> bare pivots ``("es",)`` and per-language ``{"fr": ("es",), "ru": ("uk",)}``."""
    bare: list[str] = []
    per: dict[str, list[str]] = {}
    for value in values:
        lang, sep, pivot = value.partition(SEP)
        if sep:
            per.setdefault(lang.strip(), []).append(pivot.strip())
        else:
            bare.append(value.strip())
    return tuple(bare), {k: tuple(v) for k, v in per.items()}


def check_pivot_spec(values: Iterable[str]) -> str | None:
    """What is wrong with a ``--pivot`` value, or None: every entry a code or ``lang=code``, no language twice."""
    seen: set[str] = set()
    for value in values:
        lang, sep, pivot = value.partition(SEP)
        codes = (lang, pivot) if sep else (value,)
        if not all(c.strip().replace("-", "").replace("_", "").replace("~", "").isalnum() for c in codes):
            return f"{value!r} is neither a language code (es) nor LANG=PIVOT (fr=es)"
        if sep and lang == pivot:
            return f"{value!r}: a language cannot pivot through itself"
        if sep:
            if lang in seen:
                return f"{lang!r} is given a pivot twice"
            seen.add(lang)
    return None


class RoutedEngine(Engine):
    """Several engines, each pair served by the first that has both of its legs (else the first with the leg)."""

    def __init__(self, engines: Sequence[Engine]):
        if len(engines) < 2:
            raise ValueError("a routed engine needs at least two engines")
        self.engines = list(engines)
        self.name = "+".join(e.name for e in self.engines)

    def engine_for(self, src: str, tgt: str) -> Engine | None:
        for engine in self.engines:
            if engine.can_translate(src, tgt) and engine.can_translate(tgt, src):
                return engine
        return next((e for e in self.engines if e.can_translate(src, tgt)), None)

    def _engine(self, src: str, tgt: str) -> Engine:
        engine = self.engine_for(src, tgt)
        if engine is None:
            raise KeyError(f"no engine among {self.name} translates {src}->{tgt}")
        return engine

    def directions(self) -> set[tuple[str, str]]:
        return set().union(*(e.directions() for e in self.engines))

    def model_id(self, src: str, tgt: str) -> str:
        return self._engine(src, tgt).model_id(src, tgt)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        return self._engine(src, tgt).translate(texts, src, tgt)

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        return self._engine(src, tgt).score(sources, targets, src, tgt)

    def rule_based(self, src: str, tgt: str) -> bool:
        engine = self.engine_for(src, tgt)
        return engine is not None and engine.rule_based(src, tgt)

    def settings(self) -> dict:
        return {e.name: e.settings() for e in self.engines}


def serving_engine(engine: Engine, src: str, pivot: str) -> str:
    """The name of the engine that serves ``src <-> pivot`` under ``engine`` (a cache, a routed engine)."""
    inner = getattr(engine, "inner", engine)
    if isinstance(inner, RoutedEngine):
        found = inner.engine_for(src, pivot)
        return found.name if found else ""
    return inner.name if inner.can_translate(src, pivot) and inner.can_translate(pivot, src) else ""


def _engine_rank(engine: Engine, src: str, pivot: str) -> int:
    inner = getattr(engine, "inner", engine)
    if isinstance(inner, RoutedEngine):
        found = inner.engine_for(src, pivot)
        return inner.engines.index(found) if found is not None else len(inner.engines)
    return 0


def route_for(engine: Engine, lang: str, bare: Sequence[str] = (), fixed: dict[str, tuple[str, ...]] | None = None
              ) -> Route:
    """The best route for ``lang`` (see the module docstring)."""
    if fixed and lang in fixed:
        pivots = fixed[lang]
        return Route(lang, serving_engine(engine, lang, pivots[0]), pivots)
    directions = engine.directions()
    candidates = sorted(p for s, p in directions if s == lang and p != lang and (p, lang) in directions)
    if not candidates:
        return Route(lang, "", ())
    asked = [p for p in bare if p in candidates]
    if asked:  # --pivot es: wherever an engine can take it, whichever engine that is
        return Route(lang, serving_engine(engine, lang, asked[0]), tuple(asked))
    best_rank = min(_engine_rank(engine, lang, p) for p in candidates)
    candidates = [p for p in candidates if _engine_rank(engine, lang, p) == best_rank]
    measured = APERTIUM_PIVOTS.get(lang, ())

    def order(p: str) -> tuple[int, int, str]:
        return (measured.index(p) if p in measured else len(measured), p != "en", p)

    best = min(candidates, key=order)
    return Route(lang, serving_engine(engine, lang, best), (best,))


def plan_entries(engine: Engine, pivots: Sequence[str]) -> tuple[str, ...]:
    """``pivots`` (as given) plus a ``lang=pivot`` entry for every language ``engine`` can round-trip and
    ``pivots`` does not fix: what the pipeline's :func:`~translate_cmp.engines.round_trip.pivots_for` reads."""
    bare, fixed = parse_pivots(pivots)
    langs = sorted({s for s, _ in engine.directions()} - set(fixed))
    entries = list(pivots)
    for lang in langs:
        route = route_for(engine, lang, bare)
        entries.extend(f"{lang}{SEP}{p}" for p in route.pivots)
    return tuple(entries)


def install_hint(lang: str, pivot: str = "") -> str:
    """The one command that would give ``lang`` a round trip: an Apertium package, else an argos pair."""
    package = APERTIUM_PACKAGES.get(lang)
    if package and (not pivot or pivot in APERTIUM_PIVOTS.get(lang, ())):
        return f"apt-get install apertium {package}  (or scripts/install-engines)"
    other = pivot or ("en" if lang != "en" else "es")
    return (f"translate-cmp models install --from-index {lang} {other} && "
            f"translate-cmp models install --from-index {other} {lang}  (argos {lang}<->{other})")


def no_route_reason(lang: str, pivot: str = "") -> str:
    """Why nothing installed round-trips ``lang`` (one clause)."""
    name = LANGUAGE_NAMES.get(lang, lang)
    if pivot:
        return f"no installed engine translates {lang}->{pivot}->{lang}"
    if lang not in APERTIUM_PACKAGES:
        return f"Apertium has no pair for {name} and no argos models for it are installed"
    return f"neither argos models nor the Apertium pair for {name} are installed"
