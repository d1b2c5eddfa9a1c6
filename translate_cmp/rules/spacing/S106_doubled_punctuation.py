"""S106 doubled-punctuation: doubled or stray punctuation, a sentence that is only a full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.lang.profile import OPEN, language
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.pairing import code_bracket
from translate_cmp.rules.spacing.helpers import looks_like_code


class DoubledPunctuation(SurfaceRule):
    code = "S106"
    name = "doubled-punctuation"
    severity = Severity.WARNING
    languages = None  # every language
    summary = "Doubled or stray punctuation: 'Russia. .', 'troops,, and', a sentence that is only a full stop."
    why = (
        "Doubled marks are what is left when a translation engine or an editor moved a clause and kept both "
        "ends. A full stop on its own becomes a sentence of its own in every downstream tool."
    )
    instead = "Keep one mark: 'Russia.', 'troops, and'. An ellipsis ('...') and '?!' are fine."
    examples = (
        Example("Macron spoke about the war against Russia. ."),
        Example("The allies,, including France, agreed."),
        Example("The talks ended without a deal,."),
        Example("Exports rose in the region , and imports fell ."),
        Example("“ I have waited twenty years for this,” she said."),
        Example("¿¿Llegarán los refuerzos antes del invierno?", lang="es"),
        Example("“ He esperado veinte años para esto”, dijo ella.", lang="es"),
        Example("Archief aan het eind van een ander archief toevoegen . De argumenten volgen.", lang="nl"),
        Example("Ceci est spécifié par un caractère * ( ne pas le confondre avec le joker) qui suit.", lang="fr"),
    )
    counter_examples = (
        Example("Wait... what? Really?! He paused. . . and went on."),
        Example("Le président a déclaré : « nous ne céderons pas ».", lang="fr"),
        Example("Apple Inc., the U.S. firm, sold 1.5 million units, etc."),
        Example("Er fragte: „Kommt ihr?!“ Dann wartete er... und ging.", lang="de"),
        # marks that are tokens of their own or parts of code, not punctuation of the prose around them
        Example("Use find . -name x or cd .. to go up; the files .bz2, .tbz2 and the macro .UR stay."),
        Example("La respuesta es ESC ( B o ESC [ 0 n; el ampersand se escribe &amp;.", lang="es"),
        Example("Werden zwei Wochentage durch »..« getrennt, gilt der Bereich dazwischen.", lang="de"),
        Example("Un résumé nécessite l'option :toctree:. Le format .Z est ancien.", lang="fr"),
        Example("全てのメンバ関数 (コンストラクタと new , delete を除く) は仮想関数です。", lang="ja"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx) and not unit_policy.marks_from_source(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        if _ONLY_PUNCT.match(text) and text.strip() not in ("...", "…"):
            after = " after the previous sentence" if ctx.prev is not None else ""
            yield Hit(0, len(text), f"stray '{text.strip()}'{after}")
            return
        for m in (_DOUBLE_MARKS.finditer(text) if _TWO_MARKS.search(text) else ()):
            if not looks_like_code(text, m.start(), m.end(), numbers=False):  # "&amp;.", "LCK..<device>", ":toctree:."
                yield Hit(m.start(), m.end(), f"doubled punctuation '{m.group()}'")
        if not language(ctx.doc_lang).spaced:
            return  # spaces around marks in Japanese or Chinese prose are the typesetter's, not a slip
        if _SPACE_MARK.search(text):  # what every match holds: a space or tab, then the mark
            for m in _SPACE_BEFORE_MARK.finditer(text):
                yield Hit(m.start(), m.end(), f"stray space before '{m.group().strip()}'")
        if not _OPENER_SPACE.search(text):  # what every match below holds: an opener, a space
            return
        view = doc_view(ctx)
        offset = ctx.sentence.start
        for m in _SPACE_AFTER_OPENER.finditer(text):
            if m.group(1) == "“" and language(ctx.doc_lang).quote_roles.get("“") != OPEN:
                continue
            pos = offset + m.start(1)
            if pos in view.symbol_brackets or (m.group(1) in "([" and code_bracket(ctx.document.text, pos)):
                continue  # a bracket named as a symbol: "ESC ( B", "test e [ per", "[ e ]"
            yield Hit(m.start(), m.end(), f"stray space after '{m.group(1)}'")


# A full stop after a comma ends the sentence ("deal,."), not a token it starts (", .bz2", ": .open", ", ., ad");
# ".." doubles the full stop after a word ("said.."), not a token of its own ("cd ..", "»..«", "(no . or ..)").
_DOUBLE_MARKS = re.compile(
    r",[ \t]*,|;[ \t]*;|:[ \t]+:|[,;:][ \t]*\.(?=\s|$|[)\]\"”’»])|(?<=[^\W\d_]|[)\]])\.\.(?![./\d])"
    r"|(?<![.\s])\.[ \t]+\.(?![ \t]*\.)"
    r"|¿[ \t]*¿|¡[ \t]*¡"  # Spanish opening marks doubled: "¿¿Llegarán"
)
# what every match of _DOUBLE_MARKS holds (two of its marks with only spaces or tabs between): one quick scan
# spares its lookarounds on the sentences that have none (most)
_TWO_MARKS = re.compile(r"[,;:.¿¡][ \t]*[,;:.¿¡]")
_ONLY_PUNCT = re.compile(r"^[\s.,;:!?]+$")
# "industry , and", "in Turkey ." at the sentence's end; a full stop the sentence goes on after is a token ("find
# . -name", "O ponto . coincide"): the segmenter did not end the sentence there
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\W_])[ \t]+(?:,(?=[ \t]|$)|\.(?=[\s\"”’»)]*$))")
# "“ He esperado", "( el lunes", "¿ Qué": an opening mark, then a space before the word it opens. Not
# « (French spaces it: « nous »), and “ only where it opens a quotation (German „…“ closes with it).
_SPACE_AFTER_OPENER = re.compile(r"(?:^|(?<=\s))([“(\[¿¡])[ \t]+(?=[^\W_])")
# what every match of the two patterns above holds, looked for first (most sentences have neither): a space or tab
# before the mark; an opener before a space or tab
_SPACE_MARK = re.compile(r"[,.](?<=[ \t][,.])")  # (the mark first: marks are fewer than spaces)
_OPENER_SPACE = re.compile(r"[“(\[¿¡][ \t]")
