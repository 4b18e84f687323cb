"""What a drifted number should now say: the guard's report, made specific.

The number guard (workshop/company/factcheck.py) finds a number that matches no fact and
names the nearest fact by value. After a switch of company, a better answer is
known: the number was the default company's fact, so the sentence should now give
the same fact for the company in use ("'46' was Larkspur's working_weeks_per_year;
for Northway it is 44"). This module adds that, and nothing else.
"""
from __future__ import annotations

import math
import os
from contextlib import contextmanager
from dataclasses import replace


@contextmanager
def _company(name: str):
    from workshop.company.profiles import COMPANY_ENV

    saved = os.environ.get(COMPANY_ENV)
    os.environ[COMPANY_ENV] = name
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(COMPANY_ENV, None)
        else:
            os.environ[COMPANY_ENV] = saved


def reference_facts() -> dict | None:
    """The default company's facts when another company is in use (None when it is the default, or unreadable)."""
    from workshop.company import facts
    from workshop.company.profiles import DEFAULT_COMPANY, ProfileError, profile_path
    from workshop.company.data import DataError

    if profile_path().resolve() == profile_path(DEFAULT_COMPANY).resolve():
        return None
    data_overrides = [k for k in os.environ if k.startswith("WORKSHOP_DATA_")]
    if data_overrides:  # the reference would read the instructor's CSVs, not Larkspur's
        return None
    try:
        with _company(DEFAULT_COMPANY):
            return facts.compute()
    except (ProfileError, DataError):
        return None


def explain(mismatches: list, reference: dict | None = None) -> list:
    """The mismatches, each naming the value it should now have where the reference company tells us."""
    from workshop.company import facts
    from workshop.company.profiles import DEFAULT_COMPANY, profile
    current = facts.current()
    reference = reference if reference is not None else reference_facts()
    if not reference:
        return [_by_context(m, current) for m in mismatches]
    old_name = DEFAULT_COMPANY.capitalize()
    new_name = profile().short_name
    out = []
    for m in mismatches:
        match = _was(m.number, reference, current, _near(m.context, m.number))
        if match is not None:
            now = current[match.name].text
            if m.number.lstrip("\\")[:1] in "$£€" and now[:1] not in "$£€":
                now = profile().currency_symbol + now
            m = replace(m, nearest=f"it was {old_name}'s {match.name}; for {new_name} it is {now}")
        else:
            m = _by_context(m, current)
        out.append(m)
    return out


def _was(number: str, reference: dict, current: dict, context: set[str] = frozenset()):
    """The reference company's fact this number states (money only matches money), the one the words around it name."""
    from workshop.company.factcheck import agrees, numbers_in

    written = next(iter(numbers_in(number.replace("\\", ""))), None)
    if written is None:
        return None
    candidates = []
    for fact in reference.values():
        if fact.name not in current or math.isnan(fact.value):
            continue
        if written.money != (fact.text[:1] in "$£€") and not (written.money and "hourly" in fact.name):
            continue
        if written.percent != fact.text.endswith("%") or agrees(written, current[fact.name].value):
            continue  # same value in both companies: the number is off for another reason (its unit, say)
        if agrees(written, fact.value):
            score = len(context & (_words(fact.name) | _words(fact.how.split("(")[0])))
            candidates.append((score, -abs(fact.value - written.value), fact))
    return max(candidates, key=lambda c: c[:2])[2] if candidates else None


GENERIC = {"per", "of", "a", "an", "the", "pct", "and", "to", "profile", "parameter", "at", "in", "on", "by", "x"}


def _words(text: str) -> set[str]:
    import re

    return {re.sub(r"(?:ed|ing|s)$", "", w) for w in re.findall(r"[a-z]+", text.lower()) if w not in GENERIC and len(w) > 2}


def _near(context: str, number: str) -> set[str]:
    """The words just around the number: three before it and four after."""
    at = context.find(number)
    if at < 0:
        return _words(context)
    before, after = context[:at].split()[-3:], context[at + len(number):].split()[:4]
    return _words(" ".join(before + after))


def _by_context(m, current: dict):
    """The fact the sentence is about, by the words around the number (a drift within one company).

    "48 working weeks" most likely meant working_weeks_per_year, even when another fact
    is nearer by value; a candidate must be within a factor of two of the number written.
    """
    from workshop.company.factcheck import numbers_in

    written = next(iter(numbers_in(m.number.replace("\\", ""))), None)
    if written is None or not written.value:
        return m
    context = _near(m.context, m.number)
    best, best_score = None, 0
    for fact in current.values():
        if math.isnan(fact.value) or not fact.value or abs(math.log(abs(fact.value) / abs(written.value))) > math.log(2):
            continue
        score = len(context & (_words(fact.name) | _words(fact.how.split("(")[0])))
        if score > best_score:
            best, best_score = fact, score
    if best is None:
        return m
    text = best.text
    if written.money and text[:1] not in "$£€":
        from workshop.company.profiles import profile

        text = profile().currency_symbol + text
    return replace(m, nearest=f"about {best.name}? it is {text} now; {m.nearest}")
