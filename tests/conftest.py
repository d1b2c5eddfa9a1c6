"""Shared test fixtures: the seed articles and real argos copy packages built from them.

argostranslate reads its settings (packages folder, data/config/cache folders) once, when first
imported, and creates those folders. So they are pointed at a temporary folder here, when pytest
imports this file, before any test module can import argostranslate.

Fixtures for other test files:

* ``argos_packages_dir``: en->de and de->en exact-copy packages, installed in
  ``$ARGOS_PACKAGES_DIR`` (so ``ArgosEngine()`` and the CLI find them with no option); a round
  trip en -> de -> en gives back every text exactly.
* ``altering_packages_dir``: another folder with the en->de copy and a de->en package that
  changes the words of ``ALTERING_SUBSTITUTIONS`` (Moscow -> Paris, 10 -> 12); pass it as
  ``packages_dir`` or set ``ARGOS_PACKAGES_DIR`` to it (``monkeypatch.setenv``).
  ``expected_altered(text)`` is what its round trip returns.
* ``seed_documents`` / ``seed_sentences``: the seed articles and their segmented sentences.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="translate-cmp-tests-"))
atexit.register(shutil.rmtree, _SESSION_ROOT, ignore_errors=True)
for _var, _sub in {
    "XDG_DATA_HOME": "xdg-data",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_CACHE_HOME": "xdg-cache",
    "ARGOS_PACKAGES_DIR": "argos-packages",
}.items():
    os.environ[_var] = str(_SESSION_ROOT / _sub)

import pytest  # noqa: E402

from translate_cmp.records import Document  # noqa: E402
from translate_cmp.segment import segment  # noqa: E402

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    assert paths, f"no seed articles in {SEEDS_DIR}"
    return [Document(p.stem, str(p), p.read_text(encoding="utf-8")) for p in paths]


@pytest.fixture(scope="session")
def seed_sentences(seed_documents) -> list[str]:
    return [s.text for doc in seed_documents for s in segment(doc)]


@pytest.fixture(scope="session")
def copy_package_files(seed_documents) -> dict[str, Path]:
    """Built ``.argosmodel`` files: ``en-de``, ``de-en`` (copies) and ``de-en-altering``."""
    from translate_cmp.testing import ALTERING_SUBSTITUTIONS, build_copy_package, train_sentencepiece

    work = _SESSION_ROOT / "built"
    symbols = sorted(set(ALTERING_SUBSTITUTIONS) | set(ALTERING_SUBSTITUTIONS.values()))
    spm_model = train_sentencepiece([d.text for d in seed_documents], work, user_defined_symbols=symbols)
    return {
        "spm": spm_model,
        "en-de": build_copy_package(work / "en_de.argosmodel", "en", "de", spm_model),
        "de-en": build_copy_package(work / "de_en.argosmodel", "de", "en", spm_model),
        "de-en-altering": build_copy_package(
            work / "de_en_altering.argosmodel", "de", "en", spm_model, substitutions=ALTERING_SUBSTITUTIONS
        ),
    }


@pytest.fixture(scope="session")
def argos_packages_dir(copy_package_files) -> Path:
    """``$ARGOS_PACKAGES_DIR`` with en->de and de->en exact-copy packages installed."""
    from translate_cmp.testing import install_package

    packages = Path(os.environ["ARGOS_PACKAGES_DIR"])
    for key in ("en-de", "de-en"):
        install_package(copy_package_files[key], packages)
    return packages


@pytest.fixture(scope="session")
def altering_packages_dir(copy_package_files) -> Path:
    """A packages folder with the en->de copy and the altering de->en package."""
    from translate_cmp.testing import install_package

    packages = _SESSION_ROOT / "argos-packages-altering"
    for key in ("en-de", "de-en-altering"):
        install_package(copy_package_files[key], packages)
    return packages


@pytest.fixture(scope="session")
def expected_altered(copy_package_files):
    """``text -> back-translation`` through the altering round trip."""
    from translate_cmp.testing import ALTERING_SUBSTITUTIONS, substituted_text

    def expected(text: str) -> str:
        return substituted_text(text, copy_package_files["spm"], ALTERING_SUBSTITUTIONS)

    return expected
