"""The engine registry, in one place: name -> factory. ``auto`` picks argos when models are installed."""

from __future__ import annotations

from collections.abc import Callable

from translate_cmp.engines.base import Engine
from translate_cmp.engines.none import NoneEngine
from translate_cmp.errors import InputError


def _argos(**options) -> Engine:
    from translate_cmp.engines.argos import ArgosEngine

    return ArgosEngine(**options)


ENGINES: dict[str, Callable[..., Engine]] = {"argos": _argos, "none": lambda **_: NoneEngine()}
ENGINE_CHOICES = ("auto", *ENGINES)


def create_engine(name: str, **options) -> Engine:
    """The engine called ``name``. ``auto``: argos if any argos package is installed, else ``none``."""
    if name == "auto":
        engine = _argos(**options)
        return engine if engine.directions() else NoneEngine()
    try:
        factory = ENGINES[name]
    except KeyError:
        raise InputError("--engine", f"unknown engine {name!r}; choose from {', '.join(ENGINE_CHOICES)}") from None
    return factory(**options)
