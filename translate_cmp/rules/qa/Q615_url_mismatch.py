"""Q615 url-mismatch: a URL of the source missing from the translation or changed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import EMAIL, once, url_key, urls
from translate_cmp.rules.qa.unit_rule import UnitRule

_BROKEN_SCHEME = re.compile(r"\b(?:https?|ftp|file)(?:\s+:|:\s+/|:/\s+/)/?", re.IGNORECASE)


def _extended(url: str, have: set[str]) -> bool:
    """A URL of the translation goes on from the source's folder: its own page there ("https://translationproject.org/
    team/" -> ".../team/pt_BR.html")."""
    return url.endswith("/") and any(h.startswith(url) for h in have)


_TEAMS = re.compile(r"/teams?/?$")


def _team_address(url: str, source: str, target: str) -> bool:
    """The source points at the folder of the language teams ("https://translationproject.org/team/") and the
    translation gives an address of its own instead: the team's (the Translation Project's convention: each team
    names where to report its translation's bugs)."""
    if not _TEAMS.search(url):
        return False
    own = {m.group() for m in EMAIL.finditer(source)} | {url_key(m.group()) for m in urls(source)}
    return any(m.group() not in own for m in EMAIL.finditer(target)) or any(
        url_key(m.group()) not in own for m in urls(target))


class UrlMismatch(UnitRule):
    code = "Q615"
    name = "url-mismatch"
    severity = Severity.WARNING
    summary = "A URL of the source is missing from the translation or was changed (translated, mistyped)."
    why = "A translated or mistyped URL is a dead link: the user cannot reach the help page, the licence, the " \
          "bug tracker."
    instead = ("Keep the URL as it is. A language segment may change to point at the translation's own page "
               "('/en/' -> '/fr/', 'hl=en' -> 'hl=de', 'en.wikipedia' -> 'de.wikipedia'), and a folder's URL may "
               "point at the translation's page in it ('/team/' -> '/team/pt_BR.html'); the folder of the language "
               "teams may give way to the team's own address ('<team@example.org>').")
    examples = (
        Example("See https://www.gnu.org/software/coreutils/ for help",
                translation="Siehe https://www.gnu.org/software/kernwerkzeuge/ für Hilfe", lang="de"),
        Example("Report translation bugs to <https://example.org/teams/>", translation="Übersetzungsfehler melden",
                lang="de"),
        Example("Read https://docs.djangoproject.com/en/dev/", translation="Lisez la documentation", lang="fr"),
        Example('a full URL starting with a scheme such as "https://"',
                translation='un URL completo che inizia con "https: //"', lang="it"),
    )
    counter_examples = (
        Example("Read https://docs.djangoproject.com/en/dev/", translation="Lisez https://docs.djangoproject.com/fr/dev/.",
                lang="fr"),
        Example("See https://www.gnu.org/software/coreutils/ for help",
                translation="Hilfe: https://www.gnu.org/software/coreutils/", lang="de"),
        Example("Report any translation bugs to <https://translationproject.org/team/>",
                translation="Relate erros de tradução para <https://translationproject.org/team/pt_BR.html>",
                lang="pt"),
        Example("Report translation bugs to <https://example.org/teams/>",
                translation="Übersetzungsfehler bitte an <uebersetzer@example.org>", lang="de"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "://" not in source and "www." not in source.lower():
            return  # no URL in the source (most units)
        broken = _BROKEN_SCHEME.search(target)
        if broken and not _BROKEN_SCHEME.search(source) and "://" in source:
            yield from once(ctx, f"a URL scheme broken by a space in the translation: {broken.group()!r}")
        have = {url_key(m.group()) for m in urls(target)}
        missing = [m.group().rstrip(".,;:!?") for m in urls(source) if url_key(m.group()) not in have
                   and not _extended(url_key(m.group()), have)
                   and not _team_address(url_key(m.group()), source, target)]
        if missing:
            yield from once(ctx, f"URL missing or changed in the translation: {', '.join(missing)}")


RULES = (UrlMismatch(),)
