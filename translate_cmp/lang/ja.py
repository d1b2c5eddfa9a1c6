"""Japanese: no spaces between words, no letter case."""

from translate_cmp.lang.profile import numerals, plain

LANGUAGE = plain(
    "ja",
    name="Japanese",
    scale_characters={"万": 1e4, "億": 1e8, "兆": 1e12},  # "1200万" is twelve million
    numerals=numerals("二|二つ|ふたつ 三|三つ|みっつ 四|四つ 五|五つ 六 七 八 九 十 十一 十二"),
)
