"""Q628 icu-message-structure: an ICU MessageFormat plural or select whose structure the translation broke."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from translate_cmp.records import Severity
from translate_cmp.rules.base import Example, Hit, RuleContext
from translate_cmp.rules.qa.helpers import once
from translate_cmp.rules.qa.unit_rule import UnitRule

_HEAD = re.compile(r"\{\s*(\w+)\s*,\s*(plural|select|selectordinal)\s*,")
_KEY = re.compile(r"\s*(=\d+|offset:\d+|[\w-]+)\s*")
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


@dataclass(frozen=True)
class Argument:
    name: str
    kind: str  # plural, select, selectordinal
    keys: tuple[str, ...]  # the branch keys, in order ("one", "other", "=0", "male" ...)


def arguments(text: str) -> tuple[list[Argument], str | None]:
    """The plural/select arguments of ``text`` (nested ones too), and what is broken, if anything (an
    unbalanced brace, a branch with no message)."""
    out: list[Argument] = []
    for head in _HEAD.finditer(text):
        pos, keys = head.end(), []
        while True:
            m = _KEY.match(text, pos)
            if m is None or m.end() >= len(text):
                return out, f"{{{head.group(1)}, {head.group(2)}}}: a branch with no message"
            if text[m.end() - 1] == "}" or (m.group(1) == "" and text[pos:].lstrip().startswith("}")):
                break
            if m.group(1).startswith("offset:"):
                pos = m.end()
                continue
            pos = m.end()
            if pos >= len(text) or text[pos] != "{":
                if text[pos:pos + 1] == "}" and keys:
                    break
                return out, f"{{{head.group(1)}, {head.group(2)}}}: key {m.group(1)!r} has no {{message}}"
            keys.append(m.group(1))
            depth = 0
            while pos < len(text):
                depth += {"{": 1, "}": -1}.get(text[pos], 0)
                pos += 1
                if depth == 0:
                    break
            if depth:
                return out, f"{{{head.group(1)}, {head.group(2)}}}: unbalanced braces"
            rest = text[pos:].lstrip()
            if rest.startswith("}"):
                break
        out.append(Argument(head.group(1), head.group(2), tuple(keys)))
    return out, None


class IcuMessageStructure(UnitRule):
    code = "Q628"
    name = "icu-message-structure"
    severity = Severity.ERROR
    summary = "An ICU MessageFormat plural or select of the source ('{count, plural, one {...} other {...}}') is " \
              "missing, renamed or broken in the translation, or has no 'other' branch."
    why = "The formatter rejects a malformed message or one without 'other', and a renamed argument or select " \
          "key never matches: the user sees the raw pattern or an empty string."
    instead = ("Keep each argument's name and type and the select keys; translate the branches' text. A plural "
               "uses the target language's categories (Russian: one few many other; Japanese: other) and always "
               "keeps 'other'.")
    examples = (
        Example("{count, plural, one {# file} other {# files}}", translation="{count, plural, one {# Datei}}",
                lang="de"),
        Example("{count, plural, one {# file} other {# files}}",
                translation="{anzahl, plural, one {# Datei} other {# Dateien}}", lang="de"),
        Example("{gender, select, male {He} female {She} other {They}}",
                translation="{gender, select, männlich {Er} weiblich {Sie} other {Sie}}", lang="de"),
    )
    counter_examples = (
        Example("{count, plural, one {# file} other {# files}}",
                translation="{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}", lang="ru"),
        Example("{count, plural, one {# file} other {# files}}", translation="{count, plural, other {# 個のファイル}}",
                lang="ja"),
    )

    def compare(self, ctx: RuleContext, source: str, target: str) -> Iterator[Hit]:
        src, broken = arguments(source)
        if not src or broken:
            return
        tgt, problem = arguments(target)
        if problem:
            yield from once(ctx, f"the translation's message is broken: {problem}")
            return
        theirs = {(a.name, a.kind): a for a in tgt}
        for a in src:
            t = theirs.get((a.name, a.kind))
            if t is None:
                yield from once(ctx, f"{{{a.name}, {a.kind}}} of the source is not in the translation")
            elif "other" not in t.keys:
                yield from once(ctx, f"{{{a.name}, {a.kind}}} has no 'other' branch in the translation")
            elif a.kind == "select" and set(t.keys) != set(a.keys):
                yield from once(ctx, f"{{{a.name}, select}} keys differ: {sorted(a.keys)} in the source, "
                                     f"{sorted(t.keys)} here")
            elif a.kind != "select" and (odd := [k for k in t.keys if k not in PLURAL_CATEGORIES
                                                 and not k.startswith("=")]):
                yield from once(ctx, f"{{{a.name}, {a.kind}}}: {', '.join(odd)} is not a plural category")


RULES = (IcuMessageStructure(),)
