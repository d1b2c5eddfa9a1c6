"""Q634 number-added, Q635 negation-dropped and Q636 acronym-added on bitext tables of real-MT shape (issue 25): a
translation with a number, an acronym or the lack of a negation its source does not have, most often the translation
of another segment. Through the real reader and pipeline (no engine); the sentences are our own, the evidence (French
biomedical abstracts) is in docs/rules/measurements.md."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q634_number_added import added_numbers
from translate_cmp.rules.qa.Q635_negation_dropped import negation_dropped
from translate_cmp.rules.qa.Q636_acronym_added import added_acronyms


def _flags(tmp_path: Path, rows: list[tuple[str, str]], codes: list[str], **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, codes, **langs))


def test_q634_flags_a_number_the_source_does_not_have(tmp_path):
    rows = [
        ("Patterns by region and per capita income were examined.",
         "Les modifications apportées par la réforme depuis 2008 ont été évaluées."),  # another segment's
        ("In 2018, 10.5% (range 8.9-13.1) of 245,989 cases were positive.",
         "En 2018, 10,5 % (8,9 à 13,1) des 245 989 cas étaient positifs."),  # a range's second number, groups
        ("Seventy-four patients were included; two of them died.", "74 patients ont été inclus ; 2 sont morts."),
        ("The lesions grew 1,9-2,1 times.", "Les lésions ont grossi de 1,9 à 2,1 fois."),  # decimal commas
        ("The icebergs were almost 200 feet high.", "Les icebergs mesuraient près de 60 mètres."),  # converted
        ("A patient had one lesion.", "Un patient avait 1 lésion."),  # 0 and 1 are not read
    ]
    flags = _flags(tmp_path, rows, ["Q634"], source_lang="en", target_lang="fr")
    assert flags == {rows[0][1]: [("Q634", "2008")], **{t: [] for _, t in rows[1:]}}


def test_added_numbers_reads_the_sources_words_and_ordinals():
    assert added_numbers("Patterns were examined.", "Depuis 2008, les modèles ont été examinés.", "en") == [(7, 11)]
    assert added_numbers("Wait two seconds.", "Attendez 2 secondes.", "en") == []
    assert added_numbers("The third trial.", "Le 3e essai.", "en") == []


def test_q635_flags_a_french_translation_with_no_negation(tmp_path):
    rows = [
        ("Laws that restrict abortion do not eliminate its practice.",
         "Il est important d'évaluer l'évolution du statut juridique de l'avortement."),  # another segment's
        ("Secondary reconstruction is not always required.",
         "La reconstruction secondaire n'est pas toujours requise."),
        ("Patients without diabetes were included.", "Les patients non diabétiques ont été inclus."),
        ("These discoveries are no longer fortuitous.", "Ces découvertes ne sont plus fortuites."),
        ("The reconstruction is required.", "La reconstruction est requise."),  # no negation to keep
    ]
    flags = _flags(tmp_path, rows, ["Q635"], source_lang="en", target_lang="fr")
    assert flags[rows[0][1]] == [("Q635", rows[0][1])]
    assert all(flags[t] == [] for _, t in rows[1:])


def test_q635_reads_french_only(tmp_path):
    # Spanish was measured and not kept (docs/rules/measurements.md)
    rows = [("The difference was not supported by the results.", "La diferencia fue apoyada por los resultados.")]
    assert _flags(tmp_path, rows, ["Q635"], source_lang="en", target_lang="es") == {rows[0][1]: []}
    assert negation_dropped(rows[0][0], rows[0][1], "en", "es")  # the helper itself sees it


def test_q636_flags_an_acronym_where_the_source_has_none(tmp_path):
    rows = [
        ("Based on variables routinely collected, we obtained a multiple model.",
         "L'aire sous la courbe (AUC) a été utilisée pour la validation."),  # another segment's
        ("It was published by the World Health Organization (WHO).",
         "Il a été publié par l'Organisation mondiale de la Santé (OMS)."),  # the source's acronym, localised
        ("The last leader of East Germany died.", "Le dernier dirigeant de la RDA est mort."),  # a name abbreviated
        ("Covid-19 cases rose sharply.", "Les cas de COVID-19 ont fortement augmenté."),  # the source's, in capitals
        ("Results were positive.", "RÉSULTATS positifs."),  # a word in capitals, not an acronym
    ]
    flags = _flags(tmp_path, rows, ["Q636"], source_lang="en", target_lang="fr")
    assert flags == {rows[0][1]: [("Q636", "AUC")], **{t: [] for _, t in rows[1:]}}
    target = "Nous avons obtenu un modèle (AUC, RT-PCR)."
    assert [target[a:b] for a, b, _ in added_acronyms("We obtained a model.", target)] == ["AUC", "RT", "PCR"]


def test_q635_flags_a_german_translation_with_no_negation(tmp_path):
    # WMT23 news: the paragraph's last sentence, the one with the negation, left out
    rows = [
        ("A Trump bragged that 40 Wall Street was the tallest building. Not only was his claim insensitive, it was "
         "also a lie.", "Ein Trump prahlte, dass die 40 Wall Street das höchste Gebäude sei."),
        ("Black holes don't leave behind helpful trails of ink.",
         "Schwarze Löcher hinterlassen keine hilfreichen Tintenspuren."),
        ("It is not possible to see it.", "Es ist unmöglich, es zu sehen."),  # "un-"
        ("They were left without help.", "Sie blieben hilflos zurück."),  # "-los"
        ("No.", "Nein."),
        ("The sound is quiet.", "Der Klang ist leise."),  # no negation to keep
    ]
    flags = _flags(tmp_path, rows, ["Q635"], source_lang="en", target_lang="de")
    assert flags == {rows[0][1]: [("Q635", rows[0][1])], **{t: [] for _, t in rows[1:]}}
    # "und", "uns", "unser", "unter" are not negations
    assert negation_dropped("We do not know.", "Und wir wissen es, unter uns, in unserer Zeit.", "en", "de")
