"""Q610 start-punctuation-mismatch: the punctuation a unit starts with differs (after each language's typography)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import CJK, blanked, once, start_mark
from translate_cmp.rules.qa.unit_rule import UnitRule

_HEAD = 48  # characters of the start read (a placeholder or an ellipsis is shorter)


_CLAUSE = frozenset(";,")  # a clause separator that continues the message printed before ("; giving up")
_CJK_CLAUSE = frozenset(";,.")  # Japanese and Chinese have no ';' of their own there: "。" or "、"


def same_class(s: str, t: str, lang: str) -> bool:
    """Two start marks that continue the previous message alike: ';' and ',' (a clause separator the language
    chooses: "; giving up" -> ", abandon"), and in CJK also "。" (which has no semicolon in running text)."""
    marks = _CJK_CLAUSE if lang in CJK else _CLAUSE
    return s in marks and t in marks


def unknown_sign(text: str) -> bool:
    """Starts with marks that stand for a value the program does not know ("???? days"): content, not punctuation."""
    return text.startswith("??")


def token_moved(source: str, target: str, mark: str) -> bool:
    """The target's start mark is a character the source names as a word of its own ("A mere - implies -i" ->
    "- だけを..."): word order moved it to the front."""
    return mark == "-" and re.search(r"(?<!\S)-(?!\S)", source) is not None


def cjk_bullet_kept(head_s: str, head_t: str, mark: str) -> bool:
    """The source's bullet stands, as CJK writes it, right before its first character ("-中新网"), and the translation
    starts with the same character, blank or not ("-CNN", "- China News")."""
    return bool(mark) and mark in "-*•·" and not head_s[1:2].isspace() and head_t[:1] == head_s[:1]


class StartPunctuationMismatch(UnitRule):
    code = "Q610"
    name = "start-punctuation-mismatch"
    severity = Severity.WARNING
    summary = "The source starts with a punctuation mark ('...', ':', a '- ' bullet) and the translation with " \
              "another, or with none (or the other way round)."
    why = "A lost opening bracket or quote, or a stray mark at the start, is visible in the UI and usually a slip."
    instead = ("Start with the source's mark as the language writes it: Spanish opens questions and exclamations "
               "with '¿' '¡', full-width marks stand for their ASCII ones. Opening quotes and brackets move with "
               "the word order and are not read here (Q612 and Q613 count them). A clause separator that continues "
               "the previous message may be ';' or ',' (and '。' in Japanese and Chinese, which write no ';' "
               "there); marks that stand for an unknown value ('???? days') and a '-' the source names as a word "
               "of its own, moved to the front, are not a start mark. A bullet that Chinese or Japanese writes with "
               "no blank after it ('-中新网') may be written with one or without ('- China News Service').")
    examples = (
        Example("...and more", translation="et plus encore", lang="fr"),
        Example("Delete", translation="- Löschen", lang="de"),
        Example("; skipping this file", translation="fichier ignoré", lang="fr"),
        Example("; skipping this file", translation=". Datei übersprungen", lang="de"),
        Example("-中新网", translation="China News Service", lang="en"),
    )
    counter_examples = (
        Example("\"%s\" is not a directory", translation="« %s » n'est pas un répertoire", lang="fr"),
        Example("Continue?", translation="¿Continuar?", lang="es"),
        Example("(optional)", translation="（任意）", lang="ja"),
        Example("%s: cannot use --null (-0)", translation="--null (-0) kann mit %s nicht benutzt werden", lang="de"),
        Example("; skipping this file", translation=", fichier ignoré", lang="fr"),
        Example("; skipping this file", translation="。このファイルを飛ばします", lang="ja"),
        Example("up ??? hours", translation="??? Stunden in Betrieb", lang="de"),
        Example("A lone - reads standard input", translation="- だけなら標準入力を読む", lang="ja"),
        Example("-中新网", translation="- China News Service", lang="en"),
        Example("-中新网", translation="-Chinanews.com", lang="en"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if not any(ch.isalnum() for ch in source):
            return  # "?????", "-": punctuation is the whole source, not its start
        # the start is all it reads: the first characters after the leading blanks, placeholders blanked
        head_s, head_t = source.lstrip()[:_HEAD], target.lstrip()[:_HEAD]
        if head_s[:1].isalnum() and head_t[:1].isalnum():
            return  # both start with a letter or digit (most units): no mark, and no placeholder, which starts with
            # a sign; blanking writes a URL or address as letters
        s, t = start_mark(blanked(head_s, fill="x"), "en"), start_mark(blanked(head_t, fill="x"), ctx.doc_lang)
        if s == t or same_class(s, t, ctx.doc_lang) or (not s and (unknown_sign(head_t) or token_moved(
                source, target, t))) or cjk_bullet_kept(head_s, head_t, s):
            return
        if target.strip() and source.strip():
            yield from once(ctx, f"starts with {s or 'no punctuation'!r} in the source, {t or 'none'!r} here")


RULES = (StartPunctuationMismatch(),)
