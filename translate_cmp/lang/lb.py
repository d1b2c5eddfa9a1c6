"""Luxembourgish: nouns capitalised, as in German."""

from translate_cmp.lang.profile import plain

LANGUAGE = plain("lb", name="Luxembourgish", capitalises_nouns=True)
