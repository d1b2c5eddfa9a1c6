"""Ukrainian: only what the rules need so far (its negation words, for compare through the rus-ukr pair)."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "uk",
    name="Ukrainian",
    negations=words("не ні ніколи нічого ніхто без"),
)
