"""Money as the learner reads it, in the currency of the company in use.

A chart, a slider or a proposal that types "$" tells a Northway learner (pounds) the
wrong thing and breaks the trust the numbers earn. Everything that formats money for
the page asks here, so switching company switches every symbol at once.
"""
from __future__ import annotations

WORDS = {"USD": "US dollars", "GBP": "pounds", "EUR": "euros", "CAD": "Canadian dollars", "AUD": "Australian dollars"}
LABELS = {"USD": "US$", "CAD": "C$", "AUD": "A$"}  # where the bare symbol is ambiguous
MONEY_WORDS = ("dollar", "pound", "euro", "sterling")


def _profile():
    """The company in use, or None while its profile is broken (``workshop validate`` reports that)."""
    from workshop.company.profiles import ProfileError, profile

    try:
        return profile()
    except ProfileError:
        return None


def symbol() -> str:
    """``$`` or ``£``: the company's currency symbol (``$`` while the profile cannot be read)."""
    company = _profile()
    return company.currency_symbol if company else "$"


def label() -> str:
    """The currency for an axis or a field label: ``US$``, ``£``."""
    company = _profile()
    if company is None:
        return "$"
    return LABELS.get(company.currency, company.currency_symbol)


def words() -> str:
    """The currency in words, for a unit: ``US dollars``, ``pounds``."""
    company = _profile()
    if company is None:
        return "money"
    return WORDS.get(company.currency, company.currency)


def amount(value: float) -> str:
    """A whole amount for the page: ``$1,234``, ``£70,400``."""
    return f"{symbol()}{value:,.0f}"


def about(value: float, figures: int = 3) -> str:
    """An estimate for the page, to ``figures`` significant figures: ``about(441_791)`` is ``$442,000``.

    "About $441,791" claims a precision no estimate built on assumed shares and hourly costs has.
    """
    import math

    if not value or not math.isfinite(value):
        return amount(value or 0)
    return amount(round(value, figures - 1 - int(math.floor(math.log10(abs(value))))))


def is_money_unit(unit: str) -> bool:
    """Whether an exercise's unit is money, in any currency ("US dollars a year", "£", "pounds")."""
    lowered = (unit or "").lower()
    return any(s in lowered for s in "$£€") or any(word in lowered for word in MONEY_WORDS)


def number(value: float) -> str:
    """A number for feedback: thousands separators, never scientific notation, at most 4 significant figures
    after the point ("1,249,725", "2.8", "0.06114"). A learner reads "about 1.25e+06" as noise, not as money."""
    import math

    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    if not math.isfinite(value):
        return "an unbounded number" if math.isinf(value) else "not a number"
    if abs(value) >= 1000 or float(value).is_integer():
        return f"{value:,.0f}"
    digits = max(0, 3 - int(math.floor(math.log10(abs(value))))) if value else 0
    text = f"{round(value, digits):,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_MONEY_LEAD = ("US dollars", "Canadian dollars", "Australian dollars", "dollars", "dollar", "pounds sterling",
               "pounds", "pound", "sterling", "euros", "euro", "US$", "C$", "A$", "$", "£", "€")


def with_unit(value, unit: str) -> str:
    """A value and its unit as a learner reads it: "$1,249,725 a year" for a money unit, "2.8 weeks" otherwise.

    ``value`` is a number, or a number already written for the page ("587,000").
    """
    unit = (unit or "").strip()
    shown = value if isinstance(value, str) else number(value)
    if is_money_unit(unit):
        for lead in _MONEY_LEAD:
            if unit.lower().startswith(lead.lower()):
                rest = unit[len(lead):].strip()
                sign = "-" if shown.startswith("-") else ""
                return f"{sign}{symbol()}{shown.lstrip('-')}" + (f" {rest}" if rest else "")
    return f"{shown} {unit}".strip()
