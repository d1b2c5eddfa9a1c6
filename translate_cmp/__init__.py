"""translate-cmp: find machine-translation artefacts in articles, offline."""

__version__ = "0.1.0"
