"""Installed argos packages: find them, install them from a file or from the argos index.

Only ``argostranslate.package`` is imported (cheap); never ``argostranslate.translate`` (stanza,
torch: seconds). Packages are read with argostranslate's own ``Package`` class.

Where packages live: an explicit ``packages_dir``; else ``$ARGOS_PACKAGES_DIR`` read at call time
(argostranslate reads it once, at import); else argostranslate's ``settings.package_dirs``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from translate_cmp.errors import InputError

MODEL_DIR = "model"
MODEL_FILE = "model.bin"
SPM_FILE = "sentencepiece.model"
INDEX_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class InstalledPackage:
    """One installed argos translation package."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    package_version: str
    argos_version: str
    path: Path
    target_prefix: str = ""

    @property
    def model_dir(self) -> Path:
        return self.path / MODEL_DIR

    @property
    def spm_path(self) -> Path:
        return self.path / SPM_FILE

    @property
    def problem(self) -> str | None:
        """Why translate-cmp cannot use this package, or None when it can."""
        if not (self.model_dir / MODEL_FILE).is_file():
            return f"no {MODEL_DIR}/{MODEL_FILE}"
        if not self.spm_path.is_file():
            return f"no {SPM_FILE} (BPE packages are not supported)"
        return None

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def direction(self) -> tuple[str, str]:
        return self.from_code, self.to_code


def package_dirs(packages_dir: str | os.PathLike | None = None) -> list[Path]:
    """The folders searched for packages (see the module docstring)."""
    if packages_dir is not None:
        return [Path(packages_dir)]
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return [Path(env)]
    from argostranslate import settings

    return [Path(p) for p in settings.package_dirs]


def install_dir(packages_dir: str | os.PathLike | None = None) -> Path:
    """Where new packages go: the first of :func:`package_dirs` (as argostranslate does)."""
    return package_dirs(packages_dir)[0]


def _load(path: Path) -> InstalledPackage | None:
    from argostranslate.package import Package

    try:
        pkg = Package(path)
    except (OSError, ValueError):  # no or unreadable metadata.json
        return None
    if pkg.type != "translate" or not pkg.from_code or not pkg.to_code:
        return None
    return InstalledPackage(
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        from_name=pkg.from_name or pkg.from_code,
        to_name=pkg.to_name or pkg.to_code,
        package_version=str(pkg.package_version or ""),
        argos_version=str(pkg.argos_version or ""),
        path=Path(pkg.package_path),
        target_prefix=pkg.target_prefix or "",
    )


def installed_packages(packages_dir: str | os.PathLike | None = None) -> list[InstalledPackage]:
    """Every translation package installed, sorted by direction then newest version first.

    Each folder is read with argostranslate's ``Package``; folders that are not packages are
    skipped (``argostranslate.package.get_installed_packages`` stops at the first such folder).
    """
    found = []
    for folder in package_dirs(packages_dir):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_dir() and not path.name.startswith("."):
                pkg = _load(path)
                if pkg is not None:
                    found.append(pkg)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.package_version)))


def _version_key(version: str) -> tuple:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def find_package(src: str, tgt: str, packages_dir: str | os.PathLike | None = None) -> InstalledPackage | None:
    """The usable package for ``src -> tgt`` with the highest version, or None."""
    usable = [p for p in installed_packages(packages_dir) if p.direction == (src, tgt) and p.usable]
    return usable[-1] if usable else None


def installed_directions(packages_dir: str | os.PathLike | None = None) -> set[tuple[str, str]]:
    """``(from_code, to_code)`` of every usable installed package."""
    return {p.direction for p in installed_packages(packages_dir) if p.usable}


def installed_round_trip_pivots(src: str, packages_dir: str | os.PathLike | None = None) -> list[str]:
    """Pivot languages with both ``src -> pivot`` and ``pivot -> src`` installed, sorted."""
    directions = installed_directions(packages_dir)
    return sorted({tgt for s, tgt in directions if s == src and (tgt, src) in directions})


def has_round_trip(src: str, pivot: str, packages_dir: str | os.PathLike | None = None) -> bool:
    directions = installed_directions(packages_dir)
    return (src, pivot) in directions and (pivot, src) in directions


# ---------------------------------------------------------------- installing


def _check_archive(path: Path) -> tuple[str, dict]:
    """Validate a ``.argosmodel``; returns (top-level folder, metadata). Raises InputError."""
    where = str(path)
    if not path.exists():
        raise InputError(where, "no such file")
    if not path.is_file():
        raise InputError(where, "not a file")
    if not zipfile.is_zipfile(path):
        raise InputError(where, "not an argos package (a .argosmodel is a zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            bad = zf.testzip()
            if bad is not None:
                raise InputError(where, f"corrupt archive (bad CRC in {bad})")
            tops = set()
            for name in names:
                parts = PurePosixPath(name).parts
                if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
                    raise InputError(where, f"unsafe path in archive: {name!r}")
                if parts:
                    tops.add(parts[0])
            if len(tops) != 1:
                raise InputError(where, f"expected one top-level folder in the archive, found {len(tops)}")
            top = tops.pop()
            try:
                metadata = json.loads(zf.read(f"{top}/metadata.json"))
            except KeyError:
                raise InputError(where, f"no {top}/metadata.json in the archive") from None
            if f"{top}/{MODEL_DIR}/{MODEL_FILE}" not in names:
                raise InputError(where, f"no {top}/{MODEL_DIR}/{MODEL_FILE} in the archive")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as err:
        raise InputError(where, f"corrupt archive ({err})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(where, f"metadata.json is not valid JSON ({err})") from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise InputError(where, "metadata.json has no from_code/to_code")
    if metadata.get("type", "translate") != "translate":
        raise InputError(where, f"not a translation package (type {metadata.get('type')!r})")
    return top, metadata


def install_package(path: str | os.PathLike, packages_dir: str | os.PathLike | None = None) -> InstalledPackage:
    """Install a ``.argosmodel`` file into the packages folder; returns the installed package.

    Same layout as argostranslate's ``install_from_path`` (the archive's one top-level folder
    extracted into the packages folder, replacing a folder of the same name), but the archive is
    checked first (a broken folder would make argostranslate fail to list any package), extracted
    atomically, and argostranslate.translate (seconds of imports) is not loaded.
    """
    path = Path(path)
    top, _ = _check_archive(path)
    dest_root = install_dir(packages_dir)
    dest_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=dest_root))
    try:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(staging)
        dest = dest_root / top
        old = staging / ".old"
        if dest.exists():
            dest.rename(old)
        try:
            (staging / top).rename(dest)
        except OSError:
            if old.exists():
                old.rename(dest)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pkg = _load(dest)
    if pkg is None:
        raise InputError(str(path), "argostranslate cannot read the installed package's metadata")
    return pkg


def _unreachable(url: str, timeout: float) -> str | None:
    """None when a TCP connection to the URL's host opens within ``timeout`` s, else why not.

    Runs in a daemon thread because name resolution has no timeout of its own.
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    outcome: list[str | None] = []

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            outcome.append(None)
        except OSError as err:
            outcome.append(f"{type(err).__name__}: {err}")

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        return f"no answer within {timeout:g} s"
    return outcome[0]


def index_url() -> str:
    """The argos index: ``$ARGOS_PACKAGE_INDEX`` (read now) + ``index.json``, else argostranslate's."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base.rstrip("/") + "/index.json"
    from argostranslate import settings

    return settings.remote_package_index


def install_from_index(
    from_code: str,
    to_code: str,
    packages_dir: str | os.PathLike | None = None,
    *,
    timeout: float = INDEX_TIMEOUT_S,
) -> InstalledPackage:
    """Download ``from_code -> to_code`` from the argos package index and install it.

    Checks that the index host answers within ``timeout`` first and fails fast otherwise
    (argostranslate's ``get_available_packages`` retries for minutes offline, then recurses).
    """
    from argostranslate.package import AvailablePackage

    where = "argos package index"
    url = index_url()
    problem = _unreachable(url, timeout)
    if problem:
        raise InputError(
            where,
            f"cannot reach {url} ({problem}); offline? install a downloaded .argosmodel with "
            "`translate-cmp models install FILE`",
        )
    try:
        import urllib.request  # imported on download only: ~60 ms (http, ssl, email) off every run

        with urllib.request.urlopen(url, timeout=timeout * 4) as response:
            index = json.loads(response.read())
    except (OSError, ValueError) as err:
        raise InputError(where, f"cannot read {url}: {err}") from None
    candidates = [
        AvailablePackage(meta)
        for meta in index
        if isinstance(meta, dict) and meta.get("from_code") == from_code and meta.get("to_code") == to_code
    ]
    if not candidates:
        pairs = sorted(f"{m.get('from_code')}->{m.get('to_code')}" for m in index if isinstance(m, dict))
        raise InputError(where, f"no package {from_code}->{to_code} (available: {', '.join(pairs)})")
    best = max(candidates, key=lambda p: _version_key(str(p.package_version)))
    with tempfile.TemporaryDirectory(prefix="argos-download-") as tmp:
        target = Path(tmp) / f"translate-{from_code}_{to_code}.argosmodel"
        errors = []
        for link in best.links:
            try:
                import urllib.request

                with urllib.request.urlopen(link, timeout=timeout * 4) as response, open(target, "wb") as out:
                    shutil.copyfileobj(response, out, 1 << 20)
                break
            except OSError as err:
                errors.append(f"{link}: {err}")
        else:
            raise InputError(where, f"download of {from_code}->{to_code} failed: {'; '.join(errors) or 'no links'}")
        return install_package(target, packages_dir)
