"""Issue 20: the shortcuts of the Q6xx/C506 unit checks (and of the PO reader) find what the long way finds, on the
units of real catalogues: the test PO files and, where its wheel is here, Django's catalogues in eight languages."""

from __future__ import annotations

import os
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from translate_cmp.lang import numbers as reader
from translate_cmp.readers import po_syntax, read_documents
from translate_cmp.rules import select_rules
from translate_cmp.rules.comparison import C506_placeholder_mismatch as c506
from translate_cmp.rules.qa import helpers
from translate_cmp.rules.qa.options import current
from translate_cmp.rules.qa.Q618_acronym_missing import _CODE, _DASH_DIGIT, _NAME, _after_word

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tests" / "l10n_files"
sys.path.insert(0, str(ROOT / "tests"))
from test_l10n_unit_mode import WHEEL  # noqa: E402

LANGS = ("de", "es", "fr", "it", "ja", "nl", "pt_BR", "ru")


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory) -> list[Path]:
    """The test PO files, and Django's catalogues (its wheel read, never installed) where the wheel is here."""
    files = sorted(FILES.glob("*.po"))
    if WHEEL.is_file():
        folder = tmp_path_factory.mktemp("django")
        with zipfile.ZipFile(WHEEL) as zf:
            for name in zf.namelist():
                if name.endswith("/django.po") and any(f"/locale/{lang}/" in name for lang in LANGS):
                    target = folder / name.replace("/", "__")
                    target.write_bytes(zf.read(name))
                    files.append(target)
    elif os.environ.get("TRANSLATE_CMP_CI"):
        pytest.fail(f"{WHEEL} missing")
    return files


@pytest.fixture(scope="module")
def units(catalogues) -> list[tuple[str, str, str]]:
    """(source, target, target language) of every unit, and every rule example's text and translation."""
    out = []
    for path in catalogues:
        for doc in read_documents([path]):
            if doc.unit is not None and doc.unit.source:
                out.append((doc.unit.source, doc.text, (doc.unit.target_lang or "en").split("_")[0]))
    for rule in select_rules(["Q", "C506"]):
        for e in (*rule.examples, *rule.counter_examples):
            out.append((e.text, e.translation or "", e.lang or "en"))
    assert len(out) > 40
    return out


def _texts(units) -> list[str]:
    return list(dict.fromkeys(t for source, target, _ in units for t in (source, target)))


def test_blanked_without_its_prefilters_blanks_the_same(units):
    def long_way(text: str, urls: bool = True, fill: str = " ") -> str:  # blanked() before the prefilters
        chars = list(text)
        spans = [(p.start, p.end) for p in helpers.find(text, current().variables)]
        if urls:
            spans += [m.span() for m in helpers.URL.finditer(text)] + [m.span() for m in helpers.EMAIL.finditer(text)]
        for start, end in spans:
            chars[start:end] = fill * (end - start)
        return "".join(chars)

    texts = _texts(units) + ["see WWW.example.org or HTTP://x.y/z", "mail me: a.b@c.de", "%s at {0}"]
    for text in texts:
        for urls, fill in ((True, " "), (True, "X"), (False, " ")):
            assert helpers.blanked(text, urls, fill) == long_way(text, urls, fill), text


def test_end_mark_tries_each_pattern_where_it_can_match_and_reads_the_same(units):
    def long_way(text: str) -> str:  # the end patterns of end_mark() applied to every text
        text = helpers._END_QUOTED.sub("x", helpers._END_PROMPT.sub("", text))
        text = helpers._END_COMMAND.sub("x", text)
        return helpers._END_CLASS.sub("x", text.rstrip())

    texts = _texts(units) + ["Continue? (y/n) ", "should be ':'\n", "with '-n r/...'", "use [:lower:] ”\u00a0",
                             "a class '[::]'", "say «non»"]
    matched = 0
    for text in texts:
        short = text
        if short.rstrip().endswith(")"):
            short = helpers._END_PROMPT.sub("", short)
        if short.rstrip().endswith(helpers._CLOSING_QUOTES):
            short = helpers._END_QUOTED.sub("x", short)
        if short.rstrip().endswith(helpers._CLOSING_QUOTES):
            short = helpers._END_COMMAND.sub("x", short)
        short = short.rstrip()
        if short.rstrip(helpers._CLASS_TAIL).endswith("]"):
            short = helpers._END_CLASS.sub("x", short)
        assert short == long_way(text), text
        matched += short != text.rstrip()
    assert matched >= 4  # the comparison covers texts the patterns change
    assert helpers.end_mark("Continue? (y/n) ", "en") == "?"


def test_sentence_count_with_the_segmenter_is_the_marks_count_or_the_segmenters_where_lower(units):
    """Q622 asks the segmenter only where the marks' counts differ: the count with it, from the count without."""
    for source, target, lang in units:
        for text, text_lang in ((source, "en"), (target, lang)):
            marks = helpers.sentence_count(text, text_lang, False)
            lazy = min(marks, helpers.segmented_count(text, text_lang)) if marks > 1 else marks
            assert helpers.sentence_count(text, text_lang, True) == lazy, text


def test_the_sentence_count_read_without_word_lists_bounds_the_count_read_with_them(units):
    """Q622 reads the counts first without the languages' word lists (a short lower-case word before a full stop
    taken both ways) and the lists only where the bounds leave the finding open: the count read with the lists
    lies between the bounds, which are one number where no such word decides."""
    open_texts = 0
    texts = [*units, ("redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n", "", "ja"),
             ("Use the el disp. raíz now. Done.", "", "es")]
    for source, target, lang in texts:
        for text, text_lang in ((source, "en"), (target, lang), (source, lang)):
            low, high = helpers.sentence_count_range(text, text_lang)
            assert low <= helpers.sentence_count(text, text_lang, False) <= high, (text, text_lang)
            open_texts += low < high
    assert open_texts >= 3  # "it." read in Japanese and in English, "disp." in Spanish
    assert helpers.sentence_count_range("Saved. Closed. Done.", "ja") == (3, 3)


def test_a_name_after_a_lower_case_word_is_read_backwards_as_the_expression_reads_it(units):
    long_way = re.compile(r"(?:(?<![\w-])[a-z]+|[,;]) $")
    texts = _texts(units) + ["the cement Variolink", "x-ray Scanner", "2a Names", "foo_bar Names", ", Names",
                             "éa Names", "Ab Names", "a Names"]
    checked = 0
    for text in texts:
        plain = helpers.blanked(text)
        for at in range(len(plain) + 1):
            assert _after_word(plain, at) == bool(long_way.search(plain[:at])), (text, at)
        checked += bool(list(_NAME.finditer(plain)))
    assert checked >= 3


def test_a_code_is_found_only_where_the_source_has_a_dash_and_a_digit(units):
    texts = _texts(units) + ["during the COVID-19 crisis", "EuroQol-5D", "SARS-CoV-2"]
    with_codes = 0
    for text in texts:
        codes = list(_CODE.finditer(helpers.blanked(text)))
        assert not codes or _DASH_DIGIT.search(text), text
        with_codes += bool(codes)
    assert with_codes >= 3


def test_c506_compares_a_units_placeholders_once_and_as_the_long_way_does(catalogues):
    rule = c506.PlaceholderMismatch()
    compared = 0
    for path in catalogues:
        for doc in read_documents([path]):
            unit = doc.unit
            if unit is None or not unit.source or unit.fmt == "pot":
                continue

            class Ctx:  # what _compared reads of a rule context
                document = doc

            missing, added = rule._compared(Ctx)
            target = c506.comparable(doc.text)  # the long way: every unit counted
            if unit.plural_index is not None:
                forms = (c506.comparable(unit.source), c506.comparable(unit.source_plural or unit.source))
                required = forms[0] & forms[1]
                if unit.plural_index == 0:
                    required = Counter({k: n for k, n in required.items() if not c506._droppable(k)})
                allowed = forms[0] | forms[1]
            else:
                required = allowed = c506.comparable(unit.source)
            assert missing == required - target
            assert added == Counter({k: n for k, n in (target - allowed).items() if not c506._html_tag(k)})
            compared += bool(target)
    assert compared >= 3  # units with placeholders were compared, not only the empty fast path


def test_the_po_strings_expression_accepts_what_the_walk_does(catalogues):
    def outcome(check, line: str):
        try:
            return check(line, 0, 1)
        except po_syntax.PoSyntaxError as e:
            return str(e)

    lines = ['"a\\q"', '"abc', '"a" x', '"\\x"', '"\\xg"', '"\\x4f"', '  "a"  "b"\t', '""', "", "   ", '"a\\',
             '"é\\"\\\\"', "'a'", '"a""b"', '"\\0\\7\\8"']
    for path in catalogues:
        lines += [line[line.index('"'):] for line in path.read_text(encoding="utf-8").splitlines() if '"' in line]
    walked = lambda line, pos, n: po_syntax._strings_walk(line, pos, n) > 0  # noqa: E731 - whether there is one
    for line in lines:
        assert outcome(po_syntax._any_strings, line) == outcome(walked, line), line
    assert outcome(po_syntax._any_strings, '"a" "b"') is True
    assert outcome(po_syntax._any_strings, "   ") is False
    assert outcome(po_syntax._any_strings, '"a\\q"') == "line 1: invalid control sequence '\\q'"


def _long_end_mark(text: str, lang: str) -> str:
    """helpers.end_mark without its first shortcut (a text that ends with a letter or digit): every pattern tried."""
    import unicodedata

    if text.rstrip().endswith(")"):
        text = helpers._END_PROMPT.sub("", text)
    if text.rstrip().endswith(helpers._CLOSING_QUOTES):
        text = helpers._END_QUOTED.sub("x", text)
    if text.rstrip().endswith(helpers._CLOSING_QUOTES):
        text = helpers._END_COMMAND.sub("x", text)
    text = text.rstrip()
    if text.rstrip(helpers._CLASS_TAIL).endswith("]"):
        text = helpers._END_CLASS.sub("x", text)
    i = len(text)
    while i > 0 and (text[i - 1] in helpers._SPACES or unicodedata.category(text[i - 1]).startswith("P")
                     or text[i - 1] in "…"):
        i -= 1
    run = "".join(ch for ch in helpers._normalise_marks(text[i:], lang) if ch not in helpers._SPACES)
    return "".join(ch for ch in run if ch in helpers._END_MARKS)[-1:]


def test_the_quick_exits_of_the_unit_checks_read_what_the_long_way_reads(units):
    from translate_cmp.rules.qa.Q626_invalid_character import _MAYBE_INVALID, invalid

    texts = [("Fertig\x07", "de"), ("Abbre\ufffdchen", "de"), ("（注）【a】", "ja"), ("12 ٣", "ar"), ("(y/n)", "en"),
             ("x [:lower:]", "en"), ("say '.'", "en"), ("Ⅳ", "en"), ("", "en"), ("  ", "en")]
    texts += [pair for source, target, lang in units for pair in ((source, "en"), (target, lang))]
    for text, text_lang in texts:
        assert helpers.end_mark(text, text_lang) == _long_end_mark(text, text_lang), text
        plain = helpers.blanked(text)
        assert helpers.bracket_counts(text) == Counter(ch for ch in plain.translate(helpers._FULL_WIDTH)
                                                       if ch in helpers.BRACKETS), text
        if not re.search(r"\d", text):  # numbers() leaves at once: the long way finds none either
            assert not list(reader.READINGS[reader.ALONE].finditer(plain.translate(reader.DIGITS)))
        if not helpers.ANY_QUOTE_MARK.search(text):  # Q613 leaves at once: no mark counted
            assert helpers.quote_marks(text) == 0
        if not _MAYBE_INVALID.search(text):  # Q626 leaves at once: no character it names
            assert not any(invalid(ch) for ch in set(text)), text
        head = text.lstrip()[:48]
        if head[:1].isalnum():  # Q610 leaves at once where both sides start so: no start mark
            assert helpers.start_mark(helpers.blanked(head, fill="x"), text_lang) == ""


def test_the_abbreviation_test_reads_wordfreqs_own_top_words():
    from wordfreq import top_n_list

    from translate_cmp.lang.tokens import _sorted_words
    from translate_cmp.lang.wordlists import top_words

    for lang in ("en", "fr", "de", "ru", "ja", "nl"):
        assert top_words(lang, 20000) == top_n_list(lang, 20000)
        assert _sorted_words(lang) == tuple(sorted(top_n_list(lang, 20000)))
    assert _sorted_words("af") == ()  # no list of its own: wordfreq would answer with Dutch's
