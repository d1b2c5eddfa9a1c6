"""MkDocs hook: one page per rule, and the rule table, generated from the rules' own docs.

Reads ``translate_cmp.rules.ALL_RULES`` only (each rule's code, name, severity, summary, why, instead,
examples, counter-examples and, where a rule declares them, its languages), so the pages cannot drift
from ``translate-cmp rules CODE``. Pages are ``rules/<CODE>.md``, added to the "Rules" section of the
navigation after the section's own pages; ``docs/rules/index.md`` gets the table where it says
``<!-- rule-table -->``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

TABLE_MARKER = "<!-- rule-table -->"
RULES_SECTION = "Rules"

FAMILIES = {
    "S": "S1xx spacing and casing",
    "F": "F2xx structure",
    "L": "L3xx language",
    "R": "R4xx round trip",
    "C": "C5xx comparison",
    "Q": "Q6xx source vs target",
}


def _rules() -> tuple[Any, ...]:
    from translate_cmp.rules import ALL_RULES

    return ALL_RULES


def _cell(text: str) -> str:
    """Prose for the page (a paragraph or a table cell): `code spans` kept, everything else shown as written."""
    text = " ".join(str(text).split())
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans at all
        parts = [text]
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # inside a code span: shown verbatim by Markdown already
            out.append(f"`{part}`")
        else:
            part = html.escape(part, quote=False)
            out.append(re.sub(r"([\\`*_\[\]|#~])", r"\\\1", part))
    return "".join(out)


def _languages(rule: Any) -> str:
    langs = getattr(rule, "languages", None)
    if langs is None or langs in ("all", "any"):
        return "any"
    return langs if isinstance(langs, str) else " ".join(sorted(langs))


def _fence(text: str, lang: str = "text") -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text}\n{ticks}"


def _example(example: Any) -> str:
    lang = getattr(example, "lang", None) or getattr(example, "language", None)
    parts = [f"In `{lang}`:", _fence(example.text)] if lang else [_fence(example.text)]
    if getattr(example, "translation", None) is not None:
        parts += ["Translation:", _fence(example.translation)]
    if getattr(example, "back", None) is not None:
        parts += ["Back-translated as:", _fence(example.back)]
    return "\n\n".join(parts)


def rule_page(rule: Any) -> str:
    """The Markdown page of one rule: the four parts of ``translate-cmp rules CODE``, and its facts."""
    family = FAMILIES.get(rule.code[0], rule.code[0])
    needs = []
    if getattr(rule, "needs_round_trip", False):
        needs.append("a round trip (an engine: `--engine argos` or `apertium`)")
    if getattr(rule, "needs_counterpart", False):
        needs.append("a translation to compare with (`translate-cmp compare`)")
    if getattr(rule, "reads_unit", False):
        needs.append("also runs on localisation units (their source)")
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        "| field | value |",
        "| --- | --- |",
        f"| code | `{rule.code}` |",
        f"| name | `{rule.name}` |",
        f"| default severity | {rule.severity} |",
        f"| family | [{_cell(family)}](index.md#families) |",
        f"| languages | {_cell(_languages(rule))} |",
    ]
    if needs:
        lines.append(f"| needs | {'; '.join(needs)} |")
    lines += ["", "## What it does", "", _cell(rule.summary)]
    if rule.why:
        lines += ["", "## Why it matters", "", _cell(rule.why)]
    if rule.examples:
        lines += ["", "## Examples (flagged)", ""]
        lines += [_example(ex) + "\n" for ex in rule.examples]
    if rule.instead:
        lines += ["", "## Use instead", "", _cell(rule.instead)]
    if rule.counter_examples:
        lines += ["", "## Not flagged", ""]
        lines += [_example(ex) + "\n" for ex in rule.counter_examples]
    lines += [
        "",
        "## On the command line",
        "",
        f"`translate-cmp rules {rule.code}` prints this documentation; `--select {rule.code}` runs this rule "
        f"alone and `--ignore {rule.code}` skips it (see [Rules](index.md)).",
        "",
    ]
    return "\n".join(lines)


def rule_table() -> str:
    rows = ["| code | name | severity | languages | what it flags |", "| --- | --- | --- | --- | --- |"]
    for rule in _rules():
        rows.append(
            f"| [{rule.code}]({rule.code}.md) | {_cell(rule.name)} | {rule.severity} | "
            f"{_cell(_languages(rule))} | {_cell(rule.summary)} |"
        )
    return "\n".join(rows)


def on_files(files: Files, config: Any) -> Files:
    for rule in _rules():
        # not in mkdocs.yml's nav (so no "omitted" warning); on_nav below puts them in the Rules section
        page = File.generated(
            config, f"rules/{rule.code}.md", content=rule_page(rule), inclusion=InclusionLevel.NOT_IN_NAV
        )
        files.append(page)
    return files


def on_nav(nav: Navigation, config: Any, files: Files) -> Navigation:
    section = next((item for item in nav.items if isinstance(item, Section) and item.title == RULES_SECTION), None)
    if section is None:
        raise ValueError(f"mkdocs.yml: the nav has no {RULES_SECTION!r} section for the generated rule pages")
    last = section.children[-1]
    at = nav.pages.index(last) + 1 if last in nav.pages else len(nav.pages)
    pages = []
    for rule in _rules():
        page = files.get_file_from_path(f"rules/{rule.code}.md").page
        page.title = f"{rule.code} {rule.name}"
        page.parent = section
        pages.append(page)
    section.children.extend(pages)
    nav.pages[at:at] = pages
    for before, page, after in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return nav


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if TABLE_MARKER in markdown:
        markdown = markdown.replace(TABLE_MARKER, rule_table())
    return markdown
