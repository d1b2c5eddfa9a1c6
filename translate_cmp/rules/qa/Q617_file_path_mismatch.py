"""Q617 file-path-mismatch: a file path of the source missing from the translation or translated."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, paths
from translate_cmp.rules.qa.Q614_number_mismatch import example_spans
from translate_cmp.rules.qa.unit_rule import UnitRule

# where a system keeps its files: a path under one of them names a real file, whatever the sentence says
_SYSTEM = re.compile(r"(?:~|/(?:etc|usr|s?bin|lib|lib64|dev|proc|sys|var|tmp|opt|home|root|boot|run|srv|mnt))(?:/|$)")


def _shape(path: str) -> tuple[str, int, bool]:
    """A path's shape: how it starts ("/", "./", "~/"), how many parts, whether it ends with a slash."""
    return (path[: len(path) - len(path.lstrip("./~"))], path.strip("/").count("/"), path.endswith("/"))


def _example_name(source: str, path: str) -> bool:
    """The path is built on a name the source gives as an example ("for example '-foo'" ... "./-foo")."""
    return any(name and name in path for a, b in example_spans(source)
               for name in re.findall(r"['\"“‘]([^'\"”’\s]{2,})['\"”’]", source[a:b]))


class FilePathMismatch(UnitRule):
    code = "Q617"
    name = "file-path-mismatch"
    severity = Severity.WARNING
    summary = "A file path of the source ('/etc/passwd', '~/.config', './configure') is missing from the " \
              "translation or was translated."
    why = "A path names a file on the user's disk: translated, it names one that does not exist."
    instead = ("Keep the path as it is ('and/or', 'km/h' and fractions are not paths). An example path ('Example: "
               "/about/contact/', a name the source gives 'for example') may be localised into a path of the same "
               "shape, unless it lies where the system keeps its files (/etc, /usr, ~ ...).")
    examples = (
        Example("Edit /etc/hosts first", translation="Bearbeiten Sie zuerst /etc/rechner", lang="de"),
        Example("Example: “/about/contact/”. Make sure to have leading and trailing slashes.",
                translation="Per esempio: '/about/contact'. Assicurati che inizi e finisca con uno slash.", lang="it"),
        Example("For example /etc/hosts", translation="Zum Beispiel /etc/rechner", lang="de"),
    )
    counter_examples = (
        Example("  /PATTERN/   copy up to a matching line", translation="  /MOTIF/   copier jusqu'à la ligne",
                lang="fr"),
        Example("Edit /etc/hosts first", translation="Bearbeiten Sie zuerst /etc/hosts", lang="de"),
        Example("Read and/or write at 5 km/h", translation="Lire et/ou écrire à 5 km/h", lang="fr"),
        Example("Example: “/about/contact/”. Make sure to have leading and trailing slashes.",
                translation="Par exemple, « /a_propos/contact/ ». Vérifiez les barres obliques.", lang="fr"),
        Example("To remove a file named like '-foo', for example '-foo', use:\n  rm ./-foo\n",
                translation="Pour supprimer un fichier comme « -toto », par exemple « -toto » :\n  rm ./-toto\n",
                lang="fr"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        if "/" not in source:
            return  # no path in the source
        found = [m for m in paths(source) if m.group() not in target]
        if not found:
            return
        examples = example_spans(source)
        theirs = {m.group() for m in paths(target)} - {m.group() for m in paths(source)}
        shapes = {_shape(t) for t in theirs}

        def localised(m: re.Match) -> bool:  # an example, given as a path of the same shape
            in_example = any(a <= m.start() < b for a, b in examples) or _example_name(source, m.group())
            return in_example and not _SYSTEM.match(m.group()) and _shape(m.group()) in shapes

        missing = [m.group() for m in found if not localised(m)]
        if missing:
            yield from once(ctx, f"path missing or changed in the translation: {', '.join(missing)}")


RULES = (FilePathMismatch(),)
