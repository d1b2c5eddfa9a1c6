"""Bilingual mode: align a source article with its given translation and flag divergences.

source -> detect + segment; translation -> detect + segment; the translation's sentences are
translated back into the source language when the engine can (or used as they are when both are in
the same language); the monotone aligner pairs them (translate_cmp/align.py); each source sentence
gets its counterpart, a chrF against it, and the C5xx rules.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from translate_cmp.align import Bead, align
from translate_cmp.engines.base import Engine
from translate_cmp.errors import InputError
from translate_cmp.pipeline import Analysed, RunStats, analyse
from translate_cmp.records import Document, DocumentResult, RoundTrip, Scores, SentenceResult
from translate_cmp.rules.base import Counterpart, Rule
from translate_cmp.rules.flag import flag_document
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.score.risk import risk
from translate_cmp.score.worddiff import word_diff


def back_translate(engine: Engine, target: Analysed, src_lang: str) -> list[str] | None:
    """The translation's sentences in the source language, or None when no engine can do it: directly, else
    through one language in between (the first, in code order, with both legs installed)."""
    texts = [s.text for s in target.sentences]
    if target.lang == src_lang:
        return texts
    if engine.can_translate(target.lang, src_lang):
        return [t.text for t in engine.translate(texts, target.lang, src_lang)]
    between = sorted(p for s, p in engine.directions() if s == target.lang and engine.can_translate(p, src_lang))
    if not between:
        return None
    middle = [t.text for t in engine.translate(texts, target.lang, between[0])]
    return [t.text for t in engine.translate(middle, between[0], src_lang)]


def analyse_as(document: Document, lang: str | None) -> Analysed:
    """detect + segment, or with ``lang`` given, segment in that language with every sentence in it."""
    if not lang:
        return analyse(document)
    from translate_cmp.lang.detect import Detection, with_languages
    from translate_cmp.segment import segment

    given = Detection(lang, 1.0)
    return Analysed(document, lang, 1.0, with_languages(segment(document, lang), given))


def counterparts(source: Analysed, target: Analysed, back: Sequence[str] | None, beads: Sequence[Bead]
                 ) -> list[Counterpart]:
    """One Counterpart per source sentence, from the alignment."""
    src_len = sum(len(s.text) for s in source.sentences) or 1
    doc_ratio = (sum(len(t.text) for t in target.sentences) or 1) / src_len
    out: dict[int, Counterpart] = {}
    pending_added: list[str] = []
    last_src: int | None = None
    for bead in beads:
        tgt_text = " ".join(target.sentences[j].text for j in bead.tgt)
        if not bead.src:
            if last_src is None:
                pending_added.append(tgt_text)
            else:
                prev = out[last_src]
                out[last_src] = Counterpart(prev.kind, prev.text, prev.back, (*prev.added, tgt_text), prev.length_ratio)
            continue
        joined_len = sum(len(source.sentences[i].text) for i in bead.src) or 1
        ratio = (len(tgt_text) / joined_len) / doc_ratio if bead.tgt else 0.0
        back_text = " ".join(back[j] for j in bead.tgt) if back is not None and bead.tgt else None
        for i in bead.src:
            out[i] = Counterpart(bead.kind, tgt_text, back_text, tuple(pending_added), ratio)
            pending_added = []
            last_src = i
    return [out[i] for i in range(len(source.sentences))]


@cache
def _chrf_f1():
    from sacrebleu.metrics import CHRF

    return CHRF(beta=1)


def pair_similarity(back: str, source: str) -> float:
    """How alike a back-translation and a source text are, in [0, 1], for the aligner.

    chrF with beta 1 (precision counts as much as recall, so a target sentence glued onto a pair
    lowers it: the default beta 2 lets merges absorb neighbours), on lower-cased text (engines
    change the case of ALL-CAPS headings: "WHY THIS MATTERS." -> "Why THESE SUBJECTS.").
    """
    return _chrf_f1().sentence_score(back.lower(), [source.lower()]).score / 100.0


@cache
def _chrf_recall():
    from sacrebleu.metrics import CHRF

    return CHRF(beta=10)


def coverage(part: str, whole: str) -> float:
    """How much of ``part`` is found in ``whole`` (chrF with beta 10: recall, nearly), lower-cased.

    A merge link (2:1, 1:2) is only as good as its worst-covered part: that keeps a short heading
    from being absorbed into its neighbour's link, where it would cost the merged pair next to nothing.
    """
    return _chrf_recall().sentence_score(whole.lower(), [part.lower()]).score / 100.0


@dataclass(frozen=True)
class Alignment:
    """Both documents analysed, the translation's sentences in the source language (None without an
    engine), and the aligner's links."""

    source: Analysed
    target: Analysed
    back: list[str] | None
    beads: list[Bead]


def align_documents(source_doc: Document, target_doc: Document, engine: Engine, scorer: SentenceScorer,
                    source_lang: str | None = None, target_lang: str | None = None) -> Alignment:
    """detect (unless the languages are given) + segment both, translate the translation back, align (what
    benchmarks/compare_alignment.py scores)."""
    source, target = analyse_as(source_doc, source_lang), analyse_as(target_doc, target_lang)
    back = back_translate(engine, target, source.lang)

    @cache
    def similarity_of(src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> float:
        hyp = " ".join(back[j] for j in tgt_ids)
        ref = " ".join(source.sentences[i].text for i in src_ids)
        value = pair_similarity(hyp, ref)
        if len(src_ids) > 1:
            value = min(value, *(coverage(source.sentences[i].text, hyp) for i in src_ids))
        if len(tgt_ids) > 1:
            value = min(value, *(coverage(back[j], ref) for j in tgt_ids))
        return value

    similarity = (lambda i, j: similarity_of(tuple(i), tuple(j))) if back is not None else None
    beads = align([len(s.text) for s in source.sentences], [len(t.text) for t in target.sentences], similarity)
    return Alignment(source, target, back, beads)


def compare_documents(source_doc: Document, target_doc: Document, engine: Engine, rules: Sequence[Rule],
                      scorer: SentenceScorer | None = None, source_lang: str | None = None,
                      target_lang: str | None = None) -> DocumentResult:
    scorer = scorer or SentenceScorer()
    aligned = align_documents(source_doc, target_doc, engine, scorer, source_lang, target_lang)
    source, target, back = aligned.source, aligned.target, aligned.back
    cps = counterparts(source, target, back, aligned.beads)
    links = {i: bead.tgt for bead in aligned.beads for i in bead.src}
    trips = [RoundTrip(pivot_lang=target.lang, pivot_text=cp.text, back_text=cp.back or "", aligned=links.get(i, ()))
             for i, cp in enumerate(cps)]
    scores: list[Scores | None] = [
        scorer.score(cp.back, s.text) if cp.back is not None and cp.text else None
        for s, cp in zip(source.sentences, cps)
    ]
    from translate_cmp.rules.settings import rules_for

    flags = flag_document(source_doc, source.lang, source.sentences, rules_for(rules, source_doc), round_trips=trips,
                          scores=scores, counterparts=cps)
    results = [
        SentenceResult(s, rt, sc, word_diff(s.text, cp.back) if cp.back else "", fl,
                       risk(fl, sc, s.text, s.lang or source.lang))
        for s, rt, sc, fl, cp in zip(source.sentences, trips, scores, flags, cps)
    ]
    return DocumentResult(source_doc, source.lang, source.lang_prob, results)


def pair_paths(source: Path, translation: Path, follow_links: bool = False,
               notify=None) -> list[tuple[Path, Path]]:
    """Two files, or two folders whose files are paired by relative path (a missing partner is an error).

    Without ``follow_links``, a symbolic link inside SOURCE is skipped (one ``notify`` line each) and a
    partner reached through a link inside TRANSLATION is an error.
    """
    from translate_cmp.readers import check_paths, link_notice, readable_files, skipped_links

    check_paths([source, translation], follow_links)
    if source.is_dir() != translation.is_dir():
        raise InputError(str(translation), "SOURCE and TRANSLATION must both be files or both be folders")
    if not source.is_dir():
        return [(source, translation)]
    for link in skipped_links([source], follow_links):
        if notify is not None:
            notify(link_notice(link))
    pairs = []
    for path in readable_files(source, follow_links):
        rel = path.relative_to(source)
        partner = translation / rel
        linked = next((translation.joinpath(*rel.parts[:n]) for n in range(1, len(rel.parts) + 1)
                       if translation.joinpath(*rel.parts[:n]).is_symlink()), None)
        if linked is not None and not follow_links:
            raise InputError(str(linked), "symbolic link inside TRANSLATION; pass --follow-links to read it")
        if not partner.is_file():
            raise InputError(str(partner), f"no translation for {path}")
        pairs.append((path, partner))
    return pairs


def run_compare(source: Path, translation: Path, out_dir: Path, engine_name: str = "auto",
                select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                formats: Sequence[str] = ("csv", "jsonl", "html"), read_options=None, notify=None,
                glossary: str | None = None, per_file_ignores: tuple = (), config_root: str = "",
                source_lang: str | None = None, target_lang: str | None = None) -> RunStats:
    """``translate-cmp compare``: every source document against its translation, written like a run; the
    languages detected unless given."""
    from translate_cmp.engines import create_engine
    from translate_cmp.readers import ReadOptions, read_documents
    from translate_cmp.rules import select_rules
    from translate_cmp.run.job import base_manifest
    from translate_cmp.writers import open_writers

    started = time.time()
    options = read_options or ReadOptions()
    pairs = pair_paths(Path(source), Path(translation), options.follow_links, notify)
    from translate_cmp.rules.settings import RuleSettings, configure
    from translate_cmp.rules.terminology.glossary import load_glossary

    rules = configure(select_rules(select or ("C",), ignore), RuleSettings(
        glossary=load_glossary(glossary) if glossary else None, per_file_ignores=per_file_ignores, root=config_root))
    engine = create_engine(engine_name)
    scorer = SentenceScorer()
    stats = RunStats()
    rule_docs = {r.code: r.summary for r in rules}
    with open_writers(out_dir, formats) as writers:
        for src_path, tgt_path in pairs:
            (src_doc,) = read_documents([src_path], options)
            (tgt_doc,) = read_documents([tgt_path], options)
            result = compare_documents(src_doc, tgt_doc, engine, rules, scorer, source_lang, target_lang)
            stats.add(result)
            writers.write(result, rule_docs)
        writers.close({**base_manifest(engine, rule_docs, scorer, stats, started), "mode": "compare",
                       "settings": {"source": str(source), "translation": str(translation), "out_dir": str(out_dir),
                                    "source_lang": source_lang, "target_lang": target_lang}})
    return stats
