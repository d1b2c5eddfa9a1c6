"""Galician: only what the rules need so far (its Apertium analyser). langdetect has no Galician profile; a
document is ``gl`` only where the language is given or told apart from Spanish and Portuguese."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "gl",
    name="Galician",
    negations=words("non nunca ningún ningunha nada ninguén nin sen"),
    analyser="gl-en",
)
