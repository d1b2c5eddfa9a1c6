"""French: « ... » quotes, nous nous / vous vous."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "fr",
    name="French",
    articles=words("le la les un une des"),
    pronouns=words("je tu il elle ils elles nous vous on"),
    deliberate_doubles=words("nous vous si"),
    one_letter_words=words("a à y"),
)
