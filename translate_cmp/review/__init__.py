"""Reviewing runs: the diff between two runs (terminal and page) and baselines of accepted findings."""
