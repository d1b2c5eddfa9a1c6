"""Review and CI: finding fingerprints, gates and baselines, and the diff between two runs."""
