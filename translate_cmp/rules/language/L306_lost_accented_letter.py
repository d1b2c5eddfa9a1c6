"""L306 lost-accented-letter: a word that lost a letter of the language's own alphabet ('cncer', 'deteccin')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from translate_cmp.lang.profile import MODULES, language
from translate_cmp.lang.wordlists import zipf
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule

# An ASCII word of five letters or more standing alone, lower case or capitalised: not part of a path, an
# address, an identifier or a hyphenated token ("mdoc", "foo_bar", "x-lang" are code, not prose).
_TOKEN = re.compile(r"(?<![\w./@\\-])(?:[a-z]{5,}|[A-Z][a-z]{4,})(?![\w/@\\-]|\.\w)")
COMMON = 3.0  # Zipf: the repaired word is seen about once per million words of the language, or more
ENGLISH = 3.0  # ... and the damaged one is not a common English word (an English term kept in the text)
# The damaged word may be in the word list, seldom: web text that lost its accents the same way ("ltimos",
# Zipf 1.3, for "últimos", 5.1; "recin" for "recién"). It is read as damaged when the repair is at least a
# thousand times as common (Zipf 3 higher); a word seen more often than that is the language's own ("pases",
# 4.0, beside "países"; "informacion", 3.9).
RARE = 1.5
GAP = 3.0


@cache
def _bases(letters: str) -> dict[str, str]:
    """ASCII letter -> the accented letters of ``letters`` written on it ("e" -> "éèêë")."""
    import unicodedata

    out: dict[str, str] = {}
    for ch in letters:
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base != ch:
            out[base] = out.get(base, "") + ch
    return out


@lru_cache(maxsize=65536)
def repair(word: str, lang: str) -> tuple[str, str] | None:
    """The word ``word`` was before it lost a letter, and how: ``(word, "letter")`` when one accented letter of the
    language was dropped ("deteccin" -> "detección"), ``(word, "accent")`` when one lost its accent; None when
    ``word`` is more than rare in the language's word list (web text writes "informacion" often enough for wordfreq
    to know it well, and "publico" and "público" are both words) or no single repair gives a word a thousand times
    as common. Remembered per word and language (words repeat; the word lists do not change in a run)."""
    letters = language(lang).accented_letters
    low = word.lower()
    seen = zipf(low, lang)
    if not letters or seen > RARE or zipf(low, "en") >= ENGLISH:
        return None
    common = max(COMMON, seen + GAP)
    best: tuple[float, str, str] | None = None
    for i in range(len(low) + 1):
        for ch in letters:
            candidate = low[:i] + ch + low[i:]
            z = zipf(candidate, lang)
            if z >= common and (best is None or z > best[0]):
                best = (z, candidate, "letter")
    bases = _bases(letters)
    for i, base in enumerate(low):
        for ch in bases.get(base, ""):
            candidate = low[:i] + ch + low[i + 1:]
            z = zipf(candidate, lang)
            if z >= common and (best is None or z > best[0]):
                best = (z, candidate, "accent")
    if best is None:
        return None
    repaired = best[1] if word.islower() else best[1][:1].upper() + best[1][1:]
    return repaired, best[2]


class LostAccentedLetter(SurfaceRule):
    code = "L306"
    name = "lost-accented-letter"
    severity = Severity.WARNING
    languages = frozenset(code for code in MODULES if language(code).accented_letters)
    summary = "A word that lost a letter of its language's alphabet or its accent: 'cncer', 'deteccin', 'rsultats'."
    why = (
        "A system or a tool on the way that cannot write the language's own letters drops them ('cncer' for "
        "'cáncer', 'travs' for 'través') or strips their accents. Every such word is a spelling "
        "error a reader sees at once, and it usually comes in bulk: one document, one system, dozens of words. "
        "Professional raters mark it as a spelling error. Only a word the language's word list does not know, "
        "or knows only as a rare slip of web text ('ltimos' beside 'últimos'), and that one accented letter put "
        "back turns into a word at least a thousand times as common, is reported, so names and terms the word "
        "list lacks, and words of their own ('pases' beside 'países'), are left alone."
    )
    instead = (
        "Put the letter back ('cáncer', 'detección', 'información'), and find the step that loses non-ASCII "
        "letters: an encoding set to ASCII or Latin-1, a filter that strips accents."
    )
    examples = (
        Example("Se pueden aplicar tcnicas no invasivas para la deteccin del cncer.", lang="es"),
        Example("Los sntomas duran una semana y la poblacin no lo sabe.", lang="es"),
        Example("Les rsultats de l'essai sont publiés demain.", lang="fr"),
        Example("En los ltimos aos, las tasas de cesárea han aumentado.", lang="es"),
    )
    counter_examples = (
        Example("Se pueden aplicar técnicas no invasivas para la detección del cáncer.", lang="es"),
        Example("Para instalar el paquete, ejecute mdoc con la opción --update.", lang="es"),
        Example("Se usó la duodenoyeyunostomía en tres pacientes.", lang="es"),
        Example("Los pases de los jugadores aumentaron en los países de ingresos altos.", lang="es"),
        Example("Les tcnicas sont", lang="en"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.source_has(ctx, hit)  # a term the source spells the same way ("Sao Paulo")

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        lang = ctx.doc_lang
        if all(repair(token, lang) is None for token in _TOKEN.findall(ctx.text)):
            return  # no token lost a letter (most sentences): told from the tokens alone, no match objects
        for m in _TOKEN.finditer(ctx.text):
            found = repair(m.group(), ctx.doc_lang)
            if found is not None:
                what = "an accented letter" if found[1] == "letter" else "its accent"
                yield Hit(m.start(), m.end(), f"'{m.group()}' lost {what}: '{found[0]}'")
