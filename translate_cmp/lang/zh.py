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
                 extra={"not_pronouns": ("自我", "忘我", "日本报"),
                        # function words, and the verbs of reporting and doing that a translation may leave
                        # implicit ("表示", "进行": "said", "carried out"); a bilingual lexicon does not count them
                        # as content words (lang/bilingual/from_chinese.py)
                        "function_words": words(
                            """的 了 在 是 和 与 及 也 都 就 而 但 将 把 被 对 从 为 于 以 等 这 那 其 之 所 个 有 中
                            上 下 着 过 或 又 还 并 向 由 让 使 给 到 很 更 最 不 没 无 已 已经 可 能 会 要 该 此 各
                            每 我 你 他 她 它 们 我们 他们 她们 自己 其中 一些 这些 那些 因为 所以 如果 虽然 但是 以及
                            而且 并且 以来 之后 之前 之间 时 后 前 里 内 外 来 去 说 称 表示 指出 认为 进行 通过 目前
                            同时 此外 另外 据 日 月 年""")})
