"""Q617 file-path-mismatch: a file path of the source missing from the translation or translated."""

from __future__ import annotations

from collections.abc import Iterator

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once, paths
from translate_cmp.rules.qa.unit_rule import UnitRule


class FilePathMismatch(UnitRule):
    code = "Q617"
    name = "file-path-mismatch"
    severity = Severity.WARNING
    summary = "A file path of the source ('/etc/passwd', '~/.config', './configure') is missing from the " \
              "translation or was translated."
    why = "A path names a file on the user's disk: translated, it names one that does not exist."
    instead = "Keep the path as it is ('and/or', 'km/h' and fractions are not paths)."
    examples = (
        Example("Edit /etc/hosts first", translation="Bearbeiten Sie zuerst /etc/rechner", lang="de"),
    )
    counter_examples = (
        Example("Edit /etc/hosts first", translation="Bearbeiten Sie zuerst /etc/hosts", lang="de"),
        Example("Read and/or write at 5 km/h", translation="Lire et/ou écrire à 5 km/h", lang="fr"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        missing = [m.group() for m in paths(source) if m.group() not in target]
        if missing:
            yield from once(ctx, f"path missing or changed in the translation: {', '.join(missing)}")


RULES = (FilePathMismatch(),)
