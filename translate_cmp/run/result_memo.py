"""Whole document results kept in the translation cache's database, keyed by everything that decides them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict

from translate_cmp.engines.cache import CachingEngine, TranslationCache
from translate_cmp.records import Document, DocumentResult
from translate_cmp.run import result_record
from translate_cmp.run.signature import RunSignature


class ResultMemo:
    """Whole :class:`DocumentResult` s in the cache, keyed by everything that decides them.

    The key of a document is a digest of its id, path, text, encoding and localisation unit, and of the
    run's :class:`~translate_cmp.run.signature.RunSignature` (code, libraries, engine, its settings and every
    model id, the selected rule codes and the pivots) and the run's own settings. Change any of them and the
    stored results stop matching. Values are JSON records (:mod:`translate_cmp.run.result_record`), checked field by
    field as they are read: one of another format, or one that does not fit, counts as a miss.
    """

    def __init__(self, cache: TranslationCache, fingerprint: str):
        self.cache = cache
        self.fingerprint = fingerprint
        self.hits = 0

    @classmethod
    def for_run(cls, engine: CachingEngine, rule_codes: Iterable[str], pivots: Sequence[str],
                **settings) -> ResultMemo:
        """``settings``: anything else that changes results or errors (e.g. ``strict``)."""
        return cls(engine.cache, RunSignature.of(engine, rule_codes, pivots).digest(run=settings))

    def key(self, document: Document) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        # the localisation unit (fuzzy state, ids, languages, source...) decides rules and rows too
        unit = json.dumps(asdict(document.unit), sort_keys=True, ensure_ascii=False) if document.unit else ""
        for part in (document.doc_id, document.path, document.text, document.encoding, unit):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, keys: Sequence[str]) -> dict[str, DocumentResult]:
        out: dict[str, DocumentResult] = {}
        for key, blob in self.cache.get_results(keys).items():
            try:
                out[key] = result_record.loads(blob)
            except ValueError:  # another format, or altered: recompute
                continue
        self.hits += len(out)
        return out

    def put(self, items: Iterable[tuple[str, DocumentResult]]) -> None:
        self.cache.put_results((k, result_record.dumps(r)) for k, r in items)
