"""French: « ... » quotes, nous nous / vous vous."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "fr",
    numerals=numerals("deux trois quatre cinq six sept huit neuf dix onze douze"),
    name="French",
    negations=words("ne n' pas jamais aucun aucune rien personne ni sans"),
    analyser="fr-es",
    accented_letters="àâçéèêëîïôùûüÿœ",
    articles=words("le la les un une des"),
    pronouns=words("je tu il elle ils elles nous vous on"),
    deliberate_doubles=words("nous vous si"),
    one_letter_words=words("a à y"),
    printed_quotes="« »",
    spaced_punctuation=True,
    dash="–",
    decimal_comma=True,
    familiar=words("tu te toi ta tes"),  # not "ton" (a noun too) nor "tien(ne)(s)" (forms of "tenir")
    polite=words("vous votre vos"),  # also the plural of "tu": a document mixing them may address a group
)
