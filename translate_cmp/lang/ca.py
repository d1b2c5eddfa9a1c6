"""Catalan: only what the rules need so far (its Apertium analyser; langdetect reads Catalan as ``ca``)."""

from translate_cmp.lang.profile import plain

LANGUAGE = plain(
    "ca",
    name="Catalan",
    analyser="cat-eng",
)
