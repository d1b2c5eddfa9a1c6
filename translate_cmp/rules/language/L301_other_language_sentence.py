"""L301 other-language-sentence: a sentence in another language than its document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from translate_cmp.lang.detect import UNDETERMINED, detect, grammar_words
from translate_cmp.lang.profile import misread_codes, same_language
from translate_cmp.lang.second_opinion import (
    MIN_LETTERS,
    MIN_WORDS,
    foreign_confidence,
    no_language_evidence,
    plain_words,
    required_confidence,
)
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view


def _misled(ctx: RuleContext, lang: str) -> bool:
    """The document's own detection was misled (a Spanish manual page read as English for its command lines): no
    sentence of three words or more is in the document's language, or ``lang`` has two sentences of prose or more
    and two thirds of the prose's letters. Sentences of prose: a detected language and the words L301 needs."""
    view = doc_view(ctx)
    found = view.memo.get("L301")
    if found is None:
        letters: Counter[str] = Counter()
        sentences: Counter[str] = Counter()
        clauses: Counter[str] = Counter()  # sentences of three words or more, any language
        for s in ctx.sentences:
            words = plain_words(s.text)
            if len(words) < 3:
                continue
            lang_of = s.lang or detect(s.text).lang  # the flag stage may not have detected every sentence
            code = misread_codes().get(lang_of, lang_of)
            clauses[code] += code != UNDETERMINED
            if code != UNDETERMINED and len(words) >= MIN_WORDS:
                letters[code] += sum(len(w) for w in words)
                sentences[code] += 1
        found = view.memo["L301"] = (letters, sentences, clauses)
    letters, sentences, clauses = found
    own = sum(n for code, n in clauses.items() if same_language(code, ctx.doc_lang))
    total = sum(letters.values())
    return not own or (sentences[lang] >= 2 and 3 * letters[lang] >= 2 * total)


def _other_language(lang: str, prob: float, doc_lang: str) -> tuple[str, str, float] | None:
    """``(langdetect's code, the language it stands for, how sure)`` of a sentence read as ``lang`` with ``prob``,
    or None where that is no other language than ``doc_lang``'s, or not sure enough."""
    read = lang
    # on one sentence Dutch reads as Afrikaans ("Volgens het ministerie kost het plan ruim twee miljard euro."
    # came back ``af``); lingua, deciding between the document's language and the one read, judges it as Dutch
    misread = misread_codes()
    if doc_lang not in misread:
        lang = misread.get(lang, lang)
    # read as a neighbour, langdetect splits its probability between the two: lingua's judgement
    # between the document's language and ``lang`` (below) is the one that counts then
    sure = prob if read == lang else 1.0
    if lang == UNDETERMINED or same_language(lang, doc_lang) or sure < 0.7 or misread.get(doc_lang) == lang:
        return None  # (a Dutch document langdetect read as Afrikaans is a Dutch one)
    return read, lang, sure


class OtherLanguageSentence(SurfaceRule):
    code = "L301"
    name = "other-language-sentence"
    severity = Severity.ERROR
    languages = None
    except_languages = frozenset({UNDETERMINED})  # a document in no known language: nothing to differ from
    off_for_units = False  # a unit's findings stand as they are
    summary = "A sentence in another language than its document: an untranslated leftover (long sentences only)."
    why = (
        "A sentence the engine did not translate is left in the source language. Language identifiers are "
        "unreliable on short text (langdetect: 98% on sentences, 82% on word pairs, 65% on single words) and "
        "report probability 1.0 for code and name lists, so the detector's verdict is only a first filter: "
        "the sentence needs at least 6 words of prose (30 letters), at most half of them capitalised (unless "
        "three or more are grammar words of another language: 'Les Bleus ont battu l'Italie au Stade de "
        "France'), fewer than a quarter English grammar words (in English documents), at least two distinct "
        "grammar words of the detected language (``lexicon.FOREIGN_FUNCTION_WORDS`` and langdata's "
        "closed-class words), and lingua's agreement, deciding between the two languages, with a confidence "
        "that rises for shorter sentences. Dutch that langdetect reads as Afrikaans is judged as Dutch, in a sentence "
        "and in a document. A language that holds the document's prose is no leftover: the "
        "document's own detection was misled (a manual page read as English for its command lines): no sentence "
        "of three words in the document's language, or two thirds of its prose in the other one."
    )
    instead = "Translate the sentence, or mark the quotation as deliberately in its original language."
    examples = (
        Example(
            "Macron met European leaders in Paris on Monday. El presidente francés dijo que no descarta el envío "
            "de tropas occidentales a Ucrania. The meeting ended late."
        ),
        Example(
            "The summit ended without a deal. Die Bundesregierung hat am Montag erklärt, dass sie keine Truppen "
            "schicken wird."
        ),
        Example(
            "Der Gipfel ging am Montag ohne Einigung zu Ende. El presidente francés dijo que no descarta el envío "
            "de tropas occidentales a Ucrania.",
            lang="de",
        ),
    )
    counter_examples = (
        Example("WHY THIS MATTERS. By admin. jens stoltenberg, Olaf Scholz, Andrzej Duda and Pedro Sánchez."),
        Example("Russian troops have recently made advances into Ukrainian territory, while Ukrainians suffer."),
        Example("The file's metadata: identical for all 3,770 system-segments.\nglobal_seg_id WMT global segment id"),
        Example(
            "Der Gipfel ging am Montag ohne Einigung zu Ende. Olaf Scholz, Emmanuel Macron, Andrzej Duda und "
            "Pedro Sánchez.",
            lang="de",
        ),
    )
    _MIN_WORDS = MIN_WORDS
    _MIN_LETTERS = MIN_LETTERS

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        doc_lang = ctx.doc_lang
        if not doc_lang:
            return  # no document language given: nothing to differ from
        sentence = ctx.sentence
        if sentence.lang and _other_language(sentence.lang, sentence.lang_prob, doc_lang) is None:
            return  # its known language is the document's, or unsure (the test below, before the words are read)
        words = plain_words(sentence.text)
        if len(words) < self._MIN_WORDS or sum(len(w) for w in words) < self._MIN_LETTERS:
            return
        lang, prob = sentence.lang, sentence.lang_prob
        if not lang:
            found = detect(sentence.text)
            lang, prob = found.lang, found.prob
        judged = _other_language(lang, prob, doc_lang)
        if judged is None:
            return
        read, lang, sure = judged
        if _misled(ctx, lang):
            return  # the document's prose is in that language: code and names misled its detection
        if no_language_evidence(words, doc_lang):
            return  # names and headings fool n-gram detectors; English grammar: an English sentence
        lowered = [w.lower() for w in words]
        grammar = grammar_words(lang)  # any pair: "de", "nesta" are Portuguese grammar too
        if not grammar:
            return
        hits = [w for w in lowered if w in grammar]
        if len(set(hits)) < 2 or 100 * len(hits) < 15 * len(words):
            return
        if sure < 0.9 and len(set(hits)) < 3:
            return  # a less certain detection needs more of the language's grammar words
        second = foreign_confidence(sentence.text, doc_lang, lang)
        if second is not None and second < required_confidence(len(words)):
            return  # lingua, deciding between the two languages, is not sure enough for this length
        how = f"p={prob:.2f}" if read == lang else f"read as {read}, p={prob:.2f}"
        yield Hit(0, len(sentence.text), f"sentence looks {lang} ({how}) in a {doc_lang} document")
