"""What the Q6xx unit checks share: the unit's source and target, where a finding goes, and the pieces of a
string each family compares (placeholders blanked out, punctuation under each language's typography, numbers
under each locale's format, URLs, paths, options ...). Each function is pure: text in, facts out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from translate_cmp.l10n.placeholders import find
from translate_cmp.lang.numbers import ANY_DIGIT, Number
from translate_cmp.lang.numbers import cjk_numbers as read_cjk_numbers
from translate_cmp.lang.numbers import numbers as read_numbers
from translate_cmp.lang.numbers import spelled_numbers as read_spelled_numbers
from translate_cmp.rules.base import Hit, RuleContext
from translate_cmp.rules.qa.options import current


def pair(ctx: RuleContext) -> tuple[str, str] | None:
    """(source, target) of the unit behind ``ctx``; None outside localisation units, for a template (POT) or a
    unit with no source."""
    unit = ctx.document.unit
    if unit is None or not unit.source or unit.fmt == "pot":
        return None
    return unit.source, ctx.document.text


WHOLE_UNIT = -1  # a finding's start for the whole unit
CJK = frozenset({"ja", "zh", "ko", "yue"})
# Bitext tables: machine translation of prose checked against its sources. Not PO, XLIFF or TMX catalogues, whose
# translators keep a program's terms in English and rewrite short messages freely, on purpose.
PROSE_FORMATS = frozenset({"table"})


def in_prose_table(ctx: RuleContext) -> bool:
    """Whether the unit is a row of a bitext table of prose (the rules that read machine translation's slips)."""
    return ctx.document.unit.fmt in PROSE_FORMATS


def in_prose_pair(ctx: RuleContext, pair: tuple[str, str]) -> bool:
    """Whether the unit is a row of a bitext prose table from ``pair[0]`` (its source) into ``pair[1]``."""
    return in_prose_table(ctx) and (unit_source_lang(ctx), ctx.doc_lang.split("-")[0]) == pair


def prose_lexicon(ctx: RuleContext, pair: tuple[str, str]):
    """The bilingual lexicon of ``pair`` (lang/bilingual) for a row of a bitext prose table whose source and target
    languages are that pair; None elsewhere (a catalogue, another pair, the lexicon not installed)."""
    if not in_prose_pair(ctx, pair):
        return None
    from translate_cmp.lang.bilingual import lexicon

    return lexicon(*pair)


def once(ctx: RuleContext, message: str) -> Iterator[Hit]:
    """A finding about the whole unit: reported once, on its first sentence."""
    yield Hit(WHOLE_UNIT, WHOLE_UNIT, message)


def at(ctx: RuleContext, start: int, end: int, message: str) -> Iterator[Hit]:
    """A finding at target offsets ``start:end``: reported on the sentence that holds ``start``."""
    yield Hit(start, end, message)


def owner(ctx: RuleContext, start: int) -> int:
    """The sentence that holds target offset ``start`` (whitespace before the first sentence goes to the first,
    after a sentence to that sentence)."""
    found = 0
    for i, s in enumerate(ctx.sentences):
        if s.start <= start:
            found = i
    return found


def is_plural_form(ctx: RuleContext) -> bool:
    return ctx.document.unit is not None and ctx.document.unit.plural_index is not None


# ---- placeholders and markup out of the way -------------------------------------------------------------------

URL = re.compile(r"\b(?:(?:https?|ftp|file)://|www\.)[^\s<>\"'«»“”‘’)\]}]+", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


@lru_cache(maxsize=4096)
def blanked(text: str, urls: bool = True, fill: str = " ") -> str:
    """``text`` with every placeholder and tag (and, with ``urls``, every URL and e-mail address) replaced by
    spaces (or ``fill``) of the same length: offsets stay, and no check reads a digit, bracket or capital inside
    them."""
    spans = [(p.start, p.end) for p in find(text, current().variables)]
    if urls:
        if "://" in text or "www." in text.lower():  # what a URL starts with (its scheme's "://", or "www.")
            spans += [m.span() for m in URL.finditer(text)]
        if "@" in text:
            spans += [m.span() for m in EMAIL.finditer(text)]
    if not spans:
        return text  # nothing to blank (most strings)
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


# ---- punctuation under each language's typography --------------------------------------------------------------

_FULL_WIDTH = str.maketrans({
    "。": ".", "．": ".", "｡": ".", "！": "!", "？": "?", "：": ":", "；": ";", "，": ",", "、": ",", "؟": "?",
    "،": ",", "؛": ";", "۔": ".", "।": ".", "॥": ".", "։": ".", "።": ".", "፧": "?", "¿": "", "¡": "", "‼": "!!",
    "（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "【": "[", "】": "]",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "「": '"', "」": '"',
    "『": '"', "』": '"', "‘": '"', "’": '"', "‚": '"', "'": '"', "＂": '"', "–": "-", "—": "-", "−": "-",
})
_QUOTES_OR_CLOSERS = "\")]}>"
_END_MARKS = ".!?:;,…"
# at the end: a quoted mark or two ("':'"), or a prompt's answers ("(y/n)", "(s/n)"), which a translation adds
_END_QUOTED = re.compile(r"[\"'‘“«„]\W{1,3}[\"'’”»“]\s*$")
_END_PROMPT = re.compile(r"\s*\(\w{1,3}/\w{1,3}\)\s*$")
# at the end: a quoted command line or option ("'-n r/...'"), whose marks are the command's
_END_COMMAND = re.compile(r"[\"'‘“«„]\s?-[^\n\"'’”»“]{0,40}[\"'’”»“]\s*$")
# at the end: a character class ("[:lower:]", "'[::]'"), whose marks are content (not "[FILE...]")
_END_CLASS = re.compile(r"\[(?::\w{0,10}:|[^\w\s\]]{1,6})\][\"'’”“‘»\u00a0 ]*$")
_CLOSING_QUOTES = tuple("\"'’”»“")  # what _END_QUOTED and _END_COMMAND end with, blanks aside
_CLASS_TAIL = "\"'’”“‘»\u00a0 "  # what may follow the "]" that ends _END_CLASS
_OPENERS = "\"([{<"
_SPACES = " \t\u00a0\u202f\u2009\u3000\n\r"
# languages whose typography ends a sentence with no mark at all (Thai, Lao, Khmer, Burmese end a sentence with a
# space); the end-punctuation check does not read them
NO_END_MARK = frozenset({"th", "lo", "km", "my"})


def _normalise_marks(marks: str, lang: str) -> str:
    if "¿" in marks or "¡" in marks:
        marks = marks.replace("¿", "").replace("¡", "")
    if lang == "el":  # Greek writes the question mark as ';' and the semicolon as the raised dot
        marks = marks.replace(";", "?").replace("\u037e", "?").replace("\u0387", ";").replace("·", ";")
    marks = marks.translate(_FULL_WIDTH).replace("...", "…")
    return marks


def end_mark(text: str, lang: str) -> str:
    """The punctuation that ends ``text``, as a class: "." "!" "?" ":" ";" "," "…" or "" -- after any
    closing quotes and brackets, French and CJK spacing, with full-width, Arabic, Greek and Devanagari marks
    read as their ASCII counterparts."""
    # each pattern ends in a character the text must end with, blanks aside (")", a closing quote, "]" before
    # quotes and blanks): a pattern is tried only where that character ends the text (the scan of a long help text
    # for a match at its end costs more than the rest)
    last = text.rstrip()[-1:]
    if last.isalnum():
        return ""  # a letter or digit ends it (no pattern's last character, no punctuation): most texts
    if last == ")":
        text = _END_PROMPT.sub("", text)
    if text.rstrip().endswith(_CLOSING_QUOTES):
        text = _END_QUOTED.sub("x", text)  # "should be ':'": a quoted mark is content
    if text.rstrip().endswith(_CLOSING_QUOTES):
        text = _END_COMMAND.sub("x", text)  # "with '-n r/...'": a quoted command line's marks are its own
    text = text.rstrip()
    if text.rstrip(_CLASS_TAIL).endswith("]"):
        text = _END_CLASS.sub("x", text)  # "... [:lower:]": a character class
    i = len(text)
    while i > 0 and (text[i - 1] in _SPACES or unicodedata.category(text[i - 1]).startswith("P")
                     or text[i - 1] in "…"):
        i -= 1
    run = "".join(ch for ch in _normalise_marks(text[i:], lang) if ch not in _SPACES)
    run = "".join(ch for ch in run if ch in _END_MARKS)
    return run[-1:]


# a bullet is followed by a blank, or in Chinese, Japanese and Korean, which put no blank between words, by the
# first character of the item ("-中新网")
_CJK_LETTER = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # kana, Han, Hangul
_START_MARKS = re.compile(r"[\s\u3000]*(?:(\.\.\.|…|[.,;:!?])|([-*•·])(?:[\s\u3000]|(?=[" + _CJK_LETTER + "])))")


def start_mark(text: str, lang: str) -> str:
    """The punctuation a text starts with that a translation keeps: an ellipsis ("...continued"), a stop, comma,
    colon, '!' or '?', or a bullet ("- ", "* ", "• "; "-中新网", with no blank in CJK); full-width marks read as
    ASCII and Spanish ¿ ¡ are dropped. Quotes and brackets are not read (word order moves them: Q612 and Q613
    count them), nor a dash that starts an option ("--null") or a placeholder."""
    plain = _normalise_marks(text, lang).lstrip("¿¡")
    m = _START_MARKS.match(plain)
    if not m:
        return ""
    return "…" if m.group(1) in ("...", "…") else (m.group(1) or "-")


# ---- layout: markup and printed records --------------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_LABEL_LINE = re.compile(r"[ \t\u00a0]*[^\W\d_][^\n:%]{0,30}?[ \u00a0\u202f]?:[ \t\u00a0]*[\"'(]?%")


def markup_line_break(source: str, text: str, at_start: bool) -> bool:
    """``text`` (source or target) is an HTML fragment whose first (``at_start``) or last line break is next to the
    blanks compared: the template's own indentation, which HTML renders as one space ("\n    View function:
    <code>...")."""
    if not _HTML_TAG.search(source):
        return False
    return text.startswith(("\n", "\r")) if at_start else text.endswith(("\n", "\r"))


def record_labels(source: str, target: str) -> bool:
    """Both start with a label and its value, as a program prints a record ("Access: %x", "Device: %Hd"): the
    translation pads its labels to align them with the record's other fields (" Gerät: %Hd", "  Toegang: %x")."""
    return bool(_LABEL_LINE.match(source.lstrip("\n"))) and bool(_LABEL_LINE.match(target.lstrip("\n")))


# ---- brackets and quotes ---------------------------------------------------------------------------------------

BRACKETS = "()[]{}"


# the characters _FULL_WIDTH reads as a bracket ("（", "【"): the only ones of the table that change a bracket count
_WIDE_BRACKET = re.compile("[" + re.escape("".join(chr(k) for k, v in _FULL_WIDTH.items()
                                                   if any(b in v for b in BRACKETS))) + "]")


def bracket_counts(text: str) -> Counter:
    plain = blanked(text)
    if _WIDE_BRACKET.search(plain):  # full-width brackets read as ASCII ones
        plain = plain.translate(_FULL_WIDTH)
    return Counter({b: n for b in BRACKETS if (n := plain.count(b))})  # each bracket counted at C speed


_DOUBLE_QUOTES = "\"“”„‟«»「」『』‹›＂"
_SINGLE = "'‘’‚"
_OUTSIDE_BEFORE = frozenset(" \t\n\u00a0([{<=") | {""}
# a closing quote may be glued to a hyphen that joins the quotation to a word: ‘same-origin’-aanvragen, „x“-Feld
_OUTSIDE_AFTER = frozenset(" \t\n\u00a0)]}>.,;:!?-\u2010")
_DOUBLE_QUOTE_RE = re.compile(f"[{_DOUBLE_QUOTES}]")
_SINGLE_RE = re.compile(f"[{_SINGLE}]")
ANY_QUOTE_MARK = re.compile(f"[{_DOUBLE_QUOTES}{_SINGLE}]")  # any mark quote_marks may count


def quote_marks(text: str) -> int:
    """How many quotation marks ``text`` has: double ones of any typography, and single ones that open or close a
    quotation (not an apostrophe between letters: "don't", "l'objet")."""
    plain = blanked(text, fill="x")  # a placeholder is a word here: "'%s'" quotes it
    n = len(_DOUBLE_QUOTE_RE.findall(plain))
    for m in _SINGLE_RE.finditer(plain):
        i = m.start()
        before = plain[i - 1] if i else " "
        after = plain[i + 1] if i + 1 < len(plain) else " "
        if before.isalpha() and after.isalpha():
            continue  # an apostrophe: "don't", "l'objet"
        if (before in _OUTSIDE_BEFORE) != (after in _OUTSIDE_AFTER):  # opens or closes a quotation
            n += 1
    return n


_QUOTED = re.compile(r"[“\"'‘«„「『‹]([^“”\"'‘’«»„「」『』‹›\n]{1,80})[”\"'’»“」』›]")


def quoted(text: str) -> list[str]:
    """What ``text`` quotes ("'%s'", “slug”), stripped; apostrophes inside words do not open a quotation."""
    return [m.group(1).strip() for m in _QUOTED.finditer(text)
            if not (m.start() and text[m.start() - 1].isalpha() and text[m.start()] in "'’")]


# ---- numbers under each locale's format -------------------------------------------------------------------------
# read by translate_cmp/lang/numbers.py, the one number reader; here only with placeholders, tags and URLs blanked


def numbers(text: str) -> list[Number]:
    """Each number of ``text`` outside placeholders, tags, URLs and words ("utf8", "IPv4", "h1"), with the values
    it may stand for in some locale (:func:`translate_cmp.lang.numbers.numbers`)."""
    if not ANY_DIGIT.search(text):
        return []  # a number has a digit, which blanking never adds
    return read_numbers(blanked(text))


def cjk_numbers(text: str, lang: str) -> list[Number]:
    """:func:`translate_cmp.lang.numbers.cjk_numbers` outside placeholders, tags and URLs."""
    return read_cjk_numbers(blanked(text), lang) if ANY_DIGIT.search(text) else []


def spelled_numbers(text: str, lang: str) -> list[frozenset]:
    """:func:`translate_cmp.lang.numbers.spelled_numbers` outside placeholders, tags and URLs."""
    return read_spelled_numbers(blanked(text), lang)


# ---- URLs, e-mail addresses, paths, options, functions, acronyms ----------------------------------------------

_LANG_SEGMENT = re.compile(r"(?<=[/=.])[a-z]{2}(?:[-_][a-zA-Z]{2,4})?(?=[/&#.]|$)")


def url_key(url: str) -> str:
    """A URL as compared: trailing punctuation dropped, lower-case host, a language segment ("/en/", "hl=en",
    "en.wikipedia") a wildcard, since a translation points at its own language's page."""
    url = url.rstrip(".,;:!?")
    return _LANG_SEGMENT.sub("*", url.lower())


def urls(text: str) -> list[re.Match]:
    return list(URL.finditer(text))


def emails(text: str) -> list[re.Match]:
    return list(EMAIL.finditer(text))


PATH = re.compile(r"(?<![\w/.\\:~-])(?:~|\.{1,2})?/(?:[\w.@+-]+/)*[\w.@+-]*[A-Za-z][\w.@+-]*/?(?![\w/])")


def paths(text: str) -> list[re.Match]:
    """Unix file paths: "/etc/passwd", "~/.config", "./configure", "/tmp"; not "and/or", "km/h", "1/2" or a
    metavariable between a pattern's slashes ("/REGEXP/")."""
    plain = blanked(text)
    return [m for m in PATH.finditer(plain) if (m.group().count("/") >= 2 or m.group()[:1] in "~."
            or re.fullmatch(r"/[a-z]{3,}", m.group())) and not re.fullmatch(r"/[A-Z][A-Z0-9_]*/", m.group())]
    # "/REGEXP/": a metavariable between a pattern's slashes (csplit, sed), not a path


# an option: not inside a word or path, but after another option and a slash ("-l/-s"); a short option may start a
# compound joined by a hyphen ("-S-Zeichenkette", German and Dutch write "-S string" so)
OPTION = re.compile(r"(?<![\w.\\-])(?<!(?<!\w)/)"
                    r"(?:--[A-Za-z][\w-]*[A-Za-z0-9](?![\w-])|-[A-Za-z](?!\w)(?!-(?![^\W\d_])))")


def options(text: str) -> list[re.Match]:
    """Command-line options: "--help", "--no-clobber", "-v" (the value after "=" may be translated)."""
    return list(OPTION.finditer(blanked(text)))


FUNCTION = re.compile(r"(?<![\w.])[A-Za-z_][\w]*(?:(?:\.|::|->)[A-Za-z_]\w*)*\(\)")


def functions(text: str) -> list[re.Match]:
    """Calls written with empty brackets: "foo()", "obj.save()", "QWidget::show()"."""
    return list(FUNCTION.finditer(blanked(text)))


ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?(?![\w-])")


def acronyms(text: str) -> list[re.Match]:
    """Words of two or more capitals (digits allowed): "URL", "UTF8", "CSRF", "IPs"; blanked placeholders and
    URLs apart."""
    return list(ACRONYM.finditer(blanked(text)))


# ---- sentences and words ---------------------------------------------------------------------------------------

# a mark after a word, a digit, a closing quote or an option ("ignores -L and -P.  Otherwise"), before a capital
# or the end; CJK marks anywhere but the end (a line break after them too)
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[\d)\"'”»」』%])|(?<=\s-[A-Za-z]))[.!?。！？؟।]+[\"'”»」』)]*"
                           r"(?=\s+[\"'“«„(¿¡]*[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω\d]|[ \t]*\n|\s*$)|"
                           r"[。！？]+(?=\s*\S)")


def sentence_count(text: str, lang: str, segmenter: bool = True) -> int:
    """How many sentences ``text`` has: marks that end a sentence before a capital, a digit, a placeholder, a line
    break or the end (CJK marks anywhere); abbreviations ("e.g.", "etc.", and what
    :func:`translate_cmp.lang.tokens.is_abbreviation` reads as one: "Ms.", "Dr.", "пац.") do not end one. Where
    that count is higher than the sentences the segmenter finds in the language
    (:func:`translate_cmp.segment.split_spans`, which knows each language's abbreviations: Spanish "EE. UU.",
    English "Mr."), the segmenter's count (unless ``segmenter`` is False)."""
    plain = _sentence_plain(text, lang)
    count = _marks_count(plain, [m for m in _SENTENCE_END.finditer(plain) if not _after_abbreviation(plain, m, lang)])
    return min(count, segmented_count(text, lang)) if count > 1 and segmenter else count


def sentence_count_range(text: str, lang: str) -> tuple[int, int]:
    """The least and the most that ``sentence_count(text, lang, False)`` can be, read without the language's word
    list: a full stop after a short lower-case word ("it.", "disp.") taken once as an abbreviation's and once as a
    sentence's end; the same number twice where no such word decides. Judging a mark an abbreviation's never adds a
    sentence (a mark inside the text: one fewer; the last one: the words before it become the last sentence,
    which has a letter), so the count read with the list lies between the two."""
    plain = _sentence_plain(text, lang)
    every, sure = [], []
    for m in _SENTENCE_END.finditer(plain):
        abbreviation = _after_abbreviation(plain, m, lang, words=False)
        if abbreviation is not True:
            every.append(m)
            if abbreviation is False:
                sure.append(m)
    low = _marks_count(plain, sure)
    return low, _marks_count(plain, every) if len(every) > len(sure) else low


def _sentence_plain(text: str, lang: str) -> str:
    # a placeholder is blanked to capitals: one after a full stop starts a sentence ("use %s.  %s as FILE ...")
    plain = _KNOWN_ABBREVIATIONS.sub("x", blanked(text, fill="X"))
    return _normalise_marks(plain, lang).strip() if lang == "el" else plain.strip()


def _marks_count(plain: str, ends: list[re.Match]) -> int:
    tail = plain[ends[-1].end():] if ends else plain
    return len(ends) + any(ch.isalpha() for ch in tail)  # a last sentence without its full stop counts too


_KNOWN_ABBREVIATIONS = re.compile(r"\.\.\.|…|\b(?:e\.g|i\.e|etc|vs|cf|approx|z\.\s?B|d\.\s?h|usw|bzw|p\.\s?ex|"
                                  r"ecc|ex|ca|Nr|bzgl)\.", flags=re.IGNORECASE)
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _after_abbreviation(text: str, mark: re.Match, lang: str, words: bool = True) -> bool | None:
    """The mark is a full stop after an abbreviation of the language ("Ms.", "Dr.", "пац."); an option's letter
    ("ignores -L and -P.") is none. Without the language's ``words``: None where they would decide."""
    from translate_cmp.lang.tokens import abbreviation_by_shape, is_abbreviation

    at = mark.start()
    m = _LAST_WORD.search(text, 0, at)
    if not (text[at] == "." and m is not None
            and (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"))):
        return False
    return is_abbreviation(m.group(), lang) if words else abbreviation_by_shape(m.group())


@lru_cache(maxsize=4096)
def segmented_count(text: str, lang: str) -> int:
    """Sentences with a letter that the document segmenter finds in ``text`` read in ``lang`` (placeholders and
    URLs blanked)."""
    from translate_cmp.segment import split_spans

    plain = blanked(text, fill="x")
    return sum(any(ch.isalpha() for ch in plain[a:b]) for a, b, _ in split_spans(plain, lang or "en"))


def unit_source_lang(ctx) -> str:
    """The unit's source language as a bare code ("zh" for "zh-CN"); English where the file does not say."""
    unit = ctx.document.unit
    source = (unit.source_lang if unit is not None else "") or "en"
    return source.split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=64)
def length_ratio(lang: str) -> float:
    """A translation's usual length over its English source's, in characters: about 0.45 for Chinese and
    Japanese, 0.6 for Korean (one syllable block per character), 1 elsewhere."""
    return {"zh": 0.45, "ja": 0.5, "ko": 0.6, "yue": 0.45}.get(lang, 1.0)


def pair_length_ratio(ctx) -> float:
    """A translation's usual length over its source's, in characters, for the unit's two languages: the target's
    :func:`length_ratio` over the source's (an undeclared source language counts as English), so a Chinese source
    translated into English is expected about 2.2 times as long, not as long."""
    return length_ratio(ctx.doc_lang) / length_ratio(unit_source_lang(ctx))


_INVISIBLE = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0900-\u0903\u093a-\u094f"
                        r"\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]")


def visible_length(text: str) -> int:
    """Characters a reader sees: combining marks (the common ranges) and zero-width characters do not count."""
    return len(text) - len(_INVISIBLE.findall(text))
