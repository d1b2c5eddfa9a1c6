"""The rule registry: every artefact rule, registered in one place."""
