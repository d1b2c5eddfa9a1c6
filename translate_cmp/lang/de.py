"""German: nouns capitalised, „...“ quotes, Sie/Ihnen for polite address, dative articles.

Nouns: German writes every noun with a capital, and any word becomes a noun after an article or a determiner
("das Ganze", "im Allgemeinen", "das Für und Wider", "jeden Morgen"; the amtliche Regelung, §57), as the
times of day do after heute, gestern, morgen ("heute Morgen", §55(6)). ``noun_markers`` holds those words;
which words are nouns in their own right ("Teil", "Uhr", "Wegen") comes from the Hunspell dictionary.
"""

from translate_cmp.lang.profile import numerals, plain, words

LANGUAGE = plain(
    "de",
    numerals=numerals("zwei|zweier drei|dreier vier fünf sechs sieben acht neun zehn elf zwölf"),
    numeral_suffixes=("mal", "fach", "malig"),
    name="German",
    negations=words("nicht kein keine keinen keinem keiner nie niemals nichts niemand weder ohne"),
    accented_letters="äöüß",
    capitalises_nouns=True,
    courtesy=words("Sie Ihr Ihre Ihren Ihrem Ihrer Ihres Ihnen"),
    articles=words("der die das den dem des ein eine einer eines einem einen"),
    oblique_articles=words("dem einem einer eines einen"),
    pronouns=words("ich du er sie es wir ihr"),
    deliberate_doubles=words("die das der dem den sie es"),
    one_letter_words=frozenset(),  # no German word has one letter
    noun_markers=words(
        """der die das den dem des ein eine einer eines einem einen
        am im ins zum zur beim vom ans aufs durchs fürs ums
        kein keine keiner keines keinem keinen dieser diese dieses diesem diesen jeder jede jedes jedem jeden
        mein meine meiner meines meinem meinen dein deine deiner deines deinem deinen sein seine seiner seines
        seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren euer eure
        eurer eures eurem euren welcher welche welches welchem welchen
        heute gestern vorgestern morgen übermorgen"""),
    hunspell="de_DE",  # Debian's hunspell-de-de (igerman98): its capitalised entries are the nouns
    printed_quotes="„“",
    dash="–",
    hyphen_pairs=True,  # raters of German news and TED mark them; fr and ru: docs/rules/measurements.md
    decimal_comma=True,
    familiar=words("du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem eurer eures"),
    polite=words("Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres"),  # "sie" (she, they): capitalised mid-clause only
    polite_capitalised=True,
)
