"""Source-vs-target checks on bitext tables of real-MT shape (issue 25): Q629 untranslated-word, Q630
symbol-not-kept, and Q619/Q620's length bound for the unit's two languages. Through the real reader and pipeline
(no engine)."""

from __future__ import annotations

from pathlib import Path

from helpers_rules import bitext_results, flagged_spans

from translate_cmp.rules.qa.Q629_untranslated_word import foreign_words
from translate_cmp.rules.qa.Q630_symbol_not_kept import lost_symbols


def _flags(tmp_path: Path, rows: list[tuple[str, str]], select: tuple[str, ...], **langs: str) -> dict[str, list]:
    """{target: [(code, flagged text), ...]} for a bitext JSON Lines table of (source, target) rows."""
    return flagged_spans(bitext_results(tmp_path, rows, select, **langs))


def test_q629_flags_english_words_an_mt_system_copied(tmp_path):
    flags = _flags(tmp_path, [
        ("The odds ratio for death was 2.1.", "La odds ratio de muerte fue de 2,1."),  # "ratio" is Spanish too
        ("The mean age was 54 years.", "La edad media fue de 54 años."),
    ], ("Q629",), target_lang="es")
    assert flags == {"La odds ratio de muerte fue de 2,1.": [("Q629", "odds")], "La edad media fue de 54 años.": []}
    flags = _flags(tmp_path, [("She moved next door last year.", "Sie zog letztes Jahr next door ein.")], ("Q629",),
                   target_lang="de")
    assert flags == {"Sie zog letztes Jahr next door ein.": [("Q629", "next door")]}


def test_q629_leaves_borrowed_words_names_terms_and_code(tmp_path):
    rows = [
        ("Read the report online.", "Lesen Sie den Bericht online."),  # German uses "online" itself
        ("Ask Will Hope about it.", "Fragen Sie Will Hope danach."),  # a name: capitalised
        ("Set the 'timeout' option.", "Setzen Sie die Option 'timeout'."),  # quoted: a term
        ("Run make install now.", "Führen Sie jetzt make-install aus."),  # glued to code
        ("Edit /etc/default/keyboard first.", "Bearbeiten Sie zuerst /etc/default/keyboard."),  # a path
    ]
    flags = _flags(tmp_path, rows, ("Q629",), target_lang="de")
    assert all(not found for found in flags.values()), flags


def test_q629_weighs_the_source_language_against_the_target():
    # "the" is too short to read, "ratio" is a Spanish word too; the other way round, "odds" is no Spanish word
    assert foreign_words("the odds ratio", "the odds ratio", "en", "es") == [(4, 8, "odds")]
    assert foreign_words("the odds ratio", "la razón de odds", "en", "es") == [(12, 16, "odds")]
    assert foreign_words("los odds", "la odds", "es", "en") == []  # "odds" is common in English, not in Spanish


def test_q619_expects_an_english_translation_of_chinese_to_be_longer(tmp_path):
    source = "欧盟峰会为难民政策争论，欧盟官员：接收过程步步瓶颈。"
    normal = ("EU summit debates refugee policy, EU official: the reception process is bottlenecked at every "
              "step, and member states cannot agree on who takes the people arriving.")
    padded = normal + " " + " ".join(["The summit also discussed many other things at great length."] * 4)
    flags = _flags(tmp_path, [(source, normal), (source, padded)], ("Q619", "Q620"), source_lang="zh",
                   target_lang="en")
    assert flags[normal] == []
    assert [code for code, _ in flags[padded]] == ["Q619"]


def test_q630_flags_a_plus_minus_sign_the_translation_lost(tmp_path):
    source = "The average blood loss was 280±209 ml in group I."
    flags = _flags(tmp_path, [
        (source, "Средняя кровопотеря составила 280 209 мл в группе I."),
        (source, "Средняя кровопотеря составила 280±209 мл в группе I."),
        ("Cases fell by 12% in 2020.", "Число случаев снизилось на 12 процентов в 2020 году."),
    ], ("Q630",), target_lang="ru")
    assert [code for code, _ in flags["Средняя кровопотеря составила 280 209 мл в группе I."]] == ["Q630"]
    assert flags["Средняя кровопотеря составила 280±209 мл в группе I."] == []
    assert flags["Число случаев снизилось на 12 процентов в 2020 году."] == []


def test_q630_counts_each_symbol_as_often_as_the_source_has_it():
    assert lost_symbols("from 6.8% to 3.6%", "de 6,8 % à 3,6", "fr") == ["%"]
    assert lost_symbols("from 6.8% to 3.6%", "de 6,8 pour cent à 3,6 %", "fr") == []
    assert lost_symbols("aged ≥ 65 and ≤ 80", "âgés de 65 à 80 ans", "fr") == ["≥", "≤"]
    assert lost_symbols("see http://x.org/a%20b", "voir http://x.org/a%20b", "fr") == []


def test_q614_takes_a_small_number_written_out_in_the_target_language(tmp_path):
    rows = [("We propose nailing for 2 fragment fractures.", "Nous proposons l'enclouage pour deux fractures."),
            ("We propose nailing for 2 fragment fractures.", "Nous proposons l'enclouage pour les fractures."),
            ("Give 2 doses.", "Donnez des doses.")]
    flags = _flags(tmp_path, rows, ("Q614",), target_lang="fr")
    assert flags["Nous proposons l'enclouage pour deux fractures."] == []
    assert [c for c, _ in flags["Nous proposons l'enclouage pour les fractures."]] == ["Q614"]
    assert [c for c, _ in flags["Donnez des doses."]] == ["Q614"]  # "doses" is no "deux"
    flags = _flags(tmp_path, [("each one 10 times the mass of the Sun", "jedes zehnmal so schwer wie die Sonne"),
                              ("Give 2 doses.", "Geben Sie die Dosis.")], ("Q614",), target_lang="de")
    assert flags == {"jedes zehnmal so schwer wie die Sonne": [],
                     "Geben Sie die Dosis.": [("Q614", "Geben Sie die Dosis.")]}


def test_q622_reads_abbreviations_and_chinese_clauses_as_the_languages_do(tmp_path):
    from translate_cmp.rules.qa.helpers import sentence_count

    assert sentence_count("Los pacientes de EE. UU. (registro) se trataron en casa.", "es") == 1
    assert sentence_count("Mr. Sun met Ms. Zheng in town. They talked.", "en") == 2
    assert sentence_count("Saved. Closed. Done.", "en") == 3
    source = "看房人孙先生告诉记者，他在上周末逛楼盘时发现了一则声明。"
    split = "Mr. Sun is a buyer. He told reporters about it. He found a statement last weekend."
    padded = split + " The statement was long. It was signed. It was on the wall."
    flags = _flags(tmp_path, [(source, split), (source, padded)], ("Q622",), source_lang="zh", target_lang="en")
    assert flags[split] == []  # each clause of the Chinese sentence an English sentence
    assert [code for code, _ in flags[padded]] == ["Q622"]  # six sentences for two clauses
    # a Chinese "；" is one clause mark, counted once (not again as a ';' clause when a space follows it)
    source = "他说房子很贵； 买家很少。"
    three = "Houses are dear. He said so. Buyers are few."
    four = three + " Prices rise."
    flags = _flags(tmp_path, [(source, three), (source, four)], ("Q622",), source_lang="zh", target_lang="en")
    assert flags[three] == [] and [code for code, _ in flags[four]] == ["Q622"]


def test_q614_reads_a_chinese_sources_numbers_with_their_scale_and_months(tmp_path):
    from translate_cmp.rules.qa.helpers import cjk_numbers, spelled_numbers

    assert [v for _, _, v in cjk_numbers("2月10日，1.1亿新元，5G网络，2023-02-11", "zh")] == [
        {2.0, ("month", 2)}, {10.0}, {110_000_000.0}]  # "5G" and the ISO date are codes, not counts
    assert {1.1e8} <= spelled_numbers("S$110 million", "en")[0]
    assert spelled_numbers("on Feb. 9", "en") == [{9.0}, {("month", 2)}]
    source = "据统计，游客从2021年的33.06万人次增长到630万人次。"
    rows = [(source, "Visitors rose from 330,600 in 2021 to 6.3 million."),
            (source, "Visitors rose from 33.06 million in 2021 to 6.3 million."),  # 万 is ten thousand
            ("拜登政府2月10日将6个实体列入黑名单。", "The administration blacklisted six entities on Friday.")]
    flags = _flags(tmp_path, rows, ("Q614",), source_lang="zh", target_lang="en")
    assert flags[rows[0][1]] == []
    assert [code for code, _ in flags[rows[1][1]]] == ["Q614"]
    assert [code for code, _ in flags[rows[2][1]]] == ["Q614"]  # the date dropped


def test_q618_flags_an_acronym_lower_cased_where_it_stands(tmp_path):
    from translate_cmp.rules.qa.Q618_acronym_missing import lowered

    assert lowered("patients from Sao Paulo (SP) and Rio (RJ)", "des patients de sao paulo (sp) et rio (RJ)",
                   "fr") == [(27, 29, "SP")]
    assert lowered("Turn the LED ON", "Allumez la LED (on)", "fr") == []  # "on" is a French word
    rows = [("Depletion of ATP kills myocytes.", "La déplétion en atp tue les myocytes."),
            ("Depletion of ATP kills myocytes.", "La déplétion en ATP tue les myocytes.")]
    flags = _flags(tmp_path, rows, ("Q618",), target_lang="fr")
    assert flags == {rows[0][1]: [("Q618", "atp")], rows[1][1]: []}


def test_q618_flags_a_name_with_a_number_the_translation_rewrote(tmp_path):
    from translate_cmp.rules.qa.Q618_acronym_missing import changed_codes

    assert changed_codes("SCORE-15 is a questionnaire", "RE-15 es un cuestionario") == [(0, 5, "SCORE-15", "RE-15")]
    assert changed_codes("SARS-CoV-2 infection", "l'infection par le SRAS-CoV-2") == []
    assert changed_codes("the COVID-19 pandemic", "la pandémie de Covid-19") == []
    rows = [("during the COVID-19 pandemic", "durante la pandemia de EOVID-19"),
            ("during the COVID-19 pandemic", "durante la pandemia de COVID-19")]
    flags = _flags(tmp_path, rows, ("Q618",), target_lang="es")
    assert flags == {rows[0][1]: [("Q618", "EOVID-19")], rows[1][1]: []}


def test_q618_flags_a_name_missing_a_letter_not_a_transliteration():
    from translate_cmp.rules.qa.Q618_acronym_missing import misspelt_names

    source = "the film thickness of the cement Variolink Esthetic grew"
    assert misspelt_names(source, "толщина пленки цемента Variolin Esthetic", "ru") == [
        (23, 31, "Variolink", "Variolin")]
    assert misspelt_names(source, "толщина пленки цемента Variolink Esthetic", "ru") == []
    assert misspelt_names("stressed President Tokayev", "betonte Präsident Tokajew", "de") == []
    assert misspelt_names("east of the Dnieper", "östlich des Dnepr", "de") == []


def test_q618_takes_an_acronym_used_as_a_word_written_out(tmp_path):
    from translate_cmp.rules.qa.Q618_acronym_missing import written_out

    source = "IADL limitation was associated with age and depression."
    out = "La limitación de las actividades instrumentales de la vida diaria se asoció con la edad y la depresión."
    assert written_out("IADL", source, out, 1.0)
    assert not written_out("IADL", source, "La limitación se asoció con la edad y la depresión.", 1.0)
    assert not written_out("IADL", "Instrumental activities (IADL) were associated with age.", out, 1.0)
    defined = ("Daily activities (IADL) were linked to age.",
               "Las actividades instrumentales de la vida diaria se asociaron con la edad en los pacientes.")
    rows = [(source, out), (source, "La limitación se asoció con la edad y la depresión."), defined]
    flags = _flags(tmp_path, rows, ("Q618",), target_lang="es")
    assert flags == {out: [], rows[1][1]: [("Q618", rows[1][1])], defined[1]: [("Q618", defined[1])]}


def test_q622_flags_a_sentence_left_out_not_two_joined(tmp_path):
    source = "Efficacy of macro-clips for perforations after endoscopy. Retrospective analysis of 25 consecutive cases"
    dropped = "Analyse rétrospective de 25 cas consécutifs"
    joined = "Efficacité des macro-clips pour les perforations après endoscopie : analyse rétrospective de 25 cas"
    rows = [(source, dropped), (source, joined), ("A model to predict infection.", "Un modèle.")]
    flags = _flags(tmp_path, rows, ("Q622",), target_lang="fr")
    assert flags == {dropped: [("Q622", dropped)], joined: [], "Un modèle.": []}  # one sentence each: a rewording


def test_q633_flags_a_name_lower_cased_not_a_heading_or_a_label(tmp_path):
    from translate_cmp.rules.qa.Q633_name_lower_cased import lower_cased_names

    assert lower_cased_names("women in Karachi, Pakistan", "des femmes de karachi, pakistan") == [
        (14, 21, "Karachi"), (23, 31, "Pakistan")]
    assert lower_cased_names("the Simple Shoulder Test was used", "le test simple de l'épaule") == []  # Title Case
    assert lower_cased_names("diabetes mellitus Type 2", "diabète de type 2") == []  # a label before a number
    assert lower_cased_names("Financial strain in Canada", "Difficultés financières au Canada et au canada") == []
    rows = [("Financial strain in Canada grew.", "Les difficultés financières au canada ont augmenté."),
            ("Financial strain in Canada grew.", "Les difficultés financières au Canada ont augmenté.")]
    flags = _flags(tmp_path, rows, ("Q633",), target_lang="fr")
    assert flags == {rows[0][1]: [("Q633", "canada")], rows[1][1]: []}
