"""The engine registry."""
