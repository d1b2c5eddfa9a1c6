"""Q670 inconsistent-translation: the same source is translated differently elsewhere in the project."""

from __future__ import annotations

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example
from translate_cmp.rules.consistency.base import ConsistencyRule


class InconsistentTranslation(ConsistencyRule):
    code = "Q670"
    name = "inconsistent-translation"
    severity = Severity.WARNING
    summary = "The same source text (same context) is translated differently in another unit of the project."
    why = ("A button called \"Speichern\" in one dialog and \"Sichern\" in the next makes users wonder whether they "
           "do different things; translation memories then spread both. (Xbench: \"Inconsistency in Target\".)")
    instead = ("Translate the same source the same way throughout, or give the units different contexts "
               "(``msgctxt``) when they mean different things. The translation most units use is taken as the "
               "reference; on a tie, the one the project uses inside longer units (\"Password reset\" in \"Password "
               "reset complete\"), else every unit of the tie is reported. Each line of an example is one unit.")
    examples = (
        Example("Save\nSave\nSave", translation="Speichern\nSpeichern\nSichern", lang="en"),
        Example("Delete this file?\nDelete this file?", translation="Diese Datei löschen?\nDatei entfernen?",
                lang="en"),
    )
    counter_examples = (
        Example("Save\nSave\nSave changes", translation="Speichern\nSpeichern\nÄnderungen sichern", lang="en"),
        Example("Save\nSave ", translation="Speichern\nSpeichern", lang="en"),
    )


RULES = (InconsistentTranslation(),)
