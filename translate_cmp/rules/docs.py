"""A rule's documentation in four parts (what, why, example, instead): report, SARIF, ``translate-cmp rules``.

The same fields ``translate-cmp rules CODE`` prints (translate_cmp/cli/rule_table.py): a rule class from
the registry, or the Rule (class or instance) the caller passed in ``rule_docs``; a plain string
there is only a summary, so the registry fills in the other parts when it knows the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from translate_cmp.errors import InputError
from translate_cmp.records import RuleDocs


@dataclass(frozen=True)
class RuleDoc:
    code: str
    name: str
    severity: str
    what: str
    why: str
    example: str
    instead: str

    @property
    def parts(self) -> tuple[tuple[str, str], ...]:
        """(label, text) for the four parts that have text."""
        items = (("What it does", self.what), ("Why it matters", self.why),
                 ("Example (flagged)", self.example), ("Use instead", self.instead))  # fmt: skip
        return tuple((label, text) for label, text in items if text)


def _example_text(rule: object) -> str:
    examples = getattr(rule, "examples", ()) or ()
    if not examples:
        return ""
    ex = examples[0]
    text = repr(ex.text)
    if getattr(ex, "translation", None) is not None:
        text += f"  translated as {ex.translation!r}"
    if getattr(ex, "back", None) is not None:
        text += f"  back-translated as {ex.back!r}"
    return text


def _registry(code: str) -> object | None:
    from translate_cmp.rules import get_rule

    try:
        return get_rule(code)
    except InputError:
        return None


def rule_doc(code: str, rule_docs: RuleDocs, severity: str = "") -> RuleDoc:
    """The documentation of one rule code (empty parts where nothing is known)."""
    given = rule_docs.get(code)
    rule = given if given is not None and not isinstance(given, str) else _registry(code)
    if rule is None:
        return RuleDoc(code, "", severity, given or "", "", "", "")

    def attr(name: str) -> str:
        return str(getattr(rule, name, "") or "")

    return RuleDoc(
        code=code,
        name=attr("name"),
        severity=attr("severity") or severity,
        what=given if isinstance(given, str) and given else attr("summary"),
        why=attr("why"),
        example=_example_text(rule),
        instead=attr("instead"),
    )


def _example_line(ex) -> str:
    """One example as ``translate-cmp rules CODE`` prints it: its language unless English, then the text."""
    line = "  " + (f"[{ex.lang}] " if ex.lang != "en" else "") + repr(ex.text)
    if getattr(ex, "translation", None) is not None:
        line += f"  translated as {ex.translation!r}"
    if ex.back is not None:
        line += f"  back-translated as {ex.back!r}"
    return line


def rule_text(code: str) -> str:
    from translate_cmp.rules import get_rule
    from translate_cmp.rules.coverage import languages_label

    rule = get_rule(code)
    lines = [f"{rule.code} {rule.name} ({rule.severity})", "", "What it does", f"  {rule.summary}"]
    lines += ["", "Languages", f"  {languages_label(rule)}"]
    if rule.why:
        lines += ["", "Why it matters", f"  {rule.why}"]
    if rule.examples:
        lines += ["", "Example (flagged)", *map(_example_line, rule.examples)]
    if rule.instead:
        lines += ["", "Use instead", f"  {rule.instead}"]
    if rule.counter_examples:
        lines += ["", "Not flagged", *map(_example_line, rule.counter_examples)]
    return "\n".join(lines)
