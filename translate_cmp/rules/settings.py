"""Run-wide settings that some rules read, and the rule set a run applies to each document.

Most rules need nothing but the text. A few read settings the team keeps in its project configuration
(translate_cmp/config.py): the glossary (Q65x terminology) and the project's consistency findings (Q67x,
computed once over every unit before the per-document work, translate_cmp/rules/consistency/project.py).
:func:`configure` hands each selected rule the settings (``Rule.configured``), and :class:`RuleSet` carries
the per-file ignores, so every executor (this process, the worker pool, Ray) builds the same rules from the
same picklable :class:`RuleSettings` and the outputs do not depend on where the work ran.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from translate_cmp.records import Document
from translate_cmp.rules.base import Rule


@dataclass(frozen=True)
class RuleSettings:
    """What the configured rules read (picklable; every part has a stable digest for the result memos)."""

    glossary: Any = None  # translate_cmp.rules.terminology.glossary.Glossary, or None: no terminology checks
    # doc_id -> ((code, message), ...): the project pass's findings (consistency across units)
    project: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes or prefixes)
    root: str = ""  # the folder per-file-ignore globs are relative to (the configuration file's)
    qa: Any = None  # translate_cmp.rules.qa.options.QaOptions (accelerators, variable styles), or None: defaults

    def digest(self) -> str:
        """A digest of everything here: a change makes stored document results stop matching."""
        parts = {
            "glossary": self.glossary.digest() if self.glossary is not None else None,
            "project": sorted((k, list(map(list, v))) for k, v in self.project.items()),
            "per_file_ignores": [[g, list(c)] for g, c in self.per_file_ignores],
            "root": self.root,
            **({"qa": repr(self.qa)} if self.qa is not None else {}),
        }
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()

    @property
    def empty(self) -> bool:
        return self.glossary is None and not self.project and not self.per_file_ignores and self.qa is None


class RuleSet(tuple):
    """The selected rules (a tuple, in code order) plus the per-file ignores: :meth:`for_document` is what the
    flag stage runs on one document."""

    settings: RuleSettings

    def __new__(cls, rules: Iterable[Rule], settings: RuleSettings | None = None):
        self = super().__new__(cls, rules)
        self.settings = settings or RuleSettings()
        return self

    def __reduce__(self):
        return (RuleSet, (tuple(self), self.settings))

    def for_document(self, document: Document) -> Sequence[Rule]:
        ignored = ignored_codes(self.settings, document)
        if not ignored:
            return self
        return [r for r in self if not any(r.code.startswith(c) for c in ignored)]

    def memo_keys(self) -> list[str]:
        """The rule codes, plus the settings' digest when there are settings: what keys stored results."""
        codes = [r.code for r in self]
        return codes if self.settings.empty else [*codes, "settings:" + self.settings.digest()]


def configure(rules: Iterable[Rule], settings: RuleSettings | None = None) -> RuleSet:
    """The rules, each configured with ``settings`` (a rule that reads none is itself). The Q6xx options are set
    here too, in the process that will run the rules (a pool or Ray worker builds its rules with this)."""
    from translate_cmp.rules.qa import options as qa_options

    settings = settings or RuleSettings()
    qa_options.configure(settings.qa)
    return RuleSet((r.configured(settings) for r in rules), settings)


def rules_for(rules: Sequence[Rule], document: Document) -> Sequence[Rule]:
    """What the flag stage runs on ``document``: ``rules`` less the per-file ignores of a :class:`RuleSet`."""
    return rules.for_document(document) if isinstance(rules, RuleSet) else rules


def memo_keys(rules: Sequence[Rule]) -> list[str]:
    return rules.memo_keys() if isinstance(rules, RuleSet) else [r.code for r in rules]


def document_file(document: Document) -> str:
    """The input file a document came from (a localisation unit's file, else the document's path)."""
    return document.unit.file if document.unit is not None and document.unit.file else document.path


def ignored_codes(settings: RuleSettings, document: Document) -> tuple[str, ...]:
    """The codes and prefixes ``per-file-ignores`` drops for this document's file."""
    if not settings.per_file_ignores:
        return ()
    names = _candidates(document_file(document), settings.root)
    out: list[str] = []
    for pattern, codes in settings.per_file_ignores:
        regex = glob_regex(pattern)
        if any(regex.fullmatch(name) for name in names):
            out.extend(codes)
    return tuple(out)


def _candidates(file: str, root: str) -> list[str]:
    """The spellings a glob may match: relative to the configuration's folder, as given, and the file name
    (a glob without ``/`` matches the name in any folder, as in ruff)."""
    path = Path(file)
    names = [path.as_posix(), path.name]
    if root:
        with contextlib.suppress(ValueError, OSError):  # outside the configuration's folder
            names.append(path.resolve().relative_to(Path(root).resolve()).as_posix())
    return names


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    """A glob as a regular expression: ``*`` and ``?`` within one folder name, ``**/`` any folders, ``[...]``."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (close := pattern.find("]", i + 1)) > i + 1:
            body = pattern[i + 1:close].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body[0] == "!" else body) + "]")
            i = close + 1
            continue
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out))
