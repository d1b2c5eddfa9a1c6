"""Real components for tests and benchmarks: tiny argos packages that translate by copying.

Kept in the package (not under tests/) because tests and benchmarks both build them.
"""

from translate_cmp.engines.argos_packages import install_package
from translate_cmp.testing.copymodel import build_copy_package, substituted_text, train_sentencepiece

# The altering package of the test fixtures: these words come back changed from a round trip.
ALTERING_SUBSTITUTIONS = {"Moscow": "Paris", "10": "12"}

__all__ = [
    "ALTERING_SUBSTITUTIONS",
    "build_copy_package",
    "install_package",
    "substituted_text",
    "train_sentencepiece",
]
