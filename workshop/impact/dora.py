"""The four DORA metrics from deploy and incident tables, each with its 2019 band.

Bands: Accelerate State of DevOps Report (DORA / Google Cloud, 2019). Elite: deploy on
demand, lead time under a day, restore under an hour, change failure 0-15%; low:
monthly to six-monthly deploys, lead time 1-6 months, restore 1 week to 1 month,
change failure 46-60% (full reference: docs/sources.md).
"""
from __future__ import annotations

from dataclasses import dataclass

SOURCE = "Accelerate State of DevOps Report (DORA / Google Cloud, 2019)"


@dataclass(frozen=True)
class DoraMetric:
    name: str
    value: float
    unit: str
    band: str

    def __str__(self) -> str:
        return f"{self.name}: {self.value:,.2f} {self.unit} ({self.band}; {SOURCE})"


def _times(table, column: str):
    import pandas as pd  # lazily: only DORA needs pandas

    if column not in table:
        raise ValueError(f"the table needs a '{column}' column; it has {list(table.columns)}")
    return pd.to_datetime(table[column])


def deployment_frequency(deploys, deployed_at: str = "deployed_at") -> DoraMetric:
    """Deploys per week over the span of the table."""
    times = _times(deploys, deployed_at)
    if times.empty:
        raise ValueError("there are no deploys in the table")
    weeks = max((times.max() - times.min()).total_seconds() / (7 * 86400), 1 / 7)
    per_week = len(times) / weeks
    band = "elite" if per_week >= 7 else "high" if per_week >= 1 else "medium" if per_week >= 7 / 30 else "low"
    return DoraMetric("deployment frequency", per_week, "deploys per week", band)


def lead_time_for_changes(deploys, committed_at: str = "committed_at",
                          deployed_at: str = "deployed_at") -> DoraMetric:
    """Median hours from commit to running in production."""
    hours = (_times(deploys, deployed_at) - _times(deploys, committed_at)).dt.total_seconds() / 3600
    if (hours < 0).any():
        raise ValueError("some deploys happen before their commit; check the two time columns")
    median = float(hours.median())
    band = "elite" if median < 24 else "high" if median < 24 * 7 else "medium" if median < 24 * 30 else "low"
    return DoraMetric("lead time for changes", median, "hours (median)", band)


def change_failure_rate(deploys, failed: str = "caused_incident") -> DoraMetric:
    """Share of deploys that caused a failure in production."""
    if failed not in deploys:
        raise ValueError(f"the table needs a '{failed}' column of True/False")
    rate = float(deploys[failed].astype(bool).mean())
    band = "elite to medium (0-15%)" if rate <= 0.15 else "low (46-60%)" if rate >= 0.46 else "between the 2019 bands (16-45%)"
    return DoraMetric("change failure rate", rate, "of deploys", band)


def time_to_restore(incidents, minutes: str = "minutes_to_restore") -> DoraMetric:
    """Median hours to restore service after an incident."""
    if minutes not in incidents:
        raise ValueError(f"the table needs a '{minutes}' column")
    if (incidents[minutes] < 0).any():
        raise ValueError(f"'{minutes}' cannot be negative")
    median = float(incidents[minutes].median()) / 60
    band = "elite" if median < 1 else "high or medium" if median < 24 else "low" if median >= 24 * 7 else "between high and low"
    return DoraMetric("time to restore service", median, "hours (median)", band)
