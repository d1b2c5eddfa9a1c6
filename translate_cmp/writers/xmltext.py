"""Text that XML 1.0 can hold: characters it forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
become U+FFFD, so a sentence with a stray control character still gives a well-formed file."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
