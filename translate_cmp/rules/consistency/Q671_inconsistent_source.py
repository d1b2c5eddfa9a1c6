"""Q671 inconsistent-source: different sources are given the same translation elsewhere in the project."""

from __future__ import annotations

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example
from translate_cmp.rules.consistency.base import ConsistencyRule


class InconsistentSource(ConsistencyRule):
    code = "Q671"
    name = "inconsistent-source"
    severity = Severity.INFO
    summary = "Another unit of the project with a different source has the same translation."
    why = ("When \"Any date\" and \"All dates\" both become \"Alle Daten\", two different filters read the same "
           "and one of them says the wrong thing; often one unit was filled from a translation memory match for "
           "the wrong source. (Xbench: \"Inconsistency in Source\".)")
    instead = ("Give different sources different translations where the difference matters. Sources that differ "
               "only in case, punctuation, markup, word order or inflection count as the same; units with different "
               "contexts, two one-word labels (a language may have one word for \"Delete\" and \"Remove\") and "
               "an abbreviation and its word are not compared. The source most units use is taken as the reference "
               "(on a tie, the one the rest of the project supports, else every unit of the tie is reported). Each "
               "line of an example is one unit.")
    examples = (
        Example("All dates\nAll dates\nAny date", translation="Alle Daten\nAlle Daten\nAlle Daten", lang="en"),
        Example("Delete the file\nRemove the file", translation="Datei löschen\nDatei löschen", lang="en"),
    )
    counter_examples = (
        Example("Name\nName:\nname", translation="Name\nName\nName", lang="en"),
        Example("Filter\nFilters\nAM\na.m.", translation="Filter\nFilter\nvorm.\nvorm.", lang="en"),
        Example("Delete\nRemove", translation="Löschen\nLöschen", lang="en"),
        Example("jan\nJanuary", translation="Jan.\nJan.", lang="en"),
        Example("Change password\nChange my password\nPassword change", translation="Passwort ändern\n"
                "Passwort ändern\nPasswort ändern", lang="en"),
    )


RULES = (InconsistentSource(),)
