"""The one place document text is made safe to show in a terminal or the TUI.

Document text is data. Written to a terminal as is, an ESC sequence in it can clear the screen,
retitle the window or write the clipboard (OSC 52), and a bidi override can reorder what a
reader sees. Every renderer that prints document text (the CLI tables, trees and reports, `snap
log`, `blame`, the TUI) passes it through `visible`; markup escaping is then the renderer's
job (rich `Text` objects, `markup=False` or `rich.markup.escape`), since this module is core and
knows no rich. JSON and Markdown output keep the text verbatim; only a terminal needs this.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings/overrides U+202A-202E
# and isolates U+2066-2069; the line and paragraph separators a terminal may treat as breaks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _shown(match: re.Match[str]) -> str:
    char = match.group(0)
    return f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}"


def visible(text: str) -> str:
    """`text` with every control character shown as a `\\xNN` / `\\uNNNN` escape, so an ESC
    sequence reads as what it is (`\\x1b[2J`) and does nothing; CRLF and CR become newlines
    (a bare CR would rewind the line over what was printed); tab and newline are kept. Text
    without control characters is returned unchanged."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_shown, text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """`visible`, with newlines and tabs shown too: for a table cell, a title or an error line."""
    return visible(text).replace("\n", "\\n").replace("\t", " ")
