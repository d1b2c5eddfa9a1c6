"""Q644 sentence-not-translated: a sentence of the English source of whose words the German translation has hardly
any, read with a bilingual lexicon: the sentence was left out, or something else stands in its place."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.lang.bilingual import Lexicon, from_english, lexicon
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, prose_lexicon
from translate_cmp.rules.qa.unit_rule import UnitRule
from translate_cmp.segment import split_spans

# Target languages read: those with a lexicon from English good enough to compare a sentence with its translation
# (FreeDict's English-German; its English-French, -Spanish and -Russian dictionaries have a gloss for too few of a
# sentence's words: docs/rules/measurements.md, issue 25)
TARGETS = frozenset({"de"})
MIN_WORDS = 4  # content words of the sentence the lexicon has
MAX_COVERED = 1 / 3  # the share of them whose gloss the translation may have
_TABLE = {"fmt": "table"}


def untranslated_sentence(source: str, target: str, source_lang: str, target_lang: str) -> str | None:
    """The first sentence of ``source`` with at least MIN_WORDS content words the lexicon has, at most MAX_COVERED
    of them with a gloss in ``target``; None when there is none, or no lexicon for the pair."""
    lex = lexicon(source_lang, target_lang)
    found = sentence_not_translated(source, target, lex) if lex is not None else None
    return found[0] if found else None


def sentence_not_translated(source: str, target: str, lex: Lexicon) -> tuple[str, int, int] | None:
    """(the sentence, its words found in ``target``, its words ``lex`` has), as :func:`untranslated_sentence`."""
    for start, end, _ in split_spans(source, "en"):  # the document segmenter's sentences
        known = from_english.words(source[start:end], target, lex)
        covered = sum(w.covered for w in known)
        if len(known) >= MIN_WORDS and covered <= MAX_COVERED * len(known):
            return source[start:end], covered, len(known)
    return None


def _quoted(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


class SentenceNotTranslated(UnitRule):
    code = "Q644"
    name = "sentence-not-translated"
    severity = Severity.WARNING
    languages = TARGETS
    lexicon_pair = ("en", "de")
    summary = ("A sentence of the English source of whose words the German translation has hardly any (a third at "
               "most), read with a bilingual lexicon (FreeDict English-German).")
    why = ("Machine translation of long segments drops a sentence now and then, or puts in its place words that "
           "translate something else (an idiom read word by word, a name taken for a word). A sentence count "
           "(Q622) sees the first only when the translation has fewer sentences; a lexicon sees that the "
           "sentence's words are not there. Raters mark these as Major omissions and mistranslations.")
    instead = ("Translate the sentence. The check looks up each content word of the source sentence (not a "
               "stop word, name, acronym or one of English's most frequent words) in FreeDict's English-German "
               "dictionary (Debian's dict-freedict-eng-deu) and looks for any of its translations in the German "
               "words, compounds and inflected forms included; a sentence of four such words or more, a third of "
               "them found at most, is flagged. Silent where the dictionary is not installed (run.json lists it as "
               "not run), on catalogues (PO, XLIFF: short messages translated freely) and for other target "
               "languages.")
    examples = (
        Example("The predators hibernate for six months. During that time they do not eat and live off their "
                "stored body fat.", translation="Die Raubtiere halten sechs Monate Winterschlaf.", lang="de",
                trip=_TABLE),
    )
    counter_examples = (
        Example("The predators hibernate for six months. During that time they do not eat and live off their "
                "stored body fat.", translation="Die Raubtiere halten sechs Monate Winterschlaf. In dieser Zeit "
                "essen sie nicht und leben von ihrem gespeicherten Körperfett.", lang="de", trip=_TABLE),
        Example("The predators hibernate for six months. During that time they do not eat and live off their "
                "stored body fat.", translation="Die Raubtiere halten sechs Monate Winterschlaf.",
                lang="de"),  # a catalogue
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lex = prose_lexicon(ctx, self.lexicon_pair)
        if lex is None:
            return
        found = sentence_not_translated(source, target, lex)
        if found is not None:
            sentence, covered, known = found
            yield from once(ctx, f"the source's sentence '{_quoted(sentence)}' is not in the translation ({covered} "
                                 f"of its {known} words found)")


RULES = (SentenceNotTranslated(),)
