"""Real sentences per language for the route benchmarks (issue 21), read at benchmark time, never copied here.

- en, es, fr, it, pt, ru, nl, de: Debian's translated manual pages, rendered by benchmarks/fetch_clean_text.sh
  (its folder: ``$XDG_CACHE_HOME/translate-cmp-bench/clean-text``), prose paragraphs only
  (benchmarks/real_text_data.py's filters);
- ca, gl (Debian has no manual pages in them): the translated messages of the gettext catalogues Debian
  installs under /usr/share/locale/LANG/LC_MESSAGES (``.mo``), prose messages only: six words or more, ending
  like a sentence, no placeholders or markup, more of the language's function words than of English ones.

Paragraphs are split into sentences by the product's segmenter. :func:`sentences` spreads its pick evenly over
the sorted sources, so a limit takes sentences from many pages or catalogues.
"""

from __future__ import annotations

import gettext
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_text_data import man_paragraphs, spread  # noqa: E402

from translate_cmp.records import Document  # noqa: E402
from translate_cmp.segment import segment  # noqa: E402

CLEAN_TEXT = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "translate-cmp-bench" / "clean-text"
LOCALE = Path("/usr/share/locale")
MAN_LANGS = ("en", "es", "fr", "it", "pt", "ru", "nl", "de")
MO_LANGS = ("ca", "gl")
FUNCTION_WORDS = {
    "en": "the of and to is a in that for with if this be are by it or not an as on when which from",
    "ca": "el la els les de i que en un una és per amb no del al com si o es se hi",
    "gl": "o a os as de e que en un unha é por con non do da se no na para ou",
}
_FUNCTION = {k: frozenset(v.split()) for k, v in FUNCTION_WORDS.items()}
_MARKUP = re.compile(r"%|\{|\}|<|>|`|\\|https?:|\||_|\$|@")
_WORD = re.compile(r"[^\W\d_]+")


def _prose_message(text: str, lang: str) -> bool:
    if len(text.split()) < 6 or _MARKUP.search(text) or not text.endswith((".", "?", "!")) or not text[0].isupper():
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    own = sum(w in _FUNCTION[lang] for w in words)
    return own >= max(1, sum(w in _FUNCTION["en"] for w in words))


def mo_messages(lang: str) -> list[tuple[str, str]]:
    """``(catalogue, message)`` of the prose messages in Debian's installed catalogues of ``lang``."""
    out, seen = [], set()
    for path in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.mo")):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 (the parsed messages)
        except Exception:  # a catalogue in another encoding or format: not this benchmark's business
            continue
        for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
            if not isinstance(value, str) or not key:
                continue
            text = " ".join(value.split())
            if text not in seen and _prose_message(text, lang):
                seen.add(text)
                out.append((path.stem, text))
    return out


def paragraphs(lang: str) -> list[tuple[str, str]]:
    """``(origin, paragraph)`` of one language, sorted by origin."""
    if lang in MO_LANGS:
        return mo_messages(lang)
    folder = CLEAN_TEXT / "man" / lang
    if not folder.is_dir():
        raise SystemExit(f"{folder}: missing; run benchmarks/fetch_clean_text.sh first")
    out = []
    for page in sorted(folder.glob("*.txt")):
        out.extend((page.stem, p) for p in man_paragraphs(page.read_text(encoding="utf-8", errors="replace"), lang))
    return out


def sentences(lang: str, limit: int | None = None, min_words: int = 4) -> list[tuple[str, str]]:
    """``(origin, sentence)``: the sentences of :func:`paragraphs` with ``min_words`` words or more, each once,
    spread over the sources when ``limit`` is given."""
    out, seen = [], set()
    for origin, para in paragraphs(lang):
        for s in segment(Document(origin, origin, para), lang):
            text = s.text.strip()
            if len(text.split()) >= min_words and text not in seen:
                seen.add(text)
                out.append((origin, text))
    return spread(out, limit)
