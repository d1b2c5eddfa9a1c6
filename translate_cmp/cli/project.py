"""The project configuration on the command line: flags typed override the configuration, which overrides the
flags' defaults (translate_cmp/config.py); ``translate-cmp config`` prints the result and where each setting came
from."""

from __future__ import annotations

import json
from typing import Any

import click
from click.core import ParameterSource

from translate_cmp.config import KEYS, ProjectConfig, effective, load_config

# ProjectConfig field -> the click parameter of ``run`` / ``compare`` that it configures
FLAGS = {
    "select": "select", "ignore": "ignore", "fail_on": "fail_on", "glossary": "glossary", "engine": "engine",
    "pivot": "pivot", "format": "formats", "out": "out_dir", "quality": "quality", "jobs": "jobs",
    "baseline": "baseline", "source_lang": "source_lang", "target_lang": "target_lang", "encoding": "encoding",
    "strict": "strict",
}
_JOINED = ("select", "ignore", "pivot", "format")  # comma lists on the command line, TOML lists in the file

config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False),
    help="Project configuration file (translate-cmp.toml or pyproject.toml with [tool.translate-cmp]) "
         "[default: the first found from the inputs' folder upward].")
glossary_option = click.option(
    "--glossary", type=click.Path(dir_okay=False),
    help="Glossary for the terminology checks Q650-Q652: CSV (source,target,lang,forbidden,dnt) or TBX.")


def configured(ctx: click.Context, paths, config_file: str | None) -> tuple[ProjectConfig, dict[str, Any]]:
    """The command's parameters with the project configuration applied (flags typed win)."""
    config = load_config(list(paths), config_file)
    given, defaults = {}, {}
    for name, param in FLAGS.items():
        if param not in ctx.params:
            continue
        value = ctx.params[param]
        typed = ctx.get_parameter_source(param) not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)
        (given if typed else defaults)[name] = value
    values, _ = effective(config, given, defaults)
    params = dict(ctx.params)
    for name, param in FLAGS.items():
        if param in params:
            value = values[name]
            params[param] = ",".join(value) if name in _JOINED and isinstance(value, tuple) else value
    return config, params


def show(config: ProjectConfig, values: dict[str, Any], origins: dict[str, str]) -> str:
    """The effective settings as TOML lines, each with where it came from."""
    lines = [f"# configuration file: {config.where() if config.path else 'none found (defaults)'}"]
    by_field = {f: k for k, (f, _) in KEYS.items()}
    for name, key in by_field.items():
        value = values.get(name)
        if name == "per_file_ignores":
            rendered = "{" + ", ".join(f"{json.dumps(g)} = {json.dumps(list(c))}" for g, c in value or ()) + "}"
        elif value is None:
            lines.append(f"# {key} (unset)".ljust(48) + f"  # {origins.get(name, 'default')}")
            continue
        else:
            rendered = json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        lines.append(f"{key} = {rendered}".ljust(48) + f"  # {origins.get(name, 'default')}")
    return "\n".join(lines)


@click.command("config")
@click.argument("paths", nargs=-1)
@config_option
@click.option("--select", help="As for run: shown as set on the command line.")
@click.option("--ignore", help="As for run.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), help="As for run.")
@glossary_option
def config_command(paths, config_file, select, ignore, fail_on, glossary) -> None:
    """Show the effective project configuration for PATHS (default: this folder) and where each setting came
    from: the command line, the configuration file, or the default."""

    config = load_config(list(paths) or ["."], config_file)
    given = {"select": csv_list(select), "ignore": csv_list(ignore), "fail_on": fail_on, "glossary": glossary}
    values, origins = effective(config, given, {
        "consistency_scope": "project", "engine": "auto", "pivot": ("es",), "format": ("csv", "jsonl", "html"),
        "out": "outputs", "quality": "balanced", "jobs": 0, "strict": False})
    click.echo(show(config, values, origins))


def csv_list(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated option's values ("S,F201" -> ("S", "F201")); None when the option was not given."""
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())
