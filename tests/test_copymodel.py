"""The copy-model builder makes real argos packages: argostranslate installs them, CTranslate2 runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from translate_cmp.engines.argos import ArgosEngine
from translate_cmp.engines.argos_packages import installed_packages
from translate_cmp.testing import build_copy_package, install_package, substituted_text, train_sentencepiece

ROOT = Path(__file__).resolve().parent.parent

# argostranslate's own installer imports argostranslate.translate (stanza, torch: seconds), so it
# runs in a child process whose argostranslate settings point at the test's folders.
ARGOS_INSTALL = """
import json, sys
import argostranslate.package as P
P.install_from_path(sys.argv[1])
print(json.dumps([[p.from_code, p.to_code, p.package_version, str(p.package_path)]
                  for p in P.get_installed_packages()]))
"""


def test_archive_layout(copy_package_files):
    with zipfile.ZipFile(copy_package_files["en-de"]) as zf:
        names = zf.namelist()
        tops = {n.split("/")[0] for n in names}
        assert tops == {"translate-en_de-1_0"}
        meta = json.loads(zf.read("translate-en_de-1_0/metadata.json"))
        config = json.loads(zf.read("translate-en_de-1_0/model/config.json"))
    for name in ("model/model.bin", "model/config.json", "sentencepiece.model", "metadata.json"):
        assert f"translate-en_de-1_0/{name}" in names
    assert meta["from_code"] == "en" and meta["to_code"] == "de" and meta["type"] == "translate"
    assert {"package_version", "argos_version", "from_name", "to_name"} <= set(meta)
    assert config["add_source_eos"] is True


@pytest.mark.slow
def test_argostranslate_installer_accepts_the_package(copy_package_files, tmp_path):
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", ARGOS_INSTALL, str(copy_package_files["de-en"])],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout.strip().splitlines()[-1])
    assert listed == [["de", "en", "1.0", str(tmp_path / "packages" / "translate-de_en-1_0")]]
    # and the engine runs what argostranslate installed
    engine = ArgosEngine(tmp_path / "packages")
    assert engine.translate(["Guten Tag, Moskau."], "de", "en")[0].text == "Guten Tag, Moskau."


def test_substitutions_must_be_single_pieces(copy_package_files, tmp_path):
    with pytest.raises(ValueError, match="user_defined_symbols"):
        build_copy_package(tmp_path / "x.argosmodel", "de", "en", copy_package_files["spm"],
                           substitutions={"Macron": "Merkel"})


def test_swap_and_drop(copy_package_files, tmp_path):
    """Two pieces can trade places, a piece can be dropped; everything else is copied."""
    spm = train_sentencepiece(["cats and dogs and birds"] * 3, tmp_path / "spm", vocab_size=40,
                              user_defined_symbols=["cats", "dogs", "birds"])
    swap = {"cats": "dogs", "dogs": "cats", "birds": ""}
    install_package(build_copy_package(tmp_path / "x.argosmodel", "en", "fr", spm, substitutions=swap), tmp_path / "p")
    text = "cats and dogs and birds, said the cats."
    out = ArgosEngine(tmp_path / "p").translate([text], "en", "fr")[0]
    assert out.text == "dogs and cats and , said the dogs."
    assert out.text == substituted_text(text, spm, swap)
    assert not out.truncated


@pytest.mark.slow
def test_benchmark_shape_copies_exactly_when_quantized(seed_documents, seed_sentences, tmp_path):
    """The benchmark path: a SentencePiece vocabulary too big for Hadamard codes, int8, padded vocabulary.

    (Smaller than the benchmark's 6+6 layers and d_model 512 only to keep the test quick.)
    """
    spm = train_sentencepiece([d.text for d in seed_documents], tmp_path / "spm", vocab_size=1000)
    package = build_copy_package(tmp_path / "big.argosmodel", "en", "es", spm, layers=2, d_model=512, heads=8,
                                 ffn=512, vocab_size=3000, quantization="int8")
    install_package(package, tmp_path / "p")
    pkg = installed_packages(tmp_path / "p")[0]
    vocab = json.loads((pkg.model_dir / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert len(vocab) == 3000
    sentences = seed_sentences[::4]
    outputs = ArgosEngine(tmp_path / "p").translate(sentences, "en", "es")
    assert [o.text for o in outputs] == sentences
