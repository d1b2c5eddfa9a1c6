"""Chinese: no spaces between words, no letter case."""

from translate_cmp.lang.profile import plain, words

# 万 ten thousand, 亿 a hundred million (萬, 億 in traditional characters); 万亿 a million million: "33.06万" is
# 330,600, "89.6亿" 8.96 billion
LANGUAGE = plain("zh", name="Chinese", scale_characters={"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "万亿": 1e12,
                                                         "萬億": 1e12},
                 # the first person: 我 (I; 我们 we, 我国 our country), 咱 (咱们 we), 俺 (dialect "I"), 本人 (I myself),
                 # 笔者 (the writer), 本报 本台 本网 本刊 (this newspaper, station, site, magazine: "our")
                 first_person=words("我 咱 俺 本人 笔者 本报 本台 本网 本刊"),
                 # third person: 他 he (他们 they, men or a mixed group), 她 she (她们 they, women only)
                 masculine=words("他"), feminine=words("她"),
                 # words that hold 他 and are no pronoun: other, others, other countries, elsewhere, guitar ...
                 extra={"not_pronouns": ("其他", "其它", "他人", "他国", "他乡", "他处", "他方", "他山", "他者", "他杀",
                                         "吉他", "利他", "排他", "无他")})
