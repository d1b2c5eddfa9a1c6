"""``translate-cmp models list|install`` on temporary packages folders (click's runner on the group)."""

from __future__ import annotations

import json
import socket
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.models import models
from translate_cmp.errors import InputError


def invoke(*args: str):
    return CliRunner().invoke(models, list(args))


def test_list_empty_folder(tmp_path):
    result = invoke("list", "--packages-dir", str(tmp_path / "none"))
    assert result.exit_code == 0
    assert "no argos packages" in result.output and "models install" in result.output


def test_install_then_list(copy_package_files, tmp_path):
    packages = tmp_path / "packages"
    result = invoke("install", str(copy_package_files["en-de"]), "--packages-dir", str(packages))
    assert result.exit_code == 0, result.output
    assert "installed en -> de 1.0" in result.output

    listing = invoke("list", "--packages-dir", str(packages)).output.splitlines()
    assert listing[0].split()[:4] == ["from", "to", "version", "round"]
    assert listing[1].split()[:3] == ["en", "de", "1.0"] and "no (de->en missing)" in listing[1]
    assert listing[1].endswith(str(packages / "translate-en_de-1_0"))

    assert invoke("install", str(copy_package_files["de-en"]), "--packages-dir", str(packages)).exit_code == 0
    listed = invoke("list", "--packages-dir", str(packages), "--json").output
    records = [json.loads(line) for line in listed.splitlines()]
    assert [(r["from"], r["to"], r["version"], r["round_trip"], r["usable"]) for r in records] == [
        ("de", "en", "1.0", True, True),
        ("en", "de", "1.0", True, True),
    ]


def test_reinstall_replaces_the_package(copy_package_files, tmp_path):
    packages = tmp_path / "packages"
    for _ in range(2):
        assert invoke("install", str(copy_package_files["en-de"]), "--packages-dir", str(packages)).exit_code == 0
    assert sorted(p.name for p in packages.iterdir()) == ["translate-en_de-1_0"]


def test_list_reports_packages_it_cannot_use(copy_package_files, tmp_path):
    packages = tmp_path / "packages"
    invoke("install", str(copy_package_files["en-de"]), "--packages-dir", str(packages))
    (packages / "translate-en_de-1_0" / "sentencepiece.model").unlink()
    (packages / "not-a-package").mkdir()  # argostranslate would stop listing at this folder
    listing = invoke("list", "--packages-dir", str(packages)).output
    assert "unusable: no sentencepiece.model" in listing


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    flipped = tmp_path / "flipped.argosmodel"
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("translate-en_de-1_0/model/model.bin")
    data[info.header_offset + 30 + len(info.filename) + 1000] ^= 0xFF  # a byte inside model.bin
    flipped.write_bytes(bytes(data))
    text = tmp_path / "text.argosmodel"
    text.write_text("not a zip", encoding="utf-8")
    meta = {"from_code": "en", "to_code": "de", "type": "translate"}
    return {
        "missing": (tmp_path / "missing.argosmodel", "no such file"),
        "text": (text, "not an argos package"),
        "truncated": (truncated, "not an argos package"),
        "bad crc": (flipped, "corrupt archive"),
        "no metadata": (_zip(tmp_path / "nometa.argosmodel", {"p/model/model.bin": b"x"}), "no p/metadata.json"),
        "no model": (_zip(tmp_path / "nomodel.argosmodel", {"p/metadata.json": json.dumps(meta)}), "no p/model"),
        "two folders": (_zip(tmp_path / "two.argosmodel", {"a/metadata.json": b"{}", "b/x": b""}), "one top-level"),
        "unsafe": (_zip(tmp_path / "evil.argosmodel", {"../evil/metadata.json": b"{}"}), "unsafe path"),
        "bad json": (_zip(tmp_path / "json.argosmodel", {"p/metadata.json": b"{", "p/model/model.bin": b""}),
                     "not valid JSON"),
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "text", "truncated", "bad crc", "no metadata", "no model", "two folders", "unsafe", "bad json"],
)
def test_install_rejects_bad_files(copy_package_files, tmp_path, case):
    path, problem = bad_files(tmp_path, copy_package_files["en-de"])[case]
    packages = tmp_path / "packages"
    result = invoke("install", str(path), "--packages-dir", str(packages))
    assert isinstance(result.exception, InputError), result.output
    assert str(result.exception).startswith(str(path)) and problem in str(result.exception)
    assert not packages.exists() or not any(packages.iterdir())  # nothing half-installed


def test_install_needs_exactly_one_source(copy_package_files):
    assert invoke("install").exit_code == 2
    both = invoke("install", str(copy_package_files["en-de"]), "--from-index", "en", "de")
    assert both.exit_code == 2 and "either" in both.output


@pytest.fixture
def silent_server():
    """A local port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    server.close()


def _closed_port() -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("case", ["refused", "no such host", "silent"])
def test_install_from_unreachable_index_fails_fast(monkeypatch, tmp_path, silent_server, case):
    index = {"refused": _closed_port(), "no such host": "https://argos-index.invalid/", "silent": silent_server}[case]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index)
    started = time.monotonic()
    result = invoke("install", "--from-index", "en", "de", "--timeout", "0.5", "--packages-dir", str(tmp_path))
    elapsed = time.monotonic() - started
    assert isinstance(result.exception, InputError)
    message = str(result.exception)
    assert message.startswith("argos package index: cannot ") and index + "index.json" in message
    if case != "silent":
        assert "offline?" in message and "models install FILE" in message
    assert elapsed < 10  # a hang guard, not a speed test: argostranslate's own lookup spins for minutes
