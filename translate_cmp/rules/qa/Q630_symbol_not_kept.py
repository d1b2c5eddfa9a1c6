"""Q630 symbol-not-kept: a mathematical symbol of the source ('±', '≥', '×', '%') is missing from the translation
('42±4.75 min' became '42 4,75 мин')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import blanked, once
from translate_cmp.rules.qa.unit_rule import UnitRule

# Symbols that carry a value's meaning and that technical and scientific writing keeps as they are in every
# language that writes digits this way: plus-minus, comparisons, multiplication, per mille, per cent. Not "<", ">"
# and "=" (prose writes "less than", "plus de"; markup and code use them), nor "°" (degrees are often written out).
SYMBOLS = "±≥≤≠×‰%"
# How a language writes out the per-cent sign: a translation may say "15 Prozent" for "15%". A word starting
# with one of these counts as the sign.
PERCENT_WORDS = {
    "en": ("percent", "per cent"), "de": ("prozent",), "es": ("por ciento",), "fr": ("pour cent", "pourcent"),
    "it": ("per cento", "percento"), "pt": ("por cento",), "nl": ("procent",), "ru": ("процент",),
    "uk": ("відсот",), "pl": ("procent",), "ca": ("per cent",), "gl": ("por cento",),
}
_EQUIVALENT = {"×": "x*·"}  # "3 × 4" may be typed "3 x 4"


def lost_symbols(source: str, target: str, lang: str) -> list[str]:
    """The symbols of :data:`SYMBOLS` that ``source`` has more often than ``target`` (outside placeholders and URLs),
    each once; per-cent signs written out as the language's word count as kept."""
    src, tgt = blanked(source), blanked(target)
    lost = []
    for symbol in SYMBOLS:
        wanted = src.count(symbol)
        if not wanted:
            continue
        have = tgt.count(symbol) + sum(tgt.count(ch) for ch in _EQUIVALENT.get(symbol, ""))
        if symbol == "%":
            low = tgt.lower()
            have += sum(len(re.findall(rf"\b{re.escape(word)}", low)) for word in PERCENT_WORDS.get(lang, ()))
        if have < wanted:
            lost.append(symbol)
    return lost


class SymbolNotKept(UnitRule):
    code = "Q630"
    name = "symbol-not-kept"
    severity = Severity.WARNING
    summary = "A symbol of the source that carries a value's meaning (±, ≥, ≤, ≠, ×, ‰, %) is missing from the " \
              "translation: '42±4.75 min' became '42 4,75 min'."
    why = ("Without its symbol a value says something else: '42±4.75' read as '42 4,75' is two numbers, '≥ 18 years' "
           "without '≥' an exact age, '5%' without '%' a count. A machine translation system drops symbols it "
           "cannot place, and a segment whose end was cut off or that was replaced by another sentence loses its "
           "symbols with the rest: both are errors a reader cannot repair.")
    instead = ("Keep each symbol as the source writes it (the per-cent sign may be written out as the language's "
               "word: 'Prozent', 'por ciento', 'процентов'; '×' may be typed 'x'), and translate all of the source. "
               "Each symbol counts as often as the source has it; symbols inside placeholders and URLs are not "
               "read. Not read: '<', '>' and '=' (prose writes 'less than'; markup uses them) and '°'.")
    examples = (
        Example("The time was 42±4.75 min.", translation="Время составило 42 4,75 мин.", lang="ru"),
        Example("Patients aged ≥ 65 years", translation="Pacientes de 65 años", lang="es"),
        Example("Cases fell by 12%.", translation="Les cas ont diminué de 12.", lang="fr"),
    )
    counter_examples = (
        Example("The time was 42±4.75 min.", translation="Время составило 42±4,75 мин.", lang="ru"),
        Example("Cases fell by 12%.", translation="Die Fälle gingen um 12 Prozent zurück.", lang="de"),
        Example("Cases fell by 12 percent.", translation="Los casos bajaron un 12 %.", lang="es"),
        Example("Use a 3 × 4 grid.", translation="Utilisez une grille de 3 x 4.", lang="fr"),
        Example("Progress: %d%% done", translation="Fortschritt: %d%% erledigt", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        lost = lost_symbols(source, target, ctx.doc_lang)
        if lost:
            yield from once(ctx, f"the source's {' '.join(lost)} not in the translation")


RULES = (SymbolNotKept(),)
