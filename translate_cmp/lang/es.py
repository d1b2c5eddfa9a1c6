"""Spanish: ¿ ¡ open questions and exclamations."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "es",
    numerals=numerals("dos tres cuatro cinco seis siete ocho nueve diez once doce"),
    name="Spanish",
    negations=words("no nunca jamás ningún ninguna ninguno nada nadie tampoco ni sin"),
    analyser="spa-eng",
    accented_letters="áéíóúñü",
    articles=words("el la los las lo un una unos unas"),
    pronouns=words("yo tú él ella ellos ellas nosotros"),
    deliberate_doubles=words("si no que"),
    one_letter_words=words("a e o u y"),
    dash="—",
    # no decimal_comma: Spain writes 3,5 and Mexico 3.5; no printed_quotes: « » and “ ” are both usual
    familiar=words("tú te ti contigo tu tus tuyo tuya tuyos tuyas"),
    polite=words("usted ud vd"),  # not "ustedes", the plural of "tú" too in the Americas
)
