"""Project configuration, the way ruff does it: ``[tool.translate-cmp]`` in ``pyproject.toml`` or a
``translate-cmp.toml`` (its keys at the top level), found from the inputs' folder upward, or named with
``--config FILE``. Command-line flags override it; ``translate-cmp config`` shows the effective settings and
where each came from.

    [tool.translate-cmp]
    select = ["S", "F", "Q"]
    ignore = ["S105"]
    fail-on = "error"
    glossary = "l10n/glossary.csv"          # relative to this file's folder
    accelerators = ["&", "_"]
    variables = ["printf", "python-brace"]
    consistency-scope = "project"           # or "file"

    [tool.translate-cmp.per-file-ignores]
    "locale/*/LC_MESSAGES/djangojs.po" = ["Q670"]
    "**/legacy/*.po" = ["S", "Q65"]

Any problem is one line naming the file and what is wrong (exit 2): a TOML error with its line, an unknown key
(with the nearest known one), a value of the wrong type, an unknown rule code, a file that cannot be read.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from translate_cmp.errors import InputError, show_path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CONFIG_NAMES = ("translate-cmp.toml", ".translate-cmp.toml")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class ProjectConfig:
    """The project's settings; None (or empty) where the configuration says nothing."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob relative to ``root``, codes)
    accelerators: tuple[str, ...] | None = None  # accelerator markers ("&", "_", "~"): for the Q6xx checks
    variables: tuple[str, ...] | None = None  # placeholder styles ("printf", "python-brace", "qt", ...)
    glossary: str | None = None  # a path (made absolute against the configuration's folder)
    fail_on: str | None = None
    consistency_scope: str | None = None  # "project" (default) or "file": Q670/Q671 compare units across ...
    engine: str | None = None
    pivot: tuple[str, ...] | None = None
    format: tuple[str, ...] | None = None
    out: str | None = None
    quality: str | None = None
    jobs: int | None = None
    baseline: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    encoding: str | None = None
    strict: bool | None = None
    path: str | None = None  # the file these came from (None: no configuration file)
    table: str = ""  # "[tool.translate-cmp]" for pyproject.toml, "" for translate-cmp.toml
    origins: dict[str, str] = field(default_factory=dict, compare=False)  # field -> where it was set

    @property
    def root(self) -> str:
        """The folder relative paths and per-file-ignore globs are read against ("" without a configuration
        file: there are none)."""
        return str(Path(self.path).parent) if self.path else ""

    def where(self) -> str:
        return f"{self.path} {self.table}".strip() if self.path else "default"


def _kind_check(key: str, value: Any, kind: str) -> Any:
    """``value`` converted to the field's type, or an error message (a str starting with '!')."""
    if kind == "codes":
        if isinstance(value, str):
            value = [v for v in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "! must be a list of rule codes or prefixes, e.g. [\"S\", \"Q650\"]"
        return tuple(v.strip().upper() for v in value if v.strip())
    if kind == "strings":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            return "! must be a list of non-empty strings"
        return tuple(value)
    if kind == "string":
        return value if isinstance(value, str) and value else "! must be a non-empty string"
    if kind == "bool":
        return value if isinstance(value, bool) else "! must be true or false"
    if kind == "jobs":
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else \
            "! must be a whole number, 0 or more"
    if kind.startswith("choice:"):
        choices = kind[7:].split("|")
        return value if value in choices else f"! must be one of {', '.join(choices)}"
    raise AssertionError(kind)


# key in the file -> (ProjectConfig field, kind)
KEYS: dict[str, tuple[str, str]] = {
    "select": ("select", "codes"),
    "ignore": ("ignore", "codes"),
    "per-file-ignores": ("per_file_ignores", "table"),
    "accelerators": ("accelerators", "strings"),
    "variables": ("variables", "strings"),
    "glossary": ("glossary", "string"),
    "fail-on": ("fail_on", "choice:" + "|".join(SEVERITIES)),
    "consistency-scope": ("consistency_scope", "choice:project|file"),
    "engine": ("engine", "string"),
    "pivot": ("pivot", "strings"),
    "format": ("format", "strings"),
    "out": ("out", "string"),
    "quality": ("quality", "choice:fast|balanced|best"),
    "jobs": ("jobs", "jobs"),
    "baseline": ("baseline", "string"),
    "source-lang": ("source_lang", "string"),
    "target-lang": ("target_lang", "string"),
    "encoding": ("encoding", "string"),
    "strict": ("strict", "bool"),
}
_PATHS = ("glossary", "baseline", "out")  # relative to the configuration file's folder


def _check_codes(where: str, key: str, codes: tuple[str, ...]) -> None:
    from translate_cmp.rules import ALL_RULES

    known = [r.code for r in ALL_RULES]
    for code in codes:
        if code != "ALL" and not any(c.startswith(code) for c in known):
            near = difflib.get_close_matches(code, known, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise InputError(where, f"{key}: unknown rule code or prefix {code!r}{hint}")


def parse_table(table: dict, path: str, table_name: str = "") -> ProjectConfig:
    """A :class:`ProjectConfig` from the settings table of ``path`` (errors name the file and the key)."""
    where = show_path(path)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    label = f"{path} {table_name}".strip()
    root = Path(path).parent
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (known: {', '.join(KEYS)})"
            raise InputError(where, f"{table_name + ': ' if table_name else ''}unknown key {key!r}{hint}")
        name, kind = KEYS[key]
        if kind == "table":
            converted = _per_file(where, key, value)
        else:
            converted = _kind_check(key, value, kind)
            if isinstance(converted, str) and converted.startswith("! "):
                raise InputError(where, f"{key} {converted[2:]}, not {_show(value)}")
        if kind == "codes":
            _check_codes(where, key, converted)
        if key in _PATHS:
            converted = str(root / converted) if not Path(converted).is_absolute() else converted
        if key == "accelerators" and any(len(m) != 1 for m in converted):
            raise InputError(where, f"accelerators must be single characters (\"&\", \"_\", \"~\"), not {_show(value)}")
        values[name] = converted
        origins[name] = label
    return ProjectConfig(**values, path=str(path), table=table_name, origins=origins)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _per_file(where: str, key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise InputError(where, f"{key} must be a table of glob = [codes], not {_show(value)}")
    out = []
    for glob, codes in value.items():
        converted = _kind_check(key, codes, "codes")
        if isinstance(converted, str):
            raise InputError(where, f"{key} {glob!r} {converted[2:]}, not {_show(codes)}")
        _check_codes(where, f"{key} {glob!r}", converted)
        out.append((glob, converted))
    return tuple(out)


def read_config(path: str | Path) -> ProjectConfig:
    """Read one configuration file (``pyproject.toml``: its ``[tool.translate-cmp]`` table)."""
    from translate_cmp.readers.filecheck import read_setting_file

    path = Path(path)
    data = read_setting_file(path, "configuration")
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "configuration is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("translate-cmp")
        if table is None:
            return ProjectConfig(path=str(path), table="[tool.translate-cmp]")
        if not isinstance(table, dict):
            raise InputError(str(path), "[tool.translate-cmp] must be a table")
        return parse_table(table, str(path), "[tool.translate-cmp]")
    return parse_table(document, str(path))


def find_config(paths: list[str | Path]) -> Path | None:
    """The configuration file that governs ``paths``: from their common folder upward, the first folder with a
    ``translate-cmp.toml`` (or ``.translate-cmp.toml``), or a ``pyproject.toml`` with a ``[tool.translate-cmp]``
    table; None if no folder up to the file system's root has one."""
    from translate_cmp.readers.uri import is_uri, local_paths

    paths = [p for p in local_paths(str(p) for p in paths) if not is_uri(p)]  # an object store holds no configuration
    if not paths:
        return None
    try:
        resolved = [Path(os.path.realpath(p)) for p in paths]  # no error on a link loop: the reader reports it
        start = Path(os.path.commonpath([str(p) for p in resolved]))
    except (OSError, ValueError):  # different drives
        return None
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "[tool.translate-cmp" in text or "tool.translate-cmp" in text


def load_config(paths: list[str | Path], config_file: str | None = None) -> ProjectConfig:
    """The project configuration for a run over ``paths``: ``config_file`` when given, else the one found."""
    if config_file is not None:
        if not Path(config_file).exists():
            raise InputError(config_file, "configuration file not found")
        return read_config(config_file)
    found = find_config(paths)
    return read_config(found) if found is not None else ProjectConfig()


def effective(config: ProjectConfig, given: dict[str, Any], defaults: dict[str, Any]) -> tuple[dict, dict]:
    """Each setting's value and where it came from: ``given`` (the flags on the command line: name -> value, only
    those typed) over ``config`` over ``defaults``."""
    values, origins = {}, {}
    for f in fields(ProjectConfig):
        if f.name in ("path", "table", "origins"):
            continue
        if f.name in given and given[f.name] is not None:
            values[f.name], origins[f.name] = given[f.name], "command line"
        elif getattr(config, f.name) not in (None, ()):
            values[f.name], origins[f.name] = getattr(config, f.name), config.origins.get(f.name, config.where())
        else:
            values[f.name], origins[f.name] = defaults.get(f.name), "default"
    return values, origins
