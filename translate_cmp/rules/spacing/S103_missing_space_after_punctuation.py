"""S103 missing-space-after-punctuation: no space after a full stop, comma or semicolon between two words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.spacing.helpers import looks_like_code


class MissingSpaceAfterPunctuation(SurfaceRule):
    code = "S103"
    name = "missing-space-after-punctuation"
    severity = Severity.WARNING
    languages = None  # every language written with spaces
    requires = frozenset({"spaced"})
    summary = "No space after a full stop, comma or semicolon between two words: 'said.The', 'troops,but'."
    why = (
        "A missing space after punctuation runs two sentences or clauses together; sentence splitters then "
        "miss the boundary and the translation engine sees one long sentence."
    )
    instead = "One space after the punctuation: 'said. The', 'troops, but'."
    examples = (
        Example("The meeting ended late.The leaders left without a statement."),
        Example("Europe will send shells,but not troops."),
        Example("Die Sitzung endete gestern.Die Minister reisten ohne Erklärung ab.", lang="de"),
        Example("Europa enviará munición,pero no tropas.", lang="es"),
        Example("Frysinger y Roland McGrath trabajaron en ella.Actualmente la mantiene Paul Smith.", lang="es"),
    )
    counter_examples = (
        Example("He told LIGA.net and Chinanews.com that U.S. officials agreed."),
        Example("The figure was 1,400 units, up 3.5 percent, e.g. in Kyiv."),
        Example("Die Zahl stieg um 3,5 Prozent, z.B. in Berlin und auf spiegel.de.", lang="de"),
        # code glued across a full stop, a tuple of names, a list of channel names
        Example("Siehe org.freedesktop.LogControl1(5), /sbin/umount.Typ und (oder tmac.Name) dazu.", lang="de"),
        Example("Las coordenadas se dan con (llx,lly) y los canales con L,R,C,LFE,BL,BR.", lang="es"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx) and not unit_policy.source_glues_same(ctx, hit)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        text = ctx.text
        # what every match of the two patterns holds, a mark then a letter, looked for first (most sentences have none)
        for pattern in (_STOP_GLUED, _COMMA_GLUED) if _MARK_THEN_LETTER.search(text) else ():
            for m in pattern.finditer(text):
                chunk_start = text.rfind(" ", 0, m.start()) + 1
                chunk_end = text.find(" ", m.end())
                if looks_like_code(text, m.start(), m.end()) or _TUPLE.fullmatch(text[chunk_start:chunk_end]):
                    continue  # addresses, handles, code; "(llx,lly)", "(if,ie)": a tuple of names
                yield Hit(chunk_start, chunk_end if chunk_end >= 0 else len(text), f"no space after '{m.group()}'")
        following = ctx.next
        if (
            following is not None
            and following.start == ctx.sentence.end  # the segmenter split "late.The" in two
            and _SPLIT_GLUED.search(text)
            and re.match(r"[A-Z][a-z]", following.text)
            and not looks_like_code(ctx.document.text, ctx.sentence.end - 1, ctx.sentence.end)  # "/sbin/umount.Typ"
        ):
            last = text.rfind(" ") + 1
            yield Hit(last, len(text), f"no space between '{text[last:]}' and '{following.text.split()[0]}'")


# not where the capitalised word ends at a closing bracket: "(oder tmac.Name)" is a file name, no sentence starts there
# (the mark first, the letters before it looked behind from after it: the same matches as "(?<=[a-z]{2})[.!?]", but a
# pattern that starts with its mark is scanned for the mark, not tried at every position)
_STOP_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])(?![A-Z][a-z]*[)\]])")
_COMMA_GLUED = re.compile(r"[,;](?<=[^\W\d_]{2}[,;])(?=[^\W\d_]{2})")
_MARK_THEN_LETTER = re.compile(r"[.!?,;](?=[^\W\d_])")
_SPLIT_GLUED = re.compile(r"(?<![A-Z.])[a-z]{2}[.!?]$")
_TUPLE = re.compile(r"\([^\s(),]+(?:,[^\s(),]+)+\)[.,;:]?")
