"""Where a text uses the pronouns its language's record lists (:class:`~translate_cmp.lang.profile.Language`'s
``first_person``, ``second_person``), for Q640: words in a spaced language, the characters or words that hold them
in an unspaced one (Chinese 我 in 我们 and 我国, but not in 自我 "the self")."""

from __future__ import annotations

import re

from translate_cmp.lang.profile import language

_WORD = re.compile(r"[^\W\d_]+")


def _roman(text: str, start: int) -> bool:
    """The capital "I" at ``start`` is a Roman numeral: it follows a capitalised word that does not start its
    sentence ("World War I", "the Phase I trial"), not a sentence's first word ("Then I said")."""
    before = text[:start].rstrip()
    m = re.search(r"(\S*)\s+([A-Z][\w-]*)$", before)
    return bool(m) and bool(m.group(1)) and m.group(1)[-1] not in ".!?:;\"“”" and m.group(2) != "I"


def pronoun_spans(text: str, forms: frozenset[str], lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, form)`` of each of ``forms`` in ``text`` (language ``lang``). Spaced languages: whole words,
    compared in lower case, but a word written in capitals is an acronym ("US" is not "us") and English "I" counts
    only as written, not as a Roman numeral. Unspaced languages: every occurrence of a form outside the words the
    record's ``extra["not_pronouns"]`` lists."""
    if not forms:
        return []
    record = language(lang)
    found: list[tuple[int, int, str]] = []
    if not record.spaced:
        plain = text
        for word in record.extra.get("not_pronouns", ()):  # type: ignore[union-attr]
            plain = plain.replace(word, "\0" * len(word))
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), plain):
                found.append((m.start(), m.end(), form))
                plain = plain[:m.start()] + "\0" * len(form) + plain[m.end():]
        return sorted(found)
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if low not in forms:
            continue
        if word == "I":
            if not _roman(text, m.start()):
                found.append((m.start(), m.end(), word))
        elif low != "i" and (word == low or word == low.capitalize()):  # "US", "HIS" are acronyms
            found.append((m.start(), m.end(), word))
    return found
