"""``translate-cmp models``: list installed argos packages, install one from a file or the argos index."""

from __future__ import annotations

import json
from pathlib import Path

import click

from translate_cmp.engines.argos_packages import (
    INDEX_TIMEOUT_S,
    InstalledPackage,
    install_from_index,
    install_package,
    installed_packages,
    package_dirs,
)

_PACKAGES_DIR = click.option(
    "--packages-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The argos packages folder (default: $ARGOS_PACKAGES_DIR, else argostranslate's own).",
)


@click.group("models")
def models() -> None:
    """argos packages: list the installed ones, install one from a file or the argos index."""


def _round_trip(pkg: InstalledPackage, usable: set[tuple[str, str]]) -> str:
    if not pkg.usable:
        return f"unusable: {pkg.problem}"
    return "yes" if (pkg.to_code, pkg.from_code) in usable else f"no ({pkg.to_code}->{pkg.from_code} missing)"


@models.command("list")
@_PACKAGES_DIR
@click.option("--json", "as_json", is_flag=True, help="One JSON object per package, one per line.")
def list_packages(packages_dir: Path | None, as_json: bool) -> None:
    """Installed packages: direction, version, round trip (is the way back installed too?), path."""
    pkgs = installed_packages(packages_dir)
    usable = {p.direction for p in pkgs if p.usable}
    if as_json:
        for p in pkgs:
            record = {
                "from": p.from_code,
                "to": p.to_code,
                "version": p.package_version,
                "usable": p.usable,
                "round_trip": p.usable and (p.to_code, p.from_code) in usable,
                "problem": p.problem,
                "path": str(p.path),
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not pkgs:
        where = ", ".join(str(d) for d in package_dirs(packages_dir))
        click.echo(f"no argos packages in {where}")
        click.echo("install one: translate-cmp models install FILE.argosmodel  (or --from-index FROM TO)")
        return
    rows = [("from", "to", "version", "round trip", "path")]
    rows += [(p.from_code, p.to_code, p.package_version, _round_trip(p, usable), str(p.path)) for p in pkgs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1])


@models.command("install")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--from-index", nargs=2, metavar="FROM TO", default=None,
              help="Download the FROM->TO package from the argos package index (needs the internet).")
@click.option("--timeout", type=float, default=INDEX_TIMEOUT_S, show_default=True,
              help="Seconds to wait for the package index to answer before giving up.")
@_PACKAGES_DIR
def install(file: Path | None, from_index: tuple[str, str] | None, timeout: float, packages_dir: Path | None) -> None:
    """Install FILE.argosmodel, or a package from the argos index (--from-index FROM TO)."""
    if (file is None) == (from_index is None):
        raise click.UsageError("give either FILE.argosmodel or --from-index FROM TO")
    if file is not None:
        pkg = install_package(file, packages_dir)
    else:
        pkg = install_from_index(from_index[0], from_index[1], packages_dir, timeout=timeout)
    click.echo(f"installed {pkg.from_code} -> {pkg.to_code} {pkg.package_version} in {pkg.path}")
    if not pkg.usable:
        click.echo(f"warning: translate-cmp cannot use it: {pkg.problem}", err=True)
