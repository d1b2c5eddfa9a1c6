"""Portuguese."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "pt",
    numerals=numerals("dois|duas três quatro cinco seis sete oito nove dez onze doze"),
    name="Portuguese",
    negations=words("não nunca jamais nenhum nenhuma nada ninguém nem sem"),
    analyser="pt-es",
    accented_letters="áâãàçéêíóôõú",
    articles=words("o os as um uma uns umas"),
    pronouns=words("eu ele ela eles elas nós"),
    deliberate_doubles=words("que se não"),
    one_letter_words=words("a à e é o ó"),
    dash="—",
    decimal_comma=True,
    # no register forms: Brazilian Portuguese addresses "você" with "te" and "teu" as a matter of course
)
