"""What a run says about its routes: per document language, which engine and pivot served how many sentences,
and for a language nothing served, why and the one command that would install a route.

One record feeds run.json's ``routes`` and the terminal's ``route`` lines (translate_cmp/run/job.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from translate_cmp.engines.base import Engine
from translate_cmp.engines.round_trip import pivots_for
from translate_cmp.engines.routes import LANGUAGE_NAMES, install_hint, no_route_reason, serving_engine
from translate_cmp.engines.side_by_side import split_tag
from translate_cmp.pipeline import RunStats


def route_summary(engine: Engine, stats: RunStats, pivots: Sequence[str], hints: bool = True) -> dict[str, dict]:
    """``{lang: {"engine", "pivots", "sentences", "untranslated"[, "reason", "install"]}}`` for every document
    language of the run, in code order; ``hints`` (not under ``--engine none``): why a language got no round
    trip and the command that would install one."""
    langs = sorted({lang for lang, _ in stats.routes} | set(stats.unrouted))
    out: dict[str, dict] = {}
    for lang in langs:
        served = {p: n for (l2, p), n in stats.routes.items() if l2 == lang}
        planned = pivots_for(lang, pivots)
        engines = sorted({serving_engine(engine, lang, split_tag(p)[0]) or split_tag(p)[1] for p in served})
        record: dict = {
            "engine": "+".join(e for e in engines if e) or None,
            "pivots": {p: served[p] for p in sorted(served, key=lambda p: (planned.index(p) if p in planned
                                                                           else len(planned), p))},
            "sentences": max(served.values(), default=0),
            "untranslated": stats.unrouted.get(lang, 0),
        }
        if record["untranslated"] and not served and hints:
            missing = next((p for p in planned if not serving_engine(engine, lang, split_tag(p)[0])), "")
            explicit = any(e.startswith(f"{lang}=") for e in pivots)
            record["reason"] = no_route_reason(lang, missing if explicit else "")
            record["install"] = install_hint(lang, missing if explicit else "")
        out[lang] = record
    return out


def route_lines(summary: dict[str, dict]) -> list[str]:
    """One terminal line per language."""
    lines = []
    for lang, r in summary.items():
        name = LANGUAGE_NAMES.get(lang, lang)
        total = r["sentences"] + r["untranslated"]
        if r["sentences"]:
            via = ", ".join(f"{lang}->{p}->{lang} {n}" for p, n in r["pivots"].items())
            lines.append(f"translate-cmp: route {lang} ({name}): {r['engine']} {via} of {total} sentences")
        if r["untranslated"] and "reason" in r:
            lines.append(f"translate-cmp: no round trip for {lang} ({name}, {r['untranslated']} of {total} sentences):"
                         f" {r['reason']}; install: {r['install']}")
    return lines
