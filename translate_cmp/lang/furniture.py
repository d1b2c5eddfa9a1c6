"""Page furniture as news sites print it in each language: caption labels, credits, links, bylines.

Hand-written from the labels that BBC Mundo, DW, Le Monde, Folha, Corriere, NOS, RIA and their like
put around pictures and articles (the wording of the labels only; no article text). Used by F204
(captions) and F205 (scraper debris) on documents in those languages. The English-worded patterns at the
end (credits, bylines, copyright lines, desk codes) are looked for in every language those rules serve;
English furniture lines are in ``lexicon``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from translate_cmp.lang.lexicon import NAME_PARTICLES, words
from translate_cmp.lang.wordlists import closed_class

# Labels that only ever mark a picture: flagged wherever they stand.
CAPTION_LABELS = {
    "es": ("fuente de la imagen", "pie de foto", "pie de imagen", "crédito de la imagen", "créditos de la foto"),
    "de": ("bildunterschrift", "bildquelle", "bildnachweis", "bildrechte", "fotostrecke"),
    "fr": ("légende de la photo", "légende de l'image", "crédit photo", "crédits photo", "crédit image"),
    "pt": ("legenda da foto", "legenda da imagem", "crédito da imagem", "crédito da foto", "fonte da imagem"),
    "it": ("didascalia", "credito foto", "crediti foto", "fonte immagine", "fotogalleria"),
    "nl": ("bijschrift", "beeldbron", "fotobijschrift", "beeld ter illustratie"),
    "ru": ("подпись к фото", "источник фото", "источник изображения", "фото из открытых источников", "фотогалерея"),
}
# Words that start a credit line of their own: "Foto: EFE", "Bild: dpa", "Фото: РИА Новости".
CREDIT_WORDS = {
    "es": ("foto", "imagen", "fotografía", "vídeo"),
    "de": ("foto", "bild", "video", "quelle"),
    "fr": ("photo", "image", "vidéo", "légende", "crédit"),
    "pt": ("foto", "imagem", "vídeo", "legenda", "crédito"),
    "it": ("foto", "immagine", "video", "fonte"),
    "nl": ("foto", "beeld", "video", "bron"),
    "ru": ("фото", "изображение", "видео", "источник", "фотография"),
}
# Whole lines of page furniture (compared lower-case, trailing ":" "." "…" stripped).
FURNITURE_LINES = {
    "es": """leer más|lee también|lea también|te puede interesar|compartir|comparte esta noticia|publicidad
        |noticias relacionadas|suscríbete|más información|contenido relacionado|seguir leyendo|ver más|fuente""",
    "de": """mehr zum thema|lesen sie auch|auch interessant|teilen|anzeige|werbung|weiterlesen|zum artikel
        |artikel teilen|mehr dazu|newsletter abonnieren|quelle|kommentare""",
    "fr": """lire aussi|lire la suite|à lire aussi|partager|publicité|sur le même sujet|abonnez-vous|voir aussi
        |lire plus|newsletter|commentaires|source""",
    "pt": """leia também|leia mais|compartilhe|compartilhar|publicidade|veja também|assine|saiba mais
        |continue lendo|notícias relacionadas|fonte|comentários""",
    "it": """leggi anche|leggi tutto|condividi|pubblicità|potrebbe interessarti|abbonati|leggi di più
        |articoli correlati|fonte|commenti|iscriviti alla newsletter""",
    "nl": """lees ook|lees meer|delen|advertentie|meer over|bekijk ook|lees verder|deel dit artikel|bron
        |reacties|abonneer""",
    "ru": """читайте также|читать далее|поделиться|реклама|подписывайтесь|смотрите также|источник
        |комментарии|подробнее|читать полностью|новости по теме""",
}
# A line of its own that names the author or the desk: "Por Redacción", "Von dpa", "Автор: Иван Петров".
BYLINE_STARTS = {
    "es": ("por", "redacción"),
    "de": ("von", "autor:", "autorin:"),
    "fr": ("par", "la rédaction"),
    "pt": ("por", "redação"),
    "it": ("di", "redazione"),
    "nl": ("door", "redactie"),
    "ru": ("автор:", "от", "редакция"),
}
# Calls to subscribe or follow that open a line of their own: "Suscríbete a nuestro boletín".
CALL_STARTS = {
    "es": ("suscríbete a", "suscríbase a", "síguenos en"),
    "de": ("abonnieren sie", "folgen sie uns", "melden sie sich"),
    "fr": ("abonnez-vous à", "inscrivez-vous à", "suivez-nous sur"),
    "pt": ("assine a", "assine o", "assine nossa", "inscreva-se", "siga-nos"),
    "it": ("iscriviti a", "abbonati a", "seguici su"),
    "nl": ("schrijf je in", "abonneer je", "volg ons"),
    "ru": ("подписывайтесь на", "подпишитесь на", "следите за нами"),
}
# Desk bylines in lower case after the first word: "Von unserer Redaktion", "Door onze redactie".
_DESK_BYLINES = {
    "es": "por la redacción|de nuestra redacción",
    "de": "von unserer redaktion|aus der redaktion",
    "fr": "par la rédaction|par notre rédaction",
    "pt": "da redação|por nossa redação",
    "it": "a cura della redazione|dalla redazione",
    "nl": "door onze redactie|door de redactie",
    "ru": "от редакции",
}
for _lang, _lines in _DESK_BYLINES.items():
    FURNITURE_LINES[_lang] += "|" + _lines
LANGS = frozenset(CAPTION_LABELS)


@lru_cache(maxsize=16)
@lru_cache(maxsize=64)
def caption_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """F204 patterns for ``lang``: its picture labels anywhere, and a credit word opening a line (group ``rest``);
    built once per language (F204 asks for every sentence)."""
    labels, credits = CAPTION_LABELS.get(lang), CREDIT_WORDS.get(lang)
    if not labels or not credits:
        return ()
    anywhere = "|".join(re.escape(label) for label in labels)
    start = "|".join(re.escape(word) for word in credits)
    return (
        re.compile(rf"(?<!\w)(?:{anywhere})(?!\w)(?:\s*[,:|]\s*[^\s,.;]+(?:\s+[^\s,.;]+){{0,2}})?", re.IGNORECASE),
        re.compile(rf"^\W*(?:{start})\s*[:|]\s*(?P<rest>\S[^.\n]{{0,40}})$", re.IGNORECASE | re.MULTILINE),
    )


# Lower-case words a credit holds between names: "Foto: Reuters und AP", "Photo: AFP via Getty Images", and the
# name particles ("Foto: Archiv der Stadt").
_CREDIT_LINKS = words("and und et y e i en og и of by via for von für par por per pour") | NAME_PARTICLES


def opens_headline(rest: str, lang: str) -> bool:
    """What follows a picture label and its colon at the start of a line (a caption pattern's ``rest`` group) is a
    headline or a sentence, not a credit: it holds a closed-class word of ``lang`` other than the links and
    particles of names. News sites open a headline with a rubric ("Fotos: Nach Restaurierungen weiht Ägypten die
    Gräber ein", "Video: So sieht es aus"), while a credit names people and agencies ("Foto: Reuters", "Foto:
    picture alliance / dpa", "Фото: РИА Новости")."""
    vocab = closed_class(lang)
    found = (m.group().lower() for m in re.finditer(r"[^\W\d_]+", rest.split("\n", 1)[0]))
    return any(w in vocab and w not in _CREDIT_LINKS for w in found)


@lru_cache(maxsize=16)
def furniture_lines(lang: str) -> frozenset[str]:
    return frozenset(" ".join(line.split()) for line in FURNITURE_LINES.get(lang, "").split("|") if line.strip())


def is_link_or_call(line: str, lang: str) -> bool:
    """A short lower-cased line that is a furniture label and a headline ('lee también: las claves ...'),
    or a call to subscribe or follow ('suscríbete a nuestro boletín')."""
    if len(line.split()) > 10:
        return False
    label, colon, rest = line.partition(":")
    if colon and rest.strip() and " ".join(label.split()) in furniture_lines(lang):
        return True
    return line.startswith(CALL_STARTS.get(lang, ()))


def is_byline(line: str, lang: str) -> bool:
    """A short line of its own that starts with the language's byline word and then names someone."""
    words = line.split()
    if not 1 <= len(words) <= 5:
        return False
    low = line.lower()
    for start in BYLINE_STARTS.get(lang, ()):
        if low == start:
            return True
        if low.startswith(start + " "):
            rest = line[len(start) :].split()
            return bool(rest) and all(w[:1].isupper() for w in rest)
    return False


# --- F2xx: furniture worded in English, looked for in every language F204 and F205 serve (agency credits,
# bylines and copyright lines are written in English on sites of every language). Whole English lines of
# furniture ("read more", "source") are ``lexicon.FURNITURE_LINES``.

# F204: picture labels and credits ("Image source, Getty Images", "Photo: Reuters", "(photo: AFP)"); a pattern with
# a ``rest`` group is a label opening a line, flagged unless the rest opens a headline (``opens_headline``).
CAPTION_PATTERNS = (
    re.compile(
        r"\b(?:images?|photos?|pictures?|videos?)\s+(?:source|caption|credit)s?\b"
        r"(?:\s*[,:]\s*(?:getty|reuters|afp|epa|ap|anadolu|shutterstock|tass|efe)\b)?",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:photo|image|picture|foto|caption|credit)s?(?:\s+credits?)?\s*[:|](?=(?P<rest>.*))",
               re.IGNORECASE),
    re.compile(r"\((?:photo|image|picture)s?(?:\s+credits?)?\s*[:/][^)]*\)", re.IGNORECASE),
)
# F205: scraper debris, each with what it is; a pattern starting with "^" that is a byline or a translation
# credit counts only on a line of its own ("By admin standards, ..." inside a paragraph is prose).
DEBRIS_PATTERNS = (
    (
        re.compile(
            r"^by\s+(?:admin|administrator|editors?|staff|webmaster|author|guest|newsroom"
            r"|editorial\s+(?:team|staff|board))\b.*$",
            re.IGNORECASE,
        ),
        "byline",
    ),
    (
        # AFP-style editor initials: "cf-sjw/tjc/zm/sag-dbh/mel/am"
        re.compile(r"(?<![\w./])[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?){2,}(?![\w./])"),
        "news-desk initials",
    ),
    (re.compile(r"\*{3}[^*]{1,80}\*{3}"), "banner"),
    (re.compile(r"^translated by\b.*$", re.IGNORECASE), "translation credit"),
    (re.compile(r"^date\s*:?\s*\d{4}-\d{2}-\d{2}", re.IGNORECASE), "date stamp"),
    (re.compile(r"^(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*\d", re.IGNORECASE), "date stamp"),
    (re.compile(r"^©.*$|^\(c\)\s.*$|^copyright\b.*$|\ball rights reserved\b", re.IGNORECASE), "copyright line"),
)
# F205: a copyright line in a paragraph that states a software licence is the program's documentation, not a
# site's footer: a licence name or the word in the languages of the clean-text benchmarks (licence, Lizenz, licença,
# licencia, licenza, licentie, лицензия, ライセンス), or "free software" in them.
LICENCE_NOTICE = re.compile(
    r"(?-i:\b(?:[AL]?GPL(?:v\d)?|BSD|MIT|Apache|MPL|EPL)\b)|licen[cçsz]|lizenz|лиценз|ライセンス"  # "MIT", not "mit"
    r"|free software|freie software|logiciel libre|software (?:libre|livre|libero)|vrije software"
    r"|свободн\w* программ",
    re.IGNORECASE,
)
# F205: a short line of its own that starts like a link or a credit: "Read more: ...", "Source: Xinhua",
# "Click here to ..."
FURNITURE_START = re.compile(
    r"^(?:(?:read more|read also|also read|see also|related(?: articles| news| stories)?|more news|source|sources)"
    r"\s*:\s*\S|(?:click here|subscribe to|sign up for|follow us on)\b)"
)
# F205: a byline of its own: "By Jane Doe".
NAME_BYLINE = re.compile(r"^By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")
