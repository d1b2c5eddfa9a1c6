"""Issue 24: the shortcuts of the flag stage for tables of short rows find what the long way finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_cmp.records import Document
from translate_cmp.rules import get_rule, select_rules
from translate_cmp.rules.docview import build_view
from translate_cmp.rules.flag import _plan, flag_document
from translate_cmp.rules.pairing import quote_orphans
from translate_cmp.rules.spacing.S106_doubled_punctuation import _DOUBLE_MARKS, _TWO_MARKS
from translate_cmp.rules.text import AFTER_LOWER_THE, WORD, is_title, starts_clause, title_chain
from translate_cmp.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    """The seed articles and the multilingual benchmark articles, and every rule example."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
    examples = [e.text for r in select_rules() for e in (*r.examples, *r.counter_examples)]
    return [p.read_text(encoding="utf-8") for p in files] + examples


def test_a_text_with_doubled_punctuation_passes_the_quick_scan():
    texts = _texts() + ["He said so,, twice.", "Done.. really", "Wait . . what", "¿ ¿Qué?", "so ; ;", "end :  :"]
    matched = [t for t in texts if _DOUBLE_MARKS.search(t)]
    assert len(matched) >= 6  # the scan is tested on texts that have doubled marks
    assert all(_TWO_MARKS.search(t) for t in matched)
    assert not _TWO_MARKS.search("One sentence, with a comma; and a full stop.")


@pytest.mark.parametrize("text", [
    "“It is over,” he said. “Not yet.",  # an unclosed quotation
    'She wrote "yes" and "no and left.',
    "„Das ist alles“, sagte er. Dann ging er.”",
    "Plain text without any quotation marks at all.",
])
def test_quote_orphans_found_by_the_scan_are_the_character_walk_ones(text):
    from translate_cmp.lang.profile import language
    from translate_cmp.rules import pairing

    table = language("en").quote_roles
    walked = [i for i in range(len(text)) if text[i] in table]  # every character the walk looked at
    scanned = [m.start() for m in pairing._quote_marks(frozenset(table)).finditer(text)]
    assert scanned == walked
    assert [m.start() for m in pairing._quote_marks(frozenset(table)).finditer(text, 5, len(text) - 1)] == [
        i for i in walked if 5 <= i < len(text) - 1]  # within a paragraph's bounds


def test_an_unclosed_quotation_is_still_found():
    text = "“It is over,” he said. “Not yet."
    assert [(o.pos, o.kind) for o in quote_orphans(text, 0, len(text), "en", None)] == [(23, "open-at-end")]


def test_the_document_view_reads_its_words_as_the_eager_view_did():
    for text in _texts()[:12]:
        doc = Document("d", "d.txt", text)
        sentences = segment(doc, "en")
        view = build_view(doc, sentences, "en")
        lower = {m.group() for s in sentences for m in WORD.finditer(s.text) if m.group().islower()}
        titles = [m.group() for s in sentences for m in WORD.finditer(s.text)
                  if is_title(m.group()) and not starts_clause(s.text, m.start())]
        after = {title_chain(s.text, m.end()) for s in sentences for m in AFTER_LOWER_THE.finditer(s.text)}
        assert view.lower_words == lower
        assert sum(view.title_mid.values()) == len(titles) and set(view.title_mid) == set(titles)
        assert view.after_the == after


def test_the_rules_run_on_a_language_are_decided_once_and_follow_the_list():
    rules = select_rules()
    kept, calls = _plan(rules, "en", False)
    assert _plan(rules, "en", False)[0] is kept  # decided once for this list and language
    assert kept == [r for r in rules if r.serves("en") and not r.needs_unit]
    assert [r for r, _ in calls] == kept
    fewer = [r for r in rules if r.code != "S103"]
    assert get_rule("S103") not in _plan(fewer, "en", False)[0]  # another list: decided again
    text = "The talks will begin Between Moscow and Kyiv.The minister said so,, twice."
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, "en")
    found = {f.code for fl in flag_document(doc, "en", sentences, rules) for f in fl}
    assert {"S103", "S104", "S106"} <= found
    assert "S103" not in {f.code for fl in flag_document(doc, "en", sentences, fewer) for f in fl}


def test_a_first_sentence_repeats_nothing_a_later_one_does():
    text = "The talks will continue next week. Nothing was decided. The talks will continue next week."
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, "en")
    codes = [[f.code for f in fl] for fl in flag_document(doc, "en", sentences, [get_rule("F202")])]
    assert codes == [[], [], ["F202"]]


def test_what_each_debris_pattern_needs_is_in_every_text_it_matches():
    from translate_cmp.lang import furniture
    from translate_cmp.rules.structure.F205_scraper_debris import _MAY_MATCH

    lines = [line for t in _texts() for line in t.splitlines()] + [
        "Copyright © 2003 H. Peter Anvin", "(c) 2020 ACME", "© Reuters", "All Rights Reserved.",
        "cf-sjw/tjc/zm", "*** BREAKING ***"]
    for pattern, what in furniture.DEBRIS_PATTERNS:
        if what in _MAY_MATCH:
            matched = [line for line in lines if pattern.search(line)]
            assert matched, what  # each shortcut is tested on lines its pattern matches
            assert all(_MAY_MATCH[what](line) for line in matched), what


@pytest.mark.parametrize(("code", "text", "lang", "fires"), [
    ("S104", "the talks will begin between moscow and kyiv.", "en", False),
    ("S104", "The talks will begin Between Moscow and Kyiv.", "en", True),
    ("S101", "the troops arrived and macron announced a coalition.", "en", False),
    ("S101", "The troopsMacron announced a coalition.", "en", True),
    ("S101", "Le président MacronA déclaré la guerre.", "fr", True),
])
def test_a_sentence_with_no_capital_after_its_first_letter_is_passed_one_with_one_is_not(code, text, lang, fires):
    doc = Document("d", "d.txt", text)
    found = [f.code for fl in flag_document(doc, lang, segment(doc, lang), [get_rule(code)]) for f in fl]
    assert bool(found) is fires


def test_documents_analysed_together_get_the_languages_each_gets_alone():
    from translate_cmp.pipeline import analyse, analyse_many

    texts = [
        "The minister said the talks would continue next week in Brussels.",
        "Der Minister sagte, die Gespräche würden nächste Woche in Brüssel weitergehen.",
        "Ist.",  # a row of its own, and a sentence of the next document
        "Das ist alles. Ist.",
        "The talks went on. Der Minister sagte, die Gespräche würden nächste Woche in Brüssel weitergehen.",
        "Le ministre a dit que les négociations continueraient la semaine prochaine à Bruxelles.",
    ]
    docs = [Document(f"d{i}", f"p{i}", t) for i, t in enumerate(texts)]
    together = analyse_many(docs)
    alone = [analyse(d) for d in docs]
    assert [(a.lang, a.lang_prob, [(s.text, s.lang, s.lang_prob) for s in a.sentences]) for a in together] == [
        (a.lang, a.lang_prob, [(s.text, s.lang, s.lang_prob) for s in a.sentences]) for a in alone]
    assert together[1].sentences[0].lang == "de" and together[0].sentences[0].lang == "en"


# --- second pass (issue 24): each shortcut against the long way, on every line of the seed and benchmark articles

def _lines() -> list[str]:
    return [line for t in _texts() for line in t.splitlines() if line.strip()]


def _rows() -> list[tuple[Document, list]]:
    """Every line as a table row would be: a one-sentence document (the lines that segment into one sentence)."""
    out = []
    for k, line in enumerate(_lines()):
        doc = Document(f"r{k}", "rows.csv", line)
        sentences = segment(doc, "en")
        if len(sentences) == 1:
            out.append((doc, sentences))
    return out


def test_a_rows_orphans_are_the_paragraph_walks_and_a_sentence_without_marks_has_none():
    from translate_cmp.rules.base import RuleContext
    from translate_cmp.rules.docview import _walk_orphans, sentence_bracket_orphans, sentence_quote_orphans

    def kinds(found):
        return [[(o.pos, o.char, o.kind) for o in per] for per in found]

    rows = _rows()
    assert sum("(" in d.text for d, _ in rows) >= 10 and sum("“" in d.text or '"' in d.text for d, _ in rows) >= 10
    for doc, sentences in rows + [(Document("d", "d.txt", t), None) for t in _texts()]:
        for lang in ("en", "de"):
            sentences = segment(doc, lang)
            view, walked = build_view(doc, sentences, lang), build_view(doc, sentences, lang)
            assert kinds(view.quote_orphans) == kinds(_walk_orphans(walked, quotes=True))
            assert kinds(view.bracket_orphans) == kinds(_walk_orphans(walked, quotes=False))
            assert view.symbol_brackets == walked.symbol_brackets
            for i in range(len(sentences)):
                ctx = RuleContext(document=doc, doc_lang=lang, sentences=sentences, index=i)
                assert kinds([sentence_quote_orphans(ctx)]) == kinds([view.quote_orphans[i]])
                assert kinds([sentence_bracket_orphans(ctx)]) == kinds([view.bracket_orphans[i]])


@pytest.mark.parametrize("text", ["It rose (3).", "ESC ( B and ( )", "so (:) here", "a \\( b )", "(( x", "x ))",
                                  "f(x) = (y", "list 1) and 2)", "the «(» mark (see)"])
def test_one_parenthesis_and_a_glued_bracket_are_decided_as_the_long_way_decides(text):
    from translate_cmp.rules.pairing import _BRACKET_MARK, _symbol_token, _walk_brackets, bracket_orphans

    for line in [text, *_lines()]:
        marks = [m.start() for m in _BRACKET_MARK.finditer(line)]
        fast, slow = set(), set()
        assert [(o.pos, o.kind) for o in bracket_orphans(line, 0, len(line), fast)] == [
            (o.pos, o.kind) for o in _walk_brackets(line, marks, 0, len(line), slow)]
        assert fast == slow
        for pos in marks:
            if not (pos > 0 and line[pos - 1] == "\\"):
                from translate_cmp.rules.pairing import symbol_bracket

                assert symbol_bracket(line, pos) == _symbol_token(line, pos, 0, len(line))


def test_what_the_quick_scans_of_s102_s106_look_for_is_in_every_line_their_patterns_match():
    from translate_cmp.rules.spacing import S102_missing_space_at_quote as s102
    from translate_cmp.rules.spacing import S106_doubled_punctuation as s106

    lines = _lines() + ["He said“yes”and left.", "“Done.”Then", "industry , and", "in Turkey .", "( el lunes",
                        "¿ Qué", "“ He esperado"]
    checks = [
        ([s102._QUOTE_GLUED, s102._QUOTE_AFTER_STOP], lambda t: s102._ANY_QUOTE.search(t)),
        ([s102._QUOTE_GLUED], lambda t: s102._LETTER_QUOTE_LETTER.search(t)),
        ([s106._SPACE_BEFORE_MARK], lambda t: s106._SPACE_MARK.search(t)),
        ([s106._SPACE_AFTER_OPENER], lambda t: s106._OPENER_SPACE.search(t)),
    ]
    # the scans look for what the character pairs looked for
    pairs = [(s102._ANY_QUOTE, "\"“”„«»"), (s106._SPACE_MARK, [s + m for s in " \t" for m in ",."]),
             (s106._OPENER_SPACE, [o + s for o in "“([¿¡" for s in " \t"])]
    for scan, wanted in pairs:
        for t in lines:
            assert bool(scan.search(t)) == any(w in t for w in wanted), t
    for patterns, quick in checks:
        matched = [t for t in lines if any(p.search(t) for p in patterns)]
        assert matched
        assert all(quick(t) for t in matched)


def test_s103_patterns_that_start_with_the_mark_match_as_the_lookbehind_ones():
    import re

    from translate_cmp.rules.spacing import S103_missing_space_after_punctuation as s103

    before = [re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])(?![A-Z][a-z]*[)\]])"),
              re.compile(r"(?<=[^\W\d_]{2})[,;](?=[^\W\d_]{2})")]
    lines = _lines() + ["late.The talks", "so,and then", "tmac.Name)", "один;два"]
    for old, new in zip(before, (s103._STOP_GLUED, s103._COMMA_GLUED)):
        spans = [[m.span() for m in old.finditer(t)] for t in lines]
        assert any(spans)
        assert spans == [[m.span() for m in new.finditer(t)] for t in lines]


def _anchored(pattern) -> bool:
    """Every match starts at the text's start: the parsed pattern begins with "^" before any alternation (sre
    factors a "^" common to every branch out in front), and "^" is not MULTILINE's start of any line."""
    import re
    import re._constants as c
    import re._parser as parser

    first = parser.parse(pattern.pattern, pattern.flags)[0]
    return first == (c.AT, c.AT_BEGINNING) and not pattern.flags & re.MULTILINE


def test_anchored_debris_patterns_match_at_the_start_only():
    import re

    from translate_cmp.lang import furniture
    from translate_cmp.rules.structure.F205_scraper_debris import AT_START

    def top_level_alternatives(pattern: str) -> list[str]:
        depth, parts, last = 0, [], 0
        for i, ch in enumerate(pattern):
            if ch == "\\":
                continue
            depth += ch == "(" and pattern[i - 1:i] != "\\"
            depth -= ch == ")" and pattern[i - 1:i] != "\\"
            if ch == "|" and depth == 0:
                parts.append(pattern[last:i])
                last = i + 1
        return [*parts, pattern[last:]]

    lines = _lines() + ["By admin", "Translated by DEFCONPress", "Date: 2024-01-02", "Published on 3 May"]
    for pattern, what in furniture.DEBRIS_PATTERNS:
        if what not in AT_START:
            continue
        assert not pattern.flags & re.MULTILINE
        assert all(part.startswith("^") for part in top_level_alternatives(pattern.pattern)), what
        assert _anchored(pattern), what
        for line in lines:
            first = pattern.match(line)
            assert [m.span() for m in pattern.finditer(line)] == ([first.span()] if first else [])


def test_a_word_written_once_in_a_row_is_not_capitalised_again():
    for doc, sentences in _rows():
        view = build_view(doc, sentences, "en")
        for m in WORD.finditer(doc.text):
            assert view.title_mid_again(m.group()) == (view.title_mid[m.group()] > 1)
    doc = Document("d", "d.txt", "He met Will Smith and Will Jones.")
    assert build_view(doc, segment(doc, "en"), "en").title_mid_again("Will")


def test_a_words_scripts_are_read_once_per_word_as_letter_by_letter():
    from translate_cmp.lang.lexicon import HOMOGLYPH_SCRIPTS
    from translate_cmp.rules.language.helpers import script_of, token_scripts
    from translate_cmp.rules.text import LETTERS

    tokens = {m.group() for t in _texts() for m in LETTERS.finditer(t)} | {"Кyiv", "NАTO", "μm"}
    for token in tokens:
        scripts = [script_of(ch) for ch in token]
        assert token_scripts(token) == frozenset(scripts)
        mixed = len(set(scripts) & HOMOGLYPH_SCRIPTS) >= 2
        assert mixed == (not token.isascii() and len(token_scripts(token) & HOMOGLYPH_SCRIPTS) >= 2)


def test_the_loop_without_round_trips_runs_the_rules_the_full_loop_runs():
    from translate_cmp.rules.flag import _plain_calls

    rules = select_rules()
    idle = [r for r in rules if getattr(r, "idle", False)]
    for lang in ("en", "de", "zh"):
        for unit in (False, True):
            _, calls = _plan(rules, lang, unit)
            kept = [r for r, _ in _plain_calls(calls, unit)]
            assert kept == [r for r, _ in calls if not r.needs_round_trip
                            and not (r.needs_counterpart and not (r.reads_unit and unit)) and r not in idle]
            assert any(r.needs_round_trip for r, _ in calls) and not any(r.needs_round_trip for r in kept)


def test_only_a_glossary_rule_without_a_glossary_and_a_project_rule_without_a_project_are_idle():
    """The loop without round trips leaves out the rules with nothing to read in the run: their check returns at
    once; configured, they read."""
    from types import SimpleNamespace

    from translate_cmp.rules.consistency.base import ConsistencyRule
    from translate_cmp.rules.terminology.base import GlossaryRule

    idle = [r for r in select_rules() if getattr(r, "idle", False)]
    assert {r.code for r in idle} == {"Q650", "Q651", "Q652", "Q670", "Q671", "Q672"}
    for rule in idle:
        assert isinstance(rule, GlossaryRule | ConsistencyRule)
        settings = rule.example_settings() if isinstance(rule, GlossaryRule) else \
            SimpleNamespace(project={"doc": [(rule.code, "found")]})
        assert not rule.configured(settings).idle


def test_f204_spares_the_scans_that_cannot_match_and_finds_what_they_find():
    import re
    import sys

    from translate_cmp.lang import furniture
    from translate_cmp.rules.structure.F204_image_caption import _CAPTION_TAILS, _matches

    for letter in set("".join(_CAPTION_TAILS)):  # only its own capital matches it under IGNORECASE
        assert all(chr(c).lower() == letter for c in range(sys.maxunicode + 1)
                   if re.fullmatch(letter, chr(c), re.IGNORECASE))
    first, second, third = furniture.CAPTION_PATTERNS
    assert _anchored(second)
    lines = _lines() + ["Image source, Getty Images", "PHOTO CREDIT: AFP", "Photos: Inside the museum",
                        "(photo: AFP) The talks", "Video caption", "A picture credit", "Talks (PICTURE: Reuters) go on",
                        "Bildunterschrift: Der Kanzler", "Foto: dpa", "Фото: РИА Новости", "Foto | EFE"]
    labels = [p for lang in furniture.LANGS for p in furniture.caption_patterns(lang) if "rest" in p.groupindex]
    assert labels
    for pattern in (first, second, third, *labels):
        spans = [[m.span() for m in pattern.finditer(t)] for t in lines]
        assert any(spans)
        words = [any(tail in t.lower() for tail in _CAPTION_TAILS) for t in lines]
        assert spans == [[m.span() for m in _matches(pattern, t, w)] for t, w in zip(lines, words)]


def test_the_text_prior_counts_capitals_among_the_words_that_can_have_them():
    from translate_cmp.score.risk import _MARK, _WORD, TextCounts, _in_capitals, _two_capitals, name_count, text_counts

    def long_way(text: str, lang: str) -> TextCounts:  # every word with a capital looked at
        words = _WORD.findall(text)
        cased = [w for w in words if not w.islower()]
        if _in_capitals(text, cased):
            return TextCounts(len(words), len(_MARK.findall(text)), 0, 0)
        return TextCounts(len(words), len(_MARK.findall(text)), name_count(text, lang),
                          sum(1 for w in cased if _two_capitals(w)))

    lines = _lines() + ["WHY THIS MATTERS.", "NATO and the EU met iPhone makers in 2024.", "A1 B2 C3 said so",
                        "snake_case_NAME and x_y", "\x00A\x1fB\x7fC\tD\x0bE", "IT'S 3PM, OK?", "a-B c.D e/F", ""]
    assert sum(t.isascii() for t in lines) > 100 and sum(not t.isascii() for t in lines) > 100  # both ways tested
    assert any(text_counts(t).acronyms for t in lines) and any(long_way(t, "en").names == 0 for t in lines)
    for text in lines:
        for lang in ("en", "de"):
            assert text_counts(text, lang) == long_way(text, lang), text


def test_an_ascii_sentence_that_doubles_a_word_passes_the_quick_look():
    from translate_cmp.rules.spacing.S109_doubled_word import _DOUBLED_WORD, _may_double

    lines = [t for t in _lines() + ["He said that that was it.", "The the report", "so  SO", "a\tA b"] if t.isascii()]
    matched = [t for t in lines if _DOUBLED_WORD.search(t)]
    assert len(matched) >= 4
    assert all(_may_double(t) for t in matched)
    assert not _may_double("One sentence with no word twice in a row.")


def test_f205_tries_its_anchored_patterns_where_one_of_them_matches_and_long_lines_are_no_furniture():
    from translate_cmp.lang import furniture
    from translate_cmp.rules.structure.F205_scraper_debris import ANY_AT_START, AT_START

    anchored = [pattern for pattern, what in furniture.DEBRIS_PATTERNS if what in AT_START]
    lines = _lines() + ["By admin", "by staff writers", "Translated by DEFCONPress", "Date: 2024-01-02",
                        "Published on 3 May", "LAST UPDATED: 2 June", "Byline Jones"]
    assert sum(ANY_AT_START.match(line) is not None for line in lines) >= 6
    for line in lines:
        assert (ANY_AT_START.match(line) is not None) == any(p.match(line) for p in anchored), line
    long_lines = [line for line in lines if len(line.lower().strip(" :.…>»•-").split()) > 10]
    assert len(long_lines) >= 20
    for line in long_lines:  # the tests F205 skips on a line of more than ten words find nothing there
        low = " ".join(line.lower().strip(" :.…>»•-").split())
        for lang in ("en", "es", "de", "ru"):
            assert not furniture.is_link_or_call(low, lang) and not furniture.is_byline(line.strip(), lang)
        assert not furniture.FURNITURE_START.match(low) or len(low.split()) > 10
        assert not furniture.NAME_BYLINE.match(line)


def test_s104_looks_at_every_capitalised_word_after_the_first_character():
    from translate_cmp.rules.spacing.S104_mid_sentence_capital import _capitalised_words

    lines = _lines() + ["“The talks will begin Between Moscow", "x-Between y", "A The", "(But) then",
                        "rock'N'Roll and O'Neil Between", "BBut ThE a'B", "Über The", "a’But"]
    for line in lines:
        wanted = {m.group().lower() for m in WORD.finditer(line) if m.start() > 0 and m.group()[0].isupper()}
        assert wanted <= _capitalised_words(line), line


def test_the_scripts_of_a_sentences_letters_are_those_of_its_words():
    from translate_cmp.rules.language.helpers import letter_scripts, token_scripts
    from translate_cmp.rules.text import LETTERS

    lines = _lines() + ["The 中国 market", "Кyiv and NАTO", "μm and m² and ½ and ª", "ñandú", "Straße ſ K",
                        "Ж’", "a Ж’", "Ж’ b", "中", "中 a", "’", "x’"]  # the same characters outside ASCII, and letters
    for line in lines:
        words = [token_scripts(m.group()) for m in LETTERS.finditer(line)]
        assert letter_scripts(line) == frozenset().union(*words), line
        assert letter_scripts(line[:]) is letter_scripts(line)  # the same text: the kept answer


def test_s101_reads_every_sentence_with_a_token_that_has_a_capital_after_its_first_letter():
    from translate_cmp.rules.spacing.S101_run_together_words import _may_glue
    from translate_cmp.rules.text import LETTERS

    lines = _lines() + ["The troopsMacron said", "MacronA déclaré", "ÉtatsUnis", "中国人民", "McDonald’s", "a bC",
                        "EU", "aBc", "abC", "ABc", "AbC", "a1BC", "x_YZ", "naïveTé"]
    assert sum(_may_glue(line) for line in lines) >= 10
    for line in lines:
        assert _may_glue(line) == any(len(t) >= 3 and not t[1:].islower() for t in LETTERS.findall(line)), line
    assert not _may_glue("The EU met in Paris.") and not _may_glue("Der Präsident sprach in Paris.")
    assert _may_glue("NATO met.") and _may_glue("The troopsMacron") and _may_glue("iPhone")


def test_a_rule_set_keeps_its_plan_by_identity():
    from translate_cmp.rules.settings import configure

    rules = configure(select_rules())
    kept, calls = _plan(rules, "en", False)
    assert _plan(rules, "en", False)[1] is calls
    assert kept == _plan(list(rules), "en", False)[0]


def test_the_text_prior_counts_marks_and_names_as_its_scans_did():
    import re
    import sys

    from translate_cmp.score.risk import _MARK, _OPENER_TUPLE, _OPENERS, name_count, text_counts

    space, word = re.compile(r"\s"), re.compile(r"\w")
    for c in map(chr, range(sys.maxunicode + 1)):  # the marks are what is neither a word's nor a space
        assert (space.match(c) is not None) == c.isspace() and (word.match(c) is not None) == (c.isalnum() or c == "_")
        assert not (c.isspace() and c.isalnum())

    def names(text: str) -> int:  # each token and the one before it
        tokens = text.split()
        return sum(1 for prev, tok in zip(tokens, tokens[1:])
                   if tok[:1].isupper() and not prev.endswith(_OPENER_TUPLE) and tok[:1] not in _OPENERS)

    lines = _lines() + ["snake_case and __init__ here", "“Quoted” (Name) — Ünal, İstanbul", "a\u00a0B\u2003C\tD"]
    assert sum(names(t) for t in lines) >= 100
    for text in lines:
        assert text_counts(text).marks == len(_MARK.findall(text)), text
        assert name_count(text) == names(text), text


# --- sixth pass (issue 24): each shortcut against the long way, on every line of the seed and benchmark articles


def _row_ctx(text: str, lang: str = "en"):
    from translate_cmp.rules.base import RuleContext

    doc = Document("r", "rows.csv", text)
    return RuleContext(document=doc, doc_lang=lang, sentences=segment(doc, lang), index=0)


def test_f205_asks_no_listed_line_of_more_than_ten_words_and_its_quick_look_is_what_its_patterns_need():
    from translate_cmp.lang import furniture
    from translate_cmp.lang.lexicon import FURNITURE_LINES
    from translate_cmp.rules.structure.F205_scraper_debris import _MAY_MATCH, _NOT_AT_START, ScraperDebris

    listed = [*FURNITURE_LINES] + [line for lang in furniture.LANGS for line in furniture.furniture_lines(lang)]
    assert listed and max(len(line.split()) for line in listed) <= 10
    assert {what for _, what in _NOT_AT_START} == set(_MAY_MATCH)  # the quick look asks what each of them needs
    rule = ScraperDebris()
    lines = _lines() + ["cf-sjw/tjc/zm", "*** BREAKING ***", "© Reuters", "(c) 2020 ACME", "All Rights Reserved.",
                        "Read more: Allied troops", "By Jane Doe", "By admin", "Source"]
    found = 0
    for line in lines:
        for lang in ("en", "es"):
            ctx = _row_ctx(line, lang)
            if len(ctx.sentences) != 1:
                continue
            long_way = _f205_long_way(ctx)
            assert [(h.start, h.end, h.message) for h in rule.find(ctx)] == long_way, line
            found += bool(long_way)
    assert found >= 8


def _f205_long_way(ctx) -> list:
    """F205's find as it was before the sixth pass: every listed line looked up, every pattern's need asked."""
    from translate_cmp.lang import furniture
    from translate_cmp.lang.lexicon import FURNITURE_LINES
    from translate_cmp.rules.base import Hit
    from translate_cmp.rules.structure.F205_scraper_debris import (
        _MAY_MATCH,
        _NOT_AT_START,
        ANY_AT_START,
        AT_START,
        ScraperDebris,
    )
    from translate_cmp.rules.text import merge_hits

    text = ctx.text
    hits = []
    words = text.lower().strip(" :.…>»•-").split()
    line = " ".join(words)
    found = line in FURNITURE_LINES or line in furniture.furniture_lines(ctx.doc_lang)
    if found or len(words) <= 10:
        found = found or furniture.is_link_or_call(line, ctx.doc_lang)
        if found or (furniture.FURNITURE_START.match(line) and len(line.split()) <= 10):
            hits.append(Hit(0, len(text), f"page furniture '{text.strip()}'"))
        elif furniture.is_byline(text.strip(), ctx.doc_lang):
            hits.append(Hit(0, len(text), f"byline '{text.strip()}'"))
        elif furniture.NAME_BYLINE.match(text):
            hits.append(Hit(0, len(text), f"byline '{text}'"))
    for pattern, what in furniture.DEBRIS_PATTERNS if ANY_AT_START.match(text) else _NOT_AT_START:
        if what in _MAY_MATCH and not _MAY_MATCH[what](text):
            continue
        matches = ([m] if (m := pattern.match(text)) else []) if what in AT_START else pattern.finditer(text)
        found = [Hit(m.start(), m.end(), f"{what}: '{m.group()}'") for m in matches]
        if not (found and what == "copyright line" and ScraperDebris._licence_notice(ctx)):
            hits.extend(found)
    return [(h.start, h.end, h.message) for h in merge_hits(hits, gap=1)] if hits else []


def _ascii_lines() -> list[str]:
    """The lines whose word characters are all ASCII (curly quotes and ’ allowed), and the lines besides."""
    from translate_cmp.rules.text import ascii_words

    extra = ["The troopsMacron said", "NATO met.", "EU and UK", "iPhone aBc abC ABc AbC a1BC x_YZ", "A The",
             "rock'N'Roll and O'Neil Between", "BBut ThE a'B", "a'But 'Tis", "x-Between y", "(But) then",
             "takenA number", "Mc'Donald's DOn't", "rock’N’Roll, “The talks” — O’Neil’S ’Tis a’B", "«But» …Then"]
    lines = [t for t in _lines() + extra if ascii_words(t)]
    assert sum(not t.isascii() for t in lines) >= 20
    return lines


def test_a_text_of_ascii_words_is_told_by_its_word_characters():
    import re
    import sys

    from translate_cmp.rules.text import _NON_ASCII_WORD_CHAR, ascii_words

    word = re.compile(r"\w")
    for c in map(chr, range(sys.maxunicode + 1)):
        assert (_NON_ASCII_WORD_CHAR.match(c) is not None) == (not c.isascii() and word.match(c) is not None)
    assert ascii_words("“The talks,” he said — Macron’s.") and not ascii_words("Ünal said") and not ascii_words("x²")


def test_s101_scans_an_ascii_sentence_from_its_capitals_and_reads_the_tokens_the_loop_reads():
    from translate_cmp.rules.spacing.S101_run_together_words import _CAPITAL_AFTER_LETTER, _GLUE_TOKEN_ASCII
    from translate_cmp.rules.text import LETTERS

    before = __import__("re").compile(r"[A-Za-z]{2}[A-Z]|[A-Za-z][A-Z][A-Za-z]")
    lines = _ascii_lines()
    assert sum(before.search(t) is not None for t in lines) >= 20
    for line in lines:
        assert (_CAPITAL_AFTER_LETTER.search(line) is None) == (before.search(line) is None), line
        read = [m.span() for m in LETTERS.finditer(line) if len(m.group()) >= 3 and not m.group()[1:].islower()]
        assert [m.span() for m in _GLUE_TOKEN_ASCII.finditer(line) if len(m.group()) >= 3] == read, line


def test_s104_reads_in_ascii_the_capitalised_words_of_word_and_scans_from_the_capitals():
    from translate_cmp.rules.spacing.S104_mid_sentence_capital import _CAPITAL_WORD_ASCII, _capitalised_words

    lines = _ascii_lines()
    for line in lines:
        words = [m for m in WORD.finditer(line) if m.group()[0].isupper()]
        assert [m.span() for m in _CAPITAL_WORD_ASCII.finditer(line)] == [m.span() for m in words], line
        assert {m.group().lower() for m in words if m.start() > 0} <= _capitalised_words(line), line
    assert sum(len(_CAPITAL_WORD_ASCII.findall(t)) for t in lines) >= 200


def test_s109s_quick_look_holds_for_a_text_of_ascii_word_characters():
    import re
    import sys

    from translate_cmp.rules.spacing.S109_doubled_word import _DOUBLED_WORD, _may_double

    word = re.compile(r"\w")
    for c in map(chr, range(sys.maxunicode + 1)):  # lower-casing makes no mark a word's character, nor two characters
        if word.match(c) is None:
            assert len(c.lower()) == 1 and word.match(c.lower()) is None, hex(ord(c))
    lines = _ascii_lines() + ["“That that” was it.", "The the report’s end", "so — SO", "a’b A’B"]
    matched = [t for t in lines if _DOUBLED_WORD.search(t)]
    assert sum(not t.isascii() for t in matched) >= 2 and len(matched) >= 6
    assert all(_may_double(t) for t in matched)


def test_patterns_that_start_with_their_rare_character_match_as_the_lookbehind_ones():
    """A pattern that starts with a look behind is tried at every position; one that starts with its mark, quote or
    digit (the look behind asked from after it) is scanned for that character first: the same matches and groups."""
    import re

    from translate_cmp.rules.spacing import S102_missing_space_at_quote as s102
    from translate_cmp.rules.spacing import S110_straight_quotes as s110
    from translate_cmp.rules.spacing import S111_french_spacing as s111
    from translate_cmp.rules.spacing import S113_typewriter_dash as s113
    from translate_cmp.rules.spacing import S114_english_digit_grouping as s114
    from translate_cmp.rules.spacing import S117_numbers_side_by_side as s117

    space = s117._SPACE
    word = s113._WORD
    before = [
        (re.compile(r"(?<=[.,!?;:])[”»][^\W\d_]+"), s102._QUOTE_AFTER_STOP),
        (re.compile(r"(?<![\w=\\/])\"([^\"\n]{1,200}?)\"(?![\w=/])"), s110._STRAIGHT),
        (re.compile(r"(?<=[^\W\d_]{2})[;:!?]+(?=\s|$)"), s111._UNSPACED_MARK),
        (re.compile(r"«(?=[^\W\d_])|(?<=[^\W\d_.!?…])»"), s111._UNSPACED_GUILLEMET),
        (re.compile(r"(?<=[^\W\d_]) -- (?=[^\W\d_])"), s113._DOUBLE_HYPHEN),
        (re.compile(rf"(?<=[^\W\d_]) - ((?:{word} ){{1,10}}{word}) -(?=,? [^\W\d_])"), s113._HYPHEN_PAIR),
        (re.compile(r"(?<!\S)--?[^\W\d_]"), s113._OPTION),
        (re.compile(r"(?<![\w.,])[1-9]\d{0,2}(?:(?:,\d{3}){2,}|,\d00)(?![\d,]|\.\d)"), s114._GROUPED),
        (re.compile(rf"(?<![\w.,±×+\-–−/:])(\d{{1,3}}(?:{space}\d{{3}})*){space}(\d{{1,2}},\d+)(?![\w,]|\.\d)"),
         s117._PAIR),
    ]
    lines = _lines() + [
        "He said.”Then left.", "«Bonjour» dit-il», «oui»", "Quoi?! Vraiment; non:", "a: b; c!? d", "x:y",
        'say "yes" and "no"',
        'f"x" a="b" \\"c\\" /"d"', "word -- word", "a -- b -- c", "it - as said - is, so", "--help and -n, x --y",
        "-n at the start", "1,000,000 and 2,500 and 12,300,000.5 and 0,500", "1 000 2,5 and 12 345 6,78", "x1 2,5",
        "«Été»", "mot»", "fin.»", "“Yes,”he said", "done!»Puis", "x,”y", "(a) 1 2,3",
    ]
    assert sum(bool(new.search(t)) for t in lines for _, new in before) >= 30
    assert all(any(new.search(t) for t in lines) for _, new in before)  # each is tested where it matches
    for old, new in before:
        for t in lines:
            assert [(m.span(), m.regs) for m in old.finditer(t)] == [(m.span(), m.regs) for m in new.finditer(t)], (
                new.pattern, t)
    letter_quote_letter = re.compile(r"[^\W\d_][\"“”„«»][^\W\d_]")
    for t in lines + ['a"b', "x“y", "«a»b", '"a"']:
        assert (s102._LETTER_QUOTE_LETTER.search(t) is None) == (letter_quote_letter.search(t) is None), t


def test_the_words_passed_over_in_c_are_those_the_loops_passed_over():
    from translate_cmp.rules.spacing.S101_run_together_words import _cased_after_first_matches
    from translate_cmp.rules.text import LETTERS, capitalised_matches, capitalised_words, cased_after_first

    lines = _lines() + ["Ünal und Ärger", "ǅemal ǈubljana", "中国 Пекин МОСКВА", "x² ﬁnal ǲ", "İstanbul ıi", "a1BC"]
    assert sum(not line.isascii() for line in lines) >= 100
    for line in lines:
        for pattern in (WORD, LETTERS):
            assert [m.span() for m in capitalised_matches(pattern, line)] == [
                m.span() for m in pattern.finditer(line) if m.group()[0].isupper()]
            assert [m.span() for m in capitalised_matches(pattern, line, 1)] == [
                m.span() for m in pattern.finditer(line, 1) if m.group()[0].isupper()]
            words = pattern.findall(line)
            assert list(capitalised_words(words)) == [w for w in words if w[0].isupper()]
            assert list(cased_after_first(words)) == [w for w in words if not w[1:].islower()]
        assert [m.span() for m in _cased_after_first_matches(line)] == [
            m.span() for m in LETTERS.finditer(line) if not m.group()[1:].islower()]


def test_f204_tries_each_pattern_as_matches_does():
    from translate_cmp.lang import furniture
    from translate_cmp.rules.base import Hit
    from translate_cmp.rules.structure.F204_image_caption import _CAPTION_TAILS, ImageCaption, _matches
    from translate_cmp.rules.text import merge_hits

    rule = ImageCaption()
    lines = _lines() + ["Image source, Getty Images", "PHOTO CREDIT: AFP", "Photos: Inside the museum", "Foto | EFE",
                        "(photo: AFP) The talks", "Video caption", "Bildunterschrift: Der Kanzler", "Foto: dpa",
                        "Фото: РИА Новости", "Fotos: Nach der Renovierung öffnet das Museum"]
    found = 0
    for line in lines:
        for lang in ("en", "de", "ru", "es"):
            ctx = _row_ctx(line, lang)
            text = ctx.text
            words = any(tail in text.lower() for tail in _CAPTION_TAILS)
            hits = [Hit(m.start(), m.end(), f"image caption or credit: '{m.group()}'")
                    for pattern in furniture.CAPTION_PATTERNS + furniture.caption_patterns(lang)
                    for m in _matches(pattern, text, words)
                    if "rest" not in pattern.groupindex or not furniture.opens_headline(m.group("rest"), lang)]
            long_way = merge_hits(hits, gap=2) if hits else []
            assert list(rule.find(ctx)) == long_way, (line, lang)
            found += bool(long_way)
    assert found >= 10


def test_s115_and_l306_tell_a_sentence_with_nothing_to_find_from_its_tokens_as_their_loops_do():
    from translate_cmp.rules import get_rule
    from translate_cmp.rules.language.L306_lost_accented_letter import _TOKEN as accent_token
    from translate_cmp.rules.language.L306_lost_accented_letter import repair
    from translate_cmp.rules.spacing.S115_run_together_lower_case import _TOKEN, split_point

    lines = _lines() + ["It could repel the counterattack in the regionconquered by Kyiv.", "La deteccin fue rpida.",
                        "Los ltimos dias", "They did not take this intoaccount"]
    hits = 0
    for line in lines:
        # the tokens findall gives are the matches the loops read
        assert _TOKEN.findall(line) == [m.group() for m in _TOKEN.finditer(line)]
        assert accent_token.findall(line) == [m.group() for m in accent_token.finditer(line)]
        for code, lang, found in (("S115", "en", split_point), ("L306", "es", lambda t: repair(t, "es"))):
            ctx = _row_ctx(line, lang)
            got = list(get_rule(code).find(ctx))
            pattern = _TOKEN if code == "S115" else accent_token
            assert bool(got) == any(found(m.group()) is not None for m in pattern.finditer(ctx.text)), (code, line)
            hits += bool(got)
    assert hits >= 3


def test_l307_counts_the_capitals_of_a_heading_among_its_letters_as_the_loop_did():
    from translate_cmp.rules.language.L307_english_term_kept import _shouting

    def long_way(text: str) -> bool:
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 12 and sum(c.isupper() for c in letters) > len(letters) / 2

    lines = _lines() + ["HEARING AIDS AND ADLs", "ⓐⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁ abc", "ⅫⅫⅫⅫⅫⅫⅫⅫⅫⅫⅫⅫ abcdefghijklm", "ǅǅǅǅǅǅǅǅǅǅǅǅǅ",
                        "ABCDEFGhijklm"]
    assert any(_shouting(t) for t in lines)
    for text in lines:
        assert _shouting(text) == long_way(text), text


def test_a_sentence_made_with_its_language_is_the_one_replace_makes():
    import dataclasses

    from translate_cmp.lang.detect import Detection, with_languages_many
    from translate_cmp.records import Sentence

    assert [f.name for f in dataclasses.fields(Sentence)] == [
        "doc_id", "sent_id", "start", "end", "text", "para_id", "lang", "lang_prob"]  # the order the code gives them
    doc = Document("d", "d.txt", "Der Minister sagte es. The talks went on.")
    sentences = segment(doc, "de")
    (got,) = with_languages_many([(sentences, Detection("de", 0.9))])
    assert [type(s) for s in got] == [Sentence, Sentence]
    assert [dataclasses.replace(s, lang=g.lang, lang_prob=g.lang_prob) for s, g in zip(sentences, got)] == got


def test_s104s_abstract_nouns_are_told_as_the_endings_and_length_tell_them():
    from translate_cmp.rules.spacing.S104_mid_sentence_capital import _ABSTRACT_NOUN

    words = {w.lower() for t in _lines() for w in WORD.findall(t)} | {
        "ability", "stability", "darkness", "business", "readiness", "usefulness", "xility", "xxxility", "ness",
        "abcdness", "abcdeness", "nessx", "ilityness", "a\nbcdness"}
    assert sum(w.endswith(("ility", "ness")) and len(w) >= 9 for w in words) >= 5
    for w in words:
        assert (_ABSTRACT_NOUN(w) is not None) == (w.endswith(("ility", "ness")) and len(w) >= 9), w


def test_f203_passes_the_halves_that_start_apart_and_finds_what_it_found():
    from translate_cmp.rules import get_rule

    rule = get_rule("F203")

    def long_way(text: str) -> list:
        core = text.rstrip(".!? ")
        n = len(core)
        for sep in range(4):
            if (n - sep) % 2:
                continue
            half = (n - sep) // 2
            if half < rule._MIN_HALF:
                return []
            left, gap, right = core[:half], core[half: half + sep], core[half + sep:]
            if left.rstrip(".!? ") == right.rstrip(".!? ") and not gap.strip(" .,;:-–—|") \
                    and len(WORD.findall(left)) >= 3:
                return [(half + sep, len(text))]
        return []

    lines = _lines() + ["The talks will go on. The talks will go on.", "The talks will go on The talks will go on!",
                        "Read more about it - Read more about it", "Read more about it.. Read more about it..",
                        "The talks will go on. The talks will go on. .", "abc abc abc abc abc. abc abc abc abc abc."]
    found = 0
    for line in lines:
        ctx = _row_ctx(line)
        assert [(h.start, h.end) for h in rule.find(ctx)] == long_way(ctx.text), line
        found += bool(long_way(ctx.text))
    assert found >= 4


# --- issue 24, round 2

_MADE = ['He said "so" twice.', "“Open and never closed.", "A (bracket never closed.", "closes) nothing.",
         "Trois mots:voilà!", "«Bonjour» dit-il ;", "The vote -- a close one -- passed.", "Il voto - un voto - passa.",
         "1,000,000 Euro", "Die 1,500 Menschen", "3·5 Prozent", "It ended.The next one", "« Oui»", '" spaced"']


def test_s109s_quick_look_read_as_bytes_is_the_token_list_it_was():
    import re
    from operator import eq

    from translate_cmp.rules.spacing.S109_doubled_word import _may_double
    from translate_cmp.rules.text import ascii_words

    def long_way(text: str) -> bool:
        tokens = re.findall(r"\w+", text.lower())
        return any(map(eq, tokens, tokens[1:]))

    lines = [t for t in _lines() + _MADE + ["the_the x", "a1 A1", "“So” so", "it? It", "x\u00a0x", "B\tb", "w—w"]
             if ascii_words(t)]
    assert sum(long_way(t) for t in lines) >= 5
    assert [_may_double(t) for t in lines] == [long_way(t) for t in lines]


# --- seventh pass (issue 24, h9c): each shortcut against the long way

def test_the_plain_loop_finds_what_the_full_loop_finds_and_the_text_risk_is_risk():
    """``flag_plain`` (no round trip, score or counterpart: ``--engine none``) and ``text_risk`` against
    ``flag_document`` and ``risk``, on every line as a row, every text as a document of many sentences, in the
    languages of the benchmark articles, and on a localisation unit (which takes the long way)."""
    from translate_cmp.l10n.analyse import unit_sentences
    from translate_cmp.records import Unit
    from translate_cmp.rules.flag import flag_plain
    from translate_cmp.score.risk import flag_evidence, risk, text_risk
    from translate_cmp.score.risk_fit import RULES

    rules = select_rules()
    docs = [(doc, sentences, "en") for doc, sentences in _rows()]
    for k, text in enumerate(_texts()):
        for lang in ("en", "de", "fr", "ru", "zh"):
            doc = Document(f"d{k}", "doc.txt", text)
            docs.append((doc, segment(doc, lang), lang))
    unit = Document("u", "x.po", "Sauvegarder le fichier ( ouvert", unit=Unit("1", "Save the open file",
                                                                              target_lang="fr", file="x.po"))
    docs.append((unit, unit_sentences(unit), "fr"))
    flagged = 0
    for doc, sentences, lang in docs:
        n = len(sentences)
        long_way = flag_document(doc, lang, sentences, rules, round_trips=[None] * n, scores=[None] * n,
                                 extra_round_trips=[()] * n)
        assert flag_plain(doc, lang, sentences, rules) == long_way, doc.text[:80]
        for s, flags in zip(sentences, long_way):
            assert text_risk(flags, s.text, lang) == risk(flags, None, s.text, lang)
            assert flag_evidence(flags) == flag_evidence(flags, dict(RULES))  # the weights remembered, worked out
            flagged += bool(flags)
    assert flagged >= 200


def test_the_scan_from_the_capitals_finds_the_capitalised_words_of_word():
    """``capital_word_matches`` (S104, S116) against ``capitalised_matches(WORD, ...)``: every line, and made strings
    of capitals, title-case and dotless letters, apostrophes, digits and characters past the Basic Multilingual
    Plane (a mathematical capital, a Deseret one, an emoji)."""
    import random

    from translate_cmp.rules.text import capital_word_matches, capitalised_matches

    rnd = random.Random(24)
    made = ["".join(rnd.choice("aAéÉß'’ x1_ΣσДд-.İıǅ𝐀𐐀😀") for _ in range(rnd.randint(0, 25))) for _ in range(20000)]
    found = 0
    for text in _lines() + _MADE + made:
        long_way = [(m.start(), m.end(), m.group()) for m in capitalised_matches(WORD, text)]
        assert [(m.start(), m.end(), m.group()) for m in capital_word_matches(text)] == long_way, text
        found += len(long_way)
    assert found > 1000


def test_s103s_quick_look_is_in_every_line_its_patterns_match():
    from translate_cmp.rules.spacing.S103_missing_space_after_punctuation import (
        _COMMA_GLUED,
        _MARK_THEN_LETTER,
        _STOP_GLUED,
    )

    lines = _lines() + _MADE + ["It ended.The next", "a,b and c;d", "x.É y", "1.5,2", "done!Then", "a.b.c"]
    matched = [t for t in lines if _STOP_GLUED.search(t) or _COMMA_GLUED.search(t)]
    assert len(matched) >= 10
    assert all(_MARK_THEN_LETTER.search(t) for t in matched)


def test_a_quotation_opens_with_one_of_the_marks_quotations_looks_for_first():
    from translate_cmp.rules.pairing import _QUOTATION

    openers = {m.group()[0] for t in _lines() + _MADE for m in _QUOTATION.finditer(t)}
    assert openers <= set('"“«»„') and len(openers) >= 3
    assert {ch for branch in _QUOTATION.pattern.split("|") for ch in branch[:1]} == set('"“«»„')
