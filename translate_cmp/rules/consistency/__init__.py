"""Q67x consistency across a file or a project (Xbench's two checks): Q670 the same source translated
differently, Q671 different sources translated the same. The units are compared in one pass before the
per-document work (project.py); the rules report its findings on each unit."""

from __future__ import annotations

from translate_cmp.rules.base import Rule
from translate_cmp.rules.consistency.Q670_inconsistent_translation import InconsistentTranslation
from translate_cmp.rules.consistency.Q671_inconsistent_source import InconsistentSource
from translate_cmp.rules.consistency.Q672_acronym_written_two_ways import AcronymWrittenTwoWays

RULES: tuple[Rule, ...] = (InconsistentTranslation(), InconsistentSource(), AcronymWrittenTwoWays())
