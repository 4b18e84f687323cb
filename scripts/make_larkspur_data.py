"""Generate Larkspur Outfitters' data from a fixed seed: `python scripts/make_larkspur_data.py`.

Every parameter is listed in PARAMETERS with where it comes from: a cited figure in
shared/references/figures.md, or, where no published figure exists, a labelled
assumption about this fictional company's own scale. The CSVs are committed; a test
regenerates them and checks they are byte-identical, so the script stays the truth.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2026
OUT = Path(__file__).resolve().parent.parent / "exercises" / "data"

PARAMETERS = {
    "engineers": (30, "CURRICULUM.md: Larkspur has about 30 engineers"),
    "ci_weeks": (12, "CURRICULUM.md: 12 weeks of CI runs"),
    "builds_per_engineer_day": (4.8, "figures.md waiting-cost example: 24 builds a day for 5 developers"),
    "build_minutes_median": (22.0, "assumption: Larkspur's builds are about twice the ~10 minutes seen as acceptable (Ghaleb et al., 2019)"),
    "queue_minutes_mean": (4.0, "assumption: Larkspur's runner queue; longer at peak hours"),
    "ci_failure_rate": (0.12, "assumption: Larkspur's share of failed CI runs, half of them flaky reruns"),
    "deploys_per_week": (2.0, "assumption placing Larkspur in DORA 2019's 'high' band (daily to weekly), figures.md"),
    "lead_time_days_median": (3.0, "assumption in DORA 2019's 'high' band for lead time (1 day to 1 week), figures.md"),
    "change_failure_rate": (0.2, "assumption between DORA 2019's 0-15% and 46-60% bands, figures.md"),
    "restore_minutes_median": (90.0, "assumption within DORA 2019's 'less than one day' restore bands, figures.md"),
    "peak_incident_multiplier": (3.4, "figures.md: Cyber Monday traffic about 3.4x an average holiday-season day (Adobe, 2023)"),
    "sessions_per_day": (40_000, "assumption: Larkspur's scale, a mid-size online retailer"),
    "holiday_season_multiplier": (1.4, "assumption: holiday-season traffic over the rest of the year"),
    "cyber_week_multiplier": (3.4, "figures.md: Cyber Monday about 3.4x an average holiday-season day (Adobe, 2023)"),
    "page_load_seconds": (2.2, "assumption: Larkspur's median checkout page load"),
    "sales_per_100ms": (0.01, "figures.md: +100 ms -> about -1% sales (G. Linden, Amazon, 2006)"),
    "conversion_rate": (0.025, "assumption: Larkspur's session-to-order conversion"),
    "average_order_value": (85.0, "assumption: Larkspur's average order, outdoor gear"),
}


def p(name):
    return PARAMETERS[name][0]


def ci_runs(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.bdate_range("2025-09-01", periods=p("ci_weeks") * 5)
    rows = []
    for day in days:
        for engineer in range(1, p("engineers") + 1):
            for _ in range(rng.poisson(p("builds_per_engineer_day"))):
                start = day + pd.Timedelta(minutes=int(rng.integers(9 * 60, 18 * 60)))
                busy = start.hour in (10, 11, 14, 15)
                queue = rng.exponential(p("queue_minutes_mean") * (1.75 if busy else 1))
                build = rng.lognormal(np.log(p("build_minutes_median")), 0.35)
                failed = rng.random() < p("ci_failure_rate")
                rows.append((start, f"e{engineer:02d}", queue, build, "failed" if failed else "passed", False))
                if failed and rng.random() < 0.5:  # a flaky failure, run again
                    rerun_start = (start + pd.Timedelta(minutes=queue + build + 2)).floor("min")
                    rows.append((rerun_start, f"e{engineer:02d}", rng.exponential(p("queue_minutes_mean")),
                                 rng.lognormal(np.log(p("build_minutes_median")), 0.35), "passed", True))
    table = pd.DataFrame(rows, columns=["started_at", "engineer", "queue_minutes", "build_minutes", "status", "is_rerun"])
    table = table.sort_values("started_at", kind="stable").reset_index(drop=True)
    table.insert(0, "run_id", np.arange(1, len(table) + 1))
    return table.round({"queue_minutes": 1, "build_minutes": 1})


def is_peak(ts: pd.Timestamp) -> bool:
    """Peak season: Black Friday to Cyber Monday week (late November)."""
    return ts.month == 11 and ts.day >= 20 or ts.month == 12 and ts.day <= 2


def deploys_and_incidents(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    weeks = pd.date_range("2024-01-01", "2025-12-29", freq="W-MON")
    deploys, incidents = [], []
    for week in weeks:
        for _ in range(rng.poisson(p("deploys_per_week"))):
            deployed = week + pd.Timedelta(days=int(rng.integers(0, 5)), hours=int(rng.integers(9, 18)))
            lead = pd.Timedelta(hours=float(rng.lognormal(np.log(p("lead_time_days_median") * 24), 0.6)))
            rate = p("change_failure_rate") * (1.5 if is_peak(deployed) else 1)
            failed = bool(rng.random() < rate)
            deploys.append((deployed - lead, deployed, failed))
            if failed:
                incidents.append((deployed + pd.Timedelta(minutes=int(rng.integers(5, 240))), "deploy"))
        # capacity and dependency incidents, more frequent at peak traffic
        extra_rate = 0.3 * (p("peak_incident_multiplier") * p("holiday_season_multiplier") if is_peak(week) else 1)
        for _ in range(rng.poisson(extra_rate)):
            incidents.append((week + pd.Timedelta(days=int(rng.integers(0, 7)), hours=int(rng.integers(0, 24))),
                              str(rng.choice(["capacity", "dependency"]))))
    deploy_table = pd.DataFrame(deploys, columns=["committed_at", "deployed_at", "caused_incident"])
    deploy_table = deploy_table.sort_values("deployed_at", kind="stable").reset_index(drop=True)
    deploy_table.insert(0, "deploy_id", np.arange(1, len(deploy_table) + 1))
    deploy_table["committed_at"] = deploy_table["committed_at"].dt.floor("min")
    incident_table = pd.DataFrame(incidents, columns=["started_at", "cause"]).sort_values("started_at", kind="stable")
    incident_table = incident_table.reset_index(drop=True)
    incident_table.insert(0, "incident_id", np.arange(1, len(incident_table) + 1))
    minutes = rng.lognormal(np.log(p("restore_minutes_median")), 0.8, size=len(incident_table))
    incident_table["minutes_to_restore"] = np.maximum(5, minutes).round(0).astype(int)
    incident_table["peak_season"] = incident_table["started_at"].map(is_peak)
    return deploy_table, incident_table


def checkout_funnel(rng: np.random.Generator) -> pd.DataFrame:
    dates = pd.date_range("2024-01-01", "2025-12-31", freq="D")
    rows = []
    for date in dates:
        season = p("holiday_season_multiplier") if (date.month == 11 and date.day >= 15) or date.month == 12 and date.day <= 24 else 1
        traffic = season * (p("cyber_week_multiplier") if is_peak(date) else 1)
        sessions = int(rng.normal(p("sessions_per_day") * traffic, p("sessions_per_day") * 0.05))
        load = max(1.0, rng.normal(p("page_load_seconds") + 0.25 * (traffic - 1), 0.15))
        slowdown = p("sales_per_100ms") * (load - p("page_load_seconds")) / 0.1
        conversion = p("conversion_rate") * (1 - slowdown) * rng.normal(1, 0.04)
        orders = int(max(0, sessions * conversion))
        revenue = round(orders * p("average_order_value") * rng.normal(1, 0.03), 2)
        rows.append((date.date(), sessions, round(load, 2), orders, revenue))
    return pd.DataFrame(rows, columns=["date", "sessions", "page_load_seconds", "orders", "revenue"])


def backlog() -> pd.DataFrame:
    """Larkspur's competing work; cost of delay per week in dollars, sizes in weeks of the team."""
    return pd.DataFrame([
        ("checkout-resilience", "Make checkout survive peak traffic", 40_000, 6),
        ("ci-speedup", "Cut CI build time to ~10 minutes", 9_000, 3),
        ("flaky-tests", "Quarantine and fix flaky tests", 4_000, 2),
        ("search-relevance", "Improve search relevance", 12_000, 8),
        ("gift-cards", "Launch digital gift cards", 15_000, 5),
        ("returns-portal", "Self-service returns portal", 6_000, 4),
        ("mobile-speed", "Mobile product pages 0.5 s faster", 18_000, 6),
        ("pricing-launch", "Q3 pricing launch", 25_000, 10),
    ], columns=["item", "description", "cost_of_delay_per_week", "duration_weeks"])


def generate() -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(SEED)
    deploys, incidents = deploys_and_incidents(rng)
    return {
        "ci_runs": ci_runs(rng),
        "deploys": deploys,
        "incidents": incidents,
        "checkout_funnel": checkout_funnel(rng),
        "backlog": backlog(),
    }


def write(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in generate().items():
        path = out / f"{name}.csv"
        table.to_csv(path, index=False, lineterminator="\n", date_format="%Y-%m-%d %H:%M:%S")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    for path in write(target):
        print(f"{path} ({path.stat().st_size // 1000} KB)")
