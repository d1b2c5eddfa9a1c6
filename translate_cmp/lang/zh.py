"""Chinese: no spaces between words, no letter case."""

from translate_cmp.lang.profile import plain, words

# 万 ten thousand, 亿 a hundred million (萬, 億 in traditional characters); 万亿 a million million: "33.06万" is
# 330,600, "89.6亿" 8.96 billion
LANGUAGE = plain("zh", name="Chinese", scale_characters={"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "万亿": 1e12,
                                                         "萬億": 1e12},
                 # the first person: 我 (I; 我们 we, 我国 our country), 咱 (咱们 we), 俺 (dialect "I"), 笔者 (the
                 # writer), 本报 (this newspaper: "our reporter")
                 first_person=words("我 咱 俺 笔者 本报"),
                 second_person=words("你 您"),  # 你们 you (plural)
                 # words that hold one and are no pronoun: 自我 (the self), 忘我 (selfless), 日本报道 (Japan reports)
                 extra={"not_pronouns": ("自我", "忘我", "日本报")})
