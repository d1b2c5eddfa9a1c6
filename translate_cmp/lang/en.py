"""English: its word lists are in :mod:`translate_cmp.lang.lexicon` (the rules' oldest and largest)."""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "en",
    numerals=numerals("two three four five six seven eight nine ten eleven twelve"),
    scale_words={"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12},
    ordinals=numerals("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"),
    number_suffixes=("st", "nd", "rd", "th", "s"),  # "1st", "10th"; a decade: "1990s", "90s"
    months=("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"),
    name="English",
    analyser="eng-spa",  # the first stage of eng-spa.mode: its analyser (R403; S116 does not run here)
    negations=words("not n't no never none nothing nobody neither nor cannot without"),
    articles=words("a an the"),
    first_person=words("i me my mine myself we us our ours ourselves"),
    # "you" only: "your" is what an imperative needs ("update your phone" for 定期更新手机)
    second_person=words("you yourself yourselves"),
    deliberate_doubles=words(
        """had that is very bye ha haha no yes yeah knock tut chop boo blah bla so really ho hip la dum bang tick oh ah
        go well wow now come"""),
    # engines translate these as words ("March" -> "marzo" -> "Course", "Western" -> "occidental")
    conventional_capitals=words(
        """january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday north south east west northern southern eastern
        western"""),
)
