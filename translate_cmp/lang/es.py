"""Spanish: ¿ ¡ open questions and exclamations."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "es",
    name="Spanish",
    articles=words("el la los las lo un una unos unas"),
    pronouns=words("yo tú él ella ellos ellas nosotros"),
    deliberate_doubles=words("si no que"),
    one_letter_words=words("a e o u y"),
)
