"""One speed/quality knob for the translation engine, and threads from the machine's cores.

``--quality`` picks the decoding settings that trade speed for translation quality:

========  =========  ============  ==========================================================
quality   beam size  compute type  use
========  =========  ============  ==========================================================
fast      1          int8          greedy decoding: the quickest screening of large inputs
balanced  2          int8          the default: avoids greedy's worst dead ends at a fraction of beam 4's cost
best      4          auto          argos's own decoding settings (``auto``: CTranslate2 picks the type)
========  =========  ============  ==========================================================

Threads follow the machine's cores in the engine itself
(:func:`translate_cmp.engines.argos.default_threads`: one single-threaded translator per core up
to four cores, then four translators sharing the cores); executors that give a worker only part
of a machine pass that share as ``cores`` (see :meth:`translate_cmp.run.executors.WorkSpec.build_engine`).
"""

from __future__ import annotations

from dataclasses import dataclass

QUALITIES = ("fast", "balanced", "best")
DEFAULT_QUALITY = "balanced"


@dataclass(frozen=True)
class Decoding:
    beam_size: int
    compute_type: str


_DECODING = {
    "fast": Decoding(beam_size=1, compute_type="int8"),
    "balanced": Decoding(beam_size=2, compute_type="int8"),
    "best": Decoding(beam_size=4, compute_type="auto"),
}


def engine_options(quality: str = DEFAULT_QUALITY) -> dict:
    """Keyword options for the argos engine: beam size and compute type."""
    try:
        decoding = _DECODING[quality]
    except KeyError:
        raise ValueError(f"unknown quality {quality!r}; choose from {', '.join(QUALITIES)}") from None
    return {"beam_size": decoding.beam_size, "compute_type": decoding.compute_type}
