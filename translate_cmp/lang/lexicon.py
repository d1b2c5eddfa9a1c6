"""Small built-in English word lists that the surface rules use as evidence.

Every list here is closed-class or hand-picked, kept short on purpose, and used only by rules that
declare ``languages = {"en"}``. They answer one question each:

- ``FUNCTION_WORDS``: is this a word English never capitalises in the middle of a sentence
  (articles, prepositions, conjunctions, pronouns, auxiliaries, a few sentence adverbs)?
- ``GLUE_TAILS``: is the capitalised tail of a glued token ("ScholzSaid", "SunakFor") a word that
  starts a new clause or follows a name, rather than the second half of a brand ("YouTube")?
- ``CLAUSE_VERBS``: verbs that are not also given names or brands, so a capitalised one after a
  name ("General Denied", "Speck Maintain") is a casing error, not part of the name.
- ``ONE_WORD_SENTENCES``: one-word sentences that English writers use on purpose ("Yes.", "Exactly.").
- ``NATIONALITIES`` / ``TITLES``: words that follow a Spanish/Portuguese article read as "He"
  ("He German Chancellor Olaf Scholz").
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())

ARTICLES = frozenset({"a", "an", "the"})

DETERMINERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "your", "my", "every"}
)

PREPOSITIONS = words(
    """about above across after against along amid amidst among amongst around as at before behind below beneath
    beside besides between beyond by despite down during except for from in inside into like near of off on onto
    out outside over past per since through throughout till to toward towards under underneath until up upon via
    with within without"""
)

CONJUNCTIONS = words(
    """and but or nor so yet because although though while whereas whether if unless than that once"""
)

PRONOUNS = words(
    """he she it we they you me him her us them his its our their your my this these those which who whom whose
    what whatever whichever whoever himself herself itself themselves ourselves"""
)

AUXILIARIES = words(
    """is are was were be been being am has have had having do does did will would shall should can could may
    might must"""
)

SENTENCE_ADVERBS = words(
    """not also very too only just even still already then there here now however therefore thus especially
    particularly namely almost always never often"""
)

FUNCTION_WORDS = ARTICLES | DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES | SENTENCE_ADVERBS

# Capitalised forms that are also names, months or titles of works: never evidence of a casing error.
AMBIGUOUS_CAPITALS = frozenset({"i", "may", "us", "near", "over", "like", "down"})

MONTHS_AND_DAYS = words(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday"""
)

# Reporting and clause verbs that are not also given names ("Said", "Will", "Mark", "Grant" are left out).
CLAUSE_VERBS = words(
    """says stated declared declares denied denies announced announces added warned warns noted stressed stresses
    insisted insists claimed confirmed confirms explained explains argued argues believes believed thinks maintain
    maintains maintained urged urges agreed rejected accused accuses criticized criticised criticizes criticises
    emphasized emphasised emphasizes emphasises recalled assured assures admitted admits acknowledged
    acknowledges reiterated reiterates indicated considered suggested replied responded revealed promised
    demanded expressed reported pointed"""
)

# Capitalised tails of glued tokens that mark a missing space: "ScholzSaid", "SunakFor", "alliesEspecially".
GLUE_TAILS = (
    words(
        """and but for from the that this with which who whom whose was were has have had will would could should
        also after about between especially however when while where because although during against said told
        than then there their they these those into onto"""
    )
    | CLAUSE_VERBS
)

# One-word sentences that are deliberate in English prose.
ONE_WORD_SENTENCES = words(
    """yes no yeah nope ok okay exactly absolutely certainly definitely indeed right wrong true false correct
    agreed never always nothing nobody none everything everyone everybody enough finally period really
    seriously thanks sorry please why how what when where who which whatever perhaps maybe probably possibly
    sure fine good great excellent done unbelievable incredible amazing impossible congratulations welcome
    hello goodbye stop wait listen look
    """
    # Not here: time and linking adverbs ("Today.", "Again.", "Then.", "So."). Alone they are almost
    # always the tail of a sentence cut before its last word.
)

# Auxiliaries and modals that cannot start a declarative sentence without a subject ("Should be used.").
SUBJECTLESS_STARTS = words(
    """is are was were has had should would could can will must shall might"""
)

NATIONALITIES = words(
    """american british english french german italian spanish portuguese russian ukrainian chinese japanese
    korean indian polish dutch swedish norwegian danish finnish hungarian czech slovak austrian swiss belgian
    greek turkish israeli iranian iraqi syrian saudi egyptian canadian mexican brazilian argentine australian
    european african asian baltic romanian bulgarian serbian croatian estonian latvian lithuanian moldovan
    georgian belarusian kazakh irish scottish welsh"""
)

TITLES = words(
    """president prime minister chancellor secretary general foreign defence defense former head chief
    spokesman spokeswoman spokesperson ambassador senator governor mayor king queen pope premier vice deputy
    leader commander kremlin white nato eu un us u.s. uk"""
)

# Particles that begin surnames and may be written lower-case even at the start of a sentence.
NAME_PARTICLES = words(
    "de del della der den van von da di du la le al el bin ibn ben dos das ter ten zu af"
)

# Abbreviations after which a segmenter may split before a lower-case word ("approx. five").
ABBREVIATIONS = words(
    """approx vs etc cf incl esp al fig figs no nos vol vols pp p ca est dept govt corp inc ltd co jr sr st mt
    gen col lt sgt rep sen gov pres min max avg approx appr misc ref e.g i.e a.m p.m"""
)

# Whole lines that a scraper keeps from page furniture (compared lower-case, trailing ":" or "." stripped).
FURNITURE_LINES = frozenset(
    {
        "read more", "read also", "also read", "read next", "see also", "related", "related articles",
        "related news", "more news", "more stories", "share", "share this", "share this article",
        "share on facebook", "share on twitter", "tweet", "subscribe", "sign up", "click here", "advertisement",
        "advertising", "continue reading", "source", "sources", "comments", "comment", "print", "email",
        "follow us", "back to top", "skip to content", "loading", "photo gallery", "watch video", "top stories",
        "recommended",
    }
)

# Frequent function words of languages whose untranslated sentences turn up in English articles. A
# sentence is called foreign only when it holds several of its detected language's function words.
FOREIGN_FUNCTION_WORDS = {
    "es": words(
        """el la los las del que y en por para con una un se su sus al lo como más pero este esta es son fue ha
        han muy también sin sobre entre cuando donde porque"""
    ),
    "fr": words(
        """le la les des du de et est un une que qui dans pour pas sur au aux ce cette il elle ils nous vous mais
        avec sont été ont par plus ne"""
    ),
    "de": words(
        """der die das und ist nicht ein eine mit von zu den dem des auf für sich dass auch im wird sind werden
        hat haben wir sie es bei nach"""
    ),
    "it": words(
        """il lo la gli le di che un una per non con del della dei delle sono è anche ma più questo questa nel
        nella al alla da si ha nei negli degli dal dalla sul sulla ai agli alle tra fra"""
    ),
    "pt": words(
        """o os as do da dos das que um uma em para com não no na nos nas mais por se é são foi também mas como
        ao à"""
    ),
    "nl": words("de het een en van is dat niet op met voor zijn ook maar bij naar om te wordt deze er als uit heeft"),
    "pl": words("i w z na się nie to że jest do od jak ale o po dla tym przez czy być są także już który która"),
    "ca": words("el la els les de del que i en per amb una un es no és són com però més també aquest aquesta al"),
    "ro": words("și în de la cu pe care nu este o un din pentru că se sunt mai fost ce sau"),
    "sv": words("och att det som en ett är på för med av inte till den har de om men var jag"),
    "da": words("og at det som en et er på for med af ikke til den har de om men var jeg"),
    "no": words("og å det som en et er på for med av ikke til den har de om men var jeg"),
    "tr": words("ve bir bu da de için ile çok daha olarak gibi olan ama değil en her"),
    "cs": words("a v se na je že to s z do o ve k jako by ale pro jsou také který která"),
    "id": words("dan yang di ke dari ini itu dengan untuk tidak akan pada juga dalam adalah"),
}

# Camel-case names whose tail is a function word.
KNOWN_CAMEL = words(
    """linkedin gofundme checkin login popup startup signup biorxiv medrxiv teamlab wikihow powerpoint youtube
    whatsapp paypal playstation blackrock openai deepmind"""
)

# Nouns that take a capitalised label after them ("Vitamin D", "Plan B", "Terminal 5").
LABEL_NOUNS = words(
    """vitamin plan type grade class group category hepatitis point section part article annex exhibit option
    division league series tier level block building gate terminal hall room platform route line model version
    phase stage schedule team side unit wing zone area list rating"""
)

# Words that join the parts of a name in several languages ("Bank of England", "Pedro de la Fuente").
NAME_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "der", "des", "du", "di"})

# Short words written in lower case inside a title-case headline.
TITLE_LOWER = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs"}
)

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {w: str(i) for i, w in enumerate(_UNITS.split())} | {
    w: str(10 * i) for i, w in enumerate(_TENS.split(), start=3)
}

# --- F2xx / L3xx
# Scripts whose letters look alike ("К" and "K", "а" and "a", "Ο" and "O"): a word mixing two of them is
# a homoglyph slip, not a word of either language (L302). Names as Unicode gives them.
HOMOGLYPH_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})

# --- S1xx
# Words besides FUNCTION_WORDS that are capitalised only because they start a clause ("According to ..."):
# a capital there says nothing about a name (S104 reads the word after it as after a lower-case one).
CLAUSE_START_WORDS = frozenset({"according"})

# --- S115: lower-case words run together ("regionconquered"): a joined pair of common words the dictionary lacks.
# Left halves that build English compounds ("overcommitted", "rescan", "autowrap"): such a split is word-building.
COMPOUND_HEADS = words(
    """over under out up down back self cross counter after in on off by non pre re un sub super inter multi semi
    anti mis fore mid post auto pseudo micro macro mini ultra extra hyper co de dis"""
)
# Right halves that build phrasal nouns ("shootdown", "lookup", "checkout"): a function word that is no glue there.
COMPOUND_TAILS = words("down up out off over in on back away around through by along")
# Endings of a derived or inflected form ("namespaced", "swapper", "rescans"): strip one, and the stem is a word.
DERIVED_ENDINGS = ("ings", "ing", "ers", "er", "ed", "es", "s", "d")
