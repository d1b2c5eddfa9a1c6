"""The engine registry, in one place: name -> factory. ``auto`` takes argos, else apertium, else none."""

from __future__ import annotations

from collections.abc import Callable

from translate_cmp.engines.base import Engine
from translate_cmp.engines.none import NoneEngine
from translate_cmp.errors import InputError


def _argos(**options) -> Engine:
    from translate_cmp.engines.argos import ArgosEngine

    return ArgosEngine(**options)


def _apertium(**options) -> Engine:
    from translate_cmp.engines.apertium import ApertiumEngine

    return ApertiumEngine(**{k: v for k, v in options.items() if k in ("binary", "chunk")})


ENGINES: dict[str, Callable[..., Engine]] = {
    "argos": _argos, "apertium": _apertium, "none": lambda **_: NoneEngine(),
}
ENGINE_CHOICES = ("auto", *ENGINES)


def auto_engine(src: str = "en", pivot: str = "es", **options) -> tuple[Engine, str]:
    """Every installed engine that can translate something, argos first (one :class:`RoutedEngine` when both
    can: each language pair goes to the first with both legs, see translate_cmp/engines/routes.py), else none;
    with one line saying which. ``src`` and ``pivot`` are accepted for old callers and not used: routes are
    chosen per document language."""
    found = [e for e in (_argos(**options), _apertium(**options)) if e.directions()]
    if not found:
        return NoneEngine(), ("engine auto: none (neither argos models nor apertium modes installed); "
                              "surface rules only. Install an engine with scripts/install-engines")
    if len(found) == 1:
        return found[0], f"engine auto: {found[0].name} ({_served(found[0])})"
    from translate_cmp.engines.routes import RoutedEngine

    routed = RoutedEngine(found)
    return routed, (f"engine auto: {routed.name} (argos: {_served(found[0])}; apertium: {_served(found[1])}; "
                    "each language goes to the first with both legs)")


def _served(engine: Engine) -> str:
    """``round trips for ca, en, es`` : the languages an engine can take there and back."""
    dirs = engine.directions()
    langs = sorted({s for s, t in dirs if (t, s) in dirs})
    return f"round trips for {', '.join(langs)}" if langs else "no round trip"


def create_engine(name: str, **options) -> Engine:
    """The engine called ``name``. ``auto``: see :func:`auto_engine`."""
    if name == "auto":
        return auto_engine(**options)[0]
    if "+" in name:  # engines routed per language pair: argos+apertium (what auto resolves to)
        from translate_cmp.engines.routes import RoutedEngine

        return RoutedEngine([create_engine(n.strip(), **options) for n in name.split("+") if n.strip()])
    if "," in name:  # engines side by side: argos,apertium
        from translate_cmp.engines.side_by_side import SideBySideEngine

        return SideBySideEngine([create_engine(n.strip(), **options) for n in name.split(",") if n.strip()])
    try:
        factory = ENGINES[name]
    except KeyError:
        raise InputError("--engine", f"unknown engine {name!r}; choose from {', '.join(ENGINE_CHOICES)}") from None
    return factory(**options)
