"""Russian: Вы/Ваш capitalised for polite address."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "ru",
    numerals=numerals("два|две|двух|двум|двумя трёх|три|трех|тремя четыре|четырёх|четырех "
                      "пять|пяти шесть|шести семь|семи восемь|восьми девять|девяти десять|десяти "
                      "одиннадцать|одиннадцати двенадцать|двенадцати"),
    numeral_heads=True,  # "двухбайтовая" (two-byte), "трёхстрочный" (three-line)
    name="Russian",
    analyser="rus-ukr",  # the first stage of rus-ukr.mode: its analyser (R403; S116 does not run here)
    negations=words("не нет ни никогда ничего никто без"),
    script="CYRILLIC",
    courtesy=words("Вы Вас Вам Вами Ваш Ваша Ваше Ваши Вашего Вашей Вашему Вашим Вашими Ваших Вашу"),
    deliberate_doubles=words("что не"),
    one_letter_words=words("а в и к о с у я"),  # spaCy's stop list holds the whole alphabet (г, д, м, х ...)
    dash="—",
    decimal_comma=True,
    familiar=words("ты тебя тебе тобой тобою твой твоя твоё твое твои твоего твоей твоему твоим твоих твою твоими"),
    polite=words("вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим ваших вашу вашими"),  # and Вы, Ваш
)
