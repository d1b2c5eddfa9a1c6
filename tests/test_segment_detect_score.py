from pathlib import Path

import pytest

from translate_cmp.lang.detect import UNDETERMINED, detect
from translate_cmp.readers import read_documents
from translate_cmp.records import Document
from translate_cmp.score.metrics import SentenceScorer
from translate_cmp.score.worddiff import word_diff
from translate_cmp.segment import segment

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize("doc", list(read_documents([SEEDS])), ids=lambda d: d.doc_id)
def test_segments_are_exact_and_cover_every_character(doc):
    sentences = segment(doc)
    covered = set()
    for s in sentences:
        assert s.text == doc.text[s.start:s.end]
        assert s.text == s.text.strip() and s.text
        covered.update(range(s.start, s.end))
    assert [s.sent_id for s in sentences] == list(range(len(sentences)))
    assert all(ch.isspace() for i, ch in enumerate(doc.text) if i not in covered)
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


def test_lines_are_their_own_sentences_and_quotes_stay():
    text = "A title without stop\nHe said it. “And then?” Is.”\n\nBy admin"
    got = [s.text for s in segment(Document("d", "d", text))]
    assert got[0] == "A title without stop" and got[-1] == "By admin"
    assert "Is.”" in got
    paras = [s.para_id for s in segment(Document("d", "d", text))]
    assert paras[0] == 0 and paras[-1] == 2


def test_detect_is_deterministic_and_handles_no_letters():
    text = "Der Hund ist sehr schön und groß, und die Katze auch."
    assert {detect(text) for _ in range(5)} == {detect(text)}
    assert detect(text).lang == "de"
    assert detect("2024-01-15 12:00").lang == UNDETERMINED


def test_scores_identity_and_change():
    scorer = SentenceScorer()
    same = scorer.score("The cat sat on the mat.", "The cat sat on the mat.")
    assert (same.chrf, same.bleu, same.ter) == (100.0, 100.0, 0.0)
    worse = scorer.score("The dog sat on a rug.", "The cat sat on the mat.")
    assert worse.chrf < 60 and worse.ter > 0
    assert set(scorer.signatures()) == {"chrf", "bleu", "ter"}
    assert "nrefs:1" in scorer.signatures()["chrf"]


def test_word_diff_marks_removed_and_added_words():
    assert word_diff("will begin Between Moscow", "will begin between Moscow") == (
        "will begin [-Between-] {+between+} Moscow"
    )
    assert word_diff("same words", "same words") == "same words"
    assert word_diff("a b c", "a c d") == "a [-b-] c {+d+}"


def test_german_sentences_broken_mt_starts_in_lower_case_are_split_off():
    text = ("Die Regierung plant ein neues Gesetz. ein Verband warnte vor hohen Kosten.  das ist noch offen.\n"
            "Er kam um 10 Uhr, bzw. die anderen kamen später. Das war z. B. gut. Am 3. oktober kam er.")
    sentences = segment(Document("d", "d.txt", text), "de")
    assert [s.text for s in sentences] == [
        "Die Regierung plant ein neues Gesetz.", "ein Verband warnte vor hohen Kosten.", "das ist noch offen.",
        "Er kam um 10 Uhr, bzw. die anderen kamen später.", "Das war z. B. gut.", "Am 3. oktober kam er."]
    assert all(s.text == text[s.start:s.end] for s in sentences)
    # the other languages are left to sentencex, which splits there already
    assert len(segment(Document("d", "d.txt", "El Gobierno aprobó la ley. el ministro habló."), "es")) == 2


def test_an_ordinal_indicator_stays_with_its_number():
    text = "El gol ganador entró en el 87.º minuto. Fue la 3.ª victoria seguida."
    assert [s.text for s in segment(Document("d", "d.txt", text), "es")] == [
        "El gol ganador entró en el 87.º minuto.", "Fue la 3.ª victoria seguida."]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an abbreviation (a word cut short, a token with no vowel, an initial) before a lower-case word
        ("ru", "Всего 657 пац. с ишемической болезнью. Итог.", ["Всего 657 пац. с ишемической болезнью.", "Итог."]),
        ("ru", "Время в тиках (см). также times(2). Сюда", ["Время в тиках (см). также times(2).", "Сюда"]),
        ("es", "Se aisló la M. tuberculosis. El disp. raíz cambia.", ["Se aisló la M. tuberculosis.",
                                                                    "El disp. raíz cambia."]),
        # a full stop that is a token of its own, or inside one
        ("pt", "O ponto . coincide com tudo. Use find . -name x.", ["O ponto . coincide com tudo.",
                                                                 "Use find . -name x."]),
        ("en", "Letters, digits and @/./+/-/_ only. Next.", ["Letters, digits and @/./+/-/_ only.", "Next."]),
        ("fr", ".BR Gras alterné. Voir la macro .UR ici.", [".BR Gras alterné.", "Voir la macro .UR ici."]),
        ("pt", "tar c . é melhor.)", ["tar c . é melhor.)"]),
        # real boundaries stay: a full word before the stop, a glued capital, a stray full stop
        ("es", "Se desaconseja esta conducta. ya que falla.", ["Se desaconseja esta conducta.", "ya que falla."]),
        ("es", "Lo vi en el disco.Esta vez no.", ["Lo vi en el disco.", "Esta vez no."]),
        ("en", "He spoke about Russia. . Then he left.", ["He spoke about Russia.", ".", "Then he left."]),
    ],
)
def test_false_splits_are_joined_with_exact_offsets(lang, text, expected):
    sentences = segment(Document("d", "d.txt", text), lang)
    assert [s.text for s in sentences] == expected
    assert all(s.text == text[s.start:s.end] for s in sentences)
