"""Spanish: ¿ ¡ open questions and exclamations."""

from translate_cmp.lang.profile import numerals, plain, words

# English terms of medicine and clinical statistics that Spanish writes in its own form (the forms of the WHO's and
# PAHO's Spanish texts, the Spanish journals' style and Navarro's dictionary of English medical terms), English ->
# the Spanish forms, any of which in the same sentence makes the English one a gloss ("razón de posibilidades (odds
# ratio, OR)"; for an acronym, only the Spanish acronym: "Organización Mundial de la Salud (WHO)" still keeps the
# English one): read by L307. Acronyms are matched in capitals, the terms in any case. Acronyms other software
# writes too are left out ("ICU", the Unicode library; "STD", "AMI", "CI": coeficiente intelectual).
ENGLISH_TERMS = {
    "WHO": ("OMS",),
    "PAHO": ("OPS",),
    "HIV": ("VIH",),
    "AIDS": ("sida", "SIDA"),
    "DNA": ("ADN",),
    "RNA": ("ARN",),
    "mRNA": ("ARNm",),
    "COPD": ("EPOC",),
    "BMI": ("IMC",),
    "ADL": ("AVD", "ABVD"),
    "IADL": ("AIVD", "AVDI"),
    "RCT": ("ECA",),
    "CVD": ("ECV",),
    "STI": ("ITS",),
    "PPE": ("EPI",),
    "IQR": ("RIC",),
    "HPV": ("VPH",),
    "HCV": ("VHC",),
    "HBV": ("VHB",),
    "CKD": ("ERC",),
    "NSAID": ("AINE",),
    "ARDS": ("SDRA",),
    "PTSD": ("TEPT",),
    "ADHD": ("TDAH",),
    "GDP": ("PIB",),
    "CSF": ("LCR",),
    "HRQoL": ("CVRS",),
    "T2DM": ("DM2",),
    "MRI": ("RM", "RMN"),
    "odds ratio": ("razón de posibilidades", "razón de momios", "razón de probabilidades", "oportunidad relativa",
                   "razón de oportunidades", "cociente de posibilidades"),
    "hazard ratio": ("cociente de riesgos", "razón de riesgos"),
    "likelihood ratio": ("razón de verosimilitud", "razones de verosimilitud", "cociente de probabilidades"),
    "interquartile range": ("rango intercuartílico",),
    "follow-up": ("seguimiento",),
}

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
    extra={"english_terms": ENGLISH_TERMS,
           # "ADL (por sus siglas en inglés)": the sentence says the term is English
           "english_said": ("en inglés", "del inglés")},
)
