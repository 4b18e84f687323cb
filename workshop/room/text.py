"""Making untrusted learner strings safe to show: terminals get no control characters."""
from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (ESC starts terminal escape sequences), DEL, and the bidi/format characters
# (Unicode category Cf) that can reorder what a facilitator reads.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def for_terminal(value: object, limit: int = 120) -> str:
    """One printable line, at most ``limit`` characters: what a terminal may show of learner text."""
    text = value if isinstance(value, str) else repr(value)
    text = _CONTROL.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cs", "Co"))
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
