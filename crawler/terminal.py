"""What Gazette prints is safe for a terminal: control characters that come from pages, headers or URLs (an
escape sequence that clears the screen or retitles the window, a bell, a backspace, a bidi override that
reorders a line) are shown escaped (`\\x1b`), never sent raw. Newlines of Gazette's own multi-line output stay."""
from __future__ import annotations

import json
import re

# C0 controls but the newline, DEL, C1 controls, and the bidi embedding/override/isolate characters
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """The text with every unsafe character escaped (newlines kept)."""
    return UNSAFE.sub(_escape, str(text))


def printable_json(obj) -> str:
    """One JSON line in which no unsafe character appears raw (json.dumps leaves DEL, C1 and bidi characters)."""
    line = json.dumps(obj, ensure_ascii=False, default=str)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", line)
