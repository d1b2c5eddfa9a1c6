"""Language knowledge, the floor under detection and rules: detection itself, word lists, closed-class
words, furniture words. Nothing here imports rules, writers or executors."""
