"""Dutch: „...” quotes; langdetect reads a single Dutch sentence as Afrikaans now and then."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "nl",
    numerals=numerals("twee drie vier vijf zes zeven acht negen tien elf twaalf"),
    numeral_suffixes=("maal", "voudig"),
    name="Dutch",
    analyser="nld-afr",  # the first stage of nld-afr.mode: its analyser (R403; S116 does not run here)
    negations=words("niet geen nooit niets niemand noch zonder"),
    articles=words("de het een"),
    pronouns=words("ik jij hij zij wij jullie"),
    # "dat het het bestand verwijdert" (pronoun, then article); "geef je in in de shell" (separable particle, then
    # the preposition): both grammatical
    deliberate_doubles=words("die dat het in op aan uit door over"),
    one_letter_words=words("u"),
    read_as="af",
    dash="–",
    decimal_comma=True,
    familiar=words("jij jou jouw je jullie"),
    polite=words("u uw"),
)
