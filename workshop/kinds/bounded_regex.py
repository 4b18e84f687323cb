r"""Authors' regular expressions, made safe to run on any answer: every ``*`` and ``+`` gets a bound.

A misconception's ``patterns`` are written by instructors in YAML. One innocent-looking
number idiom, ``\\d[\\d,.]*``, takes seconds on a pasted run of ``1,1,1,...`` (the regex
engine retries the whole run from every digit): one learner's answer could stall the room
summary for everyone. Rewriting ``*`` as ``{0,N}`` and ``+`` as ``{1,N}`` keeps each
attempt short, so a search is linear in the answer; no honest phrase is longer than N. A lookaround
(``^(?!.*cost)``: "no cost anywhere") and an "anything" span (``.*``, ``[\s\S]*``: "later in the
answer") keep their ``*``: bounding them would change what the pattern means, and alone they
cost one pass per start, not the retries that made ``\d[\d,.]*`` slow.
"""
from __future__ import annotations

LIMIT = 80  # characters one repeated piece of a pattern may span: longer than any phrase a pattern means


def bounded(pattern: str, limit: int = LIMIT) -> str:
    """``pattern`` with every unbounded ``*``/``+`` (outside character classes) given an upper bound."""
    if pattern.startswith(("^", "\\A")):
        return pattern  # anchored: tried at one place only ("^[^0-9]*$": no digit anywhere), never retried per start
    out, i, n = [], 0, len(pattern)
    groups: list[bool] = []  # for each open group: is it a lookaround? ("no cost anywhere" needs its '.*')
    while i < n:
        c = pattern[i]
        if c == "(":
            groups.append(pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i))
        elif c == ")" and groups:
            groups.pop()
        if c == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":  # a character class: copied as it is ('*' and '+' inside are literal)
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        if c in "*+" and not (i + 1 < n and pattern[i + 1] == "+"):  # leave a possessive '*+' alone
            previous = out[-1] if out else ""
            spans_anything = previous in (".", "[\\s\\S]", "[\\S\\s]", "[\\w\\W]", "[\\d\\D]")
            if previous and previous[-1] not in "(|" and not any(groups) and not spans_anything:
                out.append(f"{{{0 if c == '*' else 1},{limit}}}")
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)
