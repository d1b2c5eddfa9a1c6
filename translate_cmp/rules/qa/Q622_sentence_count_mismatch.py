"""Q622 sentence-count-mismatch: the translation has a very different number of sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import (
    in_prose_table,
    once,
    pair_length_ratio,
    segmented_count,
    sentence_count,
    sentence_count_range,
    unit_source_lang,
    visible_length,
)
from translate_cmp.rules.qa.unit_rule import UnitRule
from translate_cmp.rules.unit_policy import usage_screen

MAX_LINES = 3  # a source of more lines is a help text or a table
MAX_DIFFERENCE = 1  # translators join two sentences or split one; a difference of two or more is content
# ... and a sentence fewer in a translation this much shorter than usual (the languages' usual length ratio) is a
# sentence left out, not two joined: joined, they keep their words ("Efficacy of macro-clips for perforations.
# Retrospective analysis of 25 cases" -> "Analyse rétrospective de 25 cas", 0.3 of the source's length; Spanish and
# French biomedical prose run 1.13-1.16 times their English source)
DROPPED_RATIO = 0.8
# characters: two short sentences are rewritten freely ("Thank you. Thank you." -> "Danke, danke.")
DROPPED_MIN_SOURCE = 40


_ENDS = re.compile(r"[.!?。！？؟।;·]")  # any mark that may end a sentence (Greek ";" and "·" too)
_LETTER = re.compile(r"[^\W\d_]")
# Where a clause of one text may be a sentence of the other: after a ';' before a space ("default is 'none'; see
# UNIT" -> "Por defecto es 'none'. Véase UNIDAD"; Japanese has no ';' and ends the clause with "。"), and in Chinese,
# which joins clauses with a comma where English starts a new sentence (a run-on sentence is ordinary Chinese prose:
# "他说，保价的房源首先是要同一户型，还得在同一楼栋"), after each of its commas and semicolons.
_CLAUSE = re.compile(r"[;；](?=\s)")
CLAUSE_JOINING = {"zh": re.compile(r"[，；;]"), "yue": re.compile(r"[，；;]")}


def clauses(text: str, lang: str) -> int:
    """The marks of ``text`` after which a clause may be a sentence of its own in the other text."""
    return len(CLAUSE_JOINING.get(lang, _CLAUSE).findall(text))


class SentenceCountMismatch(UnitRule):
    code = "Q622"
    name = "sentence-count-mismatch"
    severity = Severity.WARNING
    summary = ("The source and the translation differ by two or more sentences, or the translation has a sentence "
               "fewer and is far shorter than usual.")
    why = "A sentence count that far off means a sentence was left out, or text that is not in the source was " \
          "added."
    instead = ("Translate every sentence. Joining two sentences into one or splitting one in two is the "
               "translator's call and not flagged, nor a clause written as a sentence of its own in the other text "
               "(either way): one after ';', or, in Chinese, one after a comma (Chinese joins with commas the "
               "clauses English writes as sentences). Sentences are counted twice, by their end marks and by the "
               "language's segmenter, which knows its abbreviations ('EE. UU.', 'Mr.'), and both counts must differ; "
               "help texts and tables (four lines or more) and ellipses ('OPTION...') are not read. A sentence fewer "
               "is flagged where the translation is also shorter than 0.8 times the source (after the languages' "
               "usual length ratio), for a source of 40 characters or more, in bitext tables (prose): two sentences "
               "joined keep their words, a sentence left out does not; short ones ('Thank you. Thank you.' -> "
               "'Danke, danke.') and software catalogues' messages are rewritten freely.")
    examples = (
        Example("The file was saved. You can close the window now. Changes are kept.",
                translation="Die Datei wurde gespeichert.", lang="de"),
        Example("Saved. Closed. Done.", translation="Gespeichert, geschlossen, fertig", lang="de"),
        Example("Efficacy of clips for perforations after surgery. Review of 25 cases",
                translation="Revue de 25 cas", lang="fr", trip={"fmt": "table"}),
        Example("他说房子很贵。", translation="He said so. The houses are expensive. There are few buyers.",
                lang="en", trip={"source_lang": "zh"}),
        Example("A minus sets it. A star marks others.\nThe system decides.\n",
                translation="マイナスで設定します。\n", lang="ja"),
    )
    counter_examples = (
        Example("The file was saved. You can close the window now.",
                translation="Die Datei wurde gespeichert, Sie können das Fenster jetzt schließen.", lang="de"),
        Example("Saved. Close the window.", translation="保存しました。ウィンドウを閉じてください。", lang="ja"),
        Example("Thank you. Thank you.", translation="Danke, danke.", lang="de", trip={"fmt": "table"}),
        Example("Efficacy of clips for perforations after surgery. Review of 25 cases",
                translation="Efficacité des clips pour les perforations après chirurgie : revue de 25 cas", lang="fr"),
        Example("Most patients in the US were treated at home.",
                translation="La mayoría de los pacientes de EE. UU. se trataron en casa.", lang="es"),
        Example("Mr. Li met Ms. Wang on Feb. 9 in the city.",
                translation="Herr Li traf Frau Wang am 9. Februar in der Stadt.", lang="de"),
        Example("他说，房子很贵，买家很少。", translation="He said the houses are expensive. There are few buyers.",
                lang="en", trip={"source_lang": "zh"}),
        Example("He said so. The houses are expensive. There are few buyers.", translation="他说，房子很贵，买家很少。",
                lang="zh"),
        Example("  --from=UNIT   scale input to UNITs; default is 'none';\n                see UNIT below\n",
                translation="  --from=UNIDAD   escala la entrada a UNIDADes. Por defecto es 'none'.\n"
                "                  Véase UNIDAD más abajo\n", lang="es"),
        Example("  -a, --all    show all\n  -b, --brief  be brief\n", translation="  -a, --all    Alles zeigen. Auch "
                "Verstecktes.\n  -b, --brief  Kurz fassen.\n", lang="de"),
        Example("Print the name.\n\n  -s   print nothing, only return a status\n",
                translation="名前を表示します。\n\n  -s   何も出力しない。状態のみ返す\n", lang="ja"),
        Example("If unset, use %s.  %s is common.\n", translation="Sinon, %s. Souvent %s. C'est l'usage.\n", lang="fr"),
        Example("Using -s ignores -L and -P.  Otherwise the last one wins.\n",
                translation="Mit -s werden -L und -P ignoriert. Sonst gilt die letzte. Das ist alles.\n", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if source.strip().count("\n") >= MAX_LINES:
            return  # a help text or table: its lines are items, not sentences
        short = self._short(ctx, source, target)
        if len(_ENDS.findall(source)) + len(_ENDS.findall(target)) <= 1 and _LETTER.search(source) \
                and _LETTER.search(target) and not short:
            return  # one mark at most and a letter on each side: one or two sentences each (most UI strings)
        if usage_screen(source):
            return  # a table (two rows in columns or more): its rows are items, not sentences
        source_lang = unit_source_lang(ctx)
        s_clauses, t_clauses = clauses(source, source_lang), clauses(target, ctx.doc_lang)

        def differ(s: int, t: int) -> bool:
            return s - (t + t_clauses) > MAX_DIFFERENCE or t - (s + s_clauses) > MAX_DIFFERENCE

        # by the marks alone, then with the segmenter: both must differ, so the segmenter runs only where the marks'
        # counts differ (sentence_count with the segmenter is the marks' count, or the segmenter's where lower)
        # read first without the languages' word lists (a Latin word before a full stop in Japanese text loads
        # Japanese's): where no answer of theirs can make the counts differ, they are not read
        s_low, s_high = sentence_count_range(source, source_lang)
        t_low, t_high = sentence_count_range(target, ctx.doc_lang)
        if not short and not differ(s_high, t_low) and not differ(s_low, t_high):
            return  # differ() is one test falling in s and rising in t, and one the other way round
        s = s_low if s_low == s_high else sentence_count(source, source_lang, False)
        t = t_low if t_low == t_high else sentence_count(target, ctx.doc_lang, False)
        if not differ(s, t):
            if short and s > t + t_clauses:
                s = min(s, segmented_count(source, source_lang)) if s > 1 else s
                t = min(t, segmented_count(target, ctx.doc_lang)) if t > 1 else t
                if s > t + t_clauses:
                    yield from once(ctx, f"{s} sentence(s) in the source, {t} in a translation "
                                         f"{visible_length(target.strip())} characters long for "
                                         f"{visible_length(source.strip())}: a sentence left out")
            return
        s = min(s, segmented_count(source, source_lang)) if s > 1 else s
        t = min(t, segmented_count(target, ctx.doc_lang)) if t > 1 else t
        if differ(s, t):
            yield from once(ctx, f"{s} sentence(s) in the source, {t} in the translation")

    @staticmethod
    def _short(ctx: RuleContext, source: str, target: str) -> bool:
        """The translation is shorter than DROPPED_RATIO times the source (after the languages' usual ratio); in bitext
        tables (prose) only: a software catalogue's short messages are rewritten freely ("Saved. Close the window."
        -> "Gespeichert - Fenster schließen")."""
        if not in_prose_table(ctx) or not target.strip():
            return False  # a blank translation is Q602's
        if visible_length(source.strip()) < DROPPED_MIN_SOURCE:
            return False
        return visible_length(target.strip()) < DROPPED_RATIO * pair_length_ratio(ctx) * visible_length(source.strip())


RULES = (SentenceCountMismatch(),)
