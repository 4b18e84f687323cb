"""Error budgets and expected losses."""
from __future__ import annotations

from workshop.impact import _checks as check


def downtime_minutes(availability, days=30) -> float:
    """Minutes of downtime an availability target allows over ``days`` (the error budget).

    (1 - availability) × days × 24 × 60. 99.9% over 30 days allows 43.2 minutes; 99.99%
    allows 4.32 (Google SRE Book, 2016).
    """
    availability = check.number("availability", availability)
    if not 0 <= availability <= 1:
        raise ValueError(f"availability must be between 0 and 1 (got {availability:g}); write 99.9% as 0.999")
    return (1 - availability) * check.positive("days", days) * 24 * 60


def expected_loss(probability, impact) -> float:
    """Probability × impact: the average loss of a risk."""
    return check.probability("probability", probability) * check.non_negative("impact", impact)


def annualised_loss(events_per_year, loss_per_event) -> float:
    """Yearly rate × loss per event: annualised loss expectancy."""
    return check.non_negative("events_per_year", events_per_year) * check.non_negative("loss_per_event", loss_per_event)


def is_peak(day) -> bool:
    """Peak season: 20 November to 2 December (Black Friday to Cyber Monday week)."""
    return (day.month == 11 and day.day >= 20) or (day.month == 12 and day.day <= 2)


def season_revenue_a_minute(funnel, date: str = "date", revenue: str = "revenue"):
    """Revenue a minute in peak season (index True) and on other days (index False).

    Map an incident's ``peak_season`` through it to price each outage minute at its own
    season: ``incidents["peak_season"].map(season_revenue_a_minute(funnel))``.
    """
    import pandas as pd

    days = pd.to_datetime(funnel[date])
    peak = days.map(is_peak).astype(bool)
    by_season = funnel[revenue].groupby(peak).sum() / (peak.value_counts() * 24 * 60)
    return by_season.reindex([True, False]).fillna(0.0)
