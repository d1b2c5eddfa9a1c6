"""German: nouns capitalised, „...“ quotes, Sie/Ihnen for polite address, dative articles."""

from translate_cmp.lang.profile import plain, words

LANGUAGE = plain(
    "de",
    name="German",
    capitalises_nouns=True,
    courtesy=words("Sie Ihr Ihre Ihren Ihrem Ihrer Ihres Ihnen"),
    articles=words("der die das den dem des ein eine einer eines einem einen"),
    oblique_articles=words("dem einem einer eines einen"),
    pronouns=words("ich du er sie es wir ihr"),
    deliberate_doubles=words("die das der dem den sie es"),
    printed_quotes="„“",
    dash="–",
    decimal_comma=True,
    familiar=words("du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem eurer eures"),
    polite=words("Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres"),  # "sie" (she, they): capitalised mid-clause only
    polite_capitalised=True,
)
