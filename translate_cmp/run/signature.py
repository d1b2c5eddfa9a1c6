"""A run's signature: everything besides the input that decides its results, recorded once.

Like sacrebleu's ``Signature`` (the settings behind every score), a :class:`RunSignature` names the
engine, its decoding settings and every model id, the selected rules, the pivots, the package's own
code and data (a digest), the versions of the libraries that segment, detect, translate and score, and the
system dictionaries the rules read (lang/hunspell.py: installing one changes what S104 says on German; lang/bilingual:
what Q644 says).
One object feeds the three places that need it: the document-result memo's keys
(:mod:`translate_cmp.run.result_memo`), the whole-run memo's key (:mod:`translate_cmp.run.memo`) and
``run.json`` (:mod:`translate_cmp.run.job`). Change any part and stored results stop matching.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

RESULT_LIBRARIES = ("sacrebleu", "langdetect", "sentencex", "ctranslate2", "sentencepiece", "argostranslate",
                    "lingua-language-detector", "wordfreq", "spacy")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of every file of the installed translate_cmp package (code and data)."""
    root = Path(__file__).resolve().parents[1]  # the translate_cmp package, not this folder
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> dict[str, str]:
    """Versions of the libraries whose behaviour shapes results (segmenting, detecting, scoring)."""
    from importlib import metadata

    out = {}
    for dist in RESULT_LIBRARIES:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = ""
    return out


@dataclass(frozen=True)
class RunSignature:
    """What decides a run's results besides its input (see the module docstring)."""

    engine: str
    engine_settings: dict[str, Any] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)  # "src->tgt": model id
    rules: tuple[str, ...] = ()
    pivots: tuple[str, ...] = ()

    @classmethod
    def of(cls, engine, rule_codes: Iterable[str], pivots: Sequence[str]) -> RunSignature:
        """The signature of a run with ``engine`` (an :class:`~translate_cmp.engines.base.Engine`)."""
        return cls(
            engine=engine.name,
            engine_settings=engine.settings(),
            models={f"{s}->{t}": engine.model_id(s, t) for s, t in sorted(engine.directions())},
            rules=tuple(sorted(rule_codes)),
            pivots=tuple(pivots),
        )

    def manifest(self) -> dict[str, Any]:
        """The parts ``run.json`` records: engine, engine_settings, models."""
        return {"engine": self.engine, "engine_settings": self.engine_settings, "models": self.models}

    def parts(self) -> dict[str, Any]:
        """Every part, the package's code digest and the library versions included."""
        from translate_cmp.lang.analyser import analyser_fingerprints
        from translate_cmp.lang.bilingual import fingerprints as lexicon_fingerprints
        from translate_cmp.lang.hunspell import dictionary_fingerprints

        return {**self.manifest(), "rules": list(self.rules), "pivots": list(self.pivots),
                "code": code_fingerprint(), "libraries": library_versions(), "dictionaries": dictionary_fingerprints(),
                "analysers": analyser_fingerprints(), "lexicons": lexicon_fingerprints()}

    def digest(self, **extra: Any) -> str:
        """A SHA-256 of every part plus ``extra`` (what else a key depends on)."""
        parts = {**self.parts(), **extra}
        return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()

    def __str__(self) -> str:
        models = ",".join(f"{d}={m}" for d, m in self.models.items()) or "-"
        return (f"engine:{self.engine}|models:{models}|rules:{len(self.rules)}|pivots:{','.join(self.pivots)}"
                f"|code:{code_fingerprint()[:12]}")
