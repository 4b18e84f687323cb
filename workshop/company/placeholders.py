"""``{{fact}}`` in the exercise bank: company numbers filled from named facts at bank load.

An author writes ``costs about {{ci_fix_cost}}`` and the learner reads ``costs about
$36,000``; when the profile or the data changes, the sentence follows. ``{{name:spec}}``
formats the fact's value with a Python format spec (``{{ci_fix_payback_weeks:.4f}}``
for a numeric answer). Names are listed in workshop/company/facts.py.
"""
from __future__ import annotations

import re
import warnings

PATTERN = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*(?::([^}]*))?\}\}")


def names_in(data) -> set[str]:
    """Every placeholder name used anywhere in a YAML structure."""
    if isinstance(data, str):
        return {m.group(1) for m in PATTERN.finditer(data)}
    if isinstance(data, dict):
        return set().union(*(names_in(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(names_in(v) for v in data)) if data else set()
    return set()


# A placeholder and the possessive written after it: ``{{company}}'s``; or the count noun after it
# (``{{incidents_peak_last}} times``), which agrees with a count of one: "once", "1 outage".
_SINGULAR = {"times": "time", "outages": "outage", "incidents": "incident", "engineers": "engineer", "weeks": "week",
             "days": "day", "months": "month", "hours": "hour", "minutes": "minute", "people": "person",
             "builds": "build", "deploys": "deploy", "failures": "failure", "peaks": "peak", "years": "year"}
_WITH_POSSESSIVE = re.compile(PATTERN.pattern + r"(?P<possessive>['\u2019]s\b)?"
                              r"(?P<count>[ \t](?:" + "|".join(_SINGULAR) + r")\b)?")


def fill_text(text: str, facts: dict) -> str:
    def one(match):
        fact = facts[match.group(1)]
        spec = match.group(2)
        filled = format(fact.value, spec) if spec else fact.text
        possessive = match.group("possessive") or ""
        noun = match.group("count") or ""
        if noun and not spec and filled == "1":  # "went down 1 times" reads as a bug, not as a count
            word = noun.strip()
            return "once" if word == "times" else f"1 {_SINGULAR[word]}"
        if possessive and filled.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            return filled + noun  # "St. Brigid's" is already possessive: never "St. Brigid's's"
        return filled + possessive + noun

    return _WITH_POSSESSIVE.sub(one, text)


def fill(data, facts: dict):
    """A copy of ``data`` with every placeholder in every string filled."""
    if isinstance(data, str):
        return fill_text(data, facts) if "{{" in data else data
    if isinstance(data, dict):
        return {k: fill(v, facts) for k, v in data.items()}
    if isinstance(data, list):
        return [fill(v, facts) for v in data]
    return data


def available_facts() -> dict | None:
    """The current facts, or None (with a warning) when the data cannot be read."""
    from workshop.company import facts
    from workshop.company.profiles import ProfileError
    from workshop.company.data import DataError

    global last_problem
    try:
        return facts.current()
    except (DataError, ProfileError) as exc:
        last_problem = str(exc)
        warnings.warn(f"Company numbers in the exercises can't be filled in: {exc}", stacklevel=3)
        return None


last_problem = ""
"""Why the facts could not be computed last time: the bank names it beside each file it affects."""
