"""S115 run-together-lower-case: two lower-case words with no space between them ('regionconquered'), English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.lang.lexicon import COMPOUND_HEADS, COMPOUND_TAILS, DERIVED_ENDINGS, FUNCTION_WORDS, GLUE_TAILS
from translate_cmp.lang.wordlists import zipf
from translate_cmp.records import Severity
from translate_cmp.rules import unit_policy
from translate_cmp.rules.base import Example, Hit, RuleContext, SurfaceRule

# a lower-case token of 6 letters or more, standing alone (not part of a path, an address, a hyphenated word)
_TOKEN = re.compile(r"(?<![\w'’./@_-])[a-z]{6,}(?![\w'’/@_-]|\.\w)")
COMMON = 3.0  # Zipf: a word seen about once per million words, or more
FREQUENT = 3.5
RARER = 2.0  # the joined form must be at least this much (Zipf, i.e. 100 times) rarer than its rarer half
_CLAUSE_TAILS = (GLUE_TAILS | FUNCTION_WORDS) - COMPOUND_TAILS


def _derived(token: str) -> bool:
    """``token`` is a known word plus an ending ("namespaced", "swapper", "rescans")."""
    for ending in DERIVED_ENDINGS:
        stem = token[: -len(ending)]
        if not token.endswith(ending) or len(stem) < 4:
            continue
        if zipf(stem, "en") > 0 or (stem[-1] == stem[-2] and zipf(stem[:-1], "en") > 0):  # "swapp" -> "swap"
            return True
    return False


def _prefixed(token: str) -> bool:
    """``token`` is a compound head and a word ("rescan", "overcommitted", "autowrap")."""
    return any(token.startswith(head) and zipf(token[len(head):], "en") >= COMMON for head in COMPOUND_HEADS)


@lru_cache(maxsize=65536)
def split_point(token: str) -> tuple[str, str] | None:
    """The two words ``token`` is made of, when it reads as two words run together; else None.

    The joined form is rare or unknown to wordfreq and not a derived form of a known word, and one split gives
    a frequent word then a clause word ("region"+"with"), a frequent word then a past form ("region"+"conquered")
    or a function word then a frequent word ("into"+"account"). A compound head and a word ("re"+"scan") or a
    phrasal tail ("shoot"+"down") make it a compound instead. Remembered per token (words repeat, and a rare one
    reads wordfreq once per cut).
    """
    joined = zipf(token, "en")
    if joined >= RARER or _derived(token) or _prefixed(token):
        return None
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        z_left, z_right = zipf(left, "en"), zipf(right, "en")
        if joined > min(z_left, z_right) - RARER:
            continue
        glue_tail = right in _CLAUSE_TAILS and len(right) >= 3 and len(left) >= 3 and z_left >= COMMON
        past_form = right.endswith("ed") and len(right) >= 6 and len(left) >= 4 and z_left >= FREQUENT and \
            z_right >= COMMON
        function_head = left in FUNCTION_WORDS and len(left) >= 3 and len(right) >= 3 and z_right >= FREQUENT
        both_function = left in FUNCTION_WORDS and right in FUNCTION_WORDS and len(right) >= 3
        if glue_tail or past_form or function_head or both_function:
            return left, right
    return None


class RunTogetherLowerCase(SurfaceRule):
    code = "S115"
    name = "run-together-lower-case"
    severity = Severity.WARNING
    languages = frozenset({"en"})  # in de ru es fr nl a long unknown word is most often a legitimate compound
    summary = "Two lower-case words with no space between them: 'regionconquered', 'alliesand' (English)."
    why = (
        "Scrapers and engines drop the space between two words; when both are lower case no capital shows the "
        "seam (S101 sees 'regionConquered', not 'regionconquered'). The reader stumbles and the round trip "
        "translates an unknown word. Technical prose writes many compounds the dictionary lacks ('readlink', "
        "'cpuset', 'pagecache'), so only splits that read as two words of a clause count: a word then a function "
        "word or a past form, or a function word then a word."
    )
    instead = "Put the space back: 'region conquered', 'allies and'."
    examples = (
        Example("It could repel the counterattack in Russia's Kursk regionconquered by Kyiv this summer."),
        Example("The aid was sent to the alliesand partners of the government."),
        Example("They did not take this intoaccount when the plan was drafted."),
    )
    counter_examples = (
        Example("The kernel starts the swapper; use readlink and cpuset, or rescan the namespaced pagecache."),
        Example("The missile shootdown was overcommitted, said the region's governor."),
        Example("Kursk regionconquered", lang="de"),
    )

    def keeps_on_unit(self, ctx: RuleContext, hit: Hit) -> bool:
        return not unit_policy.punctuation_only(ctx)

    def find(self, ctx: RuleContext) -> Iterator[Hit]:
        if not any(map(split_point, _TOKEN.findall(ctx.text))):
            return  # no token reads as two words (most sentences): told from the tokens alone, no match objects
        for m in _TOKEN.finditer(ctx.text):
            parts = split_point(m.group())
            if parts is not None:
                yield Hit(m.start(), m.end(), f"'{parts[0]}' and '{parts[1]}' run together")
