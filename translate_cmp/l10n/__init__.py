"""Localisation files: units (PO, XLIFF, TMX, bitext tables) through the pipeline.

``analyse``: a unit's language is its file's declared target language; ``placeholders``: inline markup
and format placeholders, masked before any engine sees a text and restored after.
"""
