"""The command line: a thin click layer over the library (``app`` holds the group and ``main``)."""
