"""Italian."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "it",
    name="Italian",
    articles=words("il lo la le gli un una uno"),
    pronouns=words("io lui lei noi voi loro"),
    deliberate_doubles=words("che si no"),
    one_letter_words=words("a e è i o"),
)
