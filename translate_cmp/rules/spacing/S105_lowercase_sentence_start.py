"""S105 lowercase-sentence-start: a sentence or a line that starts with a lower-case word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.lexicon import ABBREVIATIONS, NAME_PARTICLES
from translate_cmp.lang.tokens import COMMON, is_abbreviation
from translate_cmp.lang.wordlists import closed_class, zipf
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import keeps_own_casing, looks_like_code
from translate_cmp.rules.text import CLOSING_PUNCT, WORD, is_lower


class LowercaseSentenceStart(SurfaceRule):
    code = "S105"
    name = "lowercase-sentence-start"
    severity = Severity.WARNING
    languages = None  # every language
    summary = "A sentence or a line that starts with a lower-case word: 'jens stoltenberg,', 'office of Italy’s'."
    why = (
        "A lower-case start marks a sentence split in the wrong place, a name that lost its capitals, or the "
        "tail of a sentence whose beginning went elsewhere."
    )
    instead = "Capitalise the first word ('Jens Stoltenberg'), or join the piece to the sentence it belongs to."
    examples = (
        Example("“There are no plans to send troops,” he said. jens stoltenberg,"),
        Example("office of Italy’s Prime Minister Giorgia Meloni declared its position."),
        Example("Es gibt keine Pläne, Truppen zu schicken. der Kanzler schwieg dazu.", lang="de"),
        Example("Se desaconseja esta conducta. ya que a veces no funciona.", lang="es"),
        Example("Le district a introduit le test. nous avons comparé les cas présumés.", lang="fr"),
        Example("По данным ТАСС, встреча прошла в Кремле. «спартак» обыграл ЦСКА. в Госдуме молчат.", lang="ru"),
        Example("Il governo ha approvato il decreto. i sindacati lo hanno accolto con cautela.", lang="it"),
    )
    counter_examples = (
        Example("iPhone sales fell. eBay and von der Leyen agreed."),
        Example("The measures include:\n- more shells\n- training. The price is approx. five euros... and more."),
        Example("Wait... what happened? @macron posted it at www.example.com today."),
        Example("Las medidas son:\n- más munición\n- formación. eBay y von der Leyen están de acuerdo.", lang="es"),
        # an abbreviation is no sentence end; a command, an identifier or a term keeps its own casing
        Example("Всего 657 пац. с ишемией. cgroup корня нитей не может быть родителем.", lang="ru"),
        Example("El disp. raíz cambia. imgmath ha sido deseleccionado. “quiet” está especificada.", lang="es"),
        Example("(nur lesend) Liefert die Auflösung. crypttab-Einträge werden der Reihe nach behandelt.", lang="de"),
        Example("Utiliser gzip pour compresser. gzip est conçu comme un complément à tar.", lang="fr"),
        Example("Il formato è copiato nell'output. time stampa sempre un carattere di newline.", lang="it"),
        Example("'setup' gedefinieerd in conf.py is niet aanroepbaar. De waarde wordt gelezen. n moet positief zijn.",
                lang="nl"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.lowercase_start_explained(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        m = WORD.search(text)
        if m is None or not is_lower(m.group()) or any(ch.isalnum() for ch in text[: m.start()]):
            return
        word = m.group()
        if any(ch.isupper() for ch in word[1:]) or self._name_particle(word.lower(), ctx.doc_lang):
            return  # "iPhone", "eBay"; "von der Leyen", "de Gaulle"
        if _BULLET_START.match(text) or "`" in text[: m.start()] or looks_like_code(text, m.start(), m.end()):
            return
        if _opens_or_marks(text[: m.start()]) or _typed_literal(text, m.start(), m.end()):
            return  # "(nur lesend) Liefert": not a sentence start; ".xz", "-o", ":maxdepth:", "'setup' ...": code
        if len(word) <= 3 and text[m.end() : m.end() + 1] in (")", "."):
            return  # "a)", "iv." list markers
        if self._continues_previous(ctx):
            return
        token = _HYPHENATED.match(text, m.start()).group()  # word lists last: they load on first use
        if keeps_own_casing(token, ctx.doc_lang) or self._documents_own(ctx, word):
            return  # "imgmath ha sido", "ls usa", "time stampa", "crypttab-Einträge"; "gzip est" after "de gzip"
        yield Hit(m.start(), m.end(), f"starts with lower-case '{word}'")

    @staticmethod
    def _name_particle(low: str, lang: str) -> bool:
        """'von', 'de': a name particle; outside English not the language's own articles ('el', 'la', 'der')."""
        return low in NAME_PARTICLES and (lang == "en" or low not in closed_class(lang))

    @staticmethod
    def _documents_own(ctx: RuleContext, word: str) -> bool:
        """The document writes ``word`` in lower case elsewhere too and it is no common word of the language:
        a command or a file the document names as it is written ("de gzip. gzip est conçu")."""
        if zipf(word, ctx.doc_lang) >= COMMON:
            return False
        start = ctx.sentence.start
        return any(
            m.start() != start for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?!\w)", ctx.document.text)
        )

    @staticmethod
    def _continues_previous(ctx: RuleContext) -> bool:
        """The previous sentence does not end a sentence: a colon, a comma, an ellipsis, an abbreviation."""
        prev = ctx.prev
        if prev is None:
            return False
        tail = prev.text.rstrip().rstrip(CLOSING_PUNCT + '"')
        if ctx.document.text.count("\n", prev.end, ctx.sentence.start) >= 2:
            return tail.endswith(":")  # after a blank line only a list after a colon goes on in lower case
        if not tail.endswith((".", "!", "?")) or tail.endswith(("..", "…")):
            return True  # the same paragraph, or the next line of a hard-wrapped one
        if tail.endswith("."):
            last = tail[:-1].rsplit(None, 1)[-1] if tail[:-1].split() else ""
            if last.lower().lstrip("(") in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", last):
                return True
            if is_abbreviation(last.strip("(\"'«“‘„[)]»”’"), ctx.doc_lang):
                return True  # "(см).", "disp.": the segmenter keeps these together; a unit's policy may not
        return False


_BULLET_START = re.compile(r"^\s*(?:[-•*–—·>]|\d{1,2}[.)])")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CODE_GLUE = ".:-$%\\@#/_~=<"  # a mark glued to the word it starts: ".xz", "-o", ":maxdepth:", "$HOME"


def _opens_or_marks(prefix: str) -> bool:
    """The marks before a sentence's first word open a bracket around it, or start a code token. (A quotation is
    still a sentence start, «спартак» обыграл; a quoted identifier keeps its casing by what it is: “quiet” está.)"""
    marks = prefix.strip()
    if not marks:
        return False
    if any(ch in "([{" for ch in marks):
        return True  # a parenthesis: "(nur lesend) Liefert", "(см. также"
    return prefix[-1] in _CODE_GLUE


def _typed_literal(text: str, start: int, end: int) -> bool:
    """The word stands alone between typewriter quotes, as typed: "'setup' is not callable", '"versucht", ...'.
    (Typographic quotes are prose: «спартак» обыграл starts a sentence.)"""
    opener = text[start - 1 : start]
    return opener in ("'", '"', "`") and text[end : end + 1] == ("'" if opener == "`" else opener)
