"""Italian."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "it",
    numerals=numerals("due tre quattro cinque sei sette otto nove dieci undici dodici"),
    name="Italian",
    negations=words("non mai nessuno nessuna niente nulla né senza"),
    analyser="ita-spa",
    accented_letters="àèéìíòóù",
    articles=words("il lo la le gli un una uno"),
    pronouns=words("io lui lei noi voi loro"),
    deliberate_doubles=words("che si no"),
    one_letter_words=words("a e è i o"),
    dash="–",
    decimal_comma=True,
    familiar=words("tu ti te tuo tua tuoi tue"),
    polite=words("Lei Suo Sua Suoi Sue"),  # "lei" (she): capitalised mid-clause only, not before a name
    polite_capitalised=True,
)
