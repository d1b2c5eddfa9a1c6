"""Q622 sentence-count-mismatch: the translation has a very different number of sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, sentence_count
from translate_cmp.rules.qa.unit_rule import UnitRule

MAX_LINES = 3  # a source of more lines is a help text or a table
MAX_DIFFERENCE = 1  # translators join two sentences or split one; a difference of two or more is content


_ENDS = re.compile(r"[.!?。！？؟।;·]")  # any mark that may end a sentence (Greek ";" and "·" too)
_LETTER = re.compile(r"[^\W\d_]")


class SentenceCountMismatch(UnitRule):
    code = "Q622"
    name = "sentence-count-mismatch"
    severity = Severity.WARNING
    summary = "The source and the translation differ by two or more sentences."
    why = "A sentence count that far off means a sentence was left out, or text that is not in the source was " \
          "added."
    instead = ("Translate every sentence. Joining two sentences into one or splitting one in two is the "
               "translator's call and not flagged; help texts "
               "and tables (four lines or more) and ellipses ('OPTION...') are not read.")
    examples = (
        Example("The file was saved. You can close the window now. Changes are kept.",
                translation="Die Datei wurde gespeichert.", lang="de"),
        Example("Saved. Closed. Done.", translation="Gespeichert, geschlossen, fertig", lang="de"),
    )
    counter_examples = (
        Example("The file was saved. You can close the window now.",
                translation="Die Datei wurde gespeichert, Sie können das Fenster jetzt schließen.", lang="de"),
        Example("Saved. Close the window.", translation="保存しました。ウィンドウを閉じてください。", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if source.strip().count("\n") >= MAX_LINES:
            return  # a help text or table: its lines are items, not sentences
        if len(_ENDS.findall(source)) + len(_ENDS.findall(target)) <= 1 and _LETTER.search(source) \
                and _LETTER.search(target):
            return  # one mark at most and a letter on each side: one or two sentences each (most UI strings)
        s, t = sentence_count(source, "en"), sentence_count(target, ctx.doc_lang)
        if abs(s - t) > MAX_DIFFERENCE:
            yield from once(ctx, f"{s} sentence(s) in the source, {t} in the translation")


RULES = (SentenceCountMismatch(),)
