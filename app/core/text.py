"""Text that cannot be stored or printed as it is, made into text that can.

Python strings can hold lone surrogates: bytes that were not valid UTF-8 arrive
that way from the command line or a non-UTF-8 terminal (surrogateescape), and
"\\ud800" can come out of JSON or a paste. SQLite, a terminal and the engine all
need valid UTF-8, and refusing the user's words would lose them, so each such
character becomes U+FFFD (the replacement character, shown as �) and the rest of
the text is kept exactly. A proper surrogate pair (an emoji split in two) is
joined back into its character.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """The text with every character that is not valid Unicode replaced by U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    # UTF-16 pairs surrogates that belong together; those left alone become U+FFFD.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def decode_input(data: bytes, encoding: str | None = None) -> str:
    """Bytes typed or piped in (standard input) as text: invalid sequences become U+FFFD."""
    return clean_text(data.decode(encoding or "utf-8", "replace"))
