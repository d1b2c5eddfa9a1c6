"""L305 mixed-register: a document that addresses its reader both familiarly and politely (du and Sie)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from translate_cmp.lang.profile import MODULES, Language, language
from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule
from translate_cmp.rules.docview import doc_view
from translate_cmp.rules.pairing import quotations
from translate_cmp.rules.text import is_title, next_word, starts_clause

_CODE_NEIGHBOURS = "/\\_@-"  # "/dir", "ssh-dir", "a_u": a word inside code or a compound is no form of address
FAMILIAR, POLITE = "familiar", "polite"


@dataclass(frozen=True)
class Form:
    """One form of address: where it is (sentence index, offsets in the sentence) and which register."""

    index: int
    start: int
    end: int
    word: str
    register: str


def _standalone(text: str, start: int, end: int) -> bool:
    """The word stands alone: not glued to code marks, digits, or a full stop inside an abbreviation ("a.u.b.")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if end - start == 1 and not (before.isspace() and (after.isspace() or after in ",.;:!?")):
        return False  # "(u)", "u/g/o": a letter, not the Dutch "u"
    if before in _CODE_NEIGHBOURS or before == "." or after in _CODE_NEIGHBOURS:
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1].isalnum())


def register_of(text: str, start: int, end: int, lang: Language) -> str | None:
    """``familiar``, ``polite`` or None for the word at ``text[start:end]``."""
    word = text[start:end]
    if not (word.islower() or is_title(word) or len(word) == 1) or not _standalone(text, start, end):
        return None  # "TI" (an acronym), "/dir", "a.u.b."
    low = word.lower()
    if low in lang.familiar:
        return FAMILIAR
    if lang.polite_capitalised:
        if word not in lang.polite or starts_clause(text, start):
            return None  # "sie" is she or they, and so is "Sie" starting a sentence
        following = next_word(text, end)
        if not lang.capitalises_nouns and following is not None and is_title(following.group()):
            return None  # Italian "Lei Jun", "Sua Maestà": a name or a title
        return POLITE
    return POLITE if low in lang.polite else None


@cache
def _candidates(code: str) -> re.Pattern[str]:
    """Any form of address of the language, any case, as a whole word (register_of then decides)."""
    record = language(code)
    alternatives = "|".join(sorted(map(re.escape, record.familiar | record.polite), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


def forms_of(ctx: RuleContext) -> list[Form]:
    """The forms of address in the document, outside quotations (reported speech keeps its own register)."""
    lang = language(ctx.doc_lang)
    quoted = quotations(ctx.document.text)
    starts = [a for a, _ in quoted]
    found: list[Form] = []
    for index, sentence in enumerate(ctx.sentences):
        for m in _candidates(ctx.doc_lang).finditer(sentence.text):
            register = register_of(sentence.text, m.start(), m.end(), lang)
            if register is None:
                continue
            at = sentence.start + m.start()
            k = bisect_right(starts, at) - 1
            if k >= 0 and quoted[k][0] < at < quoted[k][1]:
                continue
            found.append(Form(index, m.start(), m.end(), m.group(), register))
    return found


def minority(forms: list[Form]) -> list[Form]:
    """The forms of the register the document uses less (on a tie, the one it turns to later); none if one only."""
    familiar = [f for f in forms if f.register == FAMILIAR]
    polite = [f for f in forms if f.register == POLITE]
    if not familiar or not polite:
        return []
    if len(familiar) != len(polite):
        return familiar if len(familiar) < len(polite) else polite
    first = (familiar[0].index, familiar[0].start), (polite[0].index, polite[0].start)
    return familiar if first[0] > first[1] else polite


class MixedRegister(SurfaceRule):
    code = "L305"
    name = "mixed-register"
    severity = Severity.WARNING
    languages = frozenset(code for code in MODULES if language(code).familiar and language(code).polite)
    summary = "Familiar and polite address in one document ('du' in a talk that says 'Sie'): the fewer are flagged."
    why = (
        "Engines translate each sentence on its own, and English 'you' gives them no register: one sentence "
        "comes out polite ('Stellen Sie sich vor'), the next familiar ('dann siehst du'). Professional raters "
        "mark this as a Major error: the reader is addressed by two different voices. A document that uses "
        "both has one register too few; the forms it uses less often are the ones out of place."
    )
    instead = (
        "Keep the register the document chose: 'dann sehen Sie', 'vous verrez', 'usted verá'. Reported speech "
        "inside quotation marks may keep its own register and is not counted."
    )
    examples = (
        Example("Ich zeige Ihnen heute etwas. Stellen Sie sich vor, Sie stehen am Rand. Dann siehst du das Loch.",
                lang="de"),
        Example("Je vous présente notre projet. Vous verrez votre écran changer. Ensuite tu cliques ici.",
                lang="fr"),
        Example("Usted puede cambiar la contraseña. Si usted la olvida, escriba a soporte. ¿Olvidaste tu clave?",
                lang="es"),
        Example("Вы можете изменить пароль. Если вы его забыли, напишите нам. Твой пароль слишком короткий.",
                lang="ru"),
        Example("U kunt uw wachtwoord wijzigen. Als u het vergeet, klik dan hier. Jij krijgt een e-mail.",
                lang="nl"),
        Example("La ringraziamo per la Sua pazienza. Il codice che Lei ha chiesto arriva. Se tu vuoi, cambialo.",
                lang="it"),
    )
    counter_examples = (
        Example("Stellen Sie sich vor, Sie stehen dort. Mein Vater sagte: „Du schaffst das.“", lang="de"),
        Example("Sie können dich sehen. Wenn du nahe genug stehst, hörst du dein Herz.", lang="de"),
        Example("Je te le dis : tu verras ton écran changer.", lang="fr"),
        Example("Usted puede cambiar la contraseña. Si usted la olvida, escriba a soporte.", lang="es"),
        Example("Il presidente Lei Jun ha parlato. Se tu vuoi, cambialo.", lang="it"),
    )

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if len(ctx.sentences) == 1:
            # a document of one sentence (a table's row): a minority needs a form of each register, two forms at
            # least, and its one sentence has fewer (most rows: none); told before the view and the quotations
            pattern = _candidates(ctx.doc_lang)
            first = pattern.search(ctx.text)
            if first is None or pattern.search(ctx.text, first.end()) is None:
                return
        view = doc_view(ctx)
        flagged = view.memo.get(self.code)
        if not isinstance(flagged, dict):
            forms = forms_of(ctx)
            out: dict[int, list[Hit]] = {}
            for form in minority(forms):
                other = POLITE if form.register == FAMILIAR else FAMILIAR
                others = [f.word for f in forms if f.register == other]
                message = (f"'{form.word}' is {form.register} address; the document uses {other} address "
                           f"{len(others)} times ('{others[0]}')")
                out.setdefault(form.index, []).append(Hit(form.start, form.end, message))
            view.memo[self.code] = flagged = out
        yield from flagged.get(ctx.index, ())
