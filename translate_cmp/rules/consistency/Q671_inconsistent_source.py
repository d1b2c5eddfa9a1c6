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
    why = ("When \"Remove\" and \"Delete\" both become \"Entfernen\", users cannot tell two different actions apart; "
           "often one unit was filled from a translation memory match for the wrong source. (Xbench: "
           "\"Inconsistency in Source\".)")
    instead = ("Give different sources different translations where the difference matters. Sources that differ "
               "only in case, punctuation, whitespace or markup count as the same. The source most units use is "
               "taken as the reference; on a tie every unit is reported. Each line of an example is one unit.")
    examples = (
        Example("Delete\nDelete\nRemove", translation="Löschen\nLöschen\nLöschen", lang="en"),
    )
    counter_examples = (
        Example("Name\nName:\nname", translation="Name\nName\nName", lang="en"),
        Example("Delete\nRemove", translation="Löschen\nEntfernen", lang="en"),
    )


RULES = (InconsistentSource(),)
