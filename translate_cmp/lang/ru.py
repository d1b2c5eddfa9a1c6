"""Russian: Вы/Ваш capitalised for polite address."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "ru",
    name="Russian",
    script="CYRILLIC",
    courtesy=words("Вы Вас Вам Вами Ваш Ваша Ваше Ваши Вашего Вашей Вашему Вашим Вашими Ваших Вашу"),
    deliberate_doubles=words("что не"),
)
