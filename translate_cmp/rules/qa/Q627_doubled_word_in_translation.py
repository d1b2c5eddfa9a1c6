"""Q627 doubled-word-in-translation: the same word twice in a row in the translation, not in the source, in the
languages S109 does not serve."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import language
from translate_cmp.lang.wordlists import LANGS
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import at, blanked
from translate_cmp.rules.qa.unit_rule import UnitRule
from translate_cmp.rules.spacing.S109_doubled_word import _DOUBLED_WORD


class DoubledWordInTranslation(UnitRule):
    code = "Q627"
    name = "doubled-word-in-translation"
    severity = Severity.WARNING
    except_languages = LANGS  # S109 reads these, with their grammar's deliberate doubles
    summary = "The same word twice in a row in the translation ('die die', 'ja ja') where the source has no " \
              "doubled word, in any language S109 does not serve."
    why = "A doubled word is a slip; the source shows whether the double was meant ('bye bye', 'Bora Bora')."
    instead = "Drop one. Languages with word lists (en es de fr pt it nl ru) are S109's, which knows their " \
              "deliberate doubles ('nous nous', 'die die')."
    examples = (
        Example("Delete the file", translation="Skrap die die lêer", lang="af"),
        Example("Save the file", translation="Tallenna tiedosto tiedosto", lang="fi"),
    )
    counter_examples = (
        Example("Delete the file", translation="Skrap die lêer", lang="af"),
        Example("Bye bye", translation="Dag dag", lang="af"),
        Example("  --time=WORD  change the time WORD names", translation="  --time=WORD  WORD 指定した時刻を変更",
                lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        doubles = list(_DOUBLED_WORD.finditer(blanked(target)))
        if not doubles or _DOUBLED_WORD.search(blanked(source)):
            return  # none, or the source doubles a word on purpose: the translation may too (the source read last)
        deliberate = language(ctx.doc_lang).deliberate_doubles
        for m in doubles:
            word = m.group(1)
            if word.lower() in deliberate or (len(word) > 1 and word.isupper() != m.group(2).isupper()):
                continue
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source):
                continue  # a word of the source kept as it is: a metavariable or code ("WORD WORD 指定")
            yield from at(ctx, m.start(), m.end(), f"'{word.lower()}' twice in a row; the source has no doubled word")


RULES = (DoubledWordInTranslation(),)
