"""Catalan: only what the rules need so far (its Apertium analyser; langdetect reads Catalan as ``ca``)."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "ca",
    name="Catalan",
    negations=words("no mai cap res ningú ni sense"),
    analyser="cat-eng",
    # the periphrastic past: "va + infinitive" is Catalan's narrative past ("va dir", "van guanyar")
    extra={"past_auxiliaries": words("vaig vas va vam vàrem vau vàreu van varen")},
)
