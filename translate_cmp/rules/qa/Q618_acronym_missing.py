"""Q618 acronym-missing: an acronym of the source ('URL', 'CSV', 'UTF8') absent from the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import (
    acronyms,
    at,
    blanked,
    in_prose_table,
    once,
    pair_length_ratio,
    visible_length,
)
from translate_cmp.rules.qa.unit_rule import UnitRule

MIN_LETTERS = 4  # shorter ones ("ID", "URL", "TAB", "NUL") are often translated or written out
METAVARIABLE_ZIPF = 4.0  # an English word at least this frequent (wordfreq's Zipf scale), in capitals
# a long English word in capitals: emphasis ("NO WARRANTY", "CAUTION:") or a metavariable ("DIRECTORY"); an
# acronym is short (HTTP, POSIX) or no word at all (EBCDIC)
WORD_LETTERS, WORD_ZIPF = 6, 3.0
_TABLE = {"fmt": "table"}  # an example that is a row of a bitext table
_CAPS = re.compile(r"(?<![A-Za-z])[A-ZÄÖÜÀ-ÖØ-ÞА-ЯЁ]{3,}")
# a lower-cased acronym that is a frequent word of the target language ("on", "la", "des" in French) is not read;
# wordfreq folds case, so an acronym itself has a frequency ("atp" 3.6 in French): only the language's own
# frequent words pass this
LOWER_WORD_ZIPF = 5.0


# a name of letters (one capital at least) and a number, perhaps with a letter or two: "COVID-19", "EuroQol-5D"
_CODE = re.compile(r"(?<![\w-])([^\W\d_]*[A-Z][^\W\d_]*)-(\d+[A-Za-z]{0,2})(?![\w-])")
_DASH_DIGIT = re.compile(r"-\d")
_ANY_CODE = re.compile(r"(?<![\w-])([^\W\d_]+)-(\d+[A-Za-z]{0,2})(?![\w-])")


def changed_codes(source: str, target: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, source's code, translation's code)`` where the source names something by an acronym and a
    number ("COVID-19", "SCORE-15", "EuroQol-5D") and the translation has not that name but the same number after
    other letters ("Guerrero-19", "RE-15", "DOV-19", "Eurool-5D"): a name the system rewrote. The letters in another
    order ("SRAS" for "SARS"), in other case ("Covid-19") or in another script (a transliteration: "КОВИД-19") are the
    name."""
    from translate_cmp.lang.tokens import letter_script

    if not _DASH_DIGIT.search(source):
        return []  # a code is letters, '-' and a digit ("COVID-19"); blanking adds neither
    found = []
    plain = blanked(target)
    for m in _CODE.finditer(blanked(source)):
        letters, number = m.group(1), m.group(2)
        if re.search(r"(?<![\w-])" + re.escape(m.group()) + r"(?![\w-])", plain, re.IGNORECASE):
            continue
        for t in _ANY_CODE.finditer(plain):
            other = t.group(1)
            if t.group(2) != number or sorted(other.casefold()) == sorted(letters.casefold()) \
                    or letter_script(other) != letter_script(letters):
                continue
            found.append((t.start(), t.end(), m.group(), t.group()))
    return found


# a name: a capitalised word of five letters or more inside a sentence (after a word in lower case or a comma),
# which is no common English word ("the cement Variolink", "by the EuroQol questionnaire")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z]{4,}(?![\w-])")
_LATIN_WORD = re.compile(r"(?<![\w-])[A-Za-z]{4,}(?![\w-])")
NAME_ZIPF = 2.5  # at most this frequent in English (and, for the rewritten form, in the target language)


_WORD_CHAR = re.compile(r"[\w-]")


def _after_word(text: str, at: int) -> bool:
    """``text[:at]`` ends with a word in lower case (not glued to a word character or '-' before it) or a comma or
    semicolon, then a space: what ``re.search(r"(?:(?<![\\w-])[a-z]+|[,;]) $", text[:at])`` finds, read backwards from
    ``at`` rather than by scanning the text before it for every name."""
    if at < 2 or text[at - 1] != " ":
        return False
    if text[at - 2] in ",;":
        return True
    i = at - 1
    while i > 0 and "a" <= text[i - 1] <= "z":
        i -= 1
    return i < at - 1 and (i == 0 or not _WORD_CHAR.match(text[i - 1]))


def _one_dropped(short: str, name: str) -> bool:
    """``short`` is ``name`` with one letter left out ("variolin" for "variolink", "eurool" for "euroqol")."""
    return len(short) == len(name) - 1 and any(name[:i] + name[i + 1:] == short for i in range(len(name)))


def misspelt_names(source: str, target: str, lang: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, source's name, translation's form)`` where a name of the source (a capitalised word inside a
    sentence that is no common English word: a product, an instrument, a place) is missing from the translation
    and the name with one letter left out, no word of the target language or of English, stands there instead
    ("Variolin" for "Variolink", "Eurool" for "EuroQol"): a name the system misspelt. A name written the way the
    target language transliterates it changes letters rather than dropping one (German "Tokajew" for "Tokayev",
    "Bachmut" for "Bakhmut", "Dnepr" for "Dnieper"), and passes; so does a name made a word of the language
    ("Rhabdomyolyse")."""
    from translate_cmp.lang.wordlists import zipf

    source = blanked(source)
    names = [m.group() for m in _NAME.finditer(source) if _after_word(source, m.start())]
    if not names:
        return []
    plain = blanked(target)
    words = {m.group().lower(): m for m in _LATIN_WORD.finditer(plain)}
    found = []
    for name in dict.fromkeys(names):  # after a word in lower case: not a title's Capitalised Words
        if name.lower() in words or zipf(name.lower(), "en") >= NAME_ZIPF:
            continue
        for low, m in words.items():
            if _one_dropped(low, name.lower()) and max(zipf(low, lang), zipf(low, "en")) < NAME_ZIPF:
                found.append((m.start(), m.end(), name, m.group()))
                break
    return found


def lowered(source: str, target: str, lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, acronym)`` where ``target`` writes an acronym of ``source`` (two letters or more) in lower
    case and nowhere in capitals ("(atp)" for "(ATP)", "de sao paulo (sp)"): machine translation that lower-cases a
    sentence loses the acronym's form, which is the acronym. Not read where the lower-case form is a frequent word of
    the target language."""
    from translate_cmp.lang.wordlists import zipf

    plain = blanked(target)
    found = []
    for word in dict.fromkeys(m.group() for m in acronyms(source)):
        low = word.lower()
        if word in target or not word.isalpha() or zipf(low, lang) >= LOWER_WORD_ZIPF:
            continue
        m = re.search(r"(?<![\w.-])" + re.escape(low) + r"(?![\w-])", plain)
        if m:
            found.append((m.start(), m.end(), word))
    return found


_VALUE = re.compile(r"(?<==)([A-Z][A-Z0-9_]+)")  # an option's value: "--batch-size=NMERGE", "[=WHEN]"
# a capital standing as a word of one letter (not an initial, "M. Dupont", nor part of a token)
_LETTER_WORD = re.compile(r"(?<![\w.'’-])[^\W\d_](?![\w.'’-])")
LETTER_WORD_ZIPF = 6.0  # a one-letter word of the language ("В", "A", "Y") is at least this frequent; "Н", "N" are not


def letter_metavariables(source: str, target: str, lang: str) -> list[str]:
    """Capitals that stand as words of one letter in ``target`` and not in ``source`` and are no one-letter word of
    the target language (wordfreq: Russian "В", "К", Spanish "Y" are words; "Н" is not): a metavariable the
    translation names by a letter ("BYTES is hex ..." -> "Н задаётся ...": coreutils' Russian team writes BYTES
    as Н), so it translates its metavariables, as with capitals of three letters or more."""
    from translate_cmp.lang.wordlists import zipf_at_least

    plain = blanked(target)
    letters = [m for m in _LETTER_WORD.finditer(plain) if m.group().isupper()]
    if not letters:
        return []
    theirs = {m.group() for m in _LETTER_WORD.finditer(blanked(source))}
    letters = [m for m in letters if m.group() not in theirs]
    # an option's value ("--batch=N" for the source's "--batch=NMERGE") is the source's value, which Q618 reads
    # apart: the letter names that one, not the metavariable of another word
    values = {m.group() for m in letters if m.start() and plain[m.start() - 1] == "="}
    # wordfreq's small list answers that (a one-letter word is common): the language's full list stays unloaded
    return [m.group() for m in letters
            if m.group() not in values and not zipf_at_least(m.group().lower(), lang, LETTER_WORD_ZIPF)]


def _abbreviated_word(word: str) -> bool:
    """``word`` (in capitals) is how a common English word begins ("DEST" for "destination", "DIR"): an abbreviated
    metavariable, not an acronym (POSIX, HTTP begin none)."""
    from translate_cmp.lang.tokens import begins_common_word

    return word.isalpha() and begins_common_word(word.lower(), "en")


# An acronym the source uses as a word (not given in brackets after what it stands for) may be written out by the
# translation: "IADL limitation was associated with age" -> "La limitación de actividades instrumentales de la vida
# diaria se asoció con la edad". Such a translation is longer than the source by the words written out: more than
# a typical translation (Spanish and French biomedical prose run 1.13-1.16 times their English source, the median of
# the rows no rater marked in the dev sets) plus WRITTEN_OUT_CHARS a letter of the acronym. A translation that drops
# the acronym instead is no longer than usual.
WRITTEN_OUT_RATIO = 1.15
WRITTEN_OUT_CHARS = 5


def written_out(word: str, source: str, target: str, ratio: float) -> bool:
    """``word``, an acronym of ``source`` missing from ``target``, is one the source uses bare (never in brackets:
    "(IADL)" defines it, and a translation keeps a definition) and ``target`` is long enough to have written it out
    (``ratio``: the languages' usual length ratio, target over source)."""
    if re.search(r"[(\[]\s*" + re.escape(word) + r"s?\s*[)\],;]", source):
        return False
    needed = WRITTEN_OUT_RATIO * ratio * visible_length(source) + WRITTEN_OUT_CHARS * len(word)
    return visible_length(target) >= needed


class AcronymMissing(UnitRule):
    code = "Q618"
    name = "acronym-missing"
    severity = Severity.WARNING
    summary = "An acronym of the source (four or more capitals: 'HTTP', 'JSON', 'RFC4648') is absent from the " \
              "translation, with no localised form of it either; an acronym (two letters or more) written in lower " \
              "case ('atp'); a name of letters and a number written with other letters ('COVID-19' as 'DOV-19'); " \
              "or a name misspelt ('Variolink' as 'Variolin')."
    why = "An acronym names a format, protocol or product the user searches for: dropped, the text says less " \
          "than the source; changed by a typo, it names something else."
    instead = ("Keep the acronym, or write the language's own form of it: the same letters in another order "
               "('NATO' -> 'OTAN'), a plural ('URLs') and spacing ('RFC 4648') count. Metavariables are not "
               "acronyms: a common English word in capitals (FILE, SIZE) is not read, nor a long one (DIRECTORY; "
               "emphasis: NO WARRANTY, CAUTION), nor a unit whose translation "
               "has capitals of its own (FILE -> DATEI: it translates its metavariables). An acronym of two "
               "letters or more written in lower case ('l'adénosine triphosphate (atp)', 'sao paulo (sp)': machine "
               "translation that lower-cased the sentence) is flagged where it stands in bitext tables, unless the "
               "lower-case form is a frequent word of the target language ('on'); software catalogues write a "
               "program's terms as their translators choose ('url'). A name of letters and a number ('COVID-19', "
               "'SCORE-15') that the translation has not, while it has the same number after other letters "
               "('Guerrero-19', 'RE-15'), is flagged there; the letters in another order ('SRAS-CoV-2'), case "
               "('Covid-19') or script ('КОВИД-19') are the name. A name of the source (a capitalised word inside a "
               "sentence, five letters or more, no common English word) missing from the translation while the name "
               "with a letter left out, no word of either language, stands there is flagged too ('Variolin' for "
               "'Variolink'); a language's own transliteration changes letters ('Tokajew' for 'Tokayev') and "
               "passes. Nor is a name the source gives as an option's value ('--batch-size=NMERGE') read. In bitext "
               "tables (prose), an acronym the source uses as a word, never in brackets ('IADL limitation was ...'), "
               "may be written out ('La limitación de actividades instrumentales de la vida diaria ...'): it is "
               "not flagged where the translation is longer than the source by more than usual (1.15 times, "
               "after the languages' usual ratio) plus five characters a letter of the acronym; an acronym the "
               "source defines in brackets ('(IADL)') is kept by a translation, and always read.")
    examples = (
        Example("Export as JSON", translation="Als Tabelle exportieren", lang="de"),
        Example("Requires POSIX", translation="Nécessite la norme", lang="fr"),
        Example("IADL limitation was linked to age.", translation="La limitación se asoció con la edad.", lang="es",
                trip=_TABLE),
        Example("Limits of daily living (IADL) were linked to age.",
                translation="Los límites de las actividades instrumentales de la vida diaria se asociaron con la edad.",
                lang="es", trip=_TABLE),
        Example("cannot combine any two of EBCDIC and ASCII", translation="impossible de combiner", lang="fr"),
        Example("Depletion of adenosine triphosphate (ATP) kills cells.",
                translation="La déplétion de l'adénosine triphosphate (atp) tue les cellules.", lang="fr",
                trip=_TABLE),
        Example("during the COVID-19 crisis", translation="durante la crisis del Guerrero-19", lang="es"),
        Example("the cement Variolink Esthetic", translation="цемент Variolin Esthetic", lang="ru"),
    )
    counter_examples = (
        Example("Export as CSV", translation="Als CSV exportieren", lang="de"),
        Example("Enter a valid URL.", translation="Introduzca una dirección válida.", lang="es"),
        Example("The NATO summit", translation="Le sommet de l'OTAN", lang="fr"),
        Example("Enter a valid ID.", translation="Geben Sie eine gültige Kennung ein.", lang="de"),
        Example("Copy SOURCE to DEST", translation="QUELLE nach ZIEL kopieren", lang="de"),
        Example("There is NO WARRANTY, to the extent permitted by law.", translation="Es gibt keinerlei Garantie.",
                lang="de"),
        Example("Turn the LED ON", translation="Allumez la LED (on)", lang="fr", trip=_TABLE),
        Example("during the COVID-19 crisis", translation="pendant la crise de la Covid-19", lang="fr"),
        Example("during the COVID-19 crisis", translation="во время кризиса КОВИД-19", lang="ru"),
        Example("Acute Rhabdomyolysis after exercise", translation="Rhabdomyolyse aiguë après l'effort", lang="fr"),
        Example("said President Tokayev", translation="sagte Präsident Tokajew", lang="de"),
        Example("Enter the URL", translation="Introduzca la url", lang="es"),
        Example("IADL limitation was linked to age.",
                translation="La limitación de las actividades instrumentales de la vida diaria se asoció con la edad.",
                lang="es", trip=_TABLE),
        Example("  --batch=NMERGE   merge at most NMERGE inputs", translation="  --batch=N   höchstens N Eingaben",
                lang="de"),
        Example("Create the DIRECTORY(ies), if they do not already exist.",
                translation="ディレクトリが存在しない場合に、ディレクトリを作成します。", lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        from translate_cmp.lang.wordlists import zipf

        for start, end, theirs, ours in changed_codes(source, target) + misspelt_names(source, target, ctx.doc_lang):
            yield from at(ctx, start, end, f"the source's {theirs} written as {ours}")
        ours_source = acronyms(source)
        if not ours_source:
            return  # no acronym in the source: none missing, none written in lower case
        if any(caps not in source for caps in _CAPS.findall(target)):
            return  # capitals the source has not: the translation translates metavariables (FILE -> DATEI, ZAHLen)
        if letter_metavariables(source, target, ctx.doc_lang):
            return  # a metavariable written as a letter of the translation's own (BYTES -> Н)
        theirs = {a.group().rstrip("s") for a in acronyms(target)}
        squeezed = re.sub(r"(?<=[A-Z])[\s\u00a0-]+(?=\d)", "", target)
        letters = {"".join(sorted(a)) for a in theirs}
        values = set(_VALUE.findall(source))  # "--batch-size=NMERGE", "conv=CONVS": metavariables
        missing, spelt_out = [], []
        for m in ours_source:
            word = m.group().rstrip("s") if len(m.group()) > 2 and m.group()[-1] == "s" else m.group()
            if sum(ch.isalpha() for ch in word) < MIN_LETTERS or word in target or word in squeezed:
                continue
            if word in theirs or "".join(sorted(word)) in letters or m.group() in values:
                continue
            frequency = zipf(word.lower(), "en")
            if frequency >= METAVARIABLE_ZIPF or (len(word) >= WORD_LETTERS and frequency >= WORD_ZIPF):
                spelt_out.append(word)  # not in the translation, which may write its metavariables out in words
                continue  # an English word in capitals: a metavariable (FILE, DIRECTORY) or emphasis (WARRANTY)
            missing.append(word)
        if spelt_out and not any(m.group() in target for m in ours_source if m.group() not in missing):
            # every metavariable of the source written out in words ("Rename SOURCE to DEST, or move SOURCE(s) to
            # DIRECTORY" -> "ファイル名の変更、...ディレクトリへ移動"): a name in capitals that begins a common English
            # word (DEST for "destination", DIR) is one more metavariable the translation writes out
            missing = [word for word in missing if not _abbreviated_word(word)]
        # bitext tables only: a software catalogue writes a program's terms as its translators choose ("url")
        low = lowered(source, target, ctx.doc_lang) if in_prose_table(ctx) else []
        for start, end, word in low:
            yield from at(ctx, start, end, f"the source's acronym {word} written in lower case")
        missing = [word for word in missing if word not in {w for _, _, w in low}]
        if missing and in_prose_table(ctx):  # prose: an acronym used as a word may be written out
            ratio = pair_length_ratio(ctx)
            if all(written_out(word, source, target, ratio) for word in missing):
                return
        if missing:
            shown = ", ".join(dict.fromkeys(missing))
            yield from once(ctx, f"acronym(s) of the source not in the translation: {shown}")


RULES = (AcronymMissing(),)
