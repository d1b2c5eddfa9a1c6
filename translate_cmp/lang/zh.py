"""Chinese: no spaces between words, no letter case."""

from translate_cmp.lang.profile import plain

# 万 ten thousand, 亿 a hundred million (萬, 億 in traditional characters); 万亿 a million million: "33.06万" is
# 330,600, "89.6亿" 8.96 billion
LANGUAGE = plain("zh", name="Chinese", scale_characters={"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "万亿": 1e12,
                                                         "萬億": 1e12})
