"""The rows benchmarks/real_text.py measures: real MT with rater spans, and clean human-written text.

MQM sets (read from ``shared/``, never copied): each row is one system's translation of one segment, its
rater error spans as character offsets into the translation, its label (clean/error) and whether any rater
marked a Major error. Clean human text (from benchmarks/fetch_clean_text.sh's folder): prose paragraphs of
Debian's translated manual pages, rendered by groff, and prose messages of Django's and Sphinx's translated
catalogues; every row is clean.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(1 << 30)


@dataclass(frozen=True)
class Row:
    set_name: str
    row_id: str  # unique in a run: "<set>:<id in the file>"
    lang: str  # the language the text is in (from the file, not detected)
    text: str
    label: str  # "clean" or "error"
    major: bool  # some rater marked a Major error
    spans: tuple[tuple[int, int, str, str], ...] = ()  # (start, end, category, severity) on text
    item: str = ""  # the source segment (rows with the same item translate the same source)
    mqm: float = 0.0  # MQM score, higher is worse
    origin: str = ""  # the row's id in its file, or the page or catalogue it comes from
    group: str = ""  # the document the row belongs to: one system's translation of a talk or article, a page
    order: tuple[int, str] = (0, "")  # the row's place in its group
    source: str = ""  # the segment the row translates (MQM rows; empty for clean human text)
    system: str = ""  # the MT system that wrote the row (MQM rows)


@dataclass(frozen=True)
class MqmSet:
    name: str
    lang: str
    path: str  # under the shared folder
    title: str


MQM_SETS = (
    MqmSet("de-wmt23-news", "de", "benchmarks/mqm-dev/mqm_de_wmt23news_dev.tsv", "German WMT23 news (en->de, dev)"),
    MqmSet("de-ted", "de", "benchmarks/mqm-dev/mqm_de_ted_dev.tsv", "German TED talks (en->de, dev)"),
    MqmSet("ru-bio", "ru", "benchmarks/mqm-dev/mqm_ru_biomqm_dev.tsv", "Russian biomedical (en->ru, dev)"),
    MqmSet("es-bio", "es", "benchmarks/mqm-dev/mqm_es_biomqm_dev.tsv", "Spanish biomedical (en->es, dev)"),
    MqmSet("fr-bio", "fr", "benchmarks/mqm-dev/mqm_fr_biomqm_dev.tsv", "French biomedical (en->fr, dev)"),
    MqmSet("en-wmt23-zhen", "en", "benchmarks/mqm-wmt23-zhen/mqm_en_bench.tsv", "English WMT23 news (zh->en)"),
)
CLEAN_LANGS = ("en", "de", "es", "fr", "it", "pt", "nl", "ru", "ja")


def spread(items: list, limit: int | None) -> list:
    """At most ``limit`` of ``items``, evenly spread over the list (all of them without a limit)."""
    if limit is None or len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def _item(rec: dict) -> str:
    """The source segment a row translates: the same for every system's translation of it."""
    return rec.get("global_seg_id") or f"{rec['doc']}:{rec['seg_id']}"


def read_mqm(shared: Path, spec: MqmSet, limit: int | None = None) -> list[Row]:
    """The rows of one MQM set. mqm-dev files: ``label``, ``any_major``; the zh-en file: ``label`` (clean when at
    most one of three raters marked a penalised error) and ``n_major`` (Major marks summed over raters)."""
    path = shared / spec.path
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if limit is not None and len(records) > limit:  # whole items (all systems of a segment), evenly spread
        groups: dict[str, list[dict]] = {}
        for rec in records:
            groups.setdefault(_item(rec), []).append(rec)
        per_item = len(records) / len(groups)
        records = [rec for g in spread(list(groups.values()), max(1, round(limit / per_item))) for rec in g]
    rows = []
    for rec in records:
        spans = tuple((int(s[0]), int(s[1]), str(s[2]), str(s[3])) for s in json.loads(rec["error_spans"] or "[]"))
        major = rec["any_major"] == "1" if "any_major" in rec else int(rec["n_major"] or 0) > 0
        rows.append(Row(spec.name, f"{spec.name}:{rec['id']}", spec.lang, rec["target"], rec["label"], major, spans,
                        _item(rec), float(rec["mqm_score"] or 0.0), rec["id"], f"{rec['doc']}|{rec['system']}",
                        (int(re.match(r"\d*", rec["seg_id"]).group() or 0), rec["id"]), rec["source"], rec["system"]))
    return rows


# ---------------------------------------------------------------- clean human text

_TABLE_GAP = re.compile(r"\S {3,}\S")  # a table row or an aligned synopsis, not running prose
_PROSE_END = re.compile(r"[.!?。！？:;…](?:[\"'”’»)\]」』]*)$")
_ANGLE = str.maketrans({"⟨": "<", "⟩": ">"})  # groff's rendering of URL brackets (.UR/.MT)
_NO_SPACE_LANGS = frozenset({"ja", "zh"})


def is_prose(text: str, lang: str) -> bool:
    """A paragraph of running text: long enough, mostly letters, ending like a sentence, not an option list, not
    starting in lower case (in manual pages that is an option's description, which follows its tag: "-a  do not
    ignore entries starting with .")."""
    if lang in _NO_SPACE_LANGS:
        if len(text) < 20:
            return False
    elif len(text.split()) < 6:
        return False
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    return (letters >= 0.7 * len(visible) and bool(_PROSE_END.search(text)) and text[0] not in "-/[$#*•"
            and not text[0].islower())


# Function words, to keep paragraphs in the set's language: translated manual pages keep the paragraphs nobody
# translated yet in English. A paragraph is kept when it has at least as many of the set language's function
# words as of English ones, and at least one.
FUNCTION_WORDS = {
    "en": "the of and to is a in that for with if this be are by it or not an as on when which from",
    "de": "der die das und ist nicht ein eine zu den von mit für auf im dem wird werden sich wenn oder des",
    "es": "el la los las de y que en un una es por con para se no del al como si o",
    "fr": "le la les de des et est un une que en pour dans du par sur pas ne se qui si au ou",
    "it": "il la le di e che un una è per con non del della si in dei al se o i gli",
    "pt": "o a os as de e que em um uma é para com não do da se no na por ou",
    "nl": "de het een en van is in dat op te met voor niet wordt als zijn door of aan er",
}
_FUNCTION = {lang: frozenset(ws.split()) for lang, ws in FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def in_language(text: str, lang: str) -> bool:
    """Whether a paragraph is written in ``lang`` (not left in English): by script for Russian and Japanese, by
    function words for the others."""
    letters = [ch for ch in text if ch.isalpha()]
    if lang == "ru":
        return sum("\u0400" <= ch <= "\u04ff" for ch in letters) >= 0.5 * len(letters)
    if lang == "ja":
        return sum(ch >= "\u3040" for ch in letters) >= 0.3 * len(letters)
    tokens = [w.lower() for w in _WORD.findall(text)]
    english = sum(t in _FUNCTION["en"] for t in tokens)
    if lang == "en":
        return english >= 1
    own = sum(t in _FUNCTION[lang] for t in tokens)
    return own >= max(1, english)


def man_paragraphs(rendered: str, lang: str) -> list[str]:
    """Prose paragraphs of a manual page rendered by groff with one paragraph per line and no paragraph indent
    (benchmarks/fetch_clean_text.sh): lines that are not indented (code examples are), without tables and
    aligned text (runs of 3+ spaces inside the line: also the page's header and footer lines); headings, tags
    and code lines fail :func:`is_prose`."""
    out = []
    for line in rendered.splitlines():
        if not line.strip() or line[0].isspace():
            continue
        text = line.strip()
        if _TABLE_GAP.search(text):
            continue
        text = re.sub(r" {2}", " ", text).translate(_ANGLE)  # groff's two spaces after a full stop
        if is_prose(text, lang) and in_language(text, lang):
            out.append(text)
    return out


def _unquote(s: str) -> str:
    body = s.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        return ""
    body = body[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def po_messages(po_text: str) -> list[tuple[str, str]]:
    """``(msgid, msgstr)`` of every translated, non-fuzzy, non-obsolete entry of a PO file (plural forms: each
    ``msgstr[n]``, paired with the msgid). A small reader for this benchmark only."""
    entries: list[tuple[str, str]] = []
    fuzzy = False
    field, msgid, strs = "", "", {}

    def close():
        nonlocal msgid, strs, fuzzy, field
        if msgid and not fuzzy:
            entries.extend((msgid, s) for s in strs.values() if s)
        msgid, strs, fuzzy, field = "", {}, False, ""

    for line in po_text.splitlines():
        if not line.strip():
            close()
        elif line.startswith("#,"):
            if msgid or strs:
                close()
            fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            if msgid or strs:
                close()
            field, msgid = "msgid", _unquote(line[6:])
        elif line.startswith("msgid_plural "):
            field = "plural"
        elif line.startswith("msgstr"):
            key, _, rest = line.partition(" ")
            field = key
            strs[key] = _unquote(rest)
        elif line.startswith('"'):
            if field == "msgid":
                msgid += _unquote(line)
            elif field in strs:
                strs[field] += _unquote(line)
    close()
    return entries


_MARKUP = re.compile(r"%|\{|\}|<|>|`|\\|https?:|\|")
PO_CODES = {"pt": ("pt", "pt_BR")}


def po_prose(wheel: Path, lang: str) -> list[tuple[str, str]]:
    """``(catalogue, text)`` of the prose messages of one language in a wheel's catalogues: the translations,
    joined into one line, no
    placeholders or markup (those are unit-mode territory: benchmarks/po_catalogues.py)."""
    codes = PO_CODES.get(lang, (lang,))
    out = []
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            parts = name.split("/")
            if not name.endswith(".po") or "LC_MESSAGES" not in parts:
                continue
            code = parts[parts.index("LC_MESSAGES") - 1]
            if code not in codes:
                continue
            messages = po_messages(zf.read(name).decode("utf-8", errors="replace"))
            for _, text in messages:
                text = " ".join(text.split())
                if text and not _MARKUP.search(text) and is_prose(text, lang) and in_language(text, lang):
                    out.append((f"{wheel.name.split('-')[0]}/{name}", text))
    return out


def po_english(wheel: Path) -> list[tuple[str, str]]:
    """English msgids of a wheel's catalogues (every language's catalogue repeats them; read the German one)."""
    out, seen = [], set()
    with zipfile.ZipFile(wheel) as zf:
        for name in sorted(zf.namelist()):
            parts = name.split("/")
            if not name.endswith(".po") or "LC_MESSAGES" not in parts or parts[parts.index("LC_MESSAGES") - 1] != "de":
                continue
            for msgid, _ in po_messages(zf.read(name).decode("utf-8", errors="replace")):
                text = " ".join(msgid.split())
                if text not in seen and not _MARKUP.search(text) and is_prose(text, "en"):
                    seen.add(text)
                    out.append((f"{wheel.name.split('-')[0]}/{name}", text))
    return out


def read_clean(folder: Path, lang: str, limit: int | None) -> dict[str, list[Row]]:
    """Clean rows of one language: ``{"man-<lang>": [...], "po-<lang>": [...]}`` (sets that have no text are left
    out). Paragraphs repeated within a set (translator credits, licence notes) are kept once."""
    sets: dict[str, list[Row]] = {}
    pages = sorted((folder / "man" / lang).glob("*.txt"))
    found = []
    for page in pages:
        for n, para in enumerate(man_paragraphs(page.read_text(encoding="utf-8", errors="replace"), lang)):
            found.append((f"{page.stem}#{n}", para))
    sets[f"man-{lang}"] = found
    po = []
    for wheel in sorted((folder / "wheels").glob("*.whl")):
        po.extend(po_english(wheel) if lang == "en" else po_prose(wheel, lang))
    sets[f"po-{lang}"] = [(f"{origin}#{n}", text) for n, (origin, text) in enumerate(po)]
    out = {}
    for name, items in sets.items():
        seen, rows = set(), []
        for origin, text in items:
            if text in seen:
                continue
            seen.add(text)
            page, _, number = origin.rpartition("#")
            rows.append(Row(name, f"{name}:{len(rows)}", lang, text, "clean", False, origin=origin, group=page,
                            order=(int(number), "")))
        if rows:
            out[name] = spread(rows, limit)
    return out
