"""Japanese: no spaces between words, no letter case."""

from translate_cmp.lang.profile import plain

LANGUAGE = plain("ja", name="Japanese")
