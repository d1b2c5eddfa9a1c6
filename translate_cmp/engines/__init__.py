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
    """argos when it has both legs of ``src -> pivot -> src``, else apertium when both modes exist, else none;
    with one line saying which and why."""
    legs = {(src, pivot), (pivot, src)}
    argos = _argos(**options)
    if legs <= argos.directions():
        return argos, f"engine auto: argos (models for {src}<->{pivot} installed)"
    apertium = _apertium(**options)
    if legs <= apertium.directions():
        return apertium, f"engine auto: apertium (no argos models for {src}<->{pivot}; apertium modes installed)"
    return NoneEngine(), (f"engine auto: none (neither argos models nor apertium modes for {src}<->{pivot}); "
                          "surface rules only. Install an engine with scripts/install-engines")


def create_engine(name: str, **options) -> Engine:
    """The engine called ``name``. ``auto``: see :func:`auto_engine`."""
    if name == "auto":
        return auto_engine(**options)[0]
    if "," in name:  # engines side by side: argos,apertium
        from translate_cmp.engines.side_by_side import SideBySideEngine

        return SideBySideEngine([create_engine(n.strip(), **options) for n in name.split(",") if n.strip()])
    try:
        factory = ENGINES[name]
    except KeyError:
        raise InputError("--engine", f"unknown engine {name!r}; choose from {', '.join(ENGINE_CHOICES)}") from None
    return factory(**options)
